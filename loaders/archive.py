"""Uploaded files to data files, in memory: YAML files as they are, zips unpacked with limits.

Nothing is written to disk. A zip is refused whole when it is larger than the limit, holds too
many entries or unpacks to too much; single entries are refused (and listed) when their path is
absolute, climbs out with `..`, is a link, or has control characters; non-YAML entries are ignored
and listed. A zip of a data folder may have any folder above the data (`my-data/cities/...`).
"""

from __future__ import annotations

import io
import re
import stat
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from loaders.issues import ROOT_PATH, Issue
from loaders.limits import DEFAULT_LIMITS, MB, Limits
from loaders.sources import KIND_FOLDERS, THEMES_NAMES, YAML_SUFFIXES, SourceFile

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_PARTNERSHIP_KEYS = re.compile(rb"^(cities|kind|sessions)\s*:", re.MULTILINE)
_CHUNK = 64 * 1024


class UploadRefusedError(Exception):
    """The whole upload is refused (size, entry count, unpacked size)."""


@dataclass
class UploadedData:
    files: list[SourceFile] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    unpacked: int = 0  # bytes taken from all uploads together, against limits.max_unzipped_bytes

    @property
    def has_themes(self) -> bool:
        return any(f.kind == "themes" for f in self.files)


def read_upload(uploads: list[tuple[str, bytes]], limits: Limits = DEFAULT_LIMITS) -> UploadedData:
    """Data files from uploaded (name, bytes) pairs: YAML files and zips of a data folder."""
    result = UploadedData()
    for name, data in uploads:
        lower = name.lower()
        if lower.endswith(".zip"):
            _unzip(name, data, limits, result)
        elif lower.endswith(YAML_SUFFIXES):
            result.unpacked += len(data)
            if result.unpacked > limits.max_unzipped_bytes:
                raise UploadRefusedError(_too_big("the upload", limits))
            result.files.append(SourceFile(_place_single(name, data), data))
        else:
            result.issues.append(_ignored(name, "ignored: upload YAML files or a .zip of a data folder"))
    _drop_misplaced(result)
    _drop_duplicates(result)
    return result


def _drop_misplaced(result: UploadedData) -> None:
    """Files the loader would not know what to do with (THEMES.YML, old/cities/x.yaml) are listed."""
    kept = []
    for file in result.files:
        if file.kind is not None:
            kept.append(file)
        elif not file.path.endswith(YAML_SUFFIXES):
            result.issues.append(
                _ignored(file.path, "ignored: data files end in .yaml or .yml, in lower case")
            )
        else:
            where = "themes.yaml, cities/<id>.yaml, partnerships/<id>.yaml"
            result.issues.append(_ignored(file.path, f"ignored: outside the data folder ({where})"))
    result.files = kept


def _place_single(name: str, data: bytes) -> str:
    """Where a loose YAML file belongs: themes.yaml, or cities/ vs partnerships/ by its keys."""
    base = _printable(PurePosixPath(name.replace("\\", "/")).name)
    if base in THEMES_NAMES:
        return base
    folder = "partnerships" if _PARTNERSHIP_KEYS.search(data[:200_000]) else "cities"
    return f"{folder}/{base}"


def _unzip(name: str, data: bytes, limits: Limits, result: UploadedData) -> None:
    if len(data) > limits.max_zip_bytes:
        raise UploadRefusedError(
            f"{name} is {len(data) / MB:.1f} MB; a zip may be at most {limits.max_zip_bytes / MB:g} MB"
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UploadRefusedError(f"{name} is not a readable zip file ({exc})") from None
    if len(entries) > limits.max_zip_entries:
        raise UploadRefusedError(
            f"{name} holds {len(entries):,} entries; at most {limits.max_zip_entries:,} are accepted"
        )
    declared = sum(e.file_size for e in entries)
    if declared > limits.max_unzipped_bytes:
        raise UploadRefusedError(_too_big(name, limits))
    root = _data_root([_posix(e.filename) for e in entries if _refusal(e) is None])
    for entry in entries:
        result.unpacked += _take(archive, entry, root, name, limits, result)


def _take(
    archive: zipfile.ZipFile,
    entry: zipfile.ZipInfo,
    root: str,
    zip_name: str,
    limits: Limits,
    result: UploadedData,
) -> int:
    """Read one entry if it is a data file; returns the bytes it used of the unpacking budget."""
    if entry.is_dir():
        return 0
    shown = _printable(entry.filename)
    refusal = _refusal(entry)
    if refusal:
        result.issues.append(Issue(f"{zip_name}:{shown}", 1, "error", ROOT_PATH, f"refused: {refusal}"))
        return 0
    name = _posix(entry.filename)
    rel = name[len(root) :] if name.startswith(root) else name
    if not rel.lower().endswith(YAML_SUFFIXES) or PurePosixPath(rel).parts[:1] == ("__MACOSX",):
        result.issues.append(_ignored(f"{zip_name}:{shown}", "ignored: not a YAML data file"))
        return 0
    if entry.file_size > limits.max_file_bytes:
        result.issues.append(Issue(rel, 1, "error", ROOT_PATH, "file is over the size limit for one file"))
        return 0
    budget = limits.max_unzipped_bytes - result.unpacked
    try:
        data = _read_bounded(archive, entry, min(budget, limits.max_file_bytes) + 1)
    except (
        RuntimeError,
        NotImplementedError,
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        OSError,
        ValueError,
    ) as exc:
        result.issues.append(Issue(f"{zip_name}:{shown}", 1, "error", ROOT_PATH, _unreadable(exc)))
        return 0
    if len(data) > budget:
        raise UploadRefusedError(_too_big(zip_name, limits))
    if len(data) > limits.max_file_bytes:  # the header understated the size
        result.issues.append(Issue(rel, 1, "error", ROOT_PATH, "file is over the size limit for one file"))
    else:
        result.files.append(SourceFile(rel, data))
    return len(data)


def _read_bounded(archive: zipfile.ZipFile, entry: zipfile.ZipInfo, limit: int) -> bytes:
    """Decompress at most `limit` bytes, whatever the entry's header claims (zip bombs lie)."""
    chunks, total = [], 0
    with archive.open(entry) as handle:
        while total < limit:
            chunk = handle.read(min(_CHUNK, limit - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    return b"".join(chunks)


def _refusal(entry: zipfile.ZipInfo) -> str | None:
    name = entry.filename
    if _CONTROL.search(name):
        return "the name contains control characters"
    if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name):
        return "absolute paths are not accepted"
    if ".." in re.split(r"[\\/]", name):
        return "paths with '..' are not accepted"
    if stat.S_ISLNK(entry.external_attr >> 16):
        return "links are not accepted"
    return None


def _posix(name: str) -> str:
    """Zip names use '/', but some Windows tools wrote '\\': both are folder separators."""
    return name.replace("\\", "/")


def _unreadable(exc: Exception) -> str:
    text = str(exc).lower()
    if "encrypted" in text or "password" in text:
        return "cannot unpack: the entry is encrypted; zip it without a password"
    if isinstance(exc, NotImplementedError) or "compression" in text:
        return "cannot unpack: the entry uses a compression method this app does not read (use deflate)"
    return "cannot unpack: the entry is damaged (its data does not match its header)"


def _data_root(names: list[str]) -> str:
    """The folder prefix above themes.yaml, cities/ or partnerships/ ('' for a bare data folder)."""
    for name in sorted(names, key=lambda n: n.count("/")):
        parts = PurePosixPath(name).parts
        for i, part in enumerate(parts):
            at_root = i == len(parts) - 1 and part in THEMES_NAMES
            if at_root or (part in KIND_FOLDERS and i < len(parts) - 1):
                return "".join(p + "/" for p in parts[:i])
    return ""


def _drop_duplicates(result: UploadedData) -> None:
    seen: dict[str, SourceFile] = {}
    for file in result.files:
        if file.path in seen:
            result.issues.append(
                Issue(file.path, 1, "warning", ROOT_PATH, "uploaded twice: the first copy is used")
            )
        else:
            seen[file.path] = file
    result.files = list(seen.values())


def _ignored(name: str, message: str) -> Issue:
    return Issue(_printable(name), 1, "warning", ROOT_PATH, message)


def _printable(name: str) -> str:
    return _CONTROL.sub("?", name)[:200]


def _too_big(name: str, limits: Limits) -> str:
    return f"{name} unpacks to more than {limits.max_unzipped_bytes / MB:g} MB; that is the limit"
