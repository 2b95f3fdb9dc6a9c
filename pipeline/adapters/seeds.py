"""The seeds folder, where users drop raw article text files."""

from __future__ import annotations

from pathlib import Path

import dagster as dg

from pipeline.ingest import DEFAULT_MAX_BYTES, SeedFile, file_state, read_seeds

PROJECT_ROOT = Path(__file__).resolve().parents[2]


class Seeds(dg.ConfigurableResource):
    """Seed files under `path` (PIPELINE_SEEDS_DIR); relative paths start at the project root."""

    path: str = "seeds"
    max_bytes: int = DEFAULT_MAX_BYTES

    @property
    def folder(self) -> Path:
        p = Path(self.path)
        return p if p.is_absolute() else PROJECT_ROOT / p

    def read(self) -> list[SeedFile]:
        return read_seeds(self.folder)

    def state(self) -> dict[str, str]:
        """source_path -> sha256 of every seed file, for change detection."""
        return file_state(self.read())
