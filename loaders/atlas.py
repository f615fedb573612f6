"""The Atlas: the normalized tables of one data folder, one row per fact, plus its issues."""

from __future__ import annotations

from dataclasses import dataclass, fields

import pandas as pd

STR, INT, FLOAT, DATE = "str", "Int64", "float64", "datetime64[s]"

# Column order and dtype of every table; DESIGN.md's names first, then provenance.
TABLES: dict[str, dict[str, str]] = {
    "themes": {"id": STR, "label": STR, "group": STR, "keywords": STR, "file": STR, "line": INT},
    "cities": {
        "id": STR,
        "name": STR,
        "local_name": STR,
        "country": STR,
        "country_name": STR,
        "region": STR,
        "lat": FLOAT,
        "lon": FLOAT,
        "wikidata": STR,
        "file": STR,
        "line": INT,
    },
    "city_seeks": {"city_id": STR, "theme_id": STR, "file": STR, "line": INT},
    "initiatives": {
        "id": STR,
        "city_id": STR,
        "title": STR,
        "summary": STR,
        "type": STR,
        "status": STR,
        "start": INT,
        "end": INT,
        "url": STR,
        "sources": STR,
        "file": STR,
        "line": INT,
    },
    "initiative_themes": {
        "initiative_id": STR,
        "city_id": STR,
        "theme_id": STR,
        "origin": STR,
        "keyword": STR,
        "file": STR,
        "line": INT,
    },
    "partnerships": {
        "id": STR,
        "kind": STR,
        "since": INT,
        "cities": STR,
        "programmes": STR,
        "file": STR,
        "line": INT,
    },
    "partnership_cities": {
        "partnership_id": STR,
        "city_id": STR,
        "position": INT,
        "file": STR,
        "line": INT,
    },
    "partnership_programmes": {"partnership_id": STR, "programme": STR, "file": STR, "line": INT},
    "sessions": {
        "id": STR,
        "partnership_id": STR,
        "date": DATE,
        "end": DATE,
        "title": STR,
        "type": STR,
        "format": STR,
        "summary": STR,
        "sources": STR,
        "file": STR,
        "line": INT,
    },
    "session_themes": {
        "session_id": STR,
        "partnership_id": STR,
        "theme_id": STR,
        "role": STR,
        "file": STR,
        "line": INT,
    },
    "session_initiatives": {
        "session_id": STR,
        "partnership_id": STR,
        "city_id": STR,
        "initiative_id": STR,
        "file": STR,
        "line": INT,
    },
    "session_participants": {
        "session_id": STR,
        "partnership_id": STR,
        "city_id": STR,
        "organisation": STR,
        "file": STR,
        "line": INT,
    },
    "interests": {
        "session_id": STR,
        "partnership_id": STR,
        "city_id": STR,
        "initiative_id": STR,
        "theme_id": STR,
        "note": STR,
        "file": STR,
        "line": INT,
    },
    "issues": {"severity": STR, "file": STR, "line": INT, "path": STR, "message": STR},
}


def empty_table(name: str) -> pd.DataFrame:
    return make_table(name, [])


def make_table(name: str, rows: list[tuple]) -> pd.DataFrame:
    """A table from row tuples in TABLES' column order, with TABLES' dtypes."""
    columns = TABLES[name]
    frame = (
        pd.DataFrame.from_records(rows, columns=list(columns))
        if rows
        else pd.DataFrame({c: pd.Series([], dtype=object) for c in columns})
    )
    return frame.astype(columns)


@dataclass(frozen=True)
class Atlas:
    """A frozen bundle of tables; treat every frame as read-only (analytics copy what they change)."""

    themes: pd.DataFrame
    cities: pd.DataFrame
    city_seeks: pd.DataFrame
    initiatives: pd.DataFrame
    initiative_themes: pd.DataFrame
    partnerships: pd.DataFrame
    partnership_cities: pd.DataFrame
    partnership_programmes: pd.DataFrame
    sessions: pd.DataFrame
    session_themes: pd.DataFrame
    session_initiatives: pd.DataFrame
    session_participants: pd.DataFrame
    interests: pd.DataFrame
    issues: pd.DataFrame
    source: str = ""

    @classmethod
    def table_names(cls) -> list[str]:
        return [f.name for f in fields(cls) if f.name in TABLES]

    def tables(self) -> dict[str, pd.DataFrame]:
        return {name: getattr(self, name) for name in self.table_names()}

    @property
    def error_count(self) -> int:
        return int((self.issues["severity"] == "error").sum())

    @property
    def warning_count(self) -> int:
        return int((self.issues["severity"] == "warning").sum())

    @classmethod
    def empty(cls, source: str = "") -> Atlas:
        return cls(**{name: empty_table(name) for name in TABLES}, source=source)
