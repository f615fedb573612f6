"""Theme tagging from text: whole words, plurals, accents, case, scripts without spaces."""

from __future__ import annotations

import pytest

from loaders.tagging import fold, infer_themes, is_acronym

THEMES = [
    ("smart-mobility-tech", ["autonomous vehicle", "self-driving", "urban air mobility", "自动驾驶"]),
    ("sustainable-mobility", ["bus", "public transport", "BRT"]),
    ("digital-smart-city", ["smart city", "AI", "5G"]),
    ("agrifood", ["agri-food", "food policy"]),
    ("urban-regeneration", ["revitalización", "waterfront"]),
    ("energy-climate", ["renewable energies"]),
]


def themes_of(text: str) -> set[str]:
    return {theme for _, theme, _ in infer_themes([text], THEMES)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Testing autonomous vehicles on public roads", {"smart-mobility-tech"}),
        ("An autonomous vehicle pilot", {"smart-mobility-tech"}),
        ("Self-Driving shuttles", {"smart-mobility-tech"}),
        ("self driving shuttles", {"smart-mobility-tech"}),
        ("New bus lanes and buses", {"sustainable-mobility"}),
        ("Support for business incubators", set()),
        ("A bus-only street", {"sustainable-mobility"}),
        ("Smart cities network", {"digital-smart-city"}),
        ("Agri food supply", {"agrifood"}),
        ("agri-food supply", {"agrifood"}),
        ("Revitalizacion del puerto", {"urban-regeneration"}),
        ("REVITALIZACIÓN urbana", {"urban-regeneration"}),
        ("Waterfronts of the city", {"urban-regeneration"}),
        ("A renewable energy plan", {"energy-climate"}),
        ("发展自动驾驶公交", {"smart-mobility-tech"}),
        ("New BRT corridor", {"sustainable-mobility"}),
        ("brt", set()),
        ("AI for traffic lights", {"digital-smart-city"}),
        ("Incontri ai giardini", set()),
        ("5G network", {"digital-smart-city"}),
        ("Under 50Gb", set()),
    ],
)
def test_keywords_match_whole_words_with_simple_plurals(text: str, expected: set[str]) -> None:
    assert themes_of(text) == expected


def test_matched_words_are_returned_for_explanation() -> None:
    (found,) = infer_themes(["Testing Autonomous Vehicles"], THEMES)
    assert found == (0, "smart-mobility-tech", "Autonomous Vehicles")


def test_each_text_is_tagged_independently() -> None:
    found = infer_themes(["bus", "nothing here", "food policy and buses"], THEMES)
    assert sorted((row, theme) for row, theme, _ in found) == [
        (0, "sustainable-mobility"),
        (2, "agrifood"),
        (2, "sustainable-mobility"),
    ]


def test_fold_strips_accents_and_keeps_case_and_other_scripts() -> None:
    assert fold("Revitalización") == "Revitalizacion"
    assert fold("Tromsø") == "Tromsø"  # ø is a letter, not an accented o
    assert fold("广州开发区") == "广州开发区"


@pytest.mark.parametrize(
    ("word", "expected"), [("AI", True), ("C-ITS", True), ("IoT", False), ("bus", False)]
)
def test_acronyms_are_words_in_capitals(word: str, expected: bool) -> None:
    assert is_acronym(word) is expected


def test_keywords_with_regex_characters_are_literal() -> None:
    themes = [("t", ["c++ (cpp)", "a.b"])]
    assert infer_themes(["we use c++ (cpp) daily", "axb"], themes) == [(0, "t", "c++ (cpp)")]
