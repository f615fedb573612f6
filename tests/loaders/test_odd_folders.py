"""What hand-kept server folders really hold: editor lock files, pipes, devices, odd names, floods.

Each case comes from a red-team run with inputs the other tests never saw.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from loaders import load_atlas
from loaders.limits import Limits
from tests.conftest import BARI, FolderMaker, run_module


def issue_rows(folder: Path, limits: Limits | None = None) -> list[tuple[str, str, int, str, str]]:
    atlas = load_atlas(folder, limits) if limits else load_atlas(folder)
    return [tuple(row) for row in atlas.issues[["severity", "file", "line", "path", "message"]].values]


def test_an_editors_lock_file_is_not_data(make_folder: FolderMaker) -> None:
    folder = make_folder()
    os.symlink("user@host.4242:1700000000", folder / "cities" / ".#bari.yaml")  # Emacs, while editing
    (folder / "cities" / ".bari.yaml.swp").write_bytes(b"\x00vim swap")
    atlas = load_atlas(folder)
    assert atlas.issues.empty
    assert "bari" in set(atlas.cities["id"])


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: os.symlink(p.parent / "gone.yaml", p), "cannot read the file: No such file or directory"),
        (lambda p: os.mkfifo(p), "not a regular file (a device, pipe or socket), so it is not read"),
        (
            lambda p: os.symlink("/dev/zero", p),
            "not a regular file (a device, pipe or socket), so it is not read",
        ),
    ],
    ids=["dangling link", "fifo", "link to /dev/zero"],
)
def test_a_file_that_cannot_be_read_is_one_error_and_never_a_hang(
    make_folder: FolderMaker, make, message
) -> None:
    folder = make_folder()
    make(folder / "cities" / "oslo.yaml")
    assert issue_rows(folder) == [("error", "cities/oslo.yaml", 1, "(file)", message)]


def test_a_file_name_that_is_not_utf8_is_named_and_reported(make_folder: FolderMaker) -> None:
    folder = make_folder()
    name = os.fsencode(folder / "cities") + b"/oslo-\xff.yaml"
    with open(name, "wb") as handle:
        handle.write(b"id: oslo\nname: Oslo\ncountry: NO\n")
    ((severity, file, line, path, message),) = issue_rows(folder)
    assert (severity, file, line, path) == ("error", "cities/oslo-\ufffd.yaml", 1, "id")
    assert "does not match the file name" in message


def test_a_city_left_out_for_its_errors_is_not_called_missing(make_folder: FolderMaker) -> None:
    folder = make_folder({"cities/bari.yaml": BARI.replace("lat: 41.1171", 'lat: "41,1171"')})
    messages = [row[4] for row in issue_rows(folder) if row[1].startswith("partnerships/")]
    assert "city 'bari' is left out because of errors in cities/bari.yaml" in messages
    assert not any("there is no cities/bari.yaml" in m for m in messages)


def test_a_flood_of_errors_lists_the_first_ones_and_counts_the_rest(make_folder: FolderMaker) -> None:
    flood = "id: oslo\nname: Oslo\ncountry: NO\ninitiatives:\n" + "  - titel: x\n" * 3_000
    rows = issue_rows(make_folder({"cities/oslo.yaml": flood}), Limits(max_issues_per_file=100))
    listed = [row for row in rows if row[1] == "cities/oslo.yaml"]
    assert len(listed) == 101
    # each item has 3 errors (unknown key titel, no id, no title): 9,000 in all, 100 listed
    summary = [row for row in listed if "not listed" in row[4]]
    assert summary == [
        (
            "error",
            "cities/oslo.yaml",
            38,  # the last listed line: 34 items of 3 errors start at line 5
            "(file)",
            "8,900 more issues in this file are not listed (the first 100 are): fix those and validate again",
        )
    ]
    assert any("unknown key 'titel' (did you mean 'title'?)" in row[4] for row in listed)


def test_a_taxonomy_has_a_bounded_number_of_themes(make_folder: FolderMaker) -> None:
    themes = "themes:\n" + "".join(f"  - {{id: t{i}, label: T{i}, keywords: [k{i}]}}\n" for i in range(12))
    atlas = load_atlas(make_folder({"themes.yaml": themes}, base=False), Limits(max_themes=10))
    assert len(atlas.themes) == 10
    (row,) = atlas.issues[atlas.issues["file"] == "themes.yaml"].itertuples()
    assert (row.line, row.path) == (12, "themes[10]")
    assert row.message == "a themes file holds at most 10 themes; the last 2 are left out"


def test_validate_keeps_each_issue_on_one_line(make_folder: FolderMaker) -> None:
    folder = make_folder({"cities/oslo.yaml": 'id: "oslo\\e[31mRED"\nname: Oslo\ncountry: NO\n'})
    result = run_module("loaders", "validate", folder)
    assert result.returncode == 1
    (line, summary) = result.stdout.splitlines()
    assert "\x1b" not in result.stdout
    assert line.startswith("cities/oslo.yaml:1: error: id: 'oslo\\x1b[31mRED' is not an id")
    assert summary.startswith("1 error")


@pytest.mark.parametrize("value", ["nan", "inf", "0", "-1", "many"])
def test_a_size_limit_must_be_a_positive_number(value: str) -> None:
    result = run_module("loaders", "validate", "data", "--max-file-mb", value)
    assert result.returncode == 2
    assert "expected a number of megabytes above 0" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_web_address_may_be_written_in_capitals(make_folder: FolderMaker) -> None:
    port = "{id: oslo-port, title: Port, themes: [agrifood], url: HTTP://WWW.OSLO.KOMMUNE.NO/}"
    oslo = f"id: oslo\nname: Oslo\ncountry: NO\ninitiatives:\n  - {port}\n"
    assert issue_rows(make_folder({"cities/oslo.yaml": oslo})) == []


@pytest.mark.parametrize("escape", ["\\u2028", "\\N", "\\u202e"], ids=["line separator", "NEL", "RLO"])
def test_a_name_is_one_line_in_every_sense_of_unicode(make_folder: FolderMaker, escape: str) -> None:
    oslo = f'id: oslo\nname: "Os{escape}lo"\ncountry: NO\n'
    ((severity, _, line, path, message),) = issue_rows(make_folder({"cities/oslo.yaml": oslo}))
    assert (severity, line, path) == ("error", 2, "name")
    assert message == "name must be one line of text, without line breaks or control characters"


def test_a_session_before_the_partnership_began_is_a_warning(make_folder: FolderMaker) -> None:
    from tests.conftest import PAIR

    folder = make_folder({"partnerships/bari--gdd.yaml": PAIR.replace("since: 1986", "since: 2024")})
    assert issue_rows(folder) == [
        (
            "warning",
            "partnerships/bari--gdd.yaml",
            7,
            "sessions[0].date",
            "session of 2023-03-14 is before the partnership began (2024)",
        )
    ]


def test_the_same_cities_in_two_partnership_files_is_a_warning(make_folder: FolderMaker) -> None:
    again = "id: gdd--bari\ncities: [gdd, bari]\nkind: cooperation\n"
    atlas = load_atlas(make_folder({"partnerships/gdd--bari.yaml": again}))
    assert len(atlas.partnerships) == 2
    (row,) = atlas.issues.itertuples()
    assert (row.severity, row.file, row.line, row.path) == (
        "warning",
        "partnerships/gdd--bari.yaml",
        2,
        "cities",
    )
    assert row.message == "the same cities are already a partnership in partnerships/bari--gdd.yaml"


def test_long_files_are_checked_item_by_item_with_the_same_findings(
    make_folder: FolderMaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past 1,000 items errors are gathered one item at a time (memory); the report is the same."""
    import loaders.records

    items = [
        "  - {id: oslo-a, title: A, themes: [agrifood]}",
        "  - {id: oslo-b, titel: B}",
        "  - {id: oslo-c, title: C, status: done, themes: [agrifood]}",
        "  - {id: oslo-d, title: D, title: again, themes: [agrifood]}",
        "  - {id: oslo-e, title: E, start: 2020, end: 2019, themes: [agrifood]}",
    ]
    oslo = "id: oslo\nname: Oslo\ncountry: NO\nlat: 59.9\ninitiatives:\n" + "\n".join(items) + "\n"
    folder = make_folder({"cities/oslo.yaml": oslo})
    whole = issue_rows(folder)
    monkeypatch.setattr(loaders.records, "ITEMWISE_FROM", 2)
    assert issue_rows(folder) == whole
    assert [(severity, path) for severity, _, _, path, _ in whole] == [
        ("error", "(file)"),  # lat without lon: the city is left out…
        ("warning", "(file)"),  # …with its initiatives
        ("error", "initiatives[1].titel"),
        ("error", "initiatives[1].title"),
        ("error", "initiatives[2].status"),
        ("error", "initiatives[3].title"),  # duplicate key
        ("error", "initiatives[4]"),  # end before start
    ]
