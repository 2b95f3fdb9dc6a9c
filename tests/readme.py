"""The README's code blocks, for the tests that run them."""

import re

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
SQL_BLOCKS = re.findall(r"```sql\n(.*?)```", README, flags=re.S)


def commands() -> list[str]:
    """Every command line of the README's ```bash blocks, without comments."""
    lines = []
    for block in re.findall(r"```bash\n(.*?)```", README, flags=re.S):
        for line in block.splitlines():
            command = re.sub(r"\s+#.*$", "", line).strip()
            if command and not command.startswith("#"):
                lines.append(command)
    return lines


def command_with(fragment: str) -> str:
    """The one README command that contains `fragment`."""
    found = [c for c in commands() if fragment in c]
    assert len(found) == 1, f"README commands containing {fragment!r}: {found}"
    return found[0]
