"""Hostile files thrown at `python -m loaders validate`: each a located message, the rest still loads."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

from tests.conftest import BASE_FILES, ROOT, write_folder

BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi", strict=False)
)
HOSTILE_FILES: dict[str, bytes] = {
    "cities/deep.yaml": b"id: deep\nname: " + b"[" * 10_000 + b"]" * 10_000 + b"\n",
    "cities/long.yaml": b"id: long\nname: " + b"x" * (5 * 1024 * 1024) + b"\n",
    "cities/bomb.yaml": BOMB.encode(),
    "cities/pickle.yaml": b"id: pickle\nname: !!python/object/apply:os.system ['echo pwned > /tmp/pwned']\n"
    b"country: IT\n",
    "cities/binary.yaml": bytes(range(256)) * 4,
    "cities/latin1.yaml": "id: latin1\nname: Málaga\ncountry: ES\n".encode("latin-1"),
    "cities/empty.yaml": b"",
    "cities/list.yaml": b"- id: list\n",
    "cities/twice.yaml": b"id: twice\nname: A\nname: B\ncountry: IT\n",
    "cities/recursive.yaml": b"id: recursive\nname: &n [*n]\n",
}
EXPECTED = {  # file -> (line, words in the message)
    "cities/deep.yaml": (2, "nesting"),
    "cities/long.yaml": (1, "limit for one file"),
    "cities/bomb.yaml": (6, "alias bomb"),  # 9**6 values at line 6: over the 100,000 limit
    "cities/pickle.yaml": (2, "is not allowed"),
    "cities/binary.yaml": (1, "binary file"),
    "cities/latin1.yaml": (2, "not UTF-8"),
    "cities/empty.yaml": (1, "file is empty"),
    "cities/list.yaml": (1, "found a list"),
    "cities/twice.yaml": (3, "duplicate key 'name'"),
    "cities/recursive.yaml": (2, "refers to the value that contains it"),
}


def test_every_hostile_file_is_one_located_error_and_the_rest_is_exported(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "data", {**BASE_FILES, **HOSTILE_FILES})
    result = subprocess.run(
        [sys.executable, "-m", "loaders", "export", str(folder), str(tmp_path / "out")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stdout.splitlines()
    for file, (line, words) in EXPECTED.items():
        matching = [text for text in lines if text.startswith(f"{file}:{line}: error: ")]
        assert matching, (file, [text for text in lines if text.startswith(file)])
        assert words in matching[0], matching[0]
    with (tmp_path / "out" / "cities.csv").open(encoding="utf-8") as handle:
        assert {row["id"] for row in csv.DictReader(handle)} == {"bari", "gdd"}
    assert not Path("/tmp/pwned").exists()
