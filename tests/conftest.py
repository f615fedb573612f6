"""Shared test helpers: small data folders written from inline YAML text."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

settings.register_profile("project", database=None)  # tests leave nothing behind in the repository
settings.load_profile("project")

ROOT = Path(__file__).resolve().parents[1]
SHIPPED_DATA = ROOT / "data"

THEMES = """\
themes:
  - id: urban-regeneration
    label: Urban regeneration
    keywords: [urban regeneration, waterfront, revitalization]
  - id: public-space
    label: Public space
    keywords: [public space, tactical urbanism, pocket park]
  - id: sustainable-mobility
    label: Sustainable mobility
    keywords: [public transport, bus, cycling]
  - id: smart-mobility-tech
    label: Smart mobility technologies
    keywords: [autonomous vehicle, self-driving, urban air mobility, 自动驾驶, AI]
  - id: innovation-smes
    label: Innovation and SMEs
    keywords: [SME, start-up, incubator, open innovation]
  - id: agrifood
    label: Agri-food
    keywords: [agri-food, food supply chain]
"""

BARI = """\
id: bari
name: Bari
country: IT
region: Europe
lat: 41.1171
lon: 16.8719
initiatives:
  - id: bari-waterfront
    title: Waterfront Area Revitalization
    themes: [urban-regeneration, public-space]
    status: ongoing
  - id: bari-tactical
    title: Tactical Urban Planning
    themes: [public-space, sustainable-mobility]
    status: ongoing
"""

GDD = """\
id: gdd
name: Guangzhou Development District
local_name: 广州开发区
country: CN
lat: 23.18
lon: 113.48
initiatives:
  - id: gdd-pocket-parks
    title: Pocket Parks
    themes: [public-space]
"""

PAIR = """\
id: bari--gdd
cities: [bari, gdd]
kind: twinning
since: 1986
programmes: [IURC]
sessions:
  - date: 2023-03-14
    title: Working session
    topics: [urban-regeneration, public-space]
    presented:
      bari: [bari-waterfront]
    interests:
      - city: gdd
        in: bari-tactical
    follow_up: [agrifood]
"""

BASE_FILES = {
    "themes.yaml": THEMES,
    "cities/bari.yaml": BARI,
    "cities/gdd.yaml": GDD,
    "partnerships/bari--gdd.yaml": PAIR,
}

FolderMaker = Callable[..., Path]


def run_module(module: str, *args: str | Path) -> subprocess.CompletedProcess[str]:
    """`python -m module args` from the project root, as a user types it."""
    return subprocess.run(
        [sys.executable, "-m", module, *map(str, args)], cwd=ROOT, capture_output=True, text=True, timeout=300
    )


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Tests (and the servers they start) keep the on-disk Atlas cache in a temporary folder."""
    from loaders.diskcache import ENV_VAR

    folder = tmp_path_factory.mktemp("atlas-cache")
    os.environ[ENV_VAR] = str(folder)
    return folder


def write_folder(root: Path, files: dict[str, str | bytes | None]) -> Path:
    """Write `files` (path -> text or bytes; None deletes) under `root`."""
    for rel, content in files.items():
        path = root / rel
        if content is None:
            path.unlink(missing_ok=True)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8")
    return root


@pytest.fixture
def make_folder(tmp_path: Path) -> FolderMaker:
    """make_folder(**changes) -> a data folder: the small valid base with `changes` applied."""

    def make(files: dict[str, str | bytes | None] | None = None, base: bool = True) -> Path:
        folder = tmp_path / "data"
        folder.mkdir(exist_ok=True)
        return write_folder(folder, {**(BASE_FILES if base else {}), **(files or {})})

    return make
