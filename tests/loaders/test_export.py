"""Exports: lists flattened for people, Excel sheets with readable headers, CSV that round-trips."""

from __future__ import annotations

import io

import pandas as pd

from loaders.export import csv_bytes, flatten_lists, readable_column, xlsx_bytes


def test_lists_become_joined_text_and_other_columns_stay() -> None:
    table = pd.DataFrame({"themes": [["a", "b"], ()], "date": pd.to_datetime(["2023-03-14", None])})
    out = flatten_lists(table)
    assert out["themes"].tolist() == ["a; b", ""]
    assert out["date"].dtype == table["date"].dtype


def test_empty_tables_of_any_type_export() -> None:
    empty = pd.DataFrame({"date": pd.Series([], dtype="datetime64[s]"), "n": pd.Series([], dtype="Int64")})
    assert flatten_lists(empty).empty
    assert csv_bytes(empty) == b"date,n\r\n"


def test_csv_quotes_line_breaks_so_rows_stay_rows() -> None:
    table = pd.DataFrame({"title": ["one\rtwo", "three\nfour", 'say "hi"']})
    back = pd.read_csv(io.BytesIO(csv_bytes(table)))
    assert back["title"].tolist() == ["one\rtwo", "three\nfour", 'say "hi"']


def test_excel_has_one_sheet_per_table_with_readable_headers() -> None:
    workbook = xlsx_bytes(
        {
            "partnership_cities": pd.DataFrame({"partnership_id": ["a--b"], "city_id": ["a"]}),
            "cities": pd.DataFrame({"id": ["a"], "local_name": ["广州开发区"]}),
        }
    )
    sheets = pd.read_excel(io.BytesIO(workbook), sheet_name=None)
    assert list(sheets) == ["Partnership cities", "Cities"]
    assert list(sheets["Cities"].columns) == ["Id", "Local name"]
    assert sheets["Cities"].loc[0, "Local name"] == "广州开发区"
    assert readable_column("initiative_id") == "Initiative id"


def test_excel_keeps_a_title_that_looks_like_a_formula_as_text() -> None:
    import openpyxl

    title = '=HYPERLINK("http://example.org","click")'
    workbook = xlsx_bytes({"initiatives": pd.DataFrame({"title": [title, "Pocket Parks"], "n": [1, 2]})})
    sheet = openpyxl.load_workbook(io.BytesIO(workbook))["Initiatives"]
    assert [(c.value, c.data_type) for c in sheet["A"][1:]] == [(title, "s"), ("Pocket Parks", "s")]
