"""Safe YAML reading: PyYAML's event stream (C parser) built into plain values with line numbers.

Every scalar stays text (`country: NO` is Norway); the pydantic models turn text into numbers and
dates where the schema asks for them, so YAML 1.1's booleans never eat a string. Duplicate keys,
object-constructing tags, alias bombs and runaway nesting are reported instead of obeyed.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)

from loaders.limits import DEFAULT_LIMITS, Limits, oversize_message

try:  # the C parser is many times faster; the pure-Python one is a correct fallback
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Path = tuple[str | int, ...]

NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TEXT_TAGS = frozenset(f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "timestamp"))
_NULL_TAG = "tag:yaml.org,2002:null"
_MAP_TAGS = frozenset({None, "!", "tag:yaml.org,2002:map"})
_SEQ_TAGS = frozenset({None, "!", "tag:yaml.org,2002:seq"})
_MERGE_KEY = "<<"
_RECORD_DEPTH = 2  # paths this short (a top-level key, an item of a top-level list) always get a line


class YamlFileError(Exception):
    """The whole file is unusable (syntax, encoding, size, bombs); carries the 1-based line."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass(frozen=True)
class Problem:
    """A defect inside an otherwise readable file; the record holding `path` is left out."""

    path: Path
    line: int
    message: str


@dataclass
class ParsedYaml:
    data: dict[str, Any]
    lines: dict[Path, int]
    problems: list[Problem] = field(default_factory=list)
    all_lines: bool = False

    def line_of(self, path: Path) -> int:
        """The line of `path`, or of its nearest ancestor that has one."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(path[:end])
            if line is not None:
                return line
        return 1


def parse_yaml(raw: bytes, limits: Limits = DEFAULT_LIMITS, *, all_lines: bool = False) -> ParsedYaml:
    """Parse one file. Lines are kept for record-level paths, or for every path with `all_lines`."""
    text = decode_text(raw, limits)
    builder = _Builder(limits, all_lines)
    try:
        for event in yaml.parse(text, Loader=_Loader):
            builder.feed(event)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise YamlFileError(line, f"YAML syntax error: {exc.problem or exc.context}") from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, max(exc.position, 0)) + 1
        character = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
        raise YamlFileError(line, f"control character {character} is not allowed in YAML text") from None
    except yaml.YAMLError as exc:
        raise YamlFileError(1, f"YAML error: {str(exc).splitlines()[0]}") from None
    if builder.root is None:
        raise YamlFileError(
            1, "the file holds no data (only comments or null); it needs a mapping such as `id: ...`"
        )
    if not isinstance(builder.root, dict):
        kind = "a list" if isinstance(builder.root, list) else "a single value"
        raise YamlFileError(1, f"the top level must be a mapping of keys (id: ..., name: ...), found {kind}")
    if builder.problems and not all_lines:
        return parse_yaml(raw, limits, all_lines=True)  # rare: locate every key exactly
    return ParsedYaml(builder.root, builder.lines, builder.problems, all_lines)


def decode_text(raw: bytes, limits: Limits) -> str:
    """Bytes to text: size limit, UTF-8 only (a byte-order mark is fine), no binaries, not empty."""
    if len(raw) > limits.max_file_bytes:
        raise YamlFileError(1, oversize_message(len(raw), limits))
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise YamlFileError(1, "file is UTF-16 text; save it as UTF-8")
    if b"\x00" in raw:
        line = raw.count(b"\n", 0, raw.index(b"\x00")) + 1
        raise YamlFileError(line, "contains NUL bytes: this is a binary file, not YAML text")
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise YamlFileError(
            line, f"not UTF-8 text (byte 0x{raw[exc.start]:02x}); save the file as UTF-8"
        ) from None
    if not text.strip():
        raise YamlFileError(1, "file is empty")
    return text


class _NoKey:
    """Marks a mapping that waits for its next key."""


_NO_KEY = _NoKey()


class _Frame:
    __slots__ = ("anchor", "is_map", "key", "key_line", "line", "merged", "nodes", "path", "value")

    def __init__(self, value: Any, path: Path | None, anchor: str | None, line: int) -> None:
        self.value = value
        self.is_map = isinstance(value, dict)
        self.key: Any = _NO_KEY
        self.key_line = line
        self.path = path
        self.anchor = anchor
        self.nodes = 1
        self.merged: set[str] | None = None
        self.line = line


class _Builder:
    """Turns parser events into dicts, lists, text and None, recording lines and problems."""

    def __init__(self, limits: Limits, all_lines: bool) -> None:
        self.limits = limits
        self.all_lines = all_lines
        self.stack: list[_Frame] = []
        self.root: Any = None
        self.lines: dict[Path, int] = {}
        self.problems: list[Problem] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.open_anchors: set[str] = set()
        self.alias_nodes = 0
        self.documents = 0

    def feed(self, event: Any) -> None:
        kind = type(event)
        if kind is ScalarEvent:
            value = self._scalar(event)
            if event.anchor:
                self.anchors[event.anchor] = (value, 1)
            self._add(value, event.start_mark.line + 1, 1)
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            self._open(event, kind is MappingStartEvent)
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            frame = self.stack.pop()
            if frame.anchor:
                self.open_anchors.discard(frame.anchor)
                self.anchors[frame.anchor] = (frame.value, frame.nodes)
            self._add(frame.value, frame.line, frame.nodes)
        elif kind is AliasEvent:
            self._alias(event)
        elif kind is DocumentStartEvent:
            self.documents += 1
            if self.documents > 1:
                raise YamlFileError(
                    event.start_mark.line + 1,
                    "a second YAML document (---) starts here; keep one document per file",
                )

    def _scalar(self, event: ScalarEvent) -> str | None:
        tag = event.tag
        if tag is None or tag == "!":
            if not event.style and event.value in NULLS:
                return None
            return event.value
        if tag in _TEXT_TAGS:
            return event.value
        if tag == _NULL_TAG:
            return None
        self._refuse_tag(tag, event)
        return None

    def _open(self, event: Any, is_map: bool) -> None:
        line = event.start_mark.line + 1
        if event.tag not in (_MAP_TAGS if is_map else _SEQ_TAGS):
            self._refuse_tag(event.tag, event)
        if len(self.stack) >= self.limits.max_depth:
            raise YamlFileError(line, f"nesting deeper than {self.limits.max_depth} levels")
        frame = _Frame({} if is_map else [], self._child_path(), event.anchor, line)
        if event.anchor:
            self.open_anchors.add(event.anchor)
        self.stack.append(frame)

    def _alias(self, event: AliasEvent) -> None:
        line = event.start_mark.line + 1
        name = event.anchor
        if name in self.open_anchors:
            raise YamlFileError(line, f"alias *{name} refers to the value that contains it")
        if name not in self.anchors:
            raise YamlFileError(line, f"alias *{name} has no anchor &{name} before it")
        value, nodes = self.anchors[name]
        self.alias_nodes += nodes
        if self.alias_nodes > self.limits.max_alias_nodes:
            raise YamlFileError(
                line,
                f"aliases expand to more than {self.limits.max_alias_nodes:,} values "
                "(an alias bomb?); write the values out instead",
            )
        self._add(value, line, nodes)

    def _child_path(self) -> Path | None:
        if not self.stack:
            return ()
        parent = self.stack[-1]
        if parent.path is None or (not self.all_lines and len(parent.path) >= _RECORD_DEPTH):
            return None
        if parent.is_map:
            key = parent.key if isinstance(parent.key, str) else "?"
            return (*parent.path, key)
        return (*parent.path, len(parent.value))

    def _add(self, value: Any, line: int, nodes: int) -> None:
        if not self.stack:
            self.root = value
            return
        top = self.stack[-1]
        top.nodes += nodes
        if not top.is_map:
            if top.path is not None and (self.all_lines or len(top.path) < _RECORD_DEPTH):
                self.lines[(*top.path, len(top.value))] = line
            top.value.append(value)
        elif top.key is _NO_KEY:
            self._take_key(top, value, line)
        else:
            key, top.key = top.key, _NO_KEY
            self._set(top, key, value)

    def _take_key(self, top: _Frame, key: Any, line: int) -> None:
        if not isinstance(key, str):
            what = "empty" if key is None else "a list or mapping"
            self._problem(top, "?", line, f"a key must be text, this one is {what}")
            key = "?"
        top.key = key
        top.key_line = line
        tracked = top.path is not None and (self.all_lines or len(top.path) < _RECORD_DEPTH)
        if tracked and key not in top.value:  # a duplicate keeps the first key's line
            self.lines[(*top.path, key)] = line

    def _set(self, top: _Frame, key: str, value: Any) -> None:
        mapping = top.value
        if key == _MERGE_KEY:
            self._merge(top, value)
        elif key in mapping and not (top.merged and key in top.merged):
            first = self.lines.get((*top.path, key)) if top.path is not None else None
            where = f" (line {first})" if first and first != top.key_line else ""
            self._problem(top, key, top.key_line, f"duplicate key '{key}': already set above{where}")
        else:
            if top.merged:
                top.merged.discard(key)
            mapping[key] = value

    def _merge(self, top: _Frame, value: Any) -> None:
        sources = value if isinstance(value, list) else [value]
        if not all(isinstance(source, dict) for source in sources):
            self._problem(top, _MERGE_KEY, top.key_line, "'<<' must merge a mapping or a list of mappings")
            return
        top.merged = top.merged or set()
        for source in sources:
            for key, item in source.items():
                if key not in top.value:
                    top.value[key] = item
                    top.merged.add(key)

    def _refuse_tag(self, tag: str, event: Any) -> None:
        top = self.stack[-1] if self.stack else None
        line = event.start_mark.line + 1
        message = f"tag {tag} is not allowed: data files hold plain text, lists and mappings"
        if top is None:
            raise YamlFileError(line, message)
        key = top.key if top.is_map and isinstance(top.key, str) else len(top.value)
        self._problem(top, key, line, message)

    def _problem(self, top: _Frame, key: str | int, line: int, message: str) -> None:
        path = (*top.path, key) if top.path is not None else ()
        self.problems.append(Problem(path, line, message))
