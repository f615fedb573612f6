"""The banner every page shows when data has errors, and friendly empty states."""

from __future__ import annotations

import streamlit as st

from loaders import Atlas

QUALITY_PAGE = "pages/data_quality.py"


def issues_banner(atlas: Atlas) -> None:
    errors, warnings = atlas.error_count, atlas.warning_count
    if not errors:
        return
    with st.container(horizontal=True, vertical_alignment="center"):
        st.warning(
            f"{errors} record{'s' * (errors != 1)} left out because of errors"
            + (f" (and {warnings} warnings)" if warnings else "")
            + " — the rest of the data is shown.",
            icon=":material/report:",
        )
        st.page_link(QUALITY_PAGE, label="See Data quality", icon=":material/arrow_forward:")


def nothing_to_show(message: str, hint: str = "Widen the filters in the sidebar.") -> None:
    st.info(f"{message} {hint}", icon=":material/filter_alt_off:")
