"""The README documents what users type: every URL parameter and the two first commands."""

from __future__ import annotations

import re

from tests.conftest import ROOT
from ui.url_state import URL_PARAMS

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_url_parameter_is_documented_and_nothing_else() -> None:
    table = re.findall(r"^\| `([a-z_]+)` \| (.+) \|$", README, flags=re.MULTILINE)
    assert dict(table) == URL_PARAMS


def test_readme_opens_with_the_run_and_test_commands() -> None:
    first_block = README.split("```sh\n", 1)[1].split("```", 1)[0].splitlines()
    assert first_block[0].startswith("make run ")
    assert first_block[1].startswith("make test ")


def test_ci_runs_exactly_the_test_command() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line.strip() for line in script.splitlines() if line.strip().startswith("make ")]
    assert commands == ["make test"]
