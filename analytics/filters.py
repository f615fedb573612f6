"""The global filters (programme, region, country, theme, year range) applied to an Atlas.

Rules, so that every page shows the same slice:
- Region, country and programme choose the cities *in scope*; programme also chooses
  partnerships. A partnership stays when one of its cities is in scope; its partner cities stay
  with it, so a pair is never shown half.
- Theme keeps the chosen themes only: initiatives carrying one of them, and sessions that
  discussed or agreed one of them. Scores on a filtered Atlas are computed over those themes.
- Year range keeps sessions dated in it, initiatives whose start–end years meet it (unknown years
  stay), and partnerships that existed by its end (unknown `since` stays).
The issues table is never filtered: data quality concerns the whole folder.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import pandas as pd

from loaders.atlas import Atlas


@dataclass(frozen=True)
class Filters:
    programmes: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    years: tuple[int, int] | None = None

    @property
    def active(self) -> bool:
        return bool(self.programmes or self.regions or self.countries or self.themes or self.years)

    def describe(self) -> list[str]:
        """The active filters in words, for briefs and exports."""
        parts = [
            f"{label}: {', '.join(values)}"
            for label, values in (
                ("Programme", self.programmes),
                ("Region", self.regions),
                ("Country", self.countries),
                ("Theme", self.themes),
            )
            if values
        ]
        if self.years:
            parts.append(f"Years: {self.years[0]}–{self.years[1]}")
        return parts


def scoped_city_ids(atlas: Atlas, filters: Filters) -> set[str]:
    """The cities the region, country and programme filters choose (before adding partners)."""
    cities = atlas.cities
    keep = pd.Series(True, index=cities.index)
    if filters.regions:
        keep &= cities["region"].isin(filters.regions)
    if filters.countries:
        keep &= cities["country"].isin(filters.countries)
    if filters.programmes:
        keep &= cities["id"].isin(_members(atlas, _programme_partnerships(atlas, filters)))
    return set(cities.loc[keep, "id"])


def _programme_partnerships(atlas: Atlas, filters: Filters) -> set[str]:
    programmes = atlas.partnership_programmes
    return set(programmes.loc[programmes["programme"].isin(filters.programmes), "partnership_id"])


def _members(atlas: Atlas, partnerships: set[str]) -> set[str]:
    members = atlas.partnership_cities
    return set(members.loc[members["partnership_id"].isin(partnerships), "city_id"])


def apply_filters(atlas: Atlas, filters: Filters) -> Atlas:
    """A consistent sub-Atlas; returns `atlas` itself when no filter is active."""
    if not filters.active:
        return atlas
    partnerships = _kept_partnerships(atlas, filters)
    cities = scoped_city_ids(atlas, filters) | _members(atlas, partnerships)
    initiatives = _kept_initiatives(atlas, filters, cities)
    sessions = _kept_sessions(atlas, filters, partnerships)
    themes = set(filters.themes) if filters.themes else set(atlas.themes["id"])
    return replace(
        atlas,
        themes=_rows(atlas.themes, "id", themes),
        cities=_rows(atlas.cities, "id", cities),
        city_seeks=_rows(_rows(atlas.city_seeks, "city_id", cities), "theme_id", themes),
        initiatives=_rows(atlas.initiatives, "id", initiatives),
        initiative_themes=_rows(
            _rows(atlas.initiative_themes, "initiative_id", initiatives), "theme_id", themes
        ),
        partnerships=_rows(atlas.partnerships, "id", partnerships),
        partnership_cities=_rows(atlas.partnership_cities, "partnership_id", partnerships),
        partnership_programmes=_rows(atlas.partnership_programmes, "partnership_id", partnerships),
        sessions=_rows(atlas.sessions, "id", sessions),
        session_themes=_rows(_rows(atlas.session_themes, "session_id", sessions), "theme_id", themes),
        session_initiatives=_rows(
            _rows(atlas.session_initiatives, "session_id", sessions), "initiative_id", initiatives
        ),
        session_participants=_rows(atlas.session_participants, "session_id", sessions),
        interests=_kept_interests(atlas, sessions, initiatives, themes),
    )


def _rows(table: pd.DataFrame, column: str, keep: set[str]) -> pd.DataFrame:
    return table[table[column].isin(keep)].reset_index(drop=True)


def _kept_partnerships(atlas: Atlas, filters: Filters) -> set[str]:
    partnerships = atlas.partnerships
    keep = partnerships["id"].isin(
        set(
            atlas.partnership_cities.loc[
                atlas.partnership_cities["city_id"].isin(scoped_city_ids(atlas, filters)), "partnership_id"
            ]
        )
    )
    if filters.programmes:
        keep &= partnerships["id"].isin(_programme_partnerships(atlas, filters))
    if filters.years:
        keep &= partnerships["since"].isna() | (partnerships["since"] <= filters.years[1])
    return set(partnerships.loc[keep.fillna(False), "id"])


def _kept_initiatives(atlas: Atlas, filters: Filters, cities: set[str]) -> set[str]:
    initiatives = atlas.initiatives
    keep = initiatives["city_id"].isin(cities)
    if filters.themes:
        links = atlas.initiative_themes
        keep &= initiatives["id"].isin(
            set(links.loc[links["theme_id"].isin(filters.themes), "initiative_id"])
        )
    if filters.years:
        first, last = filters.years
        starts_in_time = initiatives["start"].isna() | (initiatives["start"] <= last)
        ends_in_time = initiatives["end"].isna() | (initiatives["end"] >= first)
        keep &= (starts_in_time & ends_in_time).fillna(True)
    return set(initiatives.loc[keep, "id"])


def _kept_sessions(atlas: Atlas, filters: Filters, partnerships: set[str]) -> set[str]:
    sessions = atlas.sessions
    keep = sessions["partnership_id"].isin(partnerships)
    if filters.themes:
        links = atlas.session_themes
        keep &= sessions["id"].isin(set(links.loc[links["theme_id"].isin(filters.themes), "session_id"]))
    if filters.years:
        keep &= sessions["date"].dt.year.between(*filters.years)
    return set(sessions.loc[keep, "id"])


def _kept_interests(
    atlas: Atlas, sessions: set[str], initiatives: set[str], themes: set[str]
) -> pd.DataFrame:
    interests = _rows(atlas.interests, "session_id", sessions)
    on_target = interests["initiative_id"].isin(initiatives) | interests["theme_id"].isin(themes)
    return interests[on_target].reset_index(drop=True)
