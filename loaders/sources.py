"""Finding the data files of a folder: which file is which kind, read with size limits."""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from loaders.issues import ROOT_PATH, Issue
from loaders.limits import DEFAULT_LIMITS, Limits, oversize_message

YAML_SUFFIXES = (".yaml", ".yml")
KIND_FOLDERS = {"cities": "city", "partnerships": "partnership"}
THEMES_NAMES = ("themes.yaml", "themes.yml")


class DataFolderError(Exception):
    """The path is not a data folder at all (no themes.yaml, cities/ or partnerships/)."""


@dataclass(frozen=True)
class SourceFile:
    """One data file's bytes; `path` is POSIX and relative to the data folder."""

    path: str
    data: bytes

    @property
    def kind(self) -> str | None:
        return file_kind(self.path)

    @property
    def stem(self) -> str:
        return PurePosixPath(self.path).stem


def file_kind(path: str) -> str | None:
    """'themes', 'city', 'partnership', or None for a file that is not a data file."""
    parts = PurePosixPath(path).parts
    if len(parts) == 1 and parts[0] in THEMES_NAMES:
        return "themes"
    if len(parts) == 2 and parts[0] in KIND_FOLDERS and parts[1].endswith(YAML_SUFFIXES):
        return KIND_FOLDERS[parts[0]]
    return None


def is_data_folder(folder: Path) -> bool:
    return folder.is_dir() and (
        any((folder / name).is_file() for name in THEMES_NAMES)
        or any((folder / name).is_dir() for name in KIND_FOLDERS)
    )


def data_paths(folder: Path) -> list[Path]:
    """Every file the loader reads or reports on, in a stable order."""
    if not is_data_folder(folder):
        raise DataFolderError(
            f"{folder} is not a data folder: it needs themes.yaml, cities/ or partnerships/"
        )
    paths = [folder / name for name in THEMES_NAMES if os.path.lexists(folder / name)]
    paths += sorted(
        p
        for p in folder.iterdir()
        if p.suffix in YAML_SUFFIXES and p.name not in THEMES_NAMES and not _hidden(p.name) and p.is_file()
    )
    for sub in KIND_FOLDERS:
        if (folder / sub).is_dir():
            paths += sorted(p for p in (folder / sub).iterdir() if not _hidden(p.name))
    return paths


def _hidden(name: str) -> bool:
    """Editors' lock and swap files (.#bari.yaml, .bari.yaml.swp) and .DS_Store: not data, not news."""
    return name.startswith(".")


def shown_path(rel: str) -> str:
    """A relative path fit for a message: undecodable bytes of a file name become U+FFFD."""
    return rel.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def read_folder(folder: Path, limits: Limits = DEFAULT_LIMITS) -> tuple[list[SourceFile], list[Issue]]:
    """Read the data files of `folder`; files that cannot be used become issues."""
    files: list[SourceFile] = []
    issues: list[Issue] = []
    for path in data_paths(folder):
        rel = shown_path(path.relative_to(folder).as_posix())
        skipped = _skip_reason(path, rel)
        if skipped:
            issues.append(Issue(rel, 1, "warning", ROOT_PATH, skipped))
            continue
        data, problem = _read_regular_file(path, limits)
        if problem:
            issues.append(Issue(rel, 1, "error", ROOT_PATH, problem))
        else:
            files.append(SourceFile(rel, data))
    themes_errors = any(i.file in THEMES_NAMES and i.severity == "error" for i in issues)
    if not any(f.kind == "themes" for f in files) and not themes_errors:
        issues.append(Issue("themes.yaml", 1, "error", ROOT_PATH, missing_themes_message()))
    return files, issues


def _read_regular_file(path: Path, limits: Limits) -> tuple[bytes, str | None]:
    """The file's bytes, or why not; never blocks on a FIFO nor reads a device without end."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return b"", "not a regular file (a device, pipe or socket), so it is not read"
        if info.st_size > limits.max_file_bytes:
            return b"", oversize_message(info.st_size, limits)
        with path.open("rb") as handle:  # read to the limit only: the file may grow meanwhile
            data = handle.read(limits.max_file_bytes + 1)
    except OSError as exc:
        return b"", f"cannot read the file: {exc.strerror or exc}"
    if len(data) > limits.max_file_bytes:
        return b"", oversize_message(len(data), limits)
    return data, None


def missing_themes_message() -> str:
    return "themes.yaml is missing: no theme can be referenced or inferred"


def _skip_reason(path: Path, rel: str) -> str | None:
    if path.is_dir():
        return "a folder inside a data folder is ignored"
    if file_kind(rel) is not None:
        return None
    if path.suffix in YAML_SUFFIXES:
        return "ignored: data files are themes.yaml, cities/<id>.yaml and partnerships/<id>.yaml"
    return f"ignored: not a YAML file ({path.name})"


def folder_fingerprint(folder: Path) -> str:
    """A hash of the name, size and modification time of every file the loader looks at.

    Cheap (one stat per file, no reading) and changed by any edit, addition or removal; raises
    DataFolderError when `folder` is not a data folder.
    """
    if not is_data_folder(folder):
        raise DataFolderError(
            f"{folder} is not a data folder: it needs themes.yaml, cities/ or partnerships/"
        )
    digest = hashlib.blake2b(digest_size=16)
    for sub in ("", *KIND_FOLDERS):
        try:
            entries = sorted(os.scandir(folder / sub), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            try:
                stat = entry.stat()
            except OSError:
                continue
            digest.update(f"{sub}/{entry.name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()
