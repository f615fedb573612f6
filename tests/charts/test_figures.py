"""Figure builders on small tables: traces, labels in words, hover names, empty cases, escaping."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analytics.overlap import pair_overlap
from analytics.profiles import Profiles
from charts.network import layout, network_figure
from charts.overview import coverage_figure, map_tables, programme_map
from charts.pair import butterfly_figure, butterfly_table
from charts.partners import suggestions_figure
from charts.quality import issues_by_file_figure
from charts.style import chart_config, safe
from charts.themes import heatmap_figure, heatmap_table, over_time_figure
from charts.timeline import session_timeline
from charts.world import country_outlines
from loaders import Atlas


def titles(fig) -> str:
    return fig.layout.title.text


def test_world_outlines_are_shipped_and_cover_the_globe() -> None:
    lons, _ = country_outlines()
    assert len(lons) > 5_000
    assert np.nanmin(lons) <= -160
    assert np.nanmax(lons) >= 179
    assert np.isnan(lons).sum() > 100  # one ring per country part


def test_programme_map_draws_outlines_links_and_named_cities(hand_made_with_places: Atlas) -> None:
    cities, links = map_tables(hand_made_with_places)
    fig = programme_map(cities, links)
    outline, lines, dots = fig.data
    assert outline.fill == "toself"  # drawn from shipped shapes, no geo subplot fetching a base map
    assert {trace.type for trace in fig.data} == {"scatter"}  # no geo trace: nothing to fetch from a CDN
    assert "geo" not in fig.to_dict()["layout"]
    assert len(lines.x) == 3 * len(links)  # one segment and a gap per partner pair
    assert any("Alpha" in text for text in dots.text)
    assert titles(fig) == "2 cities in 2 countries, linked by 1 partnership"
    assert "2 cities without coordinates are not drawn" in fig.layout.title.subtitle.text


def test_map_without_coordinates_says_so(hand_made: Atlas) -> None:
    cities, links = map_tables(hand_made)
    fig = programme_map(cities, links)
    assert "has coordinates" in fig.layout.annotations[0].text


def test_coverage_stacks_declared_and_inferred() -> None:
    coverage = pd.DataFrame(
        {
            "theme_id": ["a", "b"],
            "label": ["Alpha", "Beta"],
            "group": [None, None],
            "initiatives": [3, 1],
            "cities": [2, 1],
            "declared": [2, 1],
            "inferred": [1, 0],
            "discussed": [0, 0],
            "agreed": [0, 0],
        }
    )
    fig = coverage_figure(coverage)
    assert [t.name for t in fig.data] == ["Declared in the files", "Inferred from text"]
    assert list(fig.data[0].y) == ["Beta", "Alpha"]  # biggest at the top of a horizontal bar chart
    assert titles(fig) == "Most initiatives: Alpha (3)"
    assert fig.layout.xaxis.title.text == "Initiatives carrying the theme"


def test_butterfly_puts_one_city_left_and_marks_shared_themes(profiles: Profiles) -> None:
    table = butterfly_table(pair_overlap(profiles, "a", "b"), {"mobility": "Mobility", "smes": "SMEs"})
    fig = butterfly_figure(table, "A", "B")
    left, right = fig.data
    assert all(x <= 0 for x in left.x)
    assert all(x >= 0 for x in right.x)
    assert "● Mobility" in left.y
    assert titles(fig) == "A and B share 2 of 3 themes"
    assert [t for t in fig.layout.xaxis.ticktext if t.startswith("-")] == []  # counts, not negatives


def test_heatmap_orders_and_says_what_it_leaves_out(profiles: Profiles) -> None:
    table, left_out = heatmap_table(profiles, {"a": "City A"}, {}, max_cities=2)
    assert left_out == 2
    assert table.index[0] in {"City A", "d"}
    fig = heatmap_figure(table, left_out)
    assert "2 more are left out" in fig.layout.title.subtitle.text
    assert "initiatives" in fig.data[0].hovertemplate


def test_timeline_has_one_marker_per_session_and_names_in_hover(hand_made: Atlas) -> None:
    from analytics.summaries import session_table

    fig = session_timeline(session_table(hand_made))
    assert sum(len(t.x) for t in fig.data) == 2
    assert any("A – B" in text for trace in fig.data for text in trace.text)
    assert titles(fig) == "2 sessions from Jan 2023 to Jun 2023"


def test_themes_over_time_bars_for_few_years() -> None:
    counts = pd.DataFrame(
        {"year": [2022, 2023], "theme_id": ["t", "t"], "role": ["topic", "topic"], "sessions": [1, 3]}
    )
    fig = over_time_figure(counts, {"t": "Transport"})
    assert fig.data[0].type == "bar"
    assert titles(fig) == "Most discussed: Transport"


def test_network_colours_edges_by_overlap_and_dashes_suggestions() -> None:
    nodes = pd.DataFrame(
        {"id": ["a", "b", "c"], "label": ["A", "B", "C"], "degree": [1, 1, 0], "hover": ["A", "B", "C"]}
    )
    edges = pd.DataFrame({"city_a": ["a"], "city_b": ["b"], "overlap": [0.8]})
    suggested = pd.DataFrame({"city_a": ["a"], "city_b": ["c"], "overlap": [0.5], "complementarity": [0.0]})
    where = layout(["a", "b", "c"], [("a", "b")])
    fig = network_figure(nodes, edges, suggested, where)
    names = [t.name for t in fig.data]
    assert names == ["Partnership, 0.75 and more", "Suggested new pair", "City"]
    assert fig.data[1].line.dash == "dot"
    assert titles(fig) == "1 of 1 partner pairs overlap on at least half their themes"


def test_layout_is_stable_and_keeps_groups_apart() -> None:
    first = layout(["a", "b", "c", "d"], [("a", "b"), ("c", "d")])
    assert first == layout(["a", "b", "c", "d"], [("a", "b"), ("c", "d")])
    gap = abs(first["a"][0] - first["c"][0])
    assert gap > abs(first["a"][0] - first["b"][0])


def test_suggestions_mark_cousins_and_thin_evidence() -> None:
    table = pd.DataFrame(
        {
            "label": ["X", "Y"],
            "overlap": [0.5, 0.9],
            "complementarity": [1.0, 0.0],
            "cousin": [True, False],
            "thin": [False, True],
        }
    )
    fig = suggestions_figure(table, "Bari")
    assert "X ◆" in fig.data[0].y
    assert "Y · few initiatives" in fig.data[0].y
    assert titles(fig) == "Best new partner for Bari: X"


def test_issues_figure_counts_by_file() -> None:
    issues = pd.DataFrame(
        {
            "severity": ["error", "error", "warning"],
            "file": ["a.yaml", "a.yaml", "b.yaml"],
            "line": [1, 2, 3],
            "path": ["x", "y", "z"],
            "message": ["m", "m", "m"],
        }
    )
    fig = issues_by_file_figure(issues)
    assert titles(fig) == "a.yaml needs the most attention"


@pytest.mark.parametrize(
    ("builder", "message"),
    [
        (
            lambda: coverage_figure(
                pd.DataFrame(columns=["theme_id", "label", "initiatives", "cities", "declared", "inferred"])
            ),
            "No initiative",
        ),
        (lambda: session_timeline(pd.DataFrame(columns=["date"])), "No session"),
        (lambda: suggestions_figure(pd.DataFrame(columns=["label"]), "Bari"), "No city"),
        (lambda: issues_by_file_figure(pd.DataFrame(columns=["file", "severity"])), "No issues"),
        (lambda: heatmap_figure(pd.DataFrame(), 0), "No city"),
    ],
)
def test_empty_tables_give_a_figure_that_says_why(builder, message: str) -> None:
    fig = builder()
    assert message in fig.layout.annotations[0].text
    assert fig.layout.xaxis.visible is False


def test_data_text_is_escaped_never_rendered() -> None:
    assert safe("<img src=x onerror=alert(1)>") == "&lt;img src=x onerror=alert(1)&gt;"
    table = pd.DataFrame(
        {
            "label": ["<b>bold</b>"],
            "overlap": [0.5],
            "complementarity": [0.0],
            "cousin": [False],
            "thin": [False],
        }
    )
    fig = suggestions_figure(table, "<script>x</script>")
    assert "<script>" not in fig.to_json()
    assert "&lt;b&gt;bold" in fig.data[0].y[0]


def test_png_button_is_named_after_the_chart() -> None:
    config = chart_config("Bari–GDD themes")
    assert config["toImageButtonOptions"]["filename"] == "twinning-atlas-bari-gdd-themes"
    assert config["displaylogo"] is False
