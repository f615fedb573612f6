"""Page selections (a partnership, a city, a theme…) shown by name, kept in the URL by id."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import streamlit as st

from ui.url_state import publish, restore


def pick_one(
    label: str,
    options: Sequence[str],
    names: Mapping[str, str],
    key: str,
    default: str | None = None,
    **widget: object,
) -> str | None:
    """A selectbox over ids, labelled by name; `?key=id` in the URL restores it."""
    if not options:
        return None
    default = default if default in options else options[0]
    restore(key, options, default=default)
    if st.session_state.get(key) not in options:
        st.session_state[key] = default
    chosen = st.selectbox(
        label, options, key=key, format_func=lambda i: names.get(i, i), persist_state="session", **widget
    )
    publish(key, chosen, None)
    return chosen


def pick_many(
    label: str, options: Sequence[str], names: Mapping[str, str], key: str, **widget: object
) -> list[str]:
    """A multiselect over ids, labelled by name; repeated `?key=id` restores it."""
    restore(key, options, many=True, default=[])
    st.session_state[key] = [v for v in st.session_state.get(key, []) if v in options]
    chosen = st.multiselect(
        label, options, key=key, format_func=lambda i: names.get(i, i), persist_state="session", **widget
    )
    publish(key, chosen, [])
    return chosen


def pick_pair(members: Sequence[str], names: Mapping[str, str], key: str = "pair") -> tuple[str, str]:
    """For a partnership of three or more cities: which two to compare (default: the first two)."""
    restore(key, members, many=True, default=list(members[:2]))
    chosen = [c for c in st.session_state.get(key, []) if c in members]
    st.session_state[key] = chosen if len(chosen) == 2 else list(members[:2])
    picked = st.multiselect(
        "Compare two of its cities",
        list(members),
        key=key,
        max_selections=2,
        format_func=lambda c: names.get(c, c),
        persist_state="session",
        help="Scores compare two cities; the partnership has more.",
    )
    pair = picked if len(picked) == 2 else list(members[:2])
    publish(key, pair, list(members[:2]))
    return pair[0], pair[1]
