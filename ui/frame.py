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


# (section, file name in pages/, title, icon): the one list of pages, also used by tests and benchmarks
PAGES = (
    ("Explore", "overview", "Overview", ":material/public:"),
    ("Explore", "partnership", "Partnership", ":material/handshake:"),
    ("Explore", "themes", "Themes", ":material/category:"),
    ("Explore", "network", "Network", ":material/hub:"),
    ("Records", "sessions", "Sessions", ":material/event:"),
    ("Records", "initiatives", "Initiatives", ":material/lightbulb:"),
    ("Plan", "partner_finder", "Partner finder", ":material/person_search:"),
    ("Data", "data_quality", "Data quality", ":material/fact_check:"),
)
PAGE_NAMES = tuple(name for _, name, _, _ in PAGES)
PAGE_TITLES = {name: title for _, name, title, _ in PAGES}


def pages() -> dict[str, list[st.Page]]:
    sections: dict[str, list[st.Page]] = {}
    for section, name, title, icon in PAGES:
        sections.setdefault(section, []).append(
            st.Page(f"pages/{name}.py", title=title, icon=icon, default=name == PAGE_NAMES[0])
        )
    return sections


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
