"""Plain-language messages for pydantic's validation errors, with "did you mean" hints."""

from __future__ import annotations

import difflib
import re
import types
import typing
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel

_KIND_NAMES = {dict: "a mapping", list: "a list", str: "text", type(None): "nothing"}


def closest(word: str, candidates: Iterable[str], n: int = 3) -> list[str]:
    """The candidates that look most like `word`, best first: same id in other case, ids that
    extend or contain it ('bari--guangzhou' → 'bari--guangzhou-development-district'), then
    spelling neighbours."""
    by_folded: dict[str, str] = {}
    for candidate in candidates:
        by_folded.setdefault(candidate.casefold(), candidate)
    folded = word.strip().casefold()
    found = [by_folded[folded]] if folded in by_folded else []
    if len(folded) >= 3:
        found += sorted((c for f, c in by_folded.items() if f.startswith(folded)), key=len)
        found += sorted((c for f, c in by_folded.items() if folded in f), key=len)
    pool = list(by_folded)
    if len(pool) > 500:  # difflib costs ~20 µs a candidate: keep ids of about the same length
        pool = [f for f in pool if abs(len(f) - len(folded)) <= 3 and f[:1] == folded[:1]]
    if len(pool) <= 2_000:
        found += [by_folded[f] for f in difflib.get_close_matches(folded, pool, n=n, cutoff=0.6)]
    return list(dict.fromkeys(found))[:n]


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """' (did you mean 'x'?)' or ''."""
    options = closest(word, candidates)
    if not options:
        return ""
    return " (did you mean " + " or ".join(f"'{o}'" for o in options) + "?)"


def describe(value: Any) -> str:
    """What a user wrote, in words: 'a list', "'NO'", 'nothing'."""
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "..."
        return f"'{shown}'"
    return _KIND_NAMES.get(type(value), type(value).__name__)


def error_message(error: dict[str, Any], model: type[BaseModel]) -> str:
    """One sentence for one pydantic error, naming what was found and what is expected."""
    kind = error["type"]
    loc = [part for part in error["loc"] if part != "[key]"]
    names = [part for part in loc if isinstance(part, str)]
    field = names[-1] if names else "record"
    if loc and isinstance(loc[-1], int):
        field = f"an entry of {field}"
    given = error.get("input")
    ctx = error.get("ctx") or {}
    if kind == "extra_forbidden":
        allowed = allowed_keys(model, error["loc"][:-1])
        hint = did_you_mean(field, allowed)
        listing = f"; allowed keys: {', '.join(sorted(allowed))}" if allowed and not hint else ""
        return f"unknown key '{field}'{hint}{listing}"
    if kind == "missing":
        return f"required key '{field}' is missing"
    if kind == "string_pattern_mismatch":
        return _pattern_message(field, given, ctx.get("pattern", ""), error["loc"])
    if kind in ("literal_error", "enum"):
        options = _literal_options(ctx.get("expected", ""))
        hint = did_you_mean(str(given), options) or did_you_mean(str(given).upper(), options)
        if len(options) > 12:
            return f"{describe(given)} is not a valid {field}{hint}"
        return f"{describe(given)} is not a valid {field}: use one of {', '.join(options)}{hint}"
    if kind in ("string_type", "list_type", "dict_type", "model_type", "model_attributes_type"):
        expected = {"string_type": "text", "list_type": "a list such as [a, b]"}.get(
            kind, "a mapping of keys"
        )
        return f"expected {expected}, found {describe(given)}"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"expected a whole number such as 2021, found {describe(given)}"
    if kind in ("float_parsing", "float_type", "finite_number"):
        return f"expected a number such as 41.12, found {describe(given)}"
    if kind in ("greater_than_equal", "less_than_equal"):
        low, high = _range_of(model, error["loc"])
        return f"{given} is out of range: {field} must be between {low} and {high}"
    if kind in ("date_from_datetime_parsing", "date_parsing", "date_type", "date_from_datetime_inexact"):
        return f"{describe(given)} is not a real date: use YYYY-MM-DD, such as 2023-03-14"
    if kind == "string_too_short":
        return f"{field} is empty"
    if kind == "string_too_long":
        return f"{field} is too long ({len(given)} characters, at most {ctx.get('max_length')})"
    if kind == "too_short":
        return f"{field} needs at least {ctx.get('min_length')} entries, found {len(given or [])}"
    if kind == "value_error":
        return (
            f"{describe(given)}: {ctx.get('error', error['msg'])}"
            if isinstance(given, str)
            else str(ctx.get("error", error["msg"]))
        )
    return f"{error['msg']} (found {describe(given)})"


def _pattern_message(field: str, given: Any, pattern: str, loc: tuple[Any, ...]) -> str:
    if "://" in pattern:
        return f"{describe(given)} is not a web address: links must start with http:// or https://"
    if "\\x00" in pattern:
        return f"{field} must be one line of text, without line breaks or control characters"
    if pattern.startswith("^Q"):
        return f"{describe(given)} is not a Wikidata item id such as Q1234"
    what = "a city id" if "[key]" in loc else "an id"
    example = re.sub(r"[^a-z0-9]+", "-", str(given).strip().lower()).strip("-")[:60].rstrip("-")
    if not example or example == given:
        example = "guangzhou-development-district"
    return (
        f"{describe(given)} is not {what}: use lower-case letters, digits and single hyphens"
        f" (such as '{example}')"
    )


def _literal_options(expected: str) -> list[str]:
    return [part.strip().strip("'\"") for part in expected.replace(" or ", ",").split(",") if part.strip()]


def _range_of(model: type[BaseModel], loc: tuple[Any, ...]) -> tuple[Any, Any]:
    field = _field_at(model, loc)
    low = high = None
    for item in getattr(field, "metadata", []) if field else []:
        low = getattr(item, "ge", low)
        high = getattr(item, "le", high)
    for arg in typing.get_args(field.annotation) if field else ():
        for item in getattr(arg, "__metadata__", ()):
            for sub in getattr(item, "metadata", [item]):
                low = getattr(sub, "ge", low)
                high = getattr(sub, "le", high)
    return low, high


def allowed_keys(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The keys the record at `loc` (inside `model`) accepts."""
    target = _model_at(model, loc)
    if target is None:
        return []
    return [info.alias or name for name, info in target.model_fields.items()]


def _field_at(model: type[BaseModel], loc: tuple[Any, ...]) -> Any:
    parent = _model_at(model, loc[:-1])
    if parent is None or not loc:
        return None
    for name, info in parent.model_fields.items():
        if (info.alias or name) == loc[-1]:
            return info
    return None


def _model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    current: Any = model
    for part in loc:
        if not isinstance(part, str):
            continue
        field = next((i for n, i in current.model_fields.items() if (i.alias or n) == part), None)
        if field is None:
            return None
        current = _inner_model(field.annotation)
        if current is None:
            return None
    return current


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated or origin in (list, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = _inner_model(arg)
            if found is not None:
                return found
    return None
