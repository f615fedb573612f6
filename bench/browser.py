"""Browser figures: time to the Overview's first chart, bytes it receives, server memory."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from bench.servers import CHROMIUM, LAUNCH_ARGS, READY, ROOT, peak_memory_mb, start_server, stop_server

FIRST_CHART = ".js-plotly-plot .main-svg .draglayer"


def available() -> bool:
    try:
        import playwright  # noqa: F401
    except ImportError:
        return False
    return CHROMIUM.exists()


def _first_chart_seconds(browser: object, url: str) -> float:
    context = browser.new_context(viewport={"width": 1440, "height": 1000})  # type: ignore[attr-defined]
    page = context.new_page()
    start = time.perf_counter()
    page.goto(url)
    page.wait_for_selector(FIRST_CHART, state="visible", timeout=300_000)
    seconds = time.perf_counter() - start
    context.close()
    return seconds


def _overview_bytes(browser: object, url: str) -> int:
    """Bytes the page receives over its WebSocket (the script's output: elements, charts, tables)."""
    context = browser.new_context(viewport={"width": 1440, "height": 1000})  # type: ignore[attr-defined]
    page = context.new_page()
    received = [0]

    def on_socket(socket: object) -> None:
        socket.on(
            "framereceived",
            lambda frame: received.__setitem__(  # type: ignore[attr-defined]
                0, received[0] + len(frame if isinstance(frame, bytes | str) else b"")
            ),
        )

    page.on("websocket", on_socket)
    page.goto(url)
    page.wait_for_selector(FIRST_CHART, state="visible", timeout=300_000)
    page.wait_for_selector(READY, state="attached", timeout=300_000)
    page.wait_for_timeout(1500)
    context.close()
    return received[0]


def browser_figures(
    data: Path, log_dir: Path, repeats: int, measure_bytes: bool = False, visit_all: bool = False
) -> dict[str, float]:
    """Median first-chart seconds for the dashboard on `data` and for the hello app, and more."""
    from playwright.sync_api import sync_playwright

    dashboard = start_server(ROOT / "dashboard.py", log_dir, ["--data", str(data)])
    hello = start_server(ROOT / "bench" / "hello_app.py", log_dir)
    results: dict[str, float] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
            servers = {"dashboard": dashboard, "hello": hello}
            times: dict[str, list[float]] = {name: [] for name in servers}
            for server in servers.values():
                _first_chart_seconds(browser, server.url)  # warm-up: the data load and Python imports
            for _ in range(repeats):  # interleaved, so a slow moment of the machine hits both alike
                for name, server in servers.items():
                    times[name].append(_first_chart_seconds(browser, server.url))
            for name, values in times.items():
                results[f"{name}_first_chart"] = statistics.median(values)
            if measure_bytes:
                results["overview_bytes"] = _overview_bytes(browser, dashboard.url)
            if visit_all:
                context = browser.new_context(viewport={"width": 1440, "height": 1000})
                page = context.new_page()
                from ui.frame import PAGE_NAMES

                for name in PAGE_NAMES:
                    page.goto(f"{dashboard.url}/{'' if name == PAGE_NAMES[0] else name}")
                    page.wait_for_selector(READY, state="attached", timeout=300_000)
                    page.wait_for_timeout(1500)
                    page.wait_for_selector(READY, state="attached", timeout=300_000)
                context.close()
                results["server_peak_mb"] = peak_memory_mb(dashboard.process.pid)
            browser.close()
    finally:
        stop_server(dashboard)
        stop_server(hello)
    return results
