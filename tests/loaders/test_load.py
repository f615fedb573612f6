"""Loading a folder: every rule reports file, line and path, and only the broken record is left out."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders import DataFolderError, Limits, load_atlas
from tests.conftest import BARI, FolderMaker


def issues(folder: Path, **kwargs: object) -> list[tuple[str, int, str, str, str]]:
    atlas = load_atlas(folder, **kwargs)
    return [tuple(row) for row in atlas.issues.itertuples(index=False)]


def only_issue(folder: Path) -> tuple[str, str, int, str, str]:
    """The single issue of a folder, as (severity, file, line, path, message)."""
    found = issues(folder)
    assert len(found) == 1, found
    return found[0]


def test_the_valid_base_folder_loads_without_issues(make_folder: FolderMaker) -> None:
    atlas = load_atlas(make_folder())
    assert atlas.issues.empty
    assert sorted(atlas.cities["id"]) == ["bari", "gdd"]
    assert len(atlas.initiatives) == 3
    assert atlas.sessions["id"].tolist() == ["bari--gdd/2023-03-14"]
    assert atlas.sessions["date"].dt.strftime("%Y-%m-%d").tolist() == ["2023-03-14"]


def test_every_table_records_the_file_and_line_it_came_from(make_folder: FolderMaker) -> None:
    atlas = load_atlas(make_folder())
    for name, table in atlas.tables().items():
        assert "file" in table.columns, name
    row = atlas.initiatives.set_index("id").loc["bari-tactical"]
    assert (row["file"], row["line"]) == ("cities/bari.yaml", 12)


def test_norway_stays_norway(make_folder: FolderMaker) -> None:
    folder = make_folder({"cities/oslo.yaml": "id: oslo\nname: Oslo\ncountry: NO\nlocal_name: yes\n"})
    city = load_atlas(folder).cities.set_index("id").loc["oslo"]
    assert (city["country"], city["country_name"], city["local_name"]) == ("NO", "Norway", "yes")


def test_a_broken_initiative_does_not_drop_its_city(make_folder: FolderMaker) -> None:
    broken = BARI.replace(
        "    status: ongoing\n  - id: bari-tactical", "    status: finished\n  - id: bari-tactical"
    )
    atlas = load_atlas(make_folder({"cities/bari.yaml": broken}))
    assert "bari" in set(atlas.cities["id"])
    assert set(atlas.initiatives["id"]) == {"bari-tactical", "gdd-pocket-parks"}
    schema_error, dangling = atlas.issues.itertuples(index=False)
    assert (schema_error.file, schema_error.line, schema_error.path) == (
        "cities/bari.yaml",
        11,
        "initiatives[0].status",
    )
    assert schema_error.message.startswith("'finished' is not a valid status")
    # the session that presented the left-out initiative reports the dangling reference too
    assert (dangling.file, dangling.path) == ("partnerships/bari--gdd.yaml", "sessions[0].presented.bari[0]")
    assert "bari-waterfront" not in set(atlas.session_initiatives["initiative_id"])


def test_a_broken_file_does_not_drop_the_folder(make_folder: FolderMaker) -> None:
    atlas = load_atlas(make_folder({"cities/gdd.yaml": "id: gdd\nname: [unclosed\n"}))
    assert set(atlas.cities["id"]) == {"bari"}
    assert tuple(atlas.issues.iloc[0][["severity", "file", "line"]]) == ("error", "cities/gdd.yaml", 3)
    assert "partnerships/bari--gdd.yaml" in set(atlas.issues["file"])  # gdd is now unknown there


def test_city_header_error_leaves_out_the_city_and_says_what_else_was_not_loaded(
    make_folder: FolderMaker,
) -> None:
    folder = make_folder({"cities/bari.yaml": BARI.replace("country: IT", "country: Italy")})
    warning, error = [i for i in issues(folder) if i[1] == "cities/bari.yaml"]
    assert error[:4] == ("error", "cities/bari.yaml", 3, "country")
    assert "'Italy' is not a valid country" in error[4]
    assert warning[:4] == ("warning", "cities/bari.yaml", 1, "(file)")
    assert "2 initiatives not loaded" in warning[4]


@pytest.mark.parametrize(
    ("text", "line", "path", "message"),
    [
        (
            "id: oslo\nname: Oslo\ncountry: NO\nnmae: x\n",
            4,
            "nmae",
            "unknown key 'nmae' (did you mean 'name'?)",
        ),
        ("id: oslo\ncountry: NO\n", 1, "name", "required key 'name' is missing"),
        ("id: Oslo\nname: Oslo\ncountry: NO\n", 1, "id", "'Oslo' is not an id"),
        ("id: oslo\nname: Oslo\ncountry: no\n", 3, "country", "did you mean 'NO'"),
        ("id: oslo\nname: Oslo\ncountry: NO\nlat: 91\nlon: 10\n", 4, "lat", "between -90 and 90"),
        ("id: oslo\nname: Oslo\ncountry: NO\nlat: 59.9\nlon: 190\n", 5, "lon", "between -180 and 180"),
        ("id: oslo\nname: Oslo\ncountry: NO\nlat: north\nlon: 10\n", 4, "lat", "expected a number"),
        ("id: oslo\nname: Oslo\ncountry: NO\nlat: 59.9\n", 1, "(file)", "give both lat and lon"),
        ("id: oslo\nname: [a, b]\ncountry: NO\n", 2, "name", "expected text, found a list"),
    ],
)
def test_city_schema_errors_are_located(
    make_folder: FolderMaker, text: str, line: int, path: str, message: str
) -> None:
    severity, file, found_line, found_path, found_message = only_issue(
        make_folder({"cities/oslo.yaml": text})
    )
    assert (severity, file, found_line, found_path) == ("error", "cities/oslo.yaml", line, path)
    assert message in found_message


INITIATIVE = "id: oslo\nname: Oslo\ncountry: NO\ninitiatives:\n  - id: oslo-x\n    title: Parks\n"


@pytest.mark.parametrize(
    ("extra", "line", "path", "message"),
    [
        ("    url: javascript:alert(1)\n", 7, "initiatives[0].url", "must start with http:// or https://"),
        ("    sources: [ftp://example.org/x]\n", 7, "initiatives[0].sources[0]", "http://"),
        ("    start: 2021\n    end: 2019\n", 5, "initiatives[0]", "end (2019) is before start (2021)"),
        ("    start: twenty\n", 7, "initiatives[0].start", "expected a whole number"),
        ("    start: 19866\n", 7, "initiatives[0].start", "between 1800 and 2100"),
        ("    type: pilot\n", 7, "initiatives[0].type", "use one of programme, project, pilot-project"),
        ("    themes: [public-space, nope]\n", 7, "initiatives[0].themes[1]", "unknown theme 'nope'"),
        ("    themes: [publicspace]\n", 7, "initiatives[0].themes[0]", "did you mean 'public-space'"),
    ],
)
def test_initiative_errors_are_located(
    make_folder: FolderMaker, extra: str, line: int, path: str, message: str
) -> None:
    severity, _, found_line, found_path, found_message = only_issue(
        make_folder({"cities/oslo.yaml": INITIATIVE + extra})
    )
    assert (severity, found_line, found_path) == ("error", line, path)
    assert message in found_message


def test_unknown_theme_drops_only_that_theme_row(make_folder: FolderMaker) -> None:
    folder = make_folder({"cities/oslo.yaml": INITIATIVE + "    themes: [public-space, nope]\n"})
    atlas = load_atlas(folder)
    assert "oslo-x" in set(atlas.initiatives["id"])
    themes = atlas.initiative_themes.query("initiative_id == 'oslo-x'")["theme_id"].tolist()
    assert themes == ["public-space"]


def test_file_name_must_equal_id(make_folder: FolderMaker) -> None:
    folder = make_folder({"cities/oslo.yaml": "id: bergen\nname: Bergen\ncountry: NO\n"})
    assert only_issue(folder)[:4] == ("error", "cities/oslo.yaml", 1, "id")
    assert "rename the file to cities/bergen.yaml" in only_issue(folder)[4]


def test_ids_are_unique_across_the_folder(make_folder: FolderMaker) -> None:
    text = "id: oslo\nname: Oslo\ncountry: NO\ninitiatives:\n  - id: bari-waterfront\n    title: X\n"
    folder = make_folder({"cities/oslo.yaml": text})
    severity, file, line, path, message = only_issue(folder)
    assert (severity, file, line, path) == ("error", "cities/oslo.yaml", 5, "initiatives[0].id")
    assert message == "id 'bari-waterfront' is already used by the initiative at cities/bari.yaml:8"


def test_theme_ids_are_unique(make_folder: FolderMaker) -> None:
    from tests.conftest import THEMES

    folder = make_folder({"themes.yaml": THEMES + "  - id: agrifood\n    label: Again\n"})
    assert only_issue(folder)[:4] == ("error", "themes.yaml", 20, "themes[6].id")


def test_partnership_with_unknown_city_is_left_out(make_folder: FolderMaker) -> None:
    pair = (
        "id: bari--osl\ncities: [bari, osl]\nkind: twinning\nsessions:\n  - date: 2023-01-01\n    title: S\n"
    )
    folder = make_folder(
        {"cities/oslo.yaml": "id: oslo\nname: Oslo\ncountry: NO\n", "partnerships/bari--osl.yaml": pair}
    )
    atlas = load_atlas(folder)
    assert "bari--osl" not in set(atlas.partnerships["id"])
    warning, error = atlas.issues.itertuples(index=False)
    assert (error.severity, error.line, error.path) == ("error", 2, "cities[1]")
    assert error.message == "unknown city 'osl' (did you mean 'oslo'?): there is no cities/osl.yaml"
    assert warning.severity == "warning"
    assert "1 sessions not loaded" in warning.message


SESSION = (
    "id: bari--gdd\ncities: [bari, gdd]\nkind: twinning\nsessions:\n  - date: 2023-03-14\n    title: S\n"
)


@pytest.mark.parametrize(
    ("extra", "line", "path", "message"),
    [
        (
            "    presented:\n      bari: [gdd-pocket-parks]\n",
            8,
            "sessions[0].presented.bari[0]",
            "initiative 'gdd-pocket-parks' belongs to gdd, so bari cannot present it",
        ),
        (
            "    presented:\n      bari: [bari-nothing]\n",
            8,
            "sessions[0].presented.bari[0]",
            "unknown initiative 'bari-nothing'",
        ),
        (
            "    presented:\n      rome: [bari-waterfront]\n",
            8,
            "sessions[0].presented.rome",
            "'rome' is not a city of this partnership",
        ),
        (
            "    interests:\n      - city: gdd\n        in: nowhere\n",
            9,
            "sessions[0].interests[0].in",
            "'nowhere' is neither an initiative nor a theme",
        ),
        (
            "    interests:\n      - city: rome\n        in: agrifood\n",
            8,
            "sessions[0].interests[0].city",
            "'rome' is not a city of this partnership",
        ),
        ("    topics: [agri-food]\n", 7, "sessions[0].topics[0]", "did you mean 'agrifood'"),
        ("    follow_up: [food]\n", 7, "sessions[0].follow_up[0]", "unknown theme 'food'"),
        (
            "    participants:\n      rome: [City of Rome]\n",
            8,
            "sessions[0].participants.rome",
            "not a city of this partnership",
        ),
        ("    end: 2023-03-10\n", 5, "sessions[0]", "end (2023-03-10) is before date (2023-03-14)"),
        ("    format: zoom\n", 7, "sessions[0].format", "use one of online, in-person, hybrid, unknown"),
    ],
)
def test_session_cross_references_are_checked(
    make_folder: FolderMaker, extra: str, line: int, path: str, message: str
) -> None:
    severity, file, found_line, found_path, found_message = only_issue(
        make_folder({"partnerships/bari--gdd.yaml": SESSION + extra})
    )
    assert (severity, file, found_line, found_path) == ("error", "partnerships/bari--gdd.yaml", line, path)
    assert message in found_message


@pytest.mark.parametrize(
    ("date", "message"),
    [
        ("2023-02-30", "'2023-02-30' is not a real date"),
        ("14/03/2023", "must be an ISO date"),
        ("2023-3-14", "must be an ISO date"),
    ],
)
def test_dates_must_be_real_iso_dates(make_folder: FolderMaker, date: str, message: str) -> None:
    text = SESSION.replace("2023-03-14", date)
    _, _, line, path, found = only_issue(make_folder({"partnerships/bari--gdd.yaml": text}))
    assert (line, path) == (5, "sessions[0].date")
    assert message in found


def test_interest_may_point_at_a_theme(make_folder: FolderMaker) -> None:
    text = SESSION + "    interests:\n      - city: gdd\n        in: agrifood\n        note: food supply\n"
    atlas = load_atlas(make_folder({"partnerships/bari--gdd.yaml": text}))
    row = atlas.interests.iloc[0]
    assert (row["city_id"], row["theme_id"], row["note"]) == ("gdd", "agrifood", "food supply")
    assert row.isna()["initiative_id"]


@pytest.mark.parametrize(
    ("city", "initiative", "message"),
    [
        ("bari", "bari-tactical", "bari states an interest in its own initiative 'bari-tactical'"),
        (
            "gdd",
            "oslo-port",
            "initiative 'oslo-port' belongs to oslo, which is not a city of this partnership",
        ),
    ],
)
def test_an_odd_interest_is_kept_with_a_warning(
    make_folder: FolderMaker, city: str, initiative: str, message: str
) -> None:
    oslo = "id: oslo\nname: Oslo\ncountry: NO\ninitiatives:\n  - {id: oslo-port, title: Port}\n"
    text = SESSION + f"    interests:\n      - city: {city}\n        in: {initiative}\n"
    atlas = load_atlas(make_folder({"partnerships/bari--gdd.yaml": text, "cities/oslo.yaml": oslo}))
    issues = atlas.issues[atlas.issues["file"] == "partnerships/bari--gdd.yaml"]
    (issue,) = issues.itertuples(index=False)
    assert (issue.severity, issue.line, issue.path) == ("warning", 9, "sessions[0].interests[0].in")
    assert issue.message == message
    assert atlas.interests["initiative_id"].tolist() == [initiative]


def test_duplicate_key_leaves_out_its_session_only(make_folder: FolderMaker) -> None:
    text = SESSION + "    title: Again\n  - date: 2023-04-01\n    title: Fine\n"
    atlas = load_atlas(make_folder({"partnerships/bari--gdd.yaml": text}))
    assert atlas.sessions["title"].tolist() == ["Fine"]
    (issue,) = atlas.issues.itertuples(index=False)
    assert (issue.line, issue.path) == (7, "sessions[0].title")


def test_a_python_tag_is_reported_and_never_run(make_folder: FolderMaker, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = f"id: oslo\nname: !!python/object/apply:os.system ['touch {marker}']\ncountry: NO\n"
    severity, _, line, path, message = only_issue(make_folder({"cities/oslo.yaml": text}))
    assert (severity, line, path) == ("error", 2, "name")
    assert "is not allowed" in message
    assert not marker.exists()


@pytest.mark.parametrize(
    ("content", "line", "message"),
    [
        (b"", 1, "file is empty"),
        (b"- id: oslo\n", 1, "found a list"),
        (b"id: oslo\nname: Troms\xf8\ncountry: NO\n", 2, "not UTF-8"),
        (b"id: x\nname: &a [*a]\n", 2, "refers to the value that contains it"),
    ],
)
def test_unusable_file_is_one_error_and_the_rest_loads(
    make_folder: FolderMaker, content: bytes, line: int, message: str
) -> None:
    atlas = load_atlas(make_folder({"cities/oslo.yaml": content}))
    (issue,) = atlas.issues.itertuples(index=False)
    assert (issue.file, issue.line, issue.path) == ("cities/oslo.yaml", line, "(file)")
    assert message in issue.message
    assert len(atlas.cities) == 2


def test_size_limit_is_configurable(make_folder: FolderMaker) -> None:
    folder = make_folder({"cities/oslo.yaml": "id: oslo\nname: Oslo\ncountry: NO\n# " + "x" * 3000 + "\n"})
    assert issues(folder) == []
    found = issues(folder, limits=Limits(max_file_bytes=2048))
    assert [(f, line) for _, f, line, _, _ in found] == [("cities/oslo.yaml", 1)]


def test_stray_files_are_warnings(make_folder: FolderMaker) -> None:
    folder = make_folder({"cities/notes.txt": "hello", "extra.yaml": "a: 1\n"})
    found = {(f, s) for s, f, *_ in issues(folder)}
    assert found == {("cities/notes.txt", "warning"), ("extra.yaml", "warning")}


def test_missing_themes_file_is_an_error(make_folder: FolderMaker) -> None:
    found = issues(make_folder({"themes.yaml": None}))
    assert ("error", "themes.yaml", 1, "(file)") in [i[:4] for i in found]
    assert all(i[0] == "error" and "unknown theme" in i[4] for i in found if i[1] != "themes.yaml")


def test_a_folder_without_data_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DataFolderError):
        load_atlas(tmp_path)
    with pytest.raises(DataFolderError):
        load_atlas(tmp_path / "missing")


def test_a_title_must_be_one_line(make_folder: FolderMaker) -> None:
    text = 'id: oslo\nname: "Oslo\\rBergen"\ncountry: NO\n'
    severity, _, line, path, message = only_issue(make_folder({"cities/oslo.yaml": text}))
    assert (severity, line, path) == ("error", 2, "name")
    assert message == "name must be one line of text, without line breaks or control characters"


def test_a_city_check_hidden_behind_an_initiative_error_is_still_reported(make_folder: FolderMaker) -> None:
    """Found by the fuzzer: pydantic runs a record's own checks only once its fields are valid."""
    text = INITIATIVE.replace("country: NO\n", "country: NO\nlon: 10\n") + "    status: done\n"
    atlas = load_atlas(make_folder({"cities/oslo.yaml": text}))
    messages = {(i.path, i.severity): i.message for i in atlas.issues.itertuples()}
    assert "give both lat and lon" in messages[("(file)", "error")]
    assert "'done' is not a valid status" in messages[("initiatives[0].status", "error")]
    assert "oslo" not in set(atlas.cities["id"])
