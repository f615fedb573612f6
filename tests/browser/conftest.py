"""Browser tests: Debian's Chromium, driven by Playwright, against a real `streamlit run` on 127.0.0.1.

Every request to another host and every page error fails the test that caused it. Without
Chromium the tests skip with the reason; TWINNING_ATLAS_REQUIRE_BROWSER=1 (set by .ci/run) turns
that skip into a failure.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from bench.servers import CHROMIUM, LAUNCH_ARGS, READY, Server, start_server, stop_server
from tests.conftest import ROOT, SHIPPED_DATA
from tests.security.conftest import hostile_text_folder  # noqa: F401  (a fixture the browser tests use)

SCREENSHOTS = ROOT / "artifacts" / "screenshots"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


def _require_browser() -> None:
    reason = None
    if not CHROMIUM.exists():
        reason = f"Chromium not found at {CHROMIUM} (install Debian's chromium package)"
    else:
        try:
            import playwright  # noqa: F401
        except ImportError:
            reason = "Python Playwright is not installed (pip install -r requirements-dev.txt)"
    if reason is None:
        return
    if os.environ.get("TWINNING_ATLAS_REQUIRE_BROWSER") == "1":
        pytest.fail(f"browser tests are mandatory here: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    _require_browser()
    running = start_server(
        ROOT / "dashboard.py", tmp_path_factory.mktemp("server"), ["--data", str(SHIPPED_DATA)]
    )
    yield running
    stop_server(running)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    _require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield launched
        launched.close()


@dataclass
class Watch:
    """What a page did that it should not: requests to other hosts, JavaScript errors, dialogs."""

    outside: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        assert self.outside == [], f"requests to other hosts: {self.outside}"
        assert self.errors == [], f"page errors: {self.errors}"
        assert self.dialogs == [], f"dialogs opened: {self.dialogs}"


def watch(page: object) -> Watch:
    seen = Watch()

    def on_request(request: object) -> None:
        url = request.url  # type: ignore[attr-defined]
        if not url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:", "about:")):
            seen.outside.append(url)

    def on_dialog(dialog: object) -> None:
        seen.dialogs.append(dialog.message)  # type: ignore[attr-defined]
        dialog.dismiss()  # type: ignore[attr-defined]

    page.on("request", on_request)  # type: ignore[attr-defined]
    page.on("pageerror", lambda error: seen.errors.append(str(error)))  # type: ignore[attr-defined]
    page.on("dialog", on_dialog)  # type: ignore[attr-defined]
    return seen


@pytest.fixture
def page(browser: object) -> Iterator[tuple[object, Watch]]:
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, accept_downloads=True)  # type: ignore[attr-defined]
    tab = context.new_page()
    seen = watch(tab)
    yield tab, seen
    context.close()
    seen.assert_clean()


def wait_ready(page: object, charts: int = 0, timeout: float = 60_000) -> None:
    """Wait until the script has finished and `charts` plotly charts have drawn."""
    page.wait_for_selector(READY, state="attached", timeout=timeout)  # type: ignore[attr-defined]
    page.wait_for_timeout(400)  # type: ignore[attr-defined]  # debounced reruns start after a beat
    page.wait_for_selector(READY, state="attached", timeout=timeout)  # type: ignore[attr-defined]
    if charts:
        page.wait_for_function(  # type: ignore[attr-defined]
            "n => Array.from(document.querySelectorAll('.js-plotly-plot'))"
            ".filter(p => p.querySelector('.main-svg .draglayer')).length >= n",
            arg=charts,
            timeout=timeout,
        )


def screenshot(page: object, name: str) -> Path:
    """A full-page picture of the app (the main area scrolls inside, so grow the window to fit)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    height = page.evaluate(  # type: ignore[attr-defined]
        "() => (document.querySelector('[data-testid=stMain]') || document.body).scrollHeight"
    )
    page.set_viewport_size({"width": 1440, "height": min(max(int(height) + 40, 1000), 12_000)})  # type: ignore[attr-defined]
    page.wait_for_timeout(800)  # type: ignore[attr-defined]
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path))  # type: ignore[attr-defined]
    page.set_viewport_size({"width": 1440, "height": 1000})  # type: ignore[attr-defined]
    return path


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[object]:
    """serve(data_folder) -> a running dashboard on that folder, stopped after the test."""
    _require_browser()
    started: list[Server] = []

    def start(data: Path) -> Server:
        server = start_server(ROOT / "dashboard.py", tmp_path, ["--data", str(data)])
        started.append(server)
        return server

    yield start
    for server in started:
        stop_server(server)


def visit(tab: object, url: str, charts: int = 0) -> None:
    tab.goto(url)  # type: ignore[attr-defined]
    wait_ready(tab, charts)
    assert tab.locator("[data-testid='stException']").count() == 0  # type: ignore[attr-defined]
