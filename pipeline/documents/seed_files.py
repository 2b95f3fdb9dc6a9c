"""Reading seed files: listing the folder, naming and hashing its entries, and decoding bytes into
text, or saying why not."""

from __future__ import annotations

import hashlib
import os
import re
import stat
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import NamedTuple

from charset_normalizer import from_bytes

DEFAULT_MAX_BYTES = 5_000_000
# Legacy text decoded as UTF-8 (the dev pages in 22 codecs) holds at most one accidental valid
# multi-byte sequence per 40 invalid bytes over a page, per 2 over 200 bytes of CJK; a UTF-8 page
# with a damaged byte or two holds dozens of valid sequences.
_UTF8_EVIDENCE = 2
# Share of a UTF-16 decoding that must be printable text for a file without a byte-order mark.
_UTF16_PRINTABLE = 0.95
_ESCAPED = re.compile("[\udc80-\udcff]")  # how surrogateescape keeps an invalid byte
_NON_ASCII = re.compile("[^\x00-\x7f]")
_KINDS = {
    stat.S_IFDIR: "a folder",
    stat.S_IFIFO: "a FIFO (named pipe)",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
}


class IngestError(ValueError):
    """A seed file that cannot become a document; the message is the quarantine reason."""


class SeedsFolderError(ValueError):
    """The seeds folder is missing or is not a folder: nothing can be ingested, so nothing is published."""


@dataclass(frozen=True)
class SeedFile:
    source_path: str
    data: bytes
    doc_id: str
    problem: str | None = None
    """Why the entry was not read (a link leaving the folder, a FIFO, ...): its quarantine reason."""

    @property
    def sha256(self) -> str | None:
        return None if self.problem else hashlib.sha256(self.data).hexdigest()


@dataclass(frozen=True)
class SeedEntry:
    """Where an entry of the folder is, the name it is stored under, and why it is not read (None: it is)."""

    path: Path
    source_path: str
    problem: str | None


class Decoded(NamedTuple):
    text: str
    encoding: str
    replaced_bytes: int = 0
    """Bytes that were not valid in `encoding` and became U+FFFD."""


def doc_id_for(source_path: str) -> str:
    """The id a file would like: its path under the seeds folder without a `.txt` extension."""
    path = PurePosixPath(source_path)
    return str(path.with_suffix("")) if path.suffix.lower() == ".txt" else source_path


def doc_ids(source_paths: Iterable[str]) -> dict[str, str]:
    """source_path -> doc_id, unique across the folder: `doc_id_for`, except that files that
    would share an id take their whole path, repeated until no two share one (whole paths are
    unique, so it ends). Depends only on the set of paths."""
    ids = {path: doc_id_for(path) for path in source_paths}
    while True:
        counts = Counter(ids.values())
        clashing = [path for path, doc_id in ids.items() if counts[doc_id] > 1 and doc_id != path]
        if not clashing:
            return ids
        ids.update((path, path) for path in clashing)


def source_name(relative: str) -> str:
    """A relative path as text: bytes of the name that are not UTF-8 (which the file system keeps
    as surrogate escapes) written as `\\xe9`, so that the name can be stored and stays the same
    from run to run."""
    return os.fsencode(relative).decode("utf-8", "backslashreplace")


def entry_problem(mode: int, target_mode: int | None = None, inside: bool = True) -> str | None:
    """Why an entry of the seeds folder is not read as a file; None when it is. `mode` is the
    entry's own (lstat); for a symbolic link, `target_mode` is what it points to (None: nothing)
    and `inside` whether that is inside the seeds folder."""
    if stat.S_ISREG(mode):
        return None
    if not stat.S_ISLNK(mode):
        return f"The entry is {_kind(mode)}, not a regular file; it was not opened."
    if target_mode is None:
        return "The entry is a symbolic link whose target does not exist (or is a loop of links); it was not followed."
    if not inside:
        return "The entry is a symbolic link to a path outside the seeds folder; it was not followed."
    if stat.S_ISREG(target_mode):
        return None
    return f"The entry is a symbolic link to {_kind(target_mode)}, not to a regular file; it was not followed."


def _kind(mode: int) -> str:
    return _KINDS.get(stat.S_IFMT(mode), "a special file")


def check_folder(folder: Path) -> Path:
    """`folder` resolved, or SeedsFolderError naming it when it is missing or not a folder."""
    if not folder.exists():
        raise SeedsFolderError(f"The seeds folder {folder} does not exist.")
    if not folder.is_dir():
        raise SeedsFolderError(f"The seeds folder {folder} is not a folder.")
    return folder.resolve()


def list_seed_entries(seeds_dir: Path, exclude: frozenset[str] = frozenset()) -> list[SeedEntry]:
    """Every visible entry under the seeds folder but `exclude` and the folders that hold them,
    sorted by source_path. Python 3.11's rglob lists a symbolic link to a folder without
    descending into it; the link itself is an entry, like any other link, FIFO or socket."""
    root = check_folder(seeds_dir)
    entries = []
    for path in root.rglob("*"):
        rel = path.relative_to(root)
        if any(part.startswith(".") for part in rel.parts) or rel.as_posix() in exclude:
            continue
        mode = path.lstat().st_mode
        if not stat.S_ISDIR(mode):
            entries.append(SeedEntry(path, source_name(rel.as_posix()), _problem(path, mode, root)))
    return sorted(entries, key=lambda e: e.source_path)


def _problem(path: Path, mode: int, root: Path) -> str | None:
    if not stat.S_ISLNK(mode):
        return entry_problem(mode)
    try:
        target_mode = path.stat().st_mode
    except OSError:
        return entry_problem(mode, None)
    return entry_problem(mode, target_mode, Path(os.path.realpath(path)).is_relative_to(root))


def list_seed_paths(seeds_dir: Path, exclude: frozenset[str] = frozenset()) -> list[str]:
    """The source_path of every entry `list_seed_entries` gives."""
    return [e.source_path for e in list_seed_entries(seeds_dir, exclude)]


def read_seeds(seeds_dir: Path, exclude: frozenset[str] = frozenset()) -> list[SeedFile]:
    """Every entry of the folder, read when it is a file to read, each with its doc_id."""
    entries = list_seed_entries(seeds_dir, exclude)
    ids = doc_ids(e.source_path for e in entries)
    return [_read(e, ids[e.source_path]) for e in entries]


def _read(entry: SeedEntry, doc_id: str) -> SeedFile:
    if entry.problem:
        return SeedFile(entry.source_path, b"", doc_id, entry.problem)
    try:
        return SeedFile(entry.source_path, entry.path.read_bytes(), doc_id)
    except OSError as exc:
        return SeedFile(entry.source_path, b"", doc_id, f"The file could not be read: {exc.strerror}.")


def decode(data: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> Decoded:
    """Decode raw bytes, or raise IngestError with the reason.

    UTF-8 (with or without a byte-order mark) is tried first because it is by far the most
    common and never decodes legacy text by accident; then UTF-8 with a few damaged bytes, which
    charset-normalizer would read as a legacy codec. Anything else goes to charset-normalizer.
    """
    if not data:
        raise IngestError("The file is empty.")
    if len(data) > max_bytes:
        raise IngestError(f"The file is {len(data):,} bytes, over the {max_bytes:,}-byte limit.")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode_utf16(data)
    if b"\x00" in data:
        return _utf16_without_bom(data)
    utf8 = "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
    try:
        return Decoded(data.decode(utf8), utf8)
    except UnicodeDecodeError:
        pass
    invalid = _mostly_utf8(data)
    if invalid is not None:
        return Decoded(data.decode(utf8, "replace"), utf8, invalid)
    best = from_bytes(data).best()
    if best is None:
        raise IngestError("The file's bytes match no known text encoding.")
    return Decoded(str(best), best.encoding)


def _mostly_utf8(data: bytes) -> int | None:
    """How many bytes of `data` are not valid UTF-8, when the valid multi-byte sequences outnumber
    them by far (UTF-8 with a few damaged bytes); None when the file looks like a legacy codec."""
    escaped = data.decode("utf-8", "surrogateescape")  # one surrogate per invalid byte
    invalid = len(_ESCAPED.findall(escaped))
    multibyte = len(_NON_ASCII.findall(escaped)) - invalid
    return invalid if multibyte >= _UTF8_EVIDENCE * invalid else None


def _decode_utf16(data: bytes) -> Decoded:
    try:
        return Decoded(data.decode("utf-16"), "utf-16")
    except UnicodeDecodeError as exc:
        raise IngestError(f"The file has a UTF-16 byte-order mark but does not decode: {exc.reason}.") from exc


def _utf16_without_bom(data: bytes) -> Decoded:
    """UTF-16 text without a byte-order mark, recognised by its NUL bytes (the high byte of every
    ASCII character) all falling on one side of each pair, and by decoding into printable text;
    IngestError for anything else with NUL bytes."""
    nul_even, nul_odd = data[0::2].count(0), data[1::2].count(0)
    encoding = "utf-16-le" if nul_even < nul_odd else "utf-16-be"
    if len(data) % 2 == 0 and min(nul_even, nul_odd) * 20 <= max(nul_even, nul_odd):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            text = ""
        if text and _printable_share(text) >= _UTF16_PRINTABLE:
            return Decoded(text, encoding)
    raise IngestError("The file is binary (it contains NUL bytes), not text.")


def _printable_share(text: str) -> float:
    return sum(c.isprintable() or c in "\t\n\r\f" for c in text) / len(text)


def file_state(seeds: list[SeedFile]) -> dict[str, str]:
    """source_path -> sha256 of the bytes; an entry that is not read is known by its reason."""
    return {s.source_path: s.sha256 or s.problem for s in seeds}
