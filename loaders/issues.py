"""The data-quality report: one Issue per problem, located by file, line and field path."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]
ROOT_PATH = "(file)"


@dataclass(frozen=True, order=True)
class Issue:
    """A problem found in a data file; `file` is relative to the data folder, `line` is 1-based."""

    file: str
    line: int
    severity: Severity
    path: str
    message: str

    def format(self) -> str:
        """The command line's `FILE:LINE: SEVERITY: PATH: MESSAGE`."""
        fields = (self.file, str(self.line), self.severity, self.path, self.message)
        return ": ".join(printable(field) for field in fields).replace(": ", ":", 1)


def printable(text: str) -> str:
    """`text` with control characters written as escapes (\\n, \\x1b), so it stays one safe line."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def format_path(loc: tuple[str | int, ...]) -> str:
    """('initiatives', 2, 'status') -> 'initiatives[2].status'; () -> '(file)'."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text or ROOT_PATH
