"""Titles, names and summaries that try to be HTML, Markdown or script stay text on every page."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from analytics.pair import pair_report
from analytics.profiles import build_profiles
from analytics.summaries import city_labels, partnership_labels, session_table, theme_labels
from charts.brief import BriefContext, brief_html
from loaders import load_atlas
from tests.conftest import ROOT
from tests.pages.conftest import PAGES, Opener
from tests.security.conftest import IMAGE, LINK, SCRIPT

RAW_TAG = re.compile(r"(?<!\\)<(script|img)", re.IGNORECASE)
RAW_LINK = re.compile(r"(?<!\\)\]\(javascript:", re.IGNORECASE)


def test_no_code_renders_raw_html() -> None:
    for path in [*ROOT.glob("*.py"), *ROOT.glob("ui/*.py"), *ROOT.glob("pages/*.py")]:
        source = path.read_text(encoding="utf-8")
        assert "unsafe_allow_html=True" not in source, path
        assert "st.html(" not in source, path


@pytest.mark.parametrize("page", PAGES)
def test_every_page_shows_hostile_text_escaped(
    open_page: Opener, hostile_text_folder: Path, page: str
) -> None:
    at = open_page(page, data=hostile_text_folder)
    assert not at.exception
    markdown = [
        e.value
        for kind in ("markdown", "caption", "title", "subheader", "warning", "info")
        for e in getattr(at, kind)
    ]
    for text in markdown:
        assert not RAW_TAG.search(str(text)), text
        assert not RAW_LINK.search(str(text)), text


def test_the_partnership_page_shows_the_payloads_as_words(
    open_page: Opener, hostile_text_folder: Path
) -> None:
    at = open_page("partnership", data=hostile_text_folder)
    shown = re.sub(r"\\(.)", r"\1", "\n".join(m.value for m in at.markdown))
    assert f"Evil {SCRIPT}" in shown
    assert IMAGE in shown


def test_the_brief_escapes_every_text(hostile_text_folder: Path) -> None:
    atlas = load_atlas(hostile_text_folder)
    report = pair_report(atlas, build_profiles(atlas), "bari--evil")
    sessions = session_table(atlas).query("partnership_id == 'bari--evil'")
    context = BriefContext(
        dict(city_labels(atlas)),
        dict(theme_labels(atlas)),
        partnership_labels(atlas)["bari--evil"],
        "test",
        ["Theme: <b>x</b>"],
        dt.date(2026, 1, 1),
    )
    page = brief_html(
        report,
        atlas.cities,
        atlas.initiatives,
        atlas.partnerships.set_index("id").loc["bari--evil"],
        sessions,
        context,
    )
    body = page.split("</script></head>", 1)[1]
    figures = re.findall(r"<script[^>]*>\s*window\.PLOTLYENV.*?</script>", body, flags=re.S)
    assert len(figures) == 2  # the two charts' own set-up; their data text is escaped too
    for figure in figures:
        body = body.replace(figure, "")
    assert "<script" not in body
    assert "&lt;script&gt;alert(&#x27;xss-script&#x27;)&lt;/script&gt;" in body
    assert "<img src=x" not in body
    assert 'href="javascript:' not in body
    assert LINK.replace("'", "&#x27;") in body  # a Markdown link is just text here
    assert "Theme: &lt;b&gt;x&lt;/b&gt;" in body
