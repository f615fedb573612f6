"""Theme tagging: an initiative without `themes` gets the themes whose keywords its text contains.

Rules: case-insensitive and accent-insensitive; whole words and phrases (so "bus" is not found in
"business"); a space and a hyphen are the same ("agri-food" finds "agri food"); simple plurals of
the last word ("autonomous vehicle" finds "autonomous vehicles", "smart city" finds "smart
cities"). Keywords written in capitals (AI, BRT, TOD) are acronyms and match only in capitals, so
the Italian "ai" is not AI. Keywords in scripts written without spaces (中文, 日本語, ไทย) match
anywhere in the text. Matching runs in RE2 through pyarrow, one pass per theme over all texts.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

import pyarrow as pa
import pyarrow.compute as pc

_META = set("\\.^$|?*+()[]{}")
_SEPARATOR = r"[\s\-‐‑–—_/]+"
_BEFORE = r"(?:^|[^\p{L}\p{N}])"
_AFTER = r"(?:[^\p{L}\p{N}]|$)"
_NO_SPACE_SCRIPTS = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_WORD_SPLIT = re.compile(r"[\s\-‐‑–—_/]+")


def fold(text: str) -> str:
    """Strip accents (é -> e), keep case; ASCII text is returned as it is."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def is_acronym(keyword: str) -> bool:
    letters = [ch for ch in keyword if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def _escape(text: str) -> str:
    return "".join("\\" + ch if ch in _META else ch for ch in text)


def _plural(word: str) -> str:
    """A pattern for the word and its simple plural (or singular)."""
    lower = word.lower()
    if not word.isalpha():
        return _escape(word)
    if lower.endswith("ies") and len(word) > 4:
        return _escape(word[:-3]) + "(?:y|ies)"
    if lower.endswith("y") and len(word) > 2 and lower[-2] not in "aeiou":
        return _escape(word[:-1]) + "(?:y|ies)"
    if lower.endswith("s") and not lower.endswith("ss") and len(word) > 3:
        return _escape(word[:-1]) + "(?:s|es)?"
    if lower.endswith(("s", "x", "z", "ch", "sh")):
        return _escape(word) + "(?:es)?"
    return _escape(word) + "s?"


def keyword_pattern(keyword: str) -> str:
    """The RE2 pattern of one keyword's words, without the word boundaries."""
    words = [w for w in _WORD_SPLIT.split(fold(keyword).strip()) if w]
    if not words:
        return ""
    return _SEPARATOR.join([_escape(w) for w in words[:-1]] + [_plural(words[-1])])


def theme_pattern(keywords: Sequence[str]) -> str | None:
    """One RE2 pattern for all of a theme's keywords; group `kw` or `cjk` holds the matched text."""
    spaced, acronyms, unspaced = [], [], []
    for keyword in sorted(set(keywords), key=len, reverse=True):
        if _NO_SPACE_SCRIPTS.search(keyword):
            unspaced.append(_escape(keyword.strip()))
        elif pattern := keyword_pattern(keyword):
            (acronyms if is_acronym(keyword) else spaced).append(pattern)
    words = []
    if spaced:
        words.append("(?i:" + "|".join(spaced) + ")")
    if acronyms:
        words.append("(?:" + "|".join(acronyms) + ")")
    parts = []
    if words:
        parts.append(f"{_BEFORE}(?P<kw>{'|'.join(words)}){_AFTER}")
    if unspaced:
        parts.append(f"(?P<cjk>{'|'.join(unspaced)})")
    return "|".join(parts) or None


def infer_themes(
    texts: Sequence[str], themes: Sequence[tuple[str, Sequence[str]]]
) -> list[tuple[int, str, str]]:
    """(text index, theme id, matched words) for every theme whose keywords occur in a text."""
    if not texts:
        return []
    array = pa.array([fold(t) for t in texts], type=pa.string())
    found: list[tuple[int, str, str]] = []
    for theme_id, keywords in themes:
        pattern = theme_pattern(keywords)
        if pattern is None:
            continue
        matches = pc.extract_regex(array, pattern)
        hit = pc.is_valid(matches).to_numpy(zero_copy_only=False).nonzero()[0]
        if not len(hit):
            continue
        names = [f.name for f in matches.type]
        taken = matches.take(pa.array(hit))
        columns = [taken.field(n).to_pylist() for n in names]
        for row, *groups in zip(hit.tolist(), *columns, strict=True):
            found.append((row, theme_id, next((g for g in groups if g), "").strip()))
    return found
