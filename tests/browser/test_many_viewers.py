"""Many viewers at once against one server (127.0.0.1 only, bounded in count and time)."""

from __future__ import annotations

import asyncio
import statistics
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench.servers import CHROMIUM, LAUNCH_ARGS, READY, peak_memory_mb
from tests.browser.conftest import Server
from tests.conftest import BASE_FILES
from tests.loaders.test_archive import zipped

VIEWERS = 20
RAMP = 3.5  # seconds between two viewers' arrivals: the browsers, not the server, share two cores
TIME_LIMIT = 420  # seconds for the whole crowd


def resident_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def _ready(page: object) -> None:
    await page.wait_for_selector(READY, state="attached", timeout=240_000)  # type: ignore[attr-defined]
    await page.wait_for_timeout(300)  # type: ignore[attr-defined]
    await page.wait_for_selector(READY, state="attached", timeout=240_000)  # type: ignore[attr-defined]


async def _viewer(browser: object, url: str, number: int, everyone_done: asyncio.Barrier) -> dict:
    context = await browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)  # type: ignore[attr-defined]
    context.set_default_timeout(120_000)
    context.set_default_navigation_timeout(120_000)
    page = await context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on(
        "request",
        lambda r: (
            problems.append(f"outside request: {r.url}")
            if not r.url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:"))
            else None
        ),
    )
    await asyncio.sleep(number * RAMP)
    try:
        start = time.monotonic()
        await page.goto(url)
        await page.wait_for_selector(".js-plotly-plot .main-svg .draglayer", state="visible", timeout=240_000)
        ready = time.monotonic() - start
        await page.goto(f"{url}/partnership")
        await _ready(page)
        await page.locator(".st-key-partnership input").fill(
            "Sofia"
        )  # fill: focus is per page, not per window
        await page.get_by_role("option", name="Sofia – Semarang").click()
        await page.wait_for_url("**partnership=sofia--semarang*")  # the rerun has happened
        await _ready(page)
        await page.locator(".st-key-theme input").fill("Sustainable urban")
        await page.get_by_role("option").first.click()
        await page.keyboard.press("Escape")
        await page.wait_for_url("**theme=sustainable-mobility*")
        await _ready(page)
        async with page.expect_download() as download:
            await page.locator(".st-key-pair-matches-csv button").click()
        saved = await (await download.value).path()
        if "Sofia" not in Path(saved).read_text(encoding="utf-8"):
            problems.append(f"viewer {number}: the downloaded table is not the chosen partnership's")
        if await page.locator("[data-testid='stException']").count():
            problems.append(f"viewer {number}: an exception is shown")
    except Exception as exc:  # a viewer's failure is reported, the others go on
        problems.append(f"viewer {number}: {type(exc).__name__}: {' '.join(str(exc).splitlines()[:3])}")
        ready = float("nan")
    await everyone_done.wait()  # all twenty sessions stay open on the server until the last one is done
    await context.close()
    return {"ready": ready, "problems": problems}


async def _crowd(url: str) -> list[dict]:
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            barrier = asyncio.Barrier(VIEWERS)
            return await asyncio.wait_for(
                asyncio.gather(*(_viewer(browser, url, n, barrier) for n in range(VIEWERS))), TIME_LIMIT
            )
        finally:
            await browser.close()


def in_own_thread(coroutine: object) -> object:
    """Run a coroutine on a fresh thread: the sync Playwright of other tests owns this thread's loop."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def test_twenty_viewers_at_once_without_an_error(server: Server) -> None:
    before = resident_mb(server.process.pid)
    results = in_own_thread(_crowd(server.url))
    after = resident_mb(server.process.pid)
    problems = [p for result in results for p in result["problems"]]
    ready = sorted(result["ready"] for result in results)
    p50, p95 = statistics.median(ready), ready[int(0.95 * (len(ready) - 1))]
    print(
        f"\n{VIEWERS} viewers arriving {RAMP} s apart: time to first chart p50 {p50:.1f} s, "
        f"p95 {p95:.1f} s; server memory {before:.0f} MB before, {after:.0f} MB after "
        f"(peak {peak_memory_mb(server.process.pid):.0f} MB)"
    )
    assert problems == []
    assert len(results) == VIEWERS


async def _upload_and_look(browser: object, url: str, archive: Path) -> str:
    context = await browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    context.set_default_timeout(120_000)
    page = await context.new_page()
    await page.goto(f"{url}/data_quality")
    await _ready(page)
    await page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(archive))
    await _ready(page)
    await page.locator(".st-key-load-upload button").click()
    await page.get_by_text("Viewing uploaded data").wait_for(timeout=120_000)
    await page.get_by_test_id("stSidebarNav").get_by_role("link", name="Partnership").click()  # same session
    await page.wait_for_url("**/partnership*")
    await page.get_by_text("How much they work on the same things").wait_for()
    await _ready(page)
    text = await page.locator("[data-testid='stMain']").inner_text()
    await context.close()
    return text


async def _two_uploads(url: str, first: Path, second: Path) -> tuple[str, str]:
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            return tuple(
                await asyncio.gather(
                    _upload_and_look(browser, url, first), _upload_and_look(browser, url, second)
                )
            )
        finally:
            await browser.close()


def test_two_viewers_uploading_different_data_never_see_each_other(server: Server, tmp_path: Path) -> None:
    first, second = tmp_path / "first.zip", tmp_path / "second.zip"
    city = BASE_FILES["cities/gdd.yaml"]
    first.write_bytes(zipped({**BASE_FILES, "cities/gdd.yaml": city.replace("Guangzhou", "ALPHA")}))
    second.write_bytes(zipped({**BASE_FILES, "cities/gdd.yaml": city.replace("Guangzhou", "BETA")}))
    seen_by_first, seen_by_second = in_own_thread(_two_uploads(server.url, first, second))
    assert "ALPHA Development District" in seen_by_first
    assert "BETA Development District" not in seen_by_first
    assert "BETA Development District" in seen_by_second
    assert "ALPHA Development District" not in seen_by_second
