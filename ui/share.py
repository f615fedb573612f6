"""The "Link to this view" control: the full URL that reopens exactly this page and selection."""

from __future__ import annotations

import streamlit as st

from ui.url_state import view_url


def link_to_this_view() -> None:
    with st.popover("Link to this view", icon=":material/link:", type="tertiary"):
        st.caption("Copy this link: it opens this page with the same filters and selections.")
        st.code(view_url(), language=None, wrap_lines=True)
