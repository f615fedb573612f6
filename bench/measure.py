"""One function per benchmark figure; each returns seconds, bytes or a ratio, medians of repeats."""

from __future__ import annotations

import gc
import json
import os
import random
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def median_of(repeats: int, run: Callable[[], float]) -> float:
    return statistics.median(run() for _ in range(repeats))


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def floor_seconds(folder: Path) -> float:
    """Only reading every data file and parsing it with PyYAML's C loader."""

    def read_and_parse() -> None:
        for path in sorted(folder.rglob("*.yaml")):
            yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)

    return timed(read_and_parse)


def cold_seconds(folder: Path) -> float:
    from loaders import load_atlas

    gc.collect()
    return timed(lambda: load_atlas(folder))


_RESTART_SCRIPT = """
import sys, time, json
sys.path.insert(0, {root!r})
from pathlib import Path
from loaders.diskcache import load_atlas_cached
start = time.perf_counter()
atlas = load_atlas_cached(Path({folder!r}), where=Path({cache!r}))
print(json.dumps({{"seconds": time.perf_counter() - start, "rows": len(atlas.initiatives)}}))
"""


def restart_seconds(folder: Path, cache: Path) -> float:
    """A new process, unchanged files: the Atlas comes from the on-disk cache (timed inside)."""
    script = _RESTART_SCRIPT.format(root=str(ROOT), folder=str(folder), cache=str(cache))
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return float(json.loads(result.stdout.strip().splitlines()[-1])["seconds"])


def warm_seconds(folder: Path, repeats: int) -> float:
    """The app's load in the same process with unchanged files: fingerprint + st.cache_data hit."""
    from ui.data import folder_dataset

    folder_dataset(folder)  # the first call fills the cache
    return median_of(repeats, lambda: timed(lambda: folder_dataset(folder)))


def suggestions(atlas: object) -> tuple[float, float]:
    """(seconds, peak MB) for the top 10 suggestions of every city."""
    from analytics.profiles import build_profiles
    from analytics.suggestions import partner_edges, suggest

    profiles, edges = build_profiles(atlas), partner_edges(atlas)
    tracemalloc.start()
    seconds = timed(lambda: suggest(profiles, edges, k=10))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return seconds, peak / 1e6


def pair_milliseconds(atlas: object, samples: int = 2_000) -> float:
    """The mean time of one pair's overlap (Jaccard, overlap coefficient, cosine, themes)."""
    from analytics.overlap import pair_overlap
    from analytics.profiles import build_profiles

    profiles = build_profiles(atlas)
    rng = random.Random(1)
    ids = list(profiles.city_ids)
    pairs = [(rng.choice(ids), rng.choice(ids)) for _ in range(samples)]
    return 1000 * timed(lambda: [pair_overlap(profiles, a, b) for a, b in pairs]) / samples


def page_reruns(folder: Path, repeats: int) -> dict[str, float]:
    """Server-side time of each page's rerun (AppTest), data already loaded."""
    previous = os.environ.get("TWINNING_ATLAS_DATA")
    os.environ["TWINNING_ATLAS_DATA"] = str(folder)
    try:
        from ui.frame import PAGE_NAMES

        return {page: _page_rerun(page, repeats) for page in PAGE_NAMES}
    finally:
        if previous is None:
            del os.environ["TWINNING_ATLAS_DATA"]
        else:
            os.environ["TWINNING_ATLAS_DATA"] = previous


def _page_rerun(page: str, repeats: int) -> float:
    from streamlit.testing.v1 import AppTest

    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=300)
    app.run()
    if page != "overview":
        app.switch_page(f"pages/{page}.py").run()
    if app.exception:
        raise RuntimeError(f"{page}: {app.exception[0].value}")
    return median_of(repeats, lambda: timed(app.run))
