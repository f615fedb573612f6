"""Sharing under AppTest: every view restores from its URL, every download carries the real data."""

from __future__ import annotations

import io
from collections.abc import Callable

import pandas as pd
import pytest
from streamlit.runtime.media_file_manager import MediaFileManager

from analytics.summaries import latest_sessions
from loaders import load_atlas
from tests.conftest import BASE_FILES, SHIPPED_DATA
from tests.loaders.test_archive import zipped
from tests.pages.conftest import Opener, texts


@pytest.mark.parametrize(
    ("page", "params", "key", "expected"),
    [
        ("partnership", {"partnership": "sofia--semarang"}, "partnership", "sofia--semarang"),
        (
            "partnership",
            {"partnership": "aurora-il--bergamo--rimini", "pair": ["bergamo", "rimini"]},
            "pair",
            ["bergamo", "rimini"],
        ),
        ("themes", {"focus": "agrifood"}, "focus", "agrifood"),
        ("partner_finder", {"city": "hangzhou"}, "city", "hangzhou"),
        ("sessions", {"session_type": "study-visit"}, "session_type", ["study-visit"]),
        ("overview", {"country": ["IT", "CN"]}, "country", ["IT", "CN"]),
        ("overview", {"theme": "public-space"}, "theme", ["public-space"]),
    ],
)
def test_page_selections_restore_from_the_url(
    open_page: Opener, page: str, params: dict, key: str, expected: object
) -> None:
    at = open_page(page, params=params)
    assert not at.exception
    assert at.session_state[key] == expected


@pytest.mark.parametrize(
    ("page", "params", "key", "expected"),
    [
        ("overview", {"programme": "IURC China"}, "programme", ["IURC China"]),
        ("overview", {"region": ["Asia", "Europe"]}, "region", ["Asia", "Europe"]),
        ("overview", {"years": ["2023", "2023"]}, "years", (2023, 2023)),
        ("initiatives", {"q": "tram", "status": "planned"}, "q", "tram"),
        ("sessions", {"session_q": "Semarang"}, "session_q", "Semarang"),
        ("partner_finder", {"city": "bari", "rank": "complementarity"}, "rank", "complementarity"),
    ],
)
def test_bound_widgets_restore_from_the_url(
    open_page: Opener, page: str, params: dict, key: str, expected: object
) -> None:
    at = open_page(page, params=params)
    assert not at.exception
    assert at.session_state[key] == expected


def test_a_restored_filter_changes_what_the_page_shows(open_page: Opener) -> None:
    at = open_page("overview", params={"programme": "IURC China"})
    metrics = {m.label: m.value for m in at.metric}
    # Bari–GDD, Fuenlabrada–Hangzhou, Santiago–Chongqing, NCI–Yangzhou, Barcelona–Liuzhou, Lazio–Yangzhou
    assert metrics["Partnerships"] == "6"


@pytest.mark.parametrize(
    ("page", "params", "key", "default"),
    [
        (
            "partnership",
            {"partnership": "no-such-pair"},
            "partnership",
            "bari--guangzhou-development-district",
        ),
        ("partner_finder", {"city": "atlantis"}, "city", "bari"),
        ("overview", {"country": ["IT", "ZZ"]}, "country", ["IT"]),
    ],
)
def test_stale_links_fall_back_with_a_notice(
    open_page: Opener, page: str, params: dict, key: str, default: object
) -> None:
    at = open_page(page, params=params)
    assert not at.exception
    assert at.session_state[key] == default
    assert any("does not exist in this data" in toast.value for toast in at.toast)


def test_link_to_this_view_carries_every_setting(open_page: Opener) -> None:
    at = open_page("partnership", params={"partnership": "sofia--semarang", "theme": "sustainable-mobility"})
    (link,) = [code.value for code in at.code]
    assert "partnership=sofia--semarang" in link
    assert "theme=sustainable-mobility" in link


@pytest.fixture
def downloads(monkeypatch: pytest.MonkeyPatch) -> dict[str, Callable[[], bytes | str]]:
    """Every download button's file name -> the function that gives its file (as a click would)."""
    captured: dict[str, Callable[[], bytes | str]] = {}
    original = MediaFileManager.add_deferred

    def spy(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        captured[file_name] = data_callable
        return original(self, data_callable, mimetype, coordinates, file_name, **kwargs)

    add = MediaFileManager.add

    def spy_ready(self, data, mimetype, coordinates, file_name=None, **kwargs):
        captured[file_name] = lambda: data
        return add(self, data, mimetype, coordinates, file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", spy)
    monkeypatch.setattr(MediaFileManager, "add", spy_ready)
    return captured


def test_table_downloads_hold_the_table_as_csv_and_excel(open_page: Opener, downloads: dict) -> None:
    open_page("overview")
    expected = latest_sessions(load_atlas(SHIPPED_DATA), 6)[["date", "partnership", "title"]]
    csv = pd.read_csv(io.BytesIO(downloads["twinning-atlas-latest-sessions.csv"]()))
    assert csv["title"].tolist() == expected["title"].tolist()
    assert csv["date"].tolist() == expected["date"].dt.strftime("%Y-%m-%d").tolist()
    sheets = pd.read_excel(io.BytesIO(downloads["twinning-atlas-latest-sessions.xlsx"]()), sheet_name=None)
    (sheet,) = sheets.values()
    assert list(sheet.columns) == ["Date", "Partnership", "Title"]
    assert sheet["Partnership"].tolist() == expected["partnership"].tolist()


def test_download_all_data_is_the_filtered_atlas_one_sheet_per_table(
    open_page: Opener, downloads: dict
) -> None:
    open_page("overview", params={"theme": "agrifood"})
    sheets = pd.read_excel(io.BytesIO(downloads["twinning-atlas-data.xlsx"]()), sheet_name=None)
    assert "Initiative themes" in sheets
    assert sheets["Initiatives"]["Id"].tolist() == ["yangzhou-university-partner-network"]
    assert set(sheets["Initiative themes"]["Theme id"]) == {"agrifood"}
    cities = sheets["Cities"].set_index("Id")
    assert cities.loc["bari", "Local name"] is not None
    urls = " ".join(sheets["Initiatives"]["Sources"].dropna())
    assert urls.startswith("https://")


def test_the_brief_is_one_self_contained_page(open_page: Opener, downloads: dict) -> None:
    open_page("partnership")
    page = downloads["twinning-atlas-brief-bari--guangzhou-development-district.html"]()
    assert page.startswith("<!DOCTYPE html>")
    assert "Bari – Guangzhou Development District" in page
    assert "广州开发区" in page
    assert page.count('<script type="text/javascript">/**') == 1  # plotly.js, embedded once
    assert "cdn.plot.ly" not in page.split("</script>", 1)[1]
    assert "Sustainable agriculture &amp; food systems: agreed" in page
    assert "Active filters: none" in page
    assert '<a href="https://www.iurc.eu/category/news-from-china/">' in page


def test_an_uploaded_zip_switches_the_whole_dashboard_for_this_session(open_page: Opener) -> None:
    at = open_page("data_quality")
    at.file_uploader(key="upload-files").set_value(
        ("mine.zip", zipped(BASE_FILES, prefix="mine/"), "application/zip")
    )
    at.run()
    at.button(key="load-upload").click().run()
    assert not at.exception
    assert "Viewing uploaded data" in "\n".join(m.value for m in at.sidebar.markdown)
    at.switch_page("pages/overview.py").run()
    assert {m.label: m.value for m in at.metric}["Cities"] == "2"
    at.button(key="back-to-shipped").click().run()
    assert {m.label: m.value for m in at.metric}["Cities"] == "82"


def test_a_broken_upload_lists_its_issues_and_keeps_the_valid_part(open_page: Opener) -> None:
    files = {
        **BASE_FILES,
        "cities/oslo.yaml": "id: oslo\nname: Oslo\ncountry: NO\nnmae: x\n",
        "../escape.yaml": "id: x\n",
    }
    at = open_page("data_quality")
    at.file_uploader(key="upload-files").set_value(("broken.zip", zipped(files), "application/zip"))
    at.run()
    at.button(key="load-upload").click().run()
    issues = at.dataframe[0].value
    assert set(issues["message"]) >= {
        "unknown key 'nmae' (did you mean 'name'?)",
        "refused: paths with '..' are not accepted",
    }
    at.switch_page("pages/overview.py").run()
    assert {m.label: m.value for m in at.metric}["Cities"] == "2"


def test_a_hostile_upload_is_refused_with_a_message(open_page: Opener) -> None:
    at = open_page("data_quality")
    many = zipped({f"cities/c{i}.yaml": "" for i in range(2_001)})
    at.file_uploader(key="upload-files").set_value(("many.zip", many, "application/zip"))
    at.run()
    at.button(key="load-upload").click().run()
    assert "Upload refused: many.zip holds 2,001 entries" in texts(at)
    assert "Viewing uploaded data" not in "\n".join(m.value for m in at.sidebar.markdown)


def test_an_upload_in_two_folders_and_upper_case_loads_the_data_and_lists_the_rest(open_page: Opener) -> None:
    """Found by a red-team run: these made every rerun of the session fail."""
    files = {**BASE_FILES, "cities/oslo.YAML": "id: oslo\n"}
    upload = zipped(files, prefix="a/") + b""
    extra = zipped({"cities/bergen.yaml": "id: bergen\n"}, prefix="b/")
    at = open_page("data_quality")
    at.file_uploader(key="upload-files").set_value(
        [("a.zip", upload, "application/zip"), ("b.zip", extra, "application/zip"), ("X.YML", b"id: x", "")]
    )
    at.run()
    at.button(key="load-upload").click().run()
    assert not at.exception
    messages = set(at.dataframe[0].value["message"])
    assert "ignored: data files end in .yaml or .yml, in lower case" in messages
    at.switch_page("pages/overview.py").run()
    assert not at.exception
    assert {m.label: m.value for m in at.metric}["Cities"] == "2"


def test_a_selected_initiative_restores_from_the_url(open_page: Opener) -> None:
    at = open_page("initiatives", params={"initiative": "bari-tactical-urban-planning"})
    assert not at.exception
    assert "Best matches in partner cities" in texts(at)
    assert "Tactical Urban Planning" in texts(at)
    assert at.query_params["initiative"] == "bari-tactical-urban-planning"


def test_reset_filters_clears_every_filter_and_the_url(open_page: Opener) -> None:
    at = open_page(
        "overview",
        params={
            "region": "Europe",
            "programme": "IUC",
            "theme": "agrifood",
            "country": "IT",
            "years": ["2023", "2023"],
        },
    )
    assert at.session_state["region"] == ["Europe"]
    at.button(key="reset-filters").click().run()
    assert not at.exception
    assert [at.session_state[k] for k in ("programme", "region", "country", "theme")] == [[], [], [], []]
    assert at.session_state["years"] == (2022, 2023)
    assert {
        k: v for k, v in at.query_params.items() if k in ("region", "programme", "theme", "country", "years")
    } == {}
    assert {m.label: m.value for m in at.metric}["Cities"] == "82"
