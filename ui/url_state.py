"""Every view is a URL: page selections and filters read from and written to the query string.

Widgets whose raw values read well in a URL (programme, region, years, search text) are bound
with `bind="query-params"`. Selections of ids shown under display names (country, theme,
partnership, city, initiative) are synced here instead, so the URL holds the stable id
(`?partnership=bari--guangzhou-development-district`), never a label. Values are allow-listed
against the loaded data; nothing is deserialized from the URL but plain text.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlencode

import streamlit as st

from ui.text import md

# Every parameter a URL may carry: name -> what it holds. README's "URL parameters" lists the same.
URL_PARAMS: dict[str, str] = {
    "programme": "global filter: programme names (repeatable)",
    "region": "global filter: city regions (repeatable)",
    "country": "global filter: ISO country codes (repeatable)",
    "theme": "global filter: theme ids (repeatable)",
    "years": "global filter: first and last year (two values)",
    "partnership": "Partnership page: the partnership id",
    "pair": "Partnership page: the two city ids compared, for partnerships of three or more",
    "focus": "Themes page: the theme id to drill into",
    "city": "Partner finder: the city id",
    "rank": "Partner finder: rank by `overlap` or `complementarity`",
    "q": "Initiatives page: search text",
    "status": "Initiatives page: statuses shown (repeatable)",
    "initiative": "Initiatives page: the selected initiative id",
    "session_q": "Sessions page: search text",
    "session_type": "Sessions page: session types shown (repeatable)",
}
BOUND = ("programme", "region", "years", "q", "session_q", "rank")
_NOTICES = "_url_notices"


def _published_key(key: str) -> str:
    return f"_url_published_{key}"


def restore(key: str, allowed: Sequence[str], *, many: bool = False, default: object = None) -> None:
    """Before the widget `key` renders: take its value from the URL when the URL brings a new one.

    An empty URL keeps the session's value (page switches drop page parameters); a value that is
    not in `allowed` falls back to the default with a notice.
    """
    values = st.query_params.get_all(key)
    fresh = values and values != st.session_state.get(_published_key(key))
    if not fresh and key in st.session_state:
        return
    allowed_set = set(allowed)
    valid = [v for v in values if v in allowed_set]
    for value in values:
        if value not in allowed_set:
            _notice(f"The link's {key} '{value}' does not exist in this data; showing the default instead.")
    if many:
        st.session_state[key] = list(dict.fromkeys(valid))
    else:
        st.session_state[key] = valid[0] if valid else default


def publish(key: str, value: object, default: object = None) -> None:
    """After the widget rendered: mirror its value into the URL, or drop it when it is the default."""
    values = (
        [str(v) for v in value]
        if isinstance(value, list | tuple)
        else ([] if value in (None, "") else [str(value)])
    )
    if value == default or not values:
        if key in st.query_params:
            del st.query_params[key]
        st.session_state[_published_key(key)] = []
        return
    st.query_params[key] = values if len(values) > 1 else values[0]
    st.session_state[_published_key(key)] = values


def check_bound(key: str, allowed: Sequence[str]) -> None:
    """For a widget bound to the URL: Streamlit drops unknown values silently; say so instead."""
    unknown = [v for v in st.query_params.get_all(key) if v not in set(allowed)]
    if unknown and not st.session_state.get(f"_checked_{key}"):
        _notice(f"The link's {key} {', '.join(map(repr, unknown))} does not exist in this data; ignored.")
    st.session_state[f"_checked_{key}"] = True


def _notice(message: str) -> None:
    st.session_state.setdefault(_NOTICES, []).append(message)


def show_notices() -> None:
    for message in st.session_state.pop(_NOTICES, []):
        st.toast(md(message), icon=":material/link_off:")


def view_params() -> list[tuple[str, str]]:
    """The current view as (name, value) pairs, in URL_PARAMS order."""
    pairs = []
    for key in URL_PARAMS:
        if key in BOUND:
            value = st.session_state.get(key)
            default = st.session_state.get(f"_default_{key}")
            if value is None or value == default or value == "" or value == []:
                continue
            values = list(value) if isinstance(value, list | tuple) else [value]
        else:
            values = st.query_params.get_all(key)
        pairs += [(key, str(v)) for v in values]
    return pairs


def view_url() -> str:
    """The full link to this view: this page's address and every non-default setting."""
    query = urlencode(view_params())
    return (st.context.url or "") + (f"?{query}" if query else "")


def remember_default(key: str, default: object) -> None:
    """Bound widgets drop defaults from the URL; record them to rebuild the link."""
    st.session_state[f"_default_{key}"] = default
