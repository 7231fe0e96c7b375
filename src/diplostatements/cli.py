"""The ``diplostatements`` command: check, validate and show statement files from a shell.

::

    diplostatements example venezuela-2019 | diplostatements check -
    diplostatements check FILE [--format text|json|csv] [--definite-only] [--fail-on-contradiction]
    diplostatements validate FILE
    diplostatements timeline FILE
    diplostatements example venezuela-2019 [-o FILE] [--format json|jsonl]

``FILE`` is a JSON document or JSON Lines (see :mod:`diplostatements.io`), or a table set: a
directory of Parquet or CSV tables, or a claims ``.parquet`` or ``.csv`` file with its actors
beside it (see :mod:`diplostatements.tables`; it needs the extra ``tables``); ``-`` reads
standard input. Exit status: 0 when all went well, 1 when ``check --fail-on-contradiction`` found
contradictions, 2 for bad input or a usage error (and for an internal error, a bug: set
``DIPLOSTATEMENTS_TRACEBACK=1`` to see its traceback). Errors go to standard error as one block,
``diplostatements: error: ...`` and then each problem, never a traceback.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import textwrap
from collections.abc import Sequence
from typing import IO, Final, NoReturn

from . import __version__, io
from .collection import StatementSet
from .examples import EXAMPLES
from .exceptions import DiplostatementsError
from .rebuttals import Rebuttal
from .statements import QuoteKind

__all__ = ["main"]

PROG: Final = "diplostatements"
OK: Final = 0
"""Exit status: all went well."""
CONTRADICTIONS: Final = 1
"""Exit status: ``check --fail-on-contradiction`` found contradictions."""
BAD_INPUT: Final = 2
"""Exit status: the input could not be read, or the command line was wrong."""

_WIDTH: Final = 100


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # argparse's own exit status for usage errors is 2 too; the text says where to look.
        self.print_usage(sys.stderr)
        self.exit(BAD_INPUT, f"{PROG}: error: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="Check diplomatic statements for contradictions: who said what, when, on"
        " whose behalf, and who contradicts whom.",
        epilog="FILE is a diplostatements JSON document or JSON Lines, or a table set (a directory"
        " of Parquet or CSV tables, or a claims .parquet or .csv file); '-' reads standard input."
        " Exit status: 0 fine, 1 contradictions found with --fail-on-contradiction, 2 bad input.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser(
        "check", help="find contradictions and explain each", description="Check a file."
    )
    check.add_argument("file", metavar="FILE", help="the file to check ('-' for standard input)")
    check.add_argument(
        "--format",
        choices=("text", "json", "csv"),
        default="text",
        help="text: a readable report (default); json: a list of records; csv: one row each",
    )
    check.add_argument(
        "--definite-only", action="store_true", help="only contradictions that are certain"
    )
    check.add_argument(
        "--fail-on-contradiction",
        action="store_true",
        help="exit with status 1 when any contradiction is reported",
    )

    validate = commands.add_parser(
        "validate", help="check that a file is valid", description="Validate a file."
    )
    validate.add_argument("file", metavar="FILE", help="the file ('-' for standard input)")

    timeline = commands.add_parser(
        "timeline", help="list the statements in time order", description="Show a timeline."
    )
    timeline.add_argument("file", metavar="FILE", help="the file ('-' for standard input)")

    example = commands.add_parser(
        "example", help="write a bundled example as a file", description="Write an example."
    )
    example.add_argument("name", choices=sorted(EXAMPLES), help="the example")
    example.add_argument("-o", "--output", metavar="FILE", help="write here, not to stdout")
    example.add_argument(
        "--format", choices=("json", "jsonl"), default=None, help="json (default) or jsonl"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit status.

    Args:
        argv: the arguments, without the program name (default: ``sys.argv[1:]``).

    Returns:
        0, 1 or 2 (see the module's docstring).
    """
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except DiplostatementsError as error:
        return _fail(str(error))
    except BrokenPipeError:
        # The reader went away (``| head``): stop quietly, as other command-line tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return OK
    except Exception as error:
        # A bug, not bad input; still one readable block, with a way to see the traceback.
        if os.environ.get("DIPLOSTATEMENTS_TRACEBACK"):
            raise
        return _fail(
            f"internal error: {type(error).__name__}: {error}\n"
            "  (this is a bug in diplostatements; run with DIPLOSTATEMENTS_TRACEBACK=1 to see"
            " the traceback, and please report it)"
        )


def _run(args: argparse.Namespace) -> int:
    if args.command == "example":
        return _example(args.name, args.output, args.format)
    statements = _read(args.file)
    if args.command == "check":
        return _check(statements, args.format, args.definite_only, args.fail_on_contradiction)
    if args.command == "validate":
        _out(f"{_label(args.file)}: valid ({_counts(statements)})")
    else:
        _out(_timeline(statements))
    return OK


def _fail(message: str) -> int:
    sys.stderr.write(f"{PROG}: error: {message}\n")
    return BAD_INPUT


def _out(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def _label(file: str) -> str:
    return "<stdin>" if file == "-" else file


def _read(file: str) -> StatementSet:
    if file == "-":
        return io.load(sys.stdin.buffer)
    return io.load(file)


def _counts(statements: StatementSet) -> str:
    rebuttals = sum(isinstance(statement, Rebuttal) for statement in statements)
    return (
        f"{len(statements.actors)} actors, {len(statements.affiliations)} affiliations,"
        f" {len(statements)} statements of which {rebuttals} rebuttals"
    )


def _check(statements: StatementSet, form: str, definite: bool, fail: bool) -> int:
    report = statements.check()
    if definite:
        report = report.definite()
    if form == "text":
        _out(str(report))
    elif form == "json":
        _out(json.dumps(report.to_records(), ensure_ascii=False, indent=2))
    else:
        _csv(report.to_records(), sys.stdout)
    return CONTRADICTIONS if fail and len(report) else OK


_CSV_FIELDS: Final = (
    "kind",
    "certainty",
    "internal",
    *(
        f"{label}_{field}"
        for label in ("first", "second")
        for field in ("statement", "speaker", "side", "claim", "when")
    ),
    "reason",
    "via",
)


def _csv(records: list[dict[str, object]], stream: IO[str]) -> None:
    fields = list(records[0]) if records else list(_CSV_FIELDS)
    writer = csv.DictWriter(stream, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(records)


def _timeline(statements: StatementSet) -> str:
    """Each statement in time order: when, who (for which side), the act, then what was said."""
    names = statements.names
    rows = []
    for statement in statements.timeline():
        speaker = names.get(statement.speaker, statement.speaker)
        side = statements.side_of_statement(statement)
        if side != statement.speaker:
            speaker += f" (for {names.get(side, side)})"
        act = statement.act.value.replace("_", " ")
        if isinstance(statement, Rebuttal):
            targets = ", ".join(str(target) for target in statement.targets)
            act += f": {statement.kind.value} of {targets}"
        if statement.text is not None:
            said = statement.text
            if statement.quote is QuoteKind.DIRECT:
                said = f"\u201c{said}\u201d"
        else:
            said = "; ".join(claim.describe(names) for claim in statement.claims) or "(no claims)"
        rows.append((str(statement.said_on), speaker, act, f"[{statement.id}] {said}"))
    head = ("WHEN", "SPEAKER", "ACT")
    widths = [max(len(row[column]) for row in [head, *rows]) for column in range(2)]
    lines = [f"{_count(len(rows), 'statement')}, in the order they were made", ""]
    lines.append(_columns(head, widths))
    for *cells, said in rows:
        lines.append(_columns(cells, widths))
        lines.extend(textwrap.wrap(said, _WIDTH, initial_indent="    ", subsequent_indent="    "))
    return "\n".join(lines)


def _columns(cells: Sequence[str], widths: Sequence[int]) -> str:
    padded = [cell.ljust(width) for cell, width in zip(cells, widths, strict=False)]
    return "  ".join([*padded, *cells[len(widths) :]])


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _example(name: str, output: str | None, form: str | None) -> int:
    statements = EXAMPLES[name]()
    if output is None:
        _out(io.dumps(statements, format="jsonl" if form == "jsonl" else "json"))
    else:
        io.dump(statements, output, format=form)  # type: ignore[arg-type]
    return OK
