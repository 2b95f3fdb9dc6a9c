"""The seeds folder, where users drop raw article text files."""

from __future__ import annotations

from pathlib import Path

import dagster as dg
import polars as pl

from pipeline.adapters.project import project_path, setting
from pipeline.documents.seed_files import (
    DEFAULT_MAX_BYTES,
    SeedFile,
    file_state,
    list_seed_paths,
    read_seeds,
)
from pipeline.nlp.aliases import ALIAS_FILE, parse_aliases


class Seeds(dg.ConfigurableResource):
    """Seed files under `path`. Reading a folder that is missing or not a folder raises
    SeedsFolderError naming it."""

    path: str = setting("seeds", "PIPELINE_SEEDS_DIR", "folder of raw article texts (relative paths start at the repo root)")
    max_bytes: int = DEFAULT_MAX_BYTES

    @property
    def folder(self) -> Path:
        return project_path(self.path)

    def read(self) -> list[SeedFile]:
        """Every article entry (the alias file is configuration, not an article)."""
        return read_seeds(self.folder, exclude=frozenset({ALIAS_FILE}))

    def files(self) -> pl.DataFrame:
        """source_path of every article entry in the folder."""
        return pl.DataFrame({"source_path": list_seed_paths(self.folder, exclude=frozenset({ALIAS_FILE}))}, schema={"source_path": pl.String})

    def aliases(self) -> dict[str, str]:
        path = self.folder / ALIAS_FILE
        return parse_aliases(path.read_text(encoding="utf-8")) if path.is_file() else {}

    def state(self) -> dict[str, str]:
        """path -> sha256 of every entry in the folder, the alias file included, for change detection."""
        return file_state(read_seeds(self.folder))
