"""Command line: `python -m loaders validate DIR`, `export DIR OUT`, `schema OUT_DIR`.

validate prints one `FILE:LINE: SEVERITY: PATH: MESSAGE` line per issue and a summary line; exit
0 without errors (warnings allowed), 1 with any error, 2 when DIR is not a data folder.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
from pathlib import Path

from loaders.atlas import Atlas
from loaders.export import write_csv_tables
from loaders.issues import Issue
from loaders.limits import MB, Limits
from loaders.load import load_atlas
from loaders.schema import write_schemas
from loaders.sources import DataFolderError

EXIT_OK, EXIT_ERRORS, EXIT_NOT_DATA = 0, 1, 2


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.run(args)
    except BrokenPipeError:  # `... | head`: the reader has gone, which is not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except DataFolderError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_NOT_DATA
    except OSError as exc:
        print(f"error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return EXIT_NOT_DATA
    except Exception as exc:
        print(f"internal error, please report it: {exc!r}", file=sys.stderr)
        return EXIT_ERRORS


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m loaders", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(required=True, metavar="COMMAND")
    validate = commands.add_parser("validate", help="check a data folder and list every issue")
    validate.add_argument("dir", type=Path, metavar="DIR")
    _limit_option(validate)
    validate.set_defaults(run=_validate)
    export = commands.add_parser("export", help="write every Atlas table as OUT/<table>.csv")
    export.add_argument("dir", type=Path, metavar="DIR")
    export.add_argument("out", type=Path, metavar="OUT")
    _limit_option(export)
    export.set_defaults(run=_export)
    schema = commands.add_parser("schema", help="write JSON Schema files for the three file kinds")
    schema.add_argument("out", type=Path, metavar="OUT_DIR")
    schema.set_defaults(run=_schema)
    return parser


def _limit_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--max-file-mb",
        type=_megabytes,
        default=Limits().max_file_bytes / MB,
        help="refuse files larger than this many megabytes (default: %(default)s)",
    )


def _megabytes(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not (0 < value <= 1024):
        raise argparse.ArgumentTypeError(
            f"expected a number of megabytes above 0 and at most 1024, got {text!r}"
        )
    return value


def _load(args: argparse.Namespace) -> Atlas:
    return load_atlas(args.dir, Limits(max_file_bytes=int(args.max_file_mb * MB)))


def _validate(args: argparse.Namespace) -> int:
    atlas = _load(args)
    _print_issues(atlas)
    return EXIT_ERRORS if atlas.error_count else EXIT_OK


def _export(args: argparse.Namespace) -> int:
    if args.out.exists() and not args.out.is_dir():
        raise DataFolderError(f"cannot export to {args.out}: it is a file; name a folder (new or existing)")
    atlas = _load(args)
    _print_issues(atlas)
    written = write_csv_tables(atlas, args.out)
    print(f"wrote {len(written)} tables to {args.out}")
    return EXIT_ERRORS if atlas.error_count else EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    for path in write_schemas(args.out):
        print(f"wrote {path}")
    return EXIT_OK


def _print_issues(atlas: Atlas) -> None:
    for row in atlas.issues.itertuples(index=False):
        print(Issue(row.file, int(row.line), row.severity, row.path, row.message).format())
    print(summary_line(atlas))


def summary_line(atlas: Atlas) -> str:
    """'2 errors, 1 warning; loaded 18 themes, 80 cities, …' in one line."""
    counts = ", ".join(
        f"{len(getattr(atlas, name)):,} {name}"
        for name in ("themes", "cities", "initiatives", "partnerships", "sessions")
    )
    errors, warnings = atlas.error_count, atlas.warning_count
    return f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}; loaded {counts}"


if __name__ == "__main__":
    sys.exit(main())
