"""`make bench` (`python -m bench`): every performance figure beside its baseline, in one table.

Each figure is measured in this run against its baseline from the same run (these machines are
shared and noisy, so ratios matter more than seconds): medians of `--repeats` runs. Data is
SYNTHETIC (bench/generate.py), written to a temporary folder.

    python -m bench                       # 100, 1,000, 5,000 cities; the 14,274-city twin network
    python -m bench --sizes 100 --no-world --no-browser --repeats 1    # a quick smoke run
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from bench import measure
from bench.generate import TWIN_NETWORK, generate

SHIPPED = measure.ROOT / "data"


@dataclass
class Row:
    figure: str
    value: float
    unit: str
    baseline: float | None = None
    limit: float | None = None  # target: the ratio (with a baseline) or the value must stay at or under it

    @property
    def ratio(self) -> float | None:
        return self.value / self.baseline if self.baseline else None

    @property
    def verdict(self) -> str:
        if self.limit is None:
            return ""
        measured = self.ratio if self.baseline is not None else self.value
        return "ok" if measured is not None and measured <= self.limit else "MISS"

    def cells(self) -> list[str]:
        ratio = f"{self.ratio:.3f}×" if self.ratio is not None else ""
        target = ""
        if self.limit is not None:
            target = f"≤ {self.limit:g}×" if self.baseline is not None else f"≤ {self.limit:g} {self.unit}"
        baseline = _format(self.baseline, self.unit) if self.baseline is not None else ""
        return [self.figure, _format(self.value, self.unit), baseline, ratio, target, self.verdict]


def _format(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value:.3f} s" if value >= 0.01 else f"{value * 1000:.2f} ms"
    if unit == "ms":
        return f"{value:.3f} ms"
    if unit == "MB":
        return f"{value:,.1f} MB"
    return f"{value:,.0f} {unit}"


def machine() -> str:
    model = ""
    try:
        model = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
    except (OSError, StopIteration):
        model = platform.processor()
    memory = ""
    try:
        kb = int(
            next(
                line.split()[1]
                for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")
            )
        )
        memory = f", {kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, StopIteration):
        pass
    return f"{model or 'unknown CPU'}, {os.cpu_count()} cores{memory}, Python {platform.python_version()}"


def print_table(rows: list[Row]) -> None:
    header = ["figure", "value", "baseline", "ratio", "target", ""]
    table = [header, *[row.cells() for row in rows]]
    widths = [max(len(line[i]) for line in table) for i in range(len(header))]
    for n, line in enumerate(table):
        print("| " + " | ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)) + " |")
        if n == 0:
            print("|" + "|".join("-" * (width + 2) for width in widths) + "|")


def load_rows(folder: Path, cities: int, cache: Path, repeats: int) -> list[Row]:
    at_target = cities == 5_000
    floor = measure.median_of(repeats, lambda: measure.floor_seconds(folder))
    cold = measure.median_of(repeats, lambda: measure.cold_seconds(folder))
    measure.restart_seconds(folder, cache)  # fills the on-disk cache
    restart = measure.median_of(repeats, lambda: measure.restart_seconds(folder, cache))
    warm = measure.warm_seconds(folder, max(repeats, 3))
    return [
        Row(
            f"cold load, {cities:,} cities (vs read+parse floor)",
            cold,
            "s",
            floor,
            1.3 if at_target else None,
        ),
        Row(f"restart load, {cities:,} cities (vs cold)", restart, "s", cold, 0.1 if at_target else None),
        Row(
            f"warm load in the app, {cities:,} cities (vs cold)", warm, "s", cold, 0.02 if at_target else None
        ),
    ]


def page_rows(folder: Path, cities: int, repeats: int) -> list[Row]:
    reruns = measure.page_reruns(folder, repeats)
    return [
        Row(f"page rerun '{page}', {cities:,} cities", seconds, "s", None, 1.0)
        for page, seconds in reruns.items()
    ]


def world_rows(folder: Path) -> list[Row]:
    from loaders import load_atlas

    atlas = load_atlas(folder)
    n = len(atlas.cities)
    seconds, peak = measure.suggestions(atlas)
    return [
        Row(f"partner suggestions, top 10 for all {n:,} cities", seconds, "s", None, 5.0),
        Row(f"peak memory of those suggestions ({n:,} cities)", peak, "MB", None, 2048.0),
        Row(f"similarity of one pair ({n:,} cities)", measure.pair_milliseconds(atlas), "ms", None, 1.0),
    ]


def browser_rows(folder: Path, cities: int | None, log_dir: Path, repeats: int) -> list[Row]:
    from bench.browser import browser_figures

    big = cities == 5_000
    data = folder if cities is not None else SHIPPED
    label = f"{cities:,} cities" if cities is not None else "shipped data"
    figures = browser_figures(data, log_dir, max(repeats, 5), measure_bytes=big, visit_all=big)
    rows = []
    if not big:
        rows.append(
            Row(
                f"Chromium: first Overview chart, {label} (vs hello app)",
                figures["dashboard_first_chart"],
                "s",
                figures["hello_first_chart"],
                1.5 if cities is None else 2.0,
            )
        )
    if big:
        rows.append(
            Row(
                f"bytes sent to the browser by the Overview, {label}",
                figures["overview_bytes"] / 1e6,
                "MB",
                None,
                3.0,
            )
        )
        rows.append(
            Row(
                f"server peak memory after every page, {label}", figures["server_peak_mb"], "MB", None, 1536.0
            )
        )
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="100,1000,5000", help="city counts (default: %(default)s)")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--no-world", action="store_true", help="skip the 14,274-city twin network")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium figures")
    parser.add_argument("--keep", type=Path, help="keep the generated folders here")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    os.environ.setdefault("STREAMLIT_LOGGER_LEVEL", "error")  # bare-mode warnings would flood the table
    work = args.keep or Path(tempfile.mkdtemp(prefix="twinning-atlas-bench-"))
    os.environ["TWINNING_ATLAS_CACHE"] = str(work / "cache")
    from bench.browser import available

    browser = not args.no_browser and available()
    print(f"Twinning Atlas benchmarks on {machine()}")
    print(f"synthetic data in {work}; medians of {args.repeats} runs\n", flush=True)
    rows: list[Row] = []
    try:
        if browser:
            rows += browser_rows(SHIPPED, None, work, args.repeats)
        for cities in sizes:
            folder = generate(work / f"cities-{cities}", cities=cities)
            rows += load_rows(folder, cities, work / "cache", args.repeats)
            if cities == 1_000 or (cities == sizes[-1] and 1_000 not in sizes):
                rows += page_rows(folder, cities, args.repeats)
                if browser:
                    rows += browser_rows(folder, cities, work, args.repeats)
            if cities == 5_000 and browser:
                rows += browser_rows(folder, cities, work, 1)
        if not args.no_world:
            rows += world_rows(generate(work / "twin-network", topology=TWIN_NETWORK, sessions=1))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    if not browser and not args.no_browser:
        print("(Chromium figures skipped: no /usr/bin/chromium or Playwright)\n")
    print_table(rows)


if __name__ == "__main__":
    main()
