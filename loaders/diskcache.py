"""An on-disk cache of the Atlas tables, so a restarted process does not parse every file again.

The key is a hash of every data file's path and bytes, of the size limits, and of the loader's own
source code: a changed file, limit or loader means a new key. Entries live outside the data folder
(`~/.cache/twinning-atlas` unless TWINNING_ATLAS_CACHE says otherwise; `off` disables it), are
written atomically, and are checked before use: the manifest's key, every table's columns, row
count and checksum. Anything missing, stale or corrupt is rebuilt from the files, never trusted.
Tables are stored as Arrow IPC files (no pickle: nothing in the cache can run code).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.feather as feather

from loaders.atlas import TABLES, Atlas
from loaders.issues import Issue
from loaders.limits import DEFAULT_LIMITS, Limits
from loaders.load import build_atlas
from loaders.sources import SourceFile, read_folder

ENV_VAR = "TWINNING_ATLAS_CACHE"
FORMAT = "twinning-atlas-cache-1"
MAX_ENTRIES = 8


def cache_dir() -> Path | None:
    """Where entries go; None when the cache is switched off."""
    chosen = os.environ.get(ENV_VAR)
    if chosen and chosen.lower() in ("off", "0", "none", "false"):
        return None
    if chosen:
        return Path(chosen).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "twinning-atlas"


@lru_cache(maxsize=1)
def _code_version() -> str:
    digest = hashlib.blake2b(FORMAT.encode(), digest_size=16)
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def content_key(files: Iterable[SourceFile], issues: Iterable[Issue], limits: Limits) -> str:
    digest = hashlib.blake2b(digest_size=20)
    digest.update(_code_version().encode() + repr(limits).encode())
    for file in sorted(files, key=lambda f: f.path):
        digest.update(file.path.encode() + b"\0" + hashlib.blake2b(file.data, digest_size=20).digest())
    for issue in sorted(issues):
        digest.update(repr(issue).encode())
    return digest.hexdigest()


def load_atlas_cached(
    folder: str | Path, limits: Limits = DEFAULT_LIMITS, where: Path | None = None
) -> Atlas:
    """Like load_atlas, through the on-disk cache (`where`, or cache_dir())."""
    folder = Path(folder)
    files, issues = read_folder(folder, limits)
    where = where if where is not None else cache_dir()
    if where is None:
        return build_atlas(files, issues, limits, source=str(folder))
    key = content_key(files, issues, limits)
    entry = where / key
    cached = read_entry(entry, key)
    if cached is not None:
        return Atlas(**cached, source=str(folder))
    atlas = build_atlas(files, issues, limits, source=str(folder))
    write_entry(where, key, atlas)
    return atlas


def _checksum(path: Path) -> str:
    return hashlib.blake2b(path.read_bytes(), digest_size=20).hexdigest()


def read_entry(entry: Path, key: str) -> dict[str, pd.DataFrame] | None:
    """The tables of a valid entry, or None (missing, stale or corrupt: the caller rebuilds)."""
    try:
        manifest = json.loads((entry / "manifest.json").read_text(encoding="utf-8"))
        if manifest.get("format") != FORMAT or manifest.get("key") != key:
            return None
        tables = {}
        for name, columns in TABLES.items():
            path = entry / f"{name}.arrow"
            expected = manifest["tables"][name]
            if _checksum(path) != expected["checksum"]:
                return None
            frame = feather.read_table(path).to_pandas()
            if list(frame.columns) != list(columns) or len(frame) != expected["rows"]:
                return None
            tables[name] = frame.astype(columns)
        return tables
    except (OSError, ValueError, KeyError, TypeError, pa.ArrowException):
        return None


def write_entry(where: Path, key: str, atlas: Atlas) -> None:
    """Write atomically (a temporary folder renamed into place); a read-only disk is not an error."""
    temporary = where / f".{key}.{os.getpid()}.tmp"
    try:
        temporary.mkdir(parents=True, exist_ok=True)
        manifest: dict = {"format": FORMAT, "key": key, "tables": {}}
        for name, table in atlas.tables().items():
            path = temporary / f"{name}.arrow"
            feather.write_feather(table, path, compression="uncompressed")
            manifest["tables"][name] = {"rows": len(table), "checksum": _checksum(path)}
        (temporary / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
        os.replace(temporary, where / key)
    except OSError:
        shutil.rmtree(temporary, ignore_errors=True)
        return
    _prune(where)


def _prune(where: Path) -> None:
    """Keep the newest MAX_ENTRIES entries."""
    try:
        entries = sorted(
            (p for p in where.iterdir() if p.is_dir() and not p.name.startswith(".")),
            key=lambda p: p.stat().st_mtime,
            reverse=True,
        )
        for old in entries[MAX_ENTRIES:]:
            shutil.rmtree(old, ignore_errors=True)
    except OSError:
        return
