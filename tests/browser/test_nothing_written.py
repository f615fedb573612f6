"""A journey through every page, an upload and every download leaves data/ and the repository as it was."""

from __future__ import annotations

import hashlib
from pathlib import Path

from tests.browser.conftest import Server, visit, wait_ready
from tests.browser.test_journeys import PAGES
from tests.conftest import BASE_FILES, ROOT
from tests.loaders.test_archive import zipped

NOT_CONTENT = {".git", ".venv", "artifacts", "__pycache__", ".pytest_cache", ".ruff_cache", ".hypothesis"}


def tree_hash(root: Path) -> dict[str, str]:
    """Path -> content hash of every file (test outputs and bytecode caches excluded)."""
    hashes = {}
    for path in sorted(root.rglob("*")):
        parts = set(path.relative_to(root).parts)
        if path.is_file() and not parts & NOT_CONTENT:
            hashes[path.relative_to(root).as_posix()] = hashlib.blake2b(path.read_bytes()).hexdigest()
    return hashes


def click_every_download(tab: object) -> int:
    expanders = tab.locator("[data-testid='stExpander'] summary")  # type: ignore[attr-defined]
    for index in range(expanders.count()):
        expanders.nth(index).click()  # "Data behind this chart" holds downloads too
    buttons = tab.locator("[data-testid='stDownloadButton'] button:visible")  # type: ignore[attr-defined]
    count = buttons.count()
    for index in range(count):
        with tab.expect_download() as download:  # type: ignore[attr-defined]
            buttons.nth(index).click()
        assert download.value.failure() is None
    return count


def test_a_full_journey_writes_nothing(server: Server, page, tmp_path: Path) -> None:
    tab, _ = page
    before = tree_hash(ROOT)
    downloads = 0
    for path in PAGES:
        visit(tab, f"{server.url}/{path}")
        downloads += click_every_download(tab)
    archive = tmp_path / "mine.zip"
    archive.write_bytes(zipped(BASE_FILES))
    visit(tab, f"{server.url}/data_quality")
    tab.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(archive))
    tab.locator(".st-key-load-upload button").click()
    tab.get_by_text("Viewing uploaded data").wait_for()
    for title in (
        "Overview",
        "Partnership",
        "Themes",
        "Network",
        "Sessions",
        "Initiatives",
        "Partner finder",
    ):
        tab.get_by_test_id("stSidebarNav").get_by_role("link", name=title).click()  # in-app: the same session
        wait_ready(tab)
        assert tab.get_by_text("Viewing uploaded data").count() == 1
        downloads += click_every_download(tab)
    assert downloads >= 20  # CSV and Excel of every table, the brief, all data
    assert tree_hash(ROOT) == before
