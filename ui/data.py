"""The cached Atlas: one load per change of the data folder's files, shared by every viewer."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from loaders import Atlas
from loaders.diskcache import load_atlas_cached
from loaders.sources import DataFolderError, folder_fingerprint
from ui.config import SHIPPED

_MAX_ATTEMPTS = 3


@dataclass(frozen=True)
class Dataset:
    """What the dashboard shows: its cache key, its Atlas, and where it comes from."""

    key: str
    atlas: Atlas
    label: str
    uploaded: bool = False


# cache_resource, not cache_data: cache_data would unpickle a fresh copy of the whole Atlas for
# every rerun of every viewer (80 MB and 0.08 s at 5,000 cities). The Atlas is read-only (pandas
# copy-on-write; analytics never write into it), so one shared copy per data version is safe.
@st.cache_resource(max_entries=4, show_spinner="Loading the data folder…")
def _load_folder(folder: str, fingerprint: str) -> Atlas:
    """Load, and load again if a file changed meanwhile, so a view is never a half-old mix."""
    path = Path(folder)
    for _ in range(_MAX_ATTEMPTS):
        atlas = load_atlas_cached(path)
        if folder_fingerprint(path) == fingerprint:
            return atlas
        fingerprint = folder_fingerprint(path)
    return atlas


def folder_dataset(folder: Path) -> Dataset:
    """The folder's Atlas; an unusable folder gives an empty Atlas with one error."""
    try:
        fingerprint = folder_fingerprint(folder)
    except DataFolderError as exc:
        return Dataset(f"missing:{folder}", _missing_folder_atlas(str(exc)), str(folder))
    label = "shipped data (data/)" if folder.resolve() == SHIPPED.resolve() else f"data folder {folder}"
    return Dataset(fingerprint, _load_folder(str(folder), fingerprint), label)


def _missing_folder_atlas(message: str) -> Atlas:
    from loaders.atlas import make_table

    atlas = Atlas.empty()
    issues = make_table("issues", [("error", ".", 1, "(file)", message)])
    return Atlas(**{**atlas.tables(), "issues": issues}, source="")
