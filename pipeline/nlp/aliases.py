"""The user's alias file: variant names that are one entity, whatever the text or spaCy says.

Format (TOML), one canonical name per key:

    [aliases]
    "Lee Jae-yong" = ["Jay Y. Lee", "Jay Lee"]
"""

from __future__ import annotations

import tomllib

from pipeline.nlp.mentions import normalise

ALIAS_FILE = "aliases.toml"


class AliasFileError(ValueError):
    pass


def parse_aliases(text: str) -> dict[str, str]:
    """Normalised variant (and canonical name) -> canonical name."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise AliasFileError(f"{ALIAS_FILE} is not valid TOML: {exc}") from exc
    table = data.get("aliases", {})
    if not isinstance(table, dict) or not all(isinstance(v, list) and all(isinstance(x, str) for x in v) for v in table.values()):
        raise AliasFileError(f'{ALIAS_FILE} needs an [aliases] table of "Canonical Name" = ["variant", ...].')
    mapping = {}
    for canonical, variants in table.items():
        for name in [canonical, *variants]:
            mapping[normalise(name)] = canonical
    return mapping
