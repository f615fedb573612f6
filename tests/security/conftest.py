"""A data folder whose every text field tries to become code: it must always show as text."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import THEMES, write_folder
from tests.pages.conftest import open_page  # noqa: F401  (the AppTest fixture, shared)

SCRIPT = "<script>alert('xss-script')</script>"
IMAGE = "<img src=x onerror=alert('xss-img')>"
LINK = "[click me](javascript:alert('xss-link'))"
ENTITY = "&lt;b&gt;not bold&lt;/b&gt; &amp;"
PAYLOADS = (SCRIPT, IMAGE, LINK, ENTITY)

HOSTILE_TEXT = {
    "themes.yaml": THEMES
    + f"""\
  - id: hostile-theme
    label: "Theme {IMAGE}"
    keywords: ["{SCRIPT}"]
""",
    "cities/evil.yaml": f"""\
id: evil
name: "Evil {SCRIPT}"
local_name: "{IMAGE}"
country: FR
region: "{LINK}"
lat: 48.85
lon: 2.35
seeks: [hostile-theme]
initiatives:
  - id: evil-one
    title: "Title {IMAGE}"
    summary: "Summary {SCRIPT} {LINK} {ENTITY} **not bold** # not a heading"
    themes: [hostile-theme, public-space]
    status: ongoing
    url: "https://example.org/a\\"><script>alert('xss-url')</script>"
    sources: ["https://example.org/(x)[y]<z>"]
""",
    "cities/bari.yaml": """\
id: bari
name: Bari
country: IT
lat: 41.1
lon: 16.9
initiatives:
  - {id: bari-parks, title: Pocket parks, themes: [public-space, hostile-theme], status: ongoing}
""",
    "partnerships/bari--evil.yaml": f"""\
id: bari--evil
cities: [bari, evil]
kind: twinning
programmes: ["{SCRIPT}"]
sessions:
  - date: 2024-05-01
    title: "Session {IMAGE}"
    summary: "{LINK}"
    topics: [hostile-theme, agrifood]
    follow_up: [agrifood]
    participants:
      evil: ["{SCRIPT}"]
    presented:
      evil: [evil-one]
    interests:
      - {{city: bari, in: evil-one, note: "{IMAGE}"}}
    sources: ["https://example.org/session?q=<script>alert(1)</script>"]
""",
}


@pytest.fixture(scope="session")
def hostile_text_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_folder(tmp_path_factory.mktemp("hostile-text") / "data", HOSTILE_TEXT)
