"""Where the data folder is: `--data PATH`, TWINNING_ATLAS_DATA, st.secrets, or the shipped data/."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import streamlit as st

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "data"
ENV_VAR = "TWINNING_ATLAS_DATA"


def _from_argv(argv: list[str]) -> str | None:
    """`streamlit run dashboard.py -- --data /path` leaves `--data /path` in sys.argv."""
    for i, arg in enumerate(argv):
        if arg == "--data" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--data="):
            return arg.split("=", 1)[1]
    return None


def _from_secrets() -> str | None:
    try:
        value = st.secrets.get("data_folder")
    except Exception:  # no secrets file at all is the normal case
        return None
    return str(value) if value else None


def data_folder() -> Path:
    """The folder to show: command line first, then the environment, then secrets, then data/."""
    chosen = _from_argv(sys.argv[1:]) or os.environ.get(ENV_VAR) or _from_secrets()
    return Path(chosen).expanduser() if chosen else SHIPPED
