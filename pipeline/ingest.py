"""Reading seed files: listing, hashing and decoding bytes into text, or saying why not."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from charset_normalizer import from_bytes

DEFAULT_MAX_BYTES = 5_000_000


class IngestError(ValueError):
    """A seed file that cannot become a document; the message is the quarantine reason."""


@dataclass(frozen=True)
class SeedFile:
    source_path: str
    data: bytes

    @property
    def doc_id(self) -> str:
        return doc_id_for(self.source_path)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def doc_id_for(source_path: str) -> str:
    """The path under the seeds folder without its extension, so it survives edits."""
    path = PurePosixPath(source_path)
    return str(path.with_suffix("")) if path.suffix else str(path)


def list_seed_paths(seeds_dir: Path, exclude: frozenset[str] = frozenset()) -> list[str]:
    """Every visible file under the seeds folder but `exclude`, as sorted POSIX paths relative to it."""
    paths = []
    for path in seeds_dir.rglob("*"):
        rel = path.relative_to(seeds_dir)
        if path.is_file() and not any(part.startswith(".") for part in rel.parts) and rel.as_posix() not in exclude:
            paths.append(rel.as_posix())
    return sorted(paths)


def read_seeds(seeds_dir: Path, exclude: frozenset[str] = frozenset()) -> list[SeedFile]:
    return [SeedFile(p, (seeds_dir / p).read_bytes()) for p in list_seed_paths(seeds_dir, exclude)]


def decode(data: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, str]:
    """Decode raw bytes to (text, encoding name), or raise IngestError with the reason.

    UTF-8 (with or without a byte-order mark) is tried first because it is by far the most
    common and never decodes legacy text by accident; anything else goes to charset-normalizer.
    """
    if not data:
        raise IngestError("The file is empty.")
    if len(data) > max_bytes:
        raise IngestError(f"The file is {len(data):,} bytes, over the {max_bytes:,}-byte limit.")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode_utf16(data)
    if b"\x00" in data:
        raise IngestError("The file is binary (it contains NUL bytes), not text.")
    try:
        return data.decode("utf-8-sig"), "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise IngestError("The file's bytes match no known text encoding.")
    return str(best), best.encoding


def _decode_utf16(data: bytes) -> tuple[str, str]:
    try:
        return data.decode("utf-16"), "utf-16"
    except UnicodeDecodeError as exc:
        raise IngestError(f"The file has a UTF-16 byte-order mark but does not decode: {exc.reason}.") from exc


def file_state(seeds: list[SeedFile]) -> dict[str, str]:
    return {s.source_path: s.sha256 for s in seeds}
