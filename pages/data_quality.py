"""Data quality: every issue with file, line, field and message; and exploring your own files."""

import streamlit as st

from charts.quality import issues_by_file_figure
from ui import show
from ui.cards import headline_numbers
from ui.context import page_context
from ui.share import link_to_this_view
from ui.uploads import upload_panel

ctx = page_context()
st.title("Data quality", anchor=False)
link_to_this_view()
issues = ctx.full.issues
headline_numbers(
    {
        "errors": ctx.full.error_count,
        "warnings": ctx.full.warning_count,
        "files with issues": int(issues["file"].nunique()),
    },
    {
        "errors": "Each error leaves out the record (or row) it is in; the rest loads",
        "warnings": "Loaded, but worth a look",
    },
)
if issues.empty:
    st.success("Every file loaded cleanly: no errors, no warnings.", icon=":material/check_circle:")
else:
    severities = st.segmented_control(
        "Show",
        ["error", "warning"],
        selection_mode="multi",
        default=["error", "warning"],
        key="quality-severity",
    )
    shown = issues[issues["severity"].isin(severities or ["error", "warning"])]
    show.table(
        shown,
        "data issues",
        key="quality-issues",
        column_config={"message": st.column_config.TextColumn("Message", width="large")},
    )
    show.chart(issues_by_file_figure(issues), "issues per file", key="quality-chart")
st.caption(
    "The same list on the command line: `python -m loaders validate DIR` prints "
    "`FILE:LINE: SEVERITY: PATH: MESSAGE`."
)

st.header("Explore your own files", anchor=False)
st.markdown(
    "Upload YAML files or a zip of a data folder: they are checked and shown to you only, "
    "in this browser session. Nothing is saved on the server."
)
upload_panel()
