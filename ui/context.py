"""What a page works with: the filtered Atlas, its profiles and display labels, for this run."""

from __future__ import annotations

import threading
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from analytics.filters import Filters, apply_filters
from analytics.profiles import Profiles, build_profiles
from analytics.summaries import city_labels, partnership_labels, theme_labels
from loaders import Atlas
from ui.data import Dataset

_current = threading.local()


@dataclass(frozen=True)
class PageContext:
    dataset: Dataset
    filters: Filters
    atlas: Atlas  # filtered
    profiles: Profiles  # of the filtered Atlas
    cities: dict[str, str]  # id -> display name (with the local name)
    themes: dict[str, str]  # id -> label
    partnerships: dict[str, str]  # id -> "City – City"

    @property
    def full(self) -> Atlas:
        return self.dataset.atlas

    def city(self, city_id: str) -> str:
        return self.cities.get(city_id, city_id)

    def theme(self, theme_id: str) -> str:
        return self.themes.get(theme_id, theme_id)


@st.cache_resource(max_entries=64, show_spinner=False)  # read-only views: shared, never copied
def _filtered(key: str, filters: Filters, _atlas: Atlas) -> tuple[Atlas, Profiles]:
    atlas = apply_filters(_atlas, filters)
    return atlas, build_profiles(atlas)


def build_context(dataset: Dataset, filters: Filters) -> PageContext:
    atlas, profiles = _filtered(dataset.key, filters, dataset.atlas)
    full = dataset.atlas
    return PageContext(
        dataset=dataset,
        filters=filters,
        atlas=atlas,
        profiles=profiles,
        cities=_as_dict(city_labels(full)),
        themes=_as_dict(theme_labels(full)),
        partnerships=_as_dict(partnership_labels(full)),
    )


def _as_dict(series: pd.Series) -> dict[str, str]:
    return {str(k): str(v) for k, v in series.items()}


def set_context(context: PageContext) -> None:
    """Called by dashboard.py before the page runs (same script thread)."""
    _current.value = context


def clear_context() -> None:
    _current.value = None


def page_context() -> PageContext:
    """The context dashboard.py set for this run.

    With a folder named `pages/` beside the entry point, Streamlit (legacy multipage mode) may run
    a page file on its own: in AppTest, and for a server's very first request of a deep link. Then
    the page runs the whole dashboard, which runs the page again inside it, and this copy stops.
    """
    context = getattr(_current, "value", None)
    if context is None:
        from ui.frame import run_app

        run_app()
        st.stop()
    return context
