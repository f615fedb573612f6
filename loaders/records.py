"""Schema validation of one parsed file, record by record: an error leaves out only its record."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError

from loaders.issues import ROOT_PATH, Issue, Severity, format_path
from loaders.limits import Limits
from loaders.messages import did_you_mean, error_message
from loaders.models import FILE_MODELS, City, Initiative, Partnership, Session, Theme, ThemesFile
from loaders.sources import SourceFile
from loaders.yaml_tree import ParsedYaml, Path, YamlFileError, parse_yaml

ITEMS_KEY = {"themes": "themes", "city": "initiatives", "partnership": "sessions"}
ITEM_MODELS: dict[str, type[BaseModel]] = {
    "themes": Theme,
    "city": Initiative,
    "partnership": Session,
}
ITEM_NAMES = {"themes": "themes", "city": "initiatives", "partnership": "sessions"}
ITEMWISE_FROM = 1_000  # items in one file from which errors are gathered item by item


class FileContext:
    """One file's parse and issues; finds exact lines by re-parsing only when an issue needs one."""

    def __init__(self, source: SourceFile, parsed: ParsedYaml, limits: Limits) -> None:
        self.source = source
        self.parsed = parsed
        self.limits = limits
        self.issues: list[Issue] = []
        self.unlisted = 0  # issues past limits.max_issues_per_file, counted but not listed

    @property
    def file(self) -> str:
        return self.source.path

    def line(self, loc: tuple[Any, ...]) -> int:
        path = tuple(part for part in loc if part != "[key]")
        if path not in self.parsed.lines and not self.parsed.all_lines:
            self.parsed = parse_yaml(self.source.data, self.limits, all_lines=True)
        return self.parsed.line_of(path)

    def record_line(self, loc: Path) -> int:
        """The line of a record (depth 2 or less), known without a re-parse."""
        return self.parsed.line_of(loc)

    @property
    def full(self) -> bool:
        """True once the file has as many issues as are listed: later ones are only counted."""
        return len(self.issues) >= self.limits.max_issues_per_file

    def counted_only(self, n: int = 1) -> bool:
        """Once the listing is full, count `n` more issues and say True: they are not listed."""
        if not self.full:
            return False
        self.unlisted += n
        return True

    def hint(self, word: str, candidates: Iterable[str]) -> str:
        """' (did you mean …?)', or '' once the listing is full: a hint scans every candidate."""
        return "" if self.full else did_you_mean(word, candidates)

    def add(self, issue: Issue) -> None:
        if not self.counted_only():
            self.issues.append(issue)

    def report(self, severity: Severity, loc: tuple[Any, ...], message: str, always: bool = False) -> None:
        if not always and self.counted_only():
            return
        self.issues.append(Issue(self.file, self.line(loc), severity, format_path(_clean(loc)), message))

    def listed_issues(self) -> list[Issue]:
        """The issues, and one line more saying how many were not listed."""
        if not self.unlisted:
            return self.issues
        last = max(issue.line for issue in self.issues)
        message = (
            f"{self.unlisted:,} more issues in this file are not listed (the first"
            f" {len(self.issues):,} are): fix those and validate again"
        )
        return [*self.issues, Issue(self.file, last, "error", ROOT_PATH, message)]

    def error(self, loc: tuple[Any, ...], message: str) -> None:
        self.report("error", loc, message)

    def warning(self, loc: tuple[Any, ...], message: str) -> None:
        self.report("warning", loc, message)


@dataclass
class FileRecords:
    """The valid part of one file: its header record and its valid items with their file index."""

    context: FileContext
    header: City | Partnership | ThemesFile | None
    items: list[tuple[int, Any]] = field(default_factory=list)

    @property
    def file(self) -> str:
        return self.context.file


def open_file(source: SourceFile, limits: Limits) -> tuple[FileContext | None, Issue | None]:
    """Parse a file; a file that cannot be parsed at all becomes one located error."""
    try:
        parsed = parse_yaml(source.data, limits)
    except YamlFileError as exc:
        return None, Issue(source.path, exc.line, "error", "(file)", exc.message)
    return FileContext(source, parsed, limits), None


def validate_file(context: FileContext) -> FileRecords:
    """Validate against the file kind's model; report every error, keep every valid record."""
    kind = context.source.kind
    assert kind is not None
    model = FILE_MODELS[kind]
    data = context.parsed.data
    raw_items = data.get(ITEMS_KEY[kind])
    if isinstance(raw_items, list) and len(raw_items) > ITEMWISE_FROM:
        return _partial(context, kind, model, data, _itemwise_errors(context, kind, model, data, raw_items))
    try:
        whole = model.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
    else:
        if not context.parsed.problems:
            return FileRecords(context, whole, list(enumerate(getattr(whole, ITEMS_KEY[kind]))))
        errors = []
    return _partial(context, kind, model, data, errors)


def _itemwise_errors(
    context: FileContext, kind: str, model: type[BaseModel], data: dict[str, Any], raw_items: list[Any]
) -> list[Any]:
    """The errors of a long file, item by item, kept only up to the listing limit.

    One pass over the whole file would hold every error at once: 1.4 GB for a 5 MB file of
    broken items. Items past the limit are checked again (and counted) by _partial.
    """
    items_key, item_model = ITEMS_KEY[kind], ITEM_MODELS[kind]
    try:
        model.model_validate({**data, items_key: []})
        errors: list[Any] = []
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
    for i, raw in enumerate(raw_items):
        if len(errors) >= context.limits.max_issues_per_file:
            break
        try:
            item_model.model_validate(raw)
        except ValidationError as exc:
            errors += [{**e, "loc": (items_key, i, *e["loc"])} for e in exc.errors(include_url=False)]
    return errors


def _partial(
    context: FileContext, kind: str, model: type[BaseModel], data: dict[str, Any], errors: list[Any]
) -> FileRecords:
    items_key = ITEMS_KEY[kind]
    bad_items: set[int] = set()
    header_ok = True
    problem_paths = {problem.path for problem in context.parsed.problems}
    for problem in context.parsed.problems:
        context.add(Issue(context.file, problem.line, "error", format_path(problem.path), problem.message))
    for error in errors:
        if _clean(error["loc"]) in problem_paths:  # the YAML problem already explains it
            continue
        if not context.counted_only():
            context.error(error["loc"], error_message(error, model))
    for loc in [e["loc"] for e in errors] + [p.path for p in context.parsed.problems]:
        index = _item_index(loc, items_key)
        if index is None:
            header_ok = header_ok and kind == "themes" and bool(loc) and loc[0] != items_key
        else:
            bad_items.add(index)
    raw_items = data.get(items_key)
    raw_items = raw_items if isinstance(raw_items, list) else []
    header = None
    if header_ok:
        # a model's own checks (lat with lon…) only run once its fields are valid: run them now
        header_data = {k: v for k, v in data.items() if k in model.model_fields or k == items_key}
        header = _validated(context, model, {**header_data, items_key: []}, ())
    if header is None:
        kept = len(raw_items) - len(bad_items)
        if kept > 0:
            message = f"{kept} {ITEM_NAMES[kind]} not loaded because this record has errors"
            context.report("warning", (), message, always=True)
        return FileRecords(context, None, [])
    item_model = ITEM_MODELS[kind]
    items = []
    for i, raw in enumerate(raw_items):
        if i not in bad_items and (item := _validated(context, item_model, raw, (items_key, i))) is not None:
            items.append((i, item))
    return FileRecords(context, header, items)


def _validated(context: FileContext, model: type[BaseModel], data: Any, at: tuple[Any, ...]) -> Any:
    """The validated record, or None after reporting its errors (located under `at`)."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        if context.counted_only(exc.error_count()):
            return None
        for error in exc.errors(include_url=False):
            context.error((*at, *error["loc"]), error_message(error, model))
        return None


def _item_index(loc: tuple[Any, ...], items_key: str) -> int | None:
    if len(loc) >= 2 and loc[0] == items_key and isinstance(loc[1], int):
        return loc[1]
    return None


def _clean(loc: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple(part for part in loc if part != "[key]")
