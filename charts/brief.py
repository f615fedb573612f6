"""The partnership brief: one self-contained HTML page for a meeting, printable on A4.

Self-contained: plotly's JavaScript is embedded once, every figure is inline, nothing is fetched.
Every text from the data is HTML-escaped; only http(s) links become anchors.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd
import plotly.graph_objects as go
import plotly.offline

from analytics.pair import PairReport
from analytics.readings import (
    complementarity_reading,
    cosine_reading,
    jaccard_reading,
    overlap_reading,
    thin_reading,
)
from charts.pair import butterfly_figure, butterfly_table
from charts.style import FONT
from charts.timeline import session_timeline

PRINT_WIDTH = 700  # pixels: the width of A4 between 12 mm margins at 96 dpi

_CSS = """
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font-family: %(font)s; color: #1B2733; font-size: 10.5pt; line-height: 1.4;
       max-width: 186mm; margin: 0 auto; padding: 8px; }
h1 { font-size: 20pt; margin: 0 0 2px; }
h2 { font-size: 12.5pt; margin: 18px 0 6px; border-bottom: 2px solid #1F5A96; padding-bottom: 2px; }
.meta, .small { color: #5B6875; font-size: 9pt; }
.cities, .scores { display: grid; grid-template-columns: repeat(3, 1fr); gap: 8px; }
.card { border: 1px solid #D5DCE3; border-radius: 4px; padding: 6px 8px; break-inside: avoid; }
.card b.value { font-size: 16pt; display: block; }
table { border-collapse: collapse; width: 100%%; font-size: 9pt; }
th, td { border-bottom: 1px solid #E1E6EB; padding: 3px 4px; text-align: left; vertical-align: top; }
th { background: #F2F5F9; }
section { break-inside: avoid-page; }
.chart { break-inside: avoid; margin: 4px 0; }
ul { margin: 4px 0; padding-left: 18px; }
.todo li { margin-bottom: 3px; }
.tag { display: inline-block; border-radius: 3px; padding: 0 5px; margin: 1px; font-size: 8.5pt; }
.shared { background: #E3F4EC; } .only-a { background: #E3EEF8; } .only-b { background: #FCEFD9; }
a { color: #1F5A96; word-break: break-all; }
@media print { body { padding: 0; } a { color: #1B2733; } }
"""


@dataclass(frozen=True)
class BriefContext:
    """Names and provenance the brief prints beside the report."""

    cities: Mapping[str, str]
    themes: Mapping[str, str]
    partnership_label: str
    data_label: str
    filters: Sequence[str]
    generated: dt.date


@lru_cache(maxsize=1)
def _plotly_js() -> str:
    return plotly.offline.get_plotlyjs()


def _e(text: object) -> str:
    return html.escape("" if text is None or (isinstance(text, float) and pd.isna(text)) else str(text))


def _link(url: str) -> str:
    if not url.lower().startswith(("http://", "https://")):
        return _e(url)
    return f'<a href="{_e(url)}">{_e(url)}</a>'


def _figure(fig: go.Figure) -> str:
    fig = go.Figure(fig)
    fig.update_layout(width=PRINT_WIDTH, uirevision=None)
    return (
        '<div class="chart">'
        + fig.to_html(
            full_html=False, include_plotlyjs=False, config={"displayModeBar": False, "responsive": False}
        )
        + "</div>"
    )


def _cities(atlas_cities: pd.DataFrame, report: PairReport, initiatives: pd.Series) -> str:
    cards = []
    for city_id in report.cities:
        city = atlas_cities.loc[city_id]
        local = (
            city["local_name"] if pd.notna(city["local_name"]) and city["local_name"] != city["name"] else ""
        )
        cards.append(
            f'<div class="card"><b>{_e(city["name"])}</b> {_e(local)}<br>'
            f'<span class="small">{_e(city["country_name"])}'
            f"{', ' + _e(city['region']) if pd.notna(city['region']) else ''} · "
            f"{int(initiatives.get(city_id, 0))} initiatives</span></div>"
        )
    return '<div class="cities">' + "".join(cards) + "</div>"


def _scores(report: PairReport, names: Mapping[str, str], themes: Mapping[str, str]) -> str:
    a, b = names.get(report.a, report.a), names.get(report.b, report.b)
    o = report.overlap
    cards = [
        ("Jaccard", o.jaccard, jaccard_reading(o, a, b)),
        ("Overlap coefficient", o.overlap, overlap_reading(o, a, b)),
        ("Cosine", o.cosine, cosine_reading(o)),
        (f"{a} → {b}", report.a_helps_b.score, complementarity_reading(report.a_helps_b, a, b, themes)),
        (f"{b} → {a}", report.b_helps_a.score, complementarity_reading(report.b_helps_a, b, a, themes)),
    ]
    html_cards = "".join(
        f'<div class="card">{_e(label)}<b class="value">{value:.2f}</b>'
        f'<span class="small">{_e(text)}</span></div>'
        for label, value, text in cards
    )
    thin = thin_reading(o, a, b)
    return f'<div class="scores">{html_cards}</div>' + (f'<p class="small">{_e(thin)}</p>' if thin else "")


def _tags(ids: Sequence[str], themes: Mapping[str, str], css: str) -> str:
    return "".join(f'<span class="tag {css}">{_e(themes.get(t, t))}</span>' for t in ids) or "none"


def _table(frame: pd.DataFrame, headers: Sequence[str]) -> str:
    if frame.empty:
        return '<p class="small">None.</p>'
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    rows = "".join(
        "<tr>" + "".join(f"<td>{_e(v)}</td>" for v in row) + "</tr>" for row in frame.itertuples(index=False)
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def _to_do(report: PairReport, names: Mapping[str, str], themes: Mapping[str, str]) -> str:
    a, b = names.get(report.a, report.a), names.get(report.b, report.b)
    gaps = [
        f"{themes.get(r.theme_id, r.theme_id)}: {'agreed' if r.agreed else 'discussed'} (last on "
        f"{r.last_date:%d %b %Y}); neither {a} nor {b} has an initiative on it."
        for r in report.gaps.itertuples()
    ]
    stale = [
        f"{themes.get(r.theme_id, r.theme_id)}: agreed on {r.agreed_on:%d %b %Y}, not taken up by a later "
        "session."
        for r in report.stale.itertuples()
    ]
    parts = [
        "<h3>Follow-up gaps</h3>",
        _list(gaps, "Every theme discussed or agreed has an initiative."),
        "<h3>Stale follow-ups</h3>",
        _list(stale, "Every agreed follow-up was taken up again."),
    ]
    return '<div class="todo">' + "".join(parts) + "</div>"


def _list(items: Sequence[str], empty: str) -> str:
    if not items:
        return f'<p class="small">{_e(empty)}</p>'
    return "<ul>" + "".join(f"<li>{_e(item)}</li>" for item in items) + "</ul>"


def _sources(urls: Sequence[str]) -> str:
    unique = list(dict.fromkeys(u for u in urls if u))
    if not unique:
        return '<p class="small">No source recorded.</p>'
    return "<ul>" + "".join(f"<li>{_link(u)}</li>" for u in unique) + "</ul>"


def brief_sources(
    atlas_initiatives: pd.DataFrame, sessions: pd.DataFrame, cities: Sequence[str]
) -> list[str]:
    """Source URLs of the pair's sessions and of the cities' initiatives (sources and websites)."""
    mine = atlas_initiatives[atlas_initiatives["city_id"].isin(cities)]
    texts = [*sessions["sources"].dropna(), *mine["sources"].dropna(), *mine["url"].dropna()]
    return [url for text in texts for url in str(text).split()]


def brief_html(
    report: PairReport,
    atlas_cities: pd.DataFrame,
    atlas_initiatives: pd.DataFrame,
    partnership: pd.Series,
    sessions: pd.DataFrame,
    context: BriefContext,
) -> str:
    """The whole brief as one HTML document (sessions: a `session_table` of the partnership)."""
    names, themes = context.cities, context.themes
    a, b = names.get(report.a, report.a), names.get(report.b, report.b)
    facts = [str(partnership["kind"]).capitalize()]
    if pd.notna(partnership["since"]):
        facts.append(f"since {int(partnership['since'])}")
    if pd.notna(partnership["programmes"]):
        facts.append(str(partnership["programmes"]).replace("; ", ", "))
    filters = "; ".join(context.filters) or "none"
    matches = report.matches.assign(
        shared=report.matches["shared_themes"].map(lambda ids: ", ".join(themes.get(t, t) for t in ids)),
        score=report.matches["score"].map("{:.2f}".format),
        interest=report.matches["interest"].map({True: "yes", False: ""}),
    )
    session_rows = sessions.assign(
        day=sessions["date"].dt.strftime("%d %b %Y"),
        topics_text=sessions["topics"].map(", ".join),
        follow_text=sessions["follow_ups"].map(", ".join),
    )
    per_city = atlas_initiatives.groupby("city_id").size()
    body = [
        f"<header><h1>{_e(context.partnership_label)}</h1>",
        f'<p class="meta">{_e(" · ".join(facts))}</p>',
        f'<p class="meta">Brief generated on {context.generated:%d %B %Y} by Twinning Atlas from '
        f"{_e(context.data_label)} · Active filters: {_e(filters)}</p></header>",
        "<section><h2>The cities</h2>",
        _cities(atlas_cities.set_index("id"), report, per_city),
        "</section>",
        f"<section><h2>How much {_e(a)} and {_e(b)} work on the same things</h2>",
        _scores(report, names, themes),
        "</section>",
        "<section><h2>Themes</h2>",
        _figure(butterfly_figure(butterfly_table(report.overlap, themes), a, b)),
        f"<p>Shared: {_tags(report.overlap.shared, themes, 'shared')}</p>",
        f"<p>Only {_e(a)}: {_tags(report.overlap.only_a, themes, 'only-a')}</p>",
        f"<p>Only {_e(b)}: {_tags(report.overlap.only_b, themes, 'only-b')}</p></section>",
        "<section><h2>To act on</h2>",
        _to_do(report, names, themes),
        "</section>",
        "<section><h2>Initiatives that match</h2>",
        '<p class="small">Scored by the Jaccard of their themes; a recorded interest raises the score '
        "halfway to 1.</p>",
        _table(
            matches[["title_a", "title_b", "shared", "interest", "score"]],
            [f"Initiative of {a}", f"Initiative of {b}", "Shared themes", "Interest", "Score"],
        ),
        "</section>",
        "<section><h2>Sessions</h2>",
        _figure(session_timeline(sessions)) if not sessions.empty else "",
        _table(
            session_rows[["day", "title", "type", "format", "topics_text", "follow_text"]],
            ["Date", "Title", "Type", "Format", "Discussed", "Agreed to pursue"],
        ),
        "</section>",
        "<section><h2>Sources</h2>",
        _sources(brief_sources(atlas_initiatives, sessions, report.cities)),
        "</section>",
    ]
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>Partnership brief: {_e(context.partnership_label)}</title>"
        f"<style>{_CSS % {'font': FONT}}</style>"
        f'<script type="text/javascript">{_plotly_js()}</script></head><body>'
        + "".join(body)
        + "</body></html>"
    )
