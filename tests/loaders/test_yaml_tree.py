"""Reading YAML safely: what hand-written files really contain, and what hostile ones try."""

from __future__ import annotations

import pytest

from loaders.limits import DEFAULT_LIMITS, Limits
from loaders.yaml_tree import YamlFileError, parse_yaml


def fatal(raw: bytes, limits: Limits = DEFAULT_LIMITS) -> YamlFileError:
    with pytest.raises(YamlFileError) as caught:
        parse_yaml(raw, limits)
    return caught.value


@pytest.mark.parametrize("word", ["NO", "no", "yes", "Yes", "on", "off", "OFF", "y", "n", "true"])
def test_yaml_11_booleans_stay_text(word: str) -> None:
    assert parse_yaml(f"country: {word}\n".encode()).data == {"country": word}


def test_numbers_and_dates_stay_text_for_the_models_to_convert() -> None:
    data = parse_yaml(b"since: 1986\nlat: 41.1171\ndate: 2023-03-14\nid: 007\n").data
    assert data == {"since": "1986", "lat": "41.1171", "date": "2023-03-14", "id": "007"}


def test_null_spellings_become_none_but_quoted_ones_stay_text() -> None:
    data = parse_yaml(b"a:\nb: ~\nc: null\nd: 'null'\ne: ''\n").data
    assert data == {"a": None, "b": None, "c": None, "d": "null", "e": ""}


def test_utf8_byte_order_mark_is_accepted() -> None:
    assert parse_yaml("\ufeffname: 广州开发区\n".encode()).data == {"name": "广州开发区"}


def test_record_level_lines_are_kept_without_a_full_parse() -> None:
    parsed = parse_yaml(b"id: x\ninitiatives:\n  - id: a\n    title: A\n  - id: b\n")
    assert parsed.lines[("initiatives", 0)] == 3
    assert parsed.lines[("initiatives", 1)] == 5
    assert ("initiatives", 1, "id") not in parsed.lines


def test_all_lines_locate_every_key() -> None:
    parsed = parse_yaml(b"id: x\ninitiatives:\n  - id: a\n    title: A\n", all_lines=True)
    assert parsed.line_of(("initiatives", 0, "title")) == 4
    assert parsed.line_of(("initiatives", 0, "missing-key")) == 3


def test_duplicate_key_is_a_problem_at_the_second_key_naming_the_first() -> None:
    parsed = parse_yaml(b"id: a\ninitiatives:\n  - id: b\n    title: T\n    title: U\n")
    (problem,) = parsed.problems
    assert problem.path == ("initiatives", 0, "title")
    assert problem.line == 5
    assert "duplicate key 'title'" in problem.message
    assert "line 4" in problem.message


def test_python_object_tag_is_refused_not_constructed() -> None:
    parsed = parse_yaml(b"id: x\nname: !!python/object/apply:os.system ['echo pwned']\n")
    (problem,) = parsed.problems
    assert problem.path == ("name",)
    assert problem.line == 2
    assert "python/object/apply:os.system is not allowed" in problem.message


def test_standard_tags_are_fine() -> None:
    assert parse_yaml(b"a: !!str 1986\nb: !!int 3\n").data == {"a": "1986", "b": "3"}


def test_alias_bomb_is_refused_at_its_line() -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for name, prev in zip("bcdefg", "abcdef", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    error = fatal("\n".join(lines).encode())
    assert "alias bomb" in error.message
    assert error.line == 6


def test_recursive_alias_is_refused() -> None:
    assert "refers to the value that contains it" in fatal(b"a: &a [1, *a]\n").message


def test_merge_keys_work_and_explicit_keys_win() -> None:
    data = parse_yaml(b"base: &b {x: 1, y: 2}\nm:\n  <<: *b\n  y: 3\n").data
    assert data["m"] == {"x": "1", "y": "3"}


def test_deep_nesting_stops_at_the_limit() -> None:
    text = "a:\n" + "".join("  " * i + "-\n" for i in range(1, 200))
    error = fatal(text.encode())
    assert error.message == "nesting deeper than 64 levels"
    assert error.line == 65


def test_ten_thousand_levels_of_flow_nesting_do_not_crash() -> None:
    error = fatal(b"a: " + b"[" * 10_000 + b"]" * 10_000)
    assert "nesting" in error.message


@pytest.mark.parametrize(
    ("raw", "line", "message"),
    [
        (b"name: caf\xe9\n", 1, "not UTF-8 text (byte 0xe9)"),
        (b"id: a\nname: \xff\n", 2, "not UTF-8 text (byte 0xff)"),
        ("id: a\n".encode("utf-16"), 1, "UTF-16"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 3, "binary file"),
        (b"", 1, "file is empty"),
        (b"  \n\n", 1, "file is empty"),
        (b"# only a comment\n", 1, "only comments"),
        (b"- a\n- b\n", 1, "found a list"),
        (b"just text\n", 1, "found a single value"),
        (b"id: [a, b\nname: x\n", 2, "YAML syntax error"),
        (b"a: 1\n---\nb: 2\n", 2, "second YAML document"),
        (b"a: \x07\n", 1, "control character U+0007"),
        (b"a: *nowhere\n", 1, "has no anchor"),
    ],
)
def test_unusable_files_are_one_located_error(raw: bytes, line: int, message: str) -> None:
    error = fatal(raw)
    assert message in error.message
    assert error.line == line


def test_size_limit_is_checked_before_parsing() -> None:
    error = fatal(b"a: " + b"x" * 2_000, Limits(max_file_bytes=1_000))
    assert "(2,003 bytes)" in error.message
    assert "limit for one file" in error.message
    assert error.line == 1


def test_five_megabyte_single_line_string_is_over_the_default_limit() -> None:
    assert "limit for one file" in fatal(b"summary: " + b"x" * (5 * 1024 * 1024)).message
