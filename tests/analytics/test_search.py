"""Search as the Initiatives and Sessions pages do it."""

from __future__ import annotations

import pandas as pd

from analytics.search import search

TABLE = pd.DataFrame(
    {
        "title": ["Tram reactivation plan", "SofiaCoin app", "Biogas plant"],
        "summary": [None, "Rewards for walking", "Food waste to energy"],
        "themes": [["Sustainable mobility"], ["Digital transition"], ["Circular economy"]],
        "status": ["planned", "ongoing", "ongoing"],
    }
)


def test_words_are_found_in_any_column_and_in_lists_whatever_the_case() -> None:
    assert search(TABLE, "TRAM", ["title", "summary"], "status", None)["title"].tolist() == [
        "Tram reactivation plan"
    ]
    assert search(TABLE, "circular", ["title", "themes"], "status", None)["title"].tolist() == [
        "Biogas plant"
    ]
    assert search(TABLE, "walking", ["title", "summary"], "status", None)["title"].tolist() == [
        "SofiaCoin app"
    ]


def test_a_category_narrows_and_empty_text_keeps_all() -> None:
    assert search(TABLE, "", ["title"], "status", ["ongoing"])["title"].tolist() == [
        "SofiaCoin app",
        "Biogas plant",
    ]
    assert len(search(TABLE, "   ", ["title"], "status", [])) == 3
    assert search(TABLE, "tram", ["title"], "status", ["ongoing"]).empty
