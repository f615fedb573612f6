"""Command line: `python -m analytics pair DIR PARTNERSHIP_ID` and `suggest DIR CITY_ID [--k N]`.

Both print JSON. For a partnership of three or more cities, the scores (overlap,
complementarity, matches, gaps) are over its first two cities; `cities` and the per-theme counts
keep every city in the file's order. Unknown ids exit 2 with the closest existing ids.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from analytics.pair import pair_json, pair_report
from analytics.profiles import build_profiles
from analytics.suggestions import suggestions_for
from loaders.issues import printable
from loaders.load import load_atlas
from loaders.messages import closest
from loaders.sources import DataFolderError

EXIT_USAGE = 2


class UnknownIdError(Exception):
    pass


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        document = args.run(args)
    except (UnknownIdError, DataFolderError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        print(f"error: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:  # the contract: one line, never a traceback
        print(f"internal error, please report it: {exc!r}", file=sys.stderr)
        return 1
    try:
        json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        sys.stdout.flush()
    except BrokenPipeError:  # `... | head`: the reader has gone, which is not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m analytics", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    commands = parser.add_subparsers(required=True, metavar="COMMAND")
    pair = commands.add_parser(
        "pair",
        help="overlap, complementarity, matches and gaps of one partnership",
        description="Scores, matches and gaps are over the partnership's first two cities when it "
        "has three or more; "
        "`cities` and per-theme counts keep every city in the file's order.",
    )
    pair.add_argument("dir", type=Path, metavar="DIR")
    pair.add_argument("partnership", metavar="PARTNERSHIP_ID")
    pair.set_defaults(run=_pair)
    suggest = commands.add_parser("suggest", help="the best new partners for a city")
    suggest.add_argument("dir", type=Path, metavar="DIR")
    suggest.add_argument("city", metavar="CITY_ID")
    suggest.add_argument("--k", type=int, default=10, metavar="N", help="how many (default: %(default)s)")
    suggest.add_argument(
        "--by",
        choices=("overlap", "complementarity"),
        default="overlap",
        help="rank by this score first (default: %(default)s)",
    )
    suggest.set_defaults(run=_suggest)
    return parser


def _require(kind: str, wanted: str, existing: list[str]) -> None:
    if wanted not in existing:
        options = closest(wanted, existing)
        if options:
            hint = f"; closest: {', '.join(options)}"
        elif existing:
            examples = ", ".join(sorted(existing)[:3])
            hint = f"; no similar id among the {len(existing)} {kind} ids (e.g. {examples})"
        else:
            hint = f"; there are no {kind}s"
        raise UnknownIdError(f"unknown {kind} '{printable(wanted)}'{hint}")


def _pair(args: argparse.Namespace) -> dict:
    atlas = load_atlas(args.dir)
    _require("partnership", args.partnership, atlas.partnerships["id"].tolist())
    profiles = build_profiles(atlas)
    return pair_json(pair_report(atlas, profiles, args.partnership), profiles)


def _suggest(args: argparse.Namespace) -> list[dict]:
    atlas = load_atlas(args.dir)
    _require("city", args.city, atlas.cities["id"].tolist())
    table = suggestions_for(atlas, build_profiles(atlas), args.city, k=max(args.k, 0), by=args.by)
    return [
        {
            "city": row.candidate_id,
            "overlap": float(row.overlap),
            "complementarity": float(row.complementarity),
            "shared_themes": list(row.shared_themes),
            "cousin": bool(row.cousin),
            "thin_evidence": bool(row.thin),
        }
        for row in table.itertuples(index=False)
    ]


if __name__ == "__main__":
    sys.exit(main())
