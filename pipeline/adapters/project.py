"""The project folder (the repository root), where the settings' relative paths start, and how a
setting is declared."""

from pathlib import Path

from pydantic import Field
from pydantic.fields import FieldInfo

_CHECKOUT = Path(__file__).resolve().parents[2]
# In a checkout (an editable install), its root; installed elsewhere, the folder it runs in.
ROOT = _CHECKOUT if (_CHECKOUT / "pyproject.toml").is_file() else Path.cwd()


def project_path(path: str | Path) -> Path:
    """`path` itself if absolute, else under ROOT."""
    path = Path(path)
    return path if path.is_absolute() else ROOT / path


def setting(default: object, env: str, what: str, shown_default: str | None = None) -> FieldInfo:
    """A resource field set by environment variable `env`: where each setting is declared, and
    what the README's configuration table is tested against."""
    return Field(default=default, description=what, json_schema_extra={"env": env, "shown_default": shown_default or f"`{default}`"})


def environment_variable(field: FieldInfo) -> str | None:
    """The variable a field declared with `setting` is read from; None for other fields."""
    return field.json_schema_extra.get("env") if isinstance(field.json_schema_extra, dict) else None
