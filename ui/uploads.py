"""Explore your own files: an upload checked and loaded in memory, for this browser session only.

Nothing is written to disk and other viewers are unaffected: the files' bytes live in this
session's state, and the Atlas built from them is cached under their content hash.
"""

from __future__ import annotations

import hashlib
import logging

import streamlit as st

from loaders import Atlas, build_atlas
from loaders.archive import UploadRefusedError, read_upload
from loaders.issues import ROOT_PATH, Issue
from loaders.limits import DEFAULT_LIMITS, MB
from loaders.sources import SourceFile
from ui.config import data_folder
from ui.data import Dataset
from ui.text import md

UPLOAD_STATE = "uploaded_data"
UPLOAD_HELP = (
    "Checked in memory and shown only to you; nothing is saved on the server. "
    f"A zip may be {DEFAULT_LIMITS.max_zip_bytes // MB} MB, unpack to "
    f"{DEFAULT_LIMITS.max_unzipped_bytes // MB} MB and hold {DEFAULT_LIMITS.max_zip_entries:,} entries."
)
_UPLOADER = "upload-files"
_log = logging.getLogger(__name__)


@st.cache_resource(max_entries=4, ttl="1h", show_spinner="Checking the uploaded files…")  # read-only
def _upload_atlas(digest: str, _files: tuple[SourceFile, ...], _issues: tuple[Issue, ...]) -> Atlas:
    return build_atlas(_files, _issues, source="upload")


def current_dataset(shipped: Dataset) -> Dataset:
    """The uploaded data when this session has one, else the shipped data; shows the way back."""
    upload = st.session_state.get(UPLOAD_STATE)
    if not upload:
        return shipped
    files = tuple(SourceFile(path, data) for path, data in upload["files"])
    issues = tuple(Issue(*row) for row in upload["issues"])
    try:
        atlas = _upload_atlas(upload["digest"], files, issues)
    except Exception as exc:  # a loader bug must not lock this viewer out on every rerun
        _log.exception("uploaded data could not be loaded")
        clear_upload()
        st.error(
            f"The uploaded files could not be loaded ({md(type(exc).__name__)}); "
            "you are back on the shipped data. Please report this with the files.",
            icon=":material/error:",
        )
        return shipped
    with st.sidebar.container(border=True):
        st.markdown(f"**Viewing uploaded data** · {len(files)} files")
        st.button(
            "Back to the shipped data",
            on_click=clear_upload,
            icon=":material/undo:",
            key="back-to-shipped",
            type="primary",
        )
    return Dataset(f"upload:{upload['digest']}", atlas, upload["name"], uploaded=True)


def clear_upload() -> None:
    st.session_state.pop(UPLOAD_STATE, None)


def _shipped_themes() -> SourceFile | None:
    for name in ("themes.yaml", "themes.yml"):
        path = data_folder() / name
        if path.is_file() and path.stat().st_size <= DEFAULT_LIMITS.max_file_bytes:
            return SourceFile("themes.yaml", path.read_bytes())
    return None


def upload_panel() -> None:
    """The uploader: YAML files or a zip of a data folder, checked, then explored in this session."""
    st.file_uploader(
        "YAML files or a .zip of a data folder",
        type=["yaml", "yml", "zip"],
        accept_multiple_files=True,
        key=_UPLOADER,
        max_upload_size=int(DEFAULT_LIMITS.max_zip_bytes / MB),
        help=UPLOAD_HELP,
    )
    uploaded = st.session_state.get(_UPLOADER) or []
    if st.button("Explore these files", disabled=not uploaded, icon=":material/upload:", key="load-upload"):
        _load([(f.name, f.getvalue()) for f in uploaded])


def _load(uploads: list[tuple[str, bytes]]) -> None:
    try:
        data = read_upload(uploads)
    except UploadRefusedError as exc:
        st.error(f"Upload refused: {md(exc)}", icon=":material/block:")
        return
    if not data.files:
        st.error(
            "The upload holds no YAML data file (themes.yaml, cities/*.yaml, partnerships/*.yaml).",
            icon=":material/block:",
        )
        for issue in data.issues:
            st.caption(f"{md(issue.file)}: {md(issue.message)}")
        return
    if not data.has_themes and (themes := _shipped_themes()) is not None:
        data.files.append(themes)
        data.issues.append(
            Issue(
                "themes.yaml",
                1,
                "warning",
                ROOT_PATH,
                "not in the upload: the shipped data's taxonomy is used",
            )
        )
    digest = hashlib.blake2b(digest_size=16)
    for file in sorted(data.files, key=lambda f: f.path):
        digest.update(file.path.encode() + b"\0" + hashlib.blake2b(file.data).digest())
    st.session_state[UPLOAD_STATE] = {
        "digest": digest.hexdigest(),
        "name": ", ".join(name for name, _ in uploads)[:120],
        "files": [(f.path, f.data) for f in data.files],
        "issues": [(i.file, i.line, i.severity, i.path, i.message) for i in data.issues],
    }
    st.rerun()
