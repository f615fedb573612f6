"""Tables out: CSV files with the Atlas's column names, and Excel workbooks for people."""

from __future__ import annotations

import io
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from loaders.atlas import Atlas

_EXCEL_SHEET_CHARS = 31


def write_csv_tables(atlas: Atlas, out: str | Path) -> list[Path]:
    """Write `OUT/<table>.csv` for every table (UTF-8, a header row, DESIGN.md's column names)."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, table in atlas.tables().items():
        path = out / f"{name}.csv"
        path.write_bytes(csv_bytes(table))
        written.append(path)
    return written


def csv_bytes(table: pd.DataFrame) -> bytes:
    """RFC 4180 CSV: CRLF line ends, so a field holding a line break (\\r or \\n) is quoted."""
    return table.to_csv(index=False, lineterminator="\r\n").encode("utf-8")


def flatten_lists(table: pd.DataFrame) -> pd.DataFrame:
    """Lists and tuples become '; '-joined text so CSV and Excel cells stay readable."""
    out = table.copy()
    for column in out.columns:
        if out[column].dtype == object and any(isinstance(v, list | tuple) for v in out[column]):
            out[column] = out[column].map(
                lambda v: "; ".join(map(str, v)) if isinstance(v, list | tuple) else v
            )
    return out


def readable_column(name: str) -> str:
    """'initiative_id' -> 'Initiative id'."""
    text = name.replace("_", " ")
    return text[:1].upper() + text[1:]


def xlsx_bytes(tables: Mapping[str, pd.DataFrame]) -> bytes:
    """One workbook, one sheet per table, readable headers, ids and URLs kept as text."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, table in tables.items():
            sheet = readable_column(name)[:_EXCEL_SHEET_CHARS]
            table.rename(columns=readable_column).to_excel(writer, sheet_name=sheet, index=False)
            _fit_columns(writer.sheets[sheet], table)
            _formulas_as_text(writer.sheets[sheet], table)
    return buffer.getvalue()


def _formulas_as_text(sheet: object, table: pd.DataFrame) -> None:
    """A title such as '=HYPERLINK(...)' is text from the data, never a formula Excel runs."""
    for index, column in enumerate(table.columns, start=1):
        values = table[column]
        if values.dtype.kind not in "OU" and not isinstance(values.dtype, pd.StringDtype):
            continue
        starts = values.astype("string").str.startswith("=").fillna(False).to_numpy(dtype=bool)
        for row in starts.nonzero()[0]:
            sheet.cell(row=int(row) + 2, column=index).data_type = "s"  # type: ignore[attr-defined]


def _fit_columns(sheet: object, table: pd.DataFrame) -> None:
    from openpyxl.utils import get_column_letter

    sample = table.head(200)
    for index, column in enumerate(table.columns, start=1):
        longest = max([len(readable_column(column))] + [len(str(v)) for v in sample[column].dropna()])
        sheet.column_dimensions[get_column_letter(index)].width = min(60, longest + 2)  # type: ignore[attr-defined]
    sheet.freeze_panes = "A2"  # type: ignore[attr-defined]
