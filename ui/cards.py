"""Small display pieces: score cards with their reading, theme badges, a to-do list."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import streamlit as st

from ui.text import md


def headline_numbers(numbers: Mapping[str, int], helps: Mapping[str, str] | None = None) -> None:
    with st.container(horizontal=True, gap="small"):
        for label, value in numbers.items():
            st.metric(label[:1].upper() + label[1:], f"{value:,}", border=True, help=(helps or {}).get(label))


def score_card(label: str, value: float, reading: str, help: str | None = None) -> None:
    with st.container(border=True):
        st.metric(md(label), f"{value:.2f}", help=help)
        st.caption(md(reading))


def theme_badges(
    title: str, theme_ids: Sequence[str], names: Mapping[str, str], color: str, empty: str = "none"
) -> None:
    st.markdown(f"**{md(title)}**")
    if not theme_ids:
        st.caption(empty)
        return
    with st.container(horizontal=True, gap="small"):
        for theme in theme_ids:
            st.badge(md(names.get(theme, theme)), color=color)  # type: ignore[arg-type]


def to_do(items: Sequence[str], done_message: str) -> None:
    """Things to act on, in one box, one per line; or a reassuring line when there is none."""
    if not items:
        st.success(done_message, icon=":material/check_circle:")
        return
    st.warning("\n".join(f"- {md(item)}" for item in items), icon=":material/flag:")
