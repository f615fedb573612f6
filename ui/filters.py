"""The sidebar's global filters, shared by every page and kept in the URL."""

from __future__ import annotations

import streamlit as st

from analytics.filters import Filters
from loaders import Atlas
from ui.url_state import check_bound, publish, remember_default, restore

FILTER_KEYS = ("programme", "region", "country", "theme", "years")


def _year_bounds(atlas: Atlas) -> tuple[int, int] | None:
    years = atlas.sessions["date"].dt.year.dropna()
    if years.empty:
        return None
    return int(years.min()), int(years.max())


def _reset(bounds: tuple[int, int] | None) -> None:
    # set, not delete: a bound widget whose key is deleted keeps its value in the URL
    for key in ("programme", "region", "country", "theme"):
        st.session_state[key] = []
    if bounds and "years" in st.session_state:
        st.session_state["years"] = bounds


def sidebar_filters(atlas: Atlas) -> Filters:
    """Draw the filters in the sidebar; return the chosen Filters."""
    cities = atlas.cities.drop_duplicates("country").sort_values("country_name")
    countries = dict(zip(cities["country"], cities["country_name"], strict=True))
    themes = dict(zip(atlas.themes["id"], atlas.themes["label"], strict=True))
    programmes = sorted(atlas.partnership_programmes["programme"].unique())
    regions = sorted(atlas.cities["region"].dropna().unique())
    bounds = _year_bounds(atlas)
    with st.sidebar:
        st.subheader("Filters", anchor=False)
        check_bound("programme", programmes)
        chosen_programmes = st.multiselect(
            "Programme", programmes, key="programme", bind="query-params", placeholder="All programmes"
        )
        check_bound("region", regions)
        chosen_regions = st.multiselect(
            "Region", regions, key="region", bind="query-params", placeholder="All regions"
        )
        restore("country", list(countries), many=True, default=[])
        chosen_countries = st.multiselect(
            "Country",
            list(countries),
            key="country",
            persist_state="session",
            format_func=lambda c: countries.get(c, c),
            placeholder="All countries",
        )
        publish("country", chosen_countries, [])
        restore("theme", list(themes), many=True, default=[])
        chosen_themes = st.multiselect(
            "Theme",
            list(themes),
            key="theme",
            persist_state="session",
            format_func=lambda t: themes.get(t, t),
            placeholder="All themes",
        )
        publish("theme", chosen_themes, [])
        years = None
        if bounds and bounds[0] < bounds[1]:
            remember_default("years", bounds)
            chosen_years = st.slider(
                "Session years", bounds[0], bounds[1], bounds, key="years", bind="query-params"
            )
            years = tuple(chosen_years) if tuple(chosen_years) != bounds else None
        st.button(
            "Reset filters",
            on_click=_reset,
            args=(bounds,),
            icon=":material/filter_alt_off:",
            type="tertiary",
            key="reset-filters",
        )
    return Filters(
        programmes=tuple(chosen_programmes),
        regions=tuple(chosen_regions),
        countries=tuple(chosen_countries),
        themes=tuple(chosen_themes),
        years=years,
    )
