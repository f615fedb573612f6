"""Searching tables the way the pages do: some values of one column, and words in several."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd


def search(
    table: pd.DataFrame, text: str | None, columns: Sequence[str], category: str, chosen: Sequence[str] | None
) -> pd.DataFrame:
    """Rows whose `category` is one of `chosen` (all when none) and whose `columns` contain `text`.

    Case-insensitive; list cells (theme names) are searched word by word like text.
    """
    shown = table[table[category].isin(chosen)] if chosen else table
    if text and text.strip():
        parts = [
            shown[c].map(" ".join)
            if shown[c].dtype == object and _holds_lists(shown[c])
            else shown[c].fillna("").astype(str)
            for c in columns
        ]
        haystack = parts[0].str.cat(parts[1:], sep=" ").str.casefold()
        shown = shown[haystack.str.contains(text.strip().casefold(), regex=False)]
    return shown.reset_index(drop=True)


def _holds_lists(column: pd.Series) -> bool:
    return any(isinstance(value, list | tuple) for value in column.head(50))
