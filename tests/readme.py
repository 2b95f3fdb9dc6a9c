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


def layout_paths() -> set[str]:
    """The repository paths the README's Layout block names: folders (ending in /) and modules,
    each under the folder above it by two spaces of indent; several modules may share a line."""
    block = re.search(r"## Layout\n.*?```\n(.*?)```", README, flags=re.S).group(1)
    paths, parents = set(), []
    for line in block.splitlines():
        depth = (len(line) - len(line.lstrip(" "))) // 2
        del parents[depth:]
        names = re.match(r"((?:[\w.]+/?)(?: [\w.]+\.py)*)", line.strip()).group(1).split(" ")
        for name in names:
            paths.add("".join(parents) + name)
        if names[-1].endswith("/"):
            parents.append(names[-1])
    return paths
