"""Text from data files is shown as text: escaped before it goes into Markdown."""

from __future__ import annotations

import re

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:])")


def md(text: object) -> str:
    """Escape Markdown and HTML so `<script>`, `[x](javascript:…)` and `**` show literally."""
    return _MARKDOWN.sub(r"\\\1", "" if text is None else str(text)).replace("\n", " ")


def link(label: object, url: str) -> str:
    """A Markdown link to an http(s) address; anything else is shown as plain text."""
    if not url.lower().startswith(("http://", "https://")):
        return md(url)
    quoted = "".join(f"%{ord(c):02X}" if c in "<>()[] \"'`\\" else c for c in url)
    return f"[{md(label)}]({quoted})"
