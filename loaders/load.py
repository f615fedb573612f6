"""From files to an Atlas: parse, validate record by record, cross-check, tag, tabulate."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from loaders.assemble import assemble
from loaders.atlas import TABLES, Atlas, make_table
from loaders.issues import Issue
from loaders.limits import DEFAULT_LIMITS, Limits
from loaders.records import FileRecords, open_file, validate_file
from loaders.sources import SourceFile, read_folder


def load_atlas(folder: str | Path, limits: Limits = DEFAULT_LIMITS) -> Atlas:
    """Load a data folder; raises DataFolderError when `folder` is not one."""
    folder = Path(folder)
    files, issues = read_folder(folder, limits)
    return build_atlas(files, issues, limits, source=str(folder))


def build_atlas(
    files: Iterable[SourceFile],
    issues: Iterable[Issue] = (),
    limits: Limits = DEFAULT_LIMITS,
    source: str = "",
) -> Atlas:
    """An Atlas from file contents already in memory (a folder's, or an upload's)."""
    with _collector_paused():
        return _build(files, issues, limits, source)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Loading creates millions of small objects that all stay alive: the cyclic garbage collector
    would walk them again and again for nothing (it cost a third of the load time at 5,000 cities)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _build(files: Iterable[SourceFile], issues: Iterable[Issue], limits: Limits, source: str) -> Atlas:
    files = list(files)
    all_issues = list(issues)
    records: list[FileRecords] = []
    for file in files:
        context, fatal = open_file(file, limits)
        if fatal is not None:
            all_issues.append(fatal)
            continue
        assert context is not None
        records.append(validate_file(context))
    rows = assemble(records, [file.path for file in files if file.kind == "city"])
    for record in records:
        all_issues.extend(record.context.listed_issues())
    all_issues.sort(key=lambda i: (i.file, i.line, i.severity, i.path, i.message))
    rows["issues"] = [(i.severity, i.file, i.line, i.path, i.message) for i in all_issues]
    tables = {name: make_table(name, rows.get(name, [])) for name in TABLES}
    return Atlas(**tables, source=source)
