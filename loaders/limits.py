"""Size and shape limits that keep hostile or runaway input from hurting the loader."""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Every bound the loader enforces; the defaults suit hand-written data folders."""

    max_file_bytes: int = 5 * MB
    max_depth: int = 64
    max_alias_nodes: int = 100_000
    max_zip_bytes: int = 20 * MB
    max_unzipped_bytes: int = 50 * MB
    max_zip_entries: int = 2_000
    max_themes: int = 1_000  # each theme is one pass of its keywords over every untagged text
    max_issues_per_file: int = 500  # past that, one summary line: fix the first ones, run again


def oversize_message(size: int, limits: Limits) -> str:
    """Why a file is refused for its size, in megabytes."""
    limit = _megabytes(limits.max_file_bytes)
    return f"file is {_megabytes(size)} ({size:,} bytes), over the {limit} limit for one file"


def _megabytes(size: int) -> str:
    return f"{size / MB:.3g} MB"


DEFAULT_LIMITS = Limits()
