"""Programme summaries for the pages: headline numbers, counts per theme, region, country, year."""

from __future__ import annotations

import pandas as pd

from analytics.search import search
from loaders.atlas import Atlas


def headline(atlas: Atlas) -> dict[str, int]:
    """The programme's numbers: cities, partnerships, sessions, initiatives, themes covered."""
    return {
        "cities": len(atlas.cities),
        "partnerships": len(atlas.partnerships),
        "sessions": len(atlas.sessions),
        "initiatives": len(atlas.initiatives),
        "themes covered": int(atlas.initiative_themes["theme_id"].nunique()),
    }


def city_labels(atlas: Atlas) -> pd.Series:
    """City id -> display name: 'Guangzhou Development District (广州开发区)' when a local name differs."""
    cities = atlas.cities.set_index("id")
    local = cities["local_name"].fillna("")
    differs = (local != "") & (local != cities["name"])
    return cities["name"].where(~differs, cities["name"] + " (" + local + ")")


def theme_labels(atlas: Atlas) -> pd.Series:
    return atlas.themes.set_index("id")["label"]


def partnership_labels(atlas: Atlas) -> pd.Series:
    """Partnership id -> 'Bari – Guangzhou Development District' (names, in the file's order)."""
    names = atlas.cities.set_index("id")["name"]
    members = atlas.partnership_cities.sort_values(["partnership_id", "position"])
    members = members.assign(name=members["city_id"].map(names).fillna(members["city_id"]))
    return members.groupby("partnership_id", sort=False)["name"].agg(" – ".join)


def theme_coverage(atlas: Atlas) -> pd.DataFrame:
    """Per theme: initiatives (declared, inferred), cities, sessions discussing, sessions agreeing."""
    links = atlas.initiative_themes
    per_theme = links.groupby("theme_id").agg(
        initiatives=("initiative_id", "nunique"),
        cities=("city_id", "nunique"),
        declared=("origin", lambda s: int((s == "declared").sum())),
        inferred=("origin", lambda s: int((s == "inferred").sum())),
    )
    session_links = atlas.session_themes
    discussed = session_links[session_links["role"] == "topic"].groupby("theme_id")["session_id"].nunique()
    agreed = session_links[session_links["role"] == "follow_up"].groupby("theme_id")["session_id"].nunique()
    table = atlas.themes[["id", "label", "group"]].rename(columns={"id": "theme_id"}).set_index("theme_id")
    table = table.join(per_theme).assign(discussed=discussed, agreed=agreed)
    counts = ["initiatives", "cities", "declared", "inferred", "discussed", "agreed"]
    for column in counts:  # an empty selection gives empty (text) columns: make them counts
        table[column] = pd.to_numeric(table[column], errors="coerce").fillna(0).astype("int64")
    return table.reset_index().sort_values(
        ["initiatives", "theme_id"], ascending=[False, True], ignore_index=True
    )


def counts_by(atlas: Atlas, column: str) -> pd.DataFrame:
    """Cities, initiatives and partnerships per `region` or `country` (unknown region: 'Unspecified')."""
    cities = atlas.cities.assign(key=atlas.cities[column].fillna("Unspecified"))
    if column == "country":
        cities["key"] = cities["country_name"].fillna(cities["country"])
    initiatives = atlas.initiatives.merge(cities[["id", "key"]], left_on="city_id", right_on="id")
    members = atlas.partnership_cities.merge(cities[["id", "key"]], left_on="city_id", right_on="id")
    table = (
        pd.DataFrame(
            {
                "cities": cities.groupby("key")["id"].nunique(),
                "initiatives": initiatives.groupby("key")["id_x"].nunique(),
                "partnerships": members.groupby("key")["partnership_id"].nunique(),
            }
        )
        .fillna(0)
        .astype("int64")
    )
    return (
        table.rename_axis(column)
        .reset_index()
        .sort_values(["cities", column], ascending=[False, True], ignore_index=True)
    )


def sessions_per_year(atlas: Atlas) -> pd.DataFrame:
    years = atlas.sessions["date"].dt.year
    return years.value_counts().sort_index().rename_axis("year").reset_index(name="sessions")


def sessions_by_partnership_year(atlas: Atlas) -> pd.DataFrame:
    sessions = atlas.sessions.assign(year=atlas.sessions["date"].dt.year)
    return sessions.groupby(["partnership_id", "year"], as_index=False).agg(sessions=("id", "count"))


def themes_over_time(atlas: Atlas) -> pd.DataFrame:
    """Per year, theme and role (topic | follow_up): how many sessions."""
    links = atlas.session_themes.merge(atlas.sessions[["id", "date"]], left_on="session_id", right_on="id")
    links = links.assign(year=links["date"].dt.year)
    return links.groupby(["year", "theme_id", "role"], as_index=False).agg(sessions=("session_id", "nunique"))


def session_table(atlas: Atlas) -> pd.DataFrame:
    """One row per session with its partnership's name, topics and follow-ups as theme labels."""
    labels = theme_labels(atlas)
    links = atlas.session_themes.assign(theme=atlas.session_themes["theme_id"].map(labels))
    topics = links[links["role"] == "topic"].groupby("session_id")["theme"].agg(tuple)
    follow = links[links["role"] == "follow_up"].groupby("session_id")["theme"].agg(tuple)
    sessions = atlas.sessions.assign(
        partnership=atlas.sessions["partnership_id"].map(partnership_labels(atlas)),
        topics=atlas.sessions["id"].map(topics),
        follow_ups=atlas.sessions["id"].map(follow),
    )
    for column in ("topics", "follow_ups"):
        sessions[column] = sessions[column].apply(lambda v: v if isinstance(v, tuple) else ())
    return sessions.sort_values(["date", "id"], ascending=[False, True], ignore_index=True)


def latest_sessions(atlas: Atlas, n: int = 5) -> pd.DataFrame:
    return session_table(atlas).head(n)


def search_sessions(sessions: pd.DataFrame, text: str | None, types: list[str] | None) -> pd.DataFrame:
    """Sessions whose title, summary or partnership contain `text` (any case), of the given types."""
    shown = search(sessions, text, ["title", "summary", "partnership"], "type", types)
    first_source = shown["sources"].fillna("").str.split(" ").str[0].replace("", None)
    return shown.assign(source=first_source)
