"""The dashboard's frame: page config, navigation, the data, the sidebar filters, then the page."""

from __future__ import annotations

import streamlit as st

from ui.config import ROOT, data_folder
from ui.context import build_context, clear_context, set_context
from ui.data import folder_dataset
from ui.filters import sidebar_filters
from ui.notices import issues_banner
from ui.show import all_data_download
from ui.uploads import current_dataset
from ui.url_state import show_notices

ICON = ROOT / "ui" / "assets" / "icon.png"


def pages() -> dict[str, list[st.Page]]:
    return {
        "Explore": [
            st.Page("pages/overview.py", title="Overview", icon=":material/public:", default=True),
            st.Page("pages/partnership.py", title="Partnership", icon=":material/handshake:"),
            st.Page("pages/themes.py", title="Themes", icon=":material/category:"),
            st.Page("pages/network.py", title="Network", icon=":material/hub:"),
        ],
        "Records": [
            st.Page("pages/sessions.py", title="Sessions", icon=":material/event:"),
            st.Page("pages/initiatives.py", title="Initiatives", icon=":material/lightbulb:"),
        ],
        "Plan": [st.Page("pages/partner_finder.py", title="Partner finder", icon=":material/person_search:")],
        "Data": [st.Page("pages/data_quality.py", title="Data quality", icon=":material/fact_check:")],
    }


def run_app() -> None:
    """Everything around a page, then the page itself (with its context for this run only)."""
    st.set_page_config(page_title="Twinning Atlas", page_icon=str(ICON), layout="wide")
    page = st.navigation(pages())
    dataset = current_dataset(folder_dataset(data_folder()))
    filters = sidebar_filters(dataset.atlas)
    context = build_context(dataset, filters)
    set_context(context)
    all_data_download(context)
    try:
        issues_banner(dataset.atlas)
        page.run()
    finally:
        show_notices()  # a stale link's notice, from the filters or from the page's own selections
        clear_context()
