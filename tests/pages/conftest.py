"""Pages under Streamlit's AppTest: the real dashboard.py entry point, a chosen data folder."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT, SHIPPED_DATA, write_folder
from ui.config import ENV_VAR
from ui.frame import PAGE_NAMES

PAGES = list(PAGE_NAMES)
Opener = Callable[..., AppTest]

BROKEN = {
    "cities/broken.yaml": "id: broken\nname: Broken\ncountry: Nowhere\n",
    "cities/bad-initiative.yaml": "id: bad-initiative\nname: Bad\ncountry: FR\ninitiatives:\n"
    "  - id: bad-initiative-x\n    title: X\n    status: done\n",
}


def run_page(page: str, params: dict[str, str | list[str]] | None = None) -> AppTest:
    """Open the dashboard as a browser would: the entry point, then the page, with URL parameters."""
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    at.run()
    if page != "overview":
        at.switch_page(f"pages/{page}.py").run()
    return at


@pytest.fixture
def open_page(monkeypatch: pytest.MonkeyPatch) -> Opener:
    """open_page(page, params=None, data=None) -> AppTest after the page's first run."""

    def opener(page: str, params: dict | None = None, data: Path | None = None) -> AppTest:
        monkeypatch.setenv(ENV_VAR, str(data or SHIPPED_DATA))
        return run_page(page, params)

    return opener


@pytest.fixture(scope="session")
def broken_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped data plus two files with errors."""
    folder = tmp_path_factory.mktemp("broken") / "data"
    files = {p.relative_to(SHIPPED_DATA).as_posix(): p.read_bytes() for p in SHIPPED_DATA.rglob("*.yaml")}
    return write_folder(folder, {**files, **BROKEN})


def texts(at: AppTest) -> str:
    """Every piece of text the page shows, in one string, for assertions."""
    parts = [
        e.value for kind in ("title", "header", "subheader", "markdown", "caption") for e in getattr(at, kind)
    ]
    parts += [str(e.value) for kind in ("info", "warning", "success", "error") for e in getattr(at, kind)]
    return re.sub(r"\\(.)", r"\1", "\n".join(map(str, parts)))  # as shown: Markdown escapes removed
