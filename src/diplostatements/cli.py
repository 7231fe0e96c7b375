"""The ``diplostatements`` command: check, validate and show statement files from a shell.

::

    diplostatements example venezuela-2019 | diplostatements check -
    diplostatements check FILE... [--format text|json|csv|markdown|html|dot] [--summary]
                          [--limit N] [--rules RULES] [--vocabulary FILE] [--definite-only]
                          [--fail-on-contradiction] [-q]
    diplostatements validate FILE
    diplostatements timeline FILE
    diplostatements example venezuela-2019 [-o FILE] [--format json|jsonl]

``FILE`` is a JSON document or JSON Lines (see :mod:`diplostatements.io`), or a table set: a
directory of Parquet or CSV tables, or a claims ``.parquet`` or ``.csv`` file with its actors
beside it (see :mod:`diplostatements.tables`; it needs the extra ``tables``); ``-`` reads
standard input. ``check`` merges several files into one set before checking it.

Exit status: 0 when all went well, 1 when ``check --fail-on-contradiction`` found
contradictions, 2 for bad input or a usage error, 3 for an internal error (a bug in
diplostatements: set ``DIPLOSTATEMENTS_TRACEBACK=1`` to see its traceback). Errors go to standard
error as one block, ``diplostatements: error: ...`` and then each problem, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from typing import IO, Final, NoReturn

from . import __version__, io
from ._cli_output import FORMATS, as_csv, as_html, as_json, as_markdown, as_text
from ._plural import counted
from ._printable import printable
from ._wrap import wrap
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
INTERNAL_ERROR: Final = 3
"""Exit status: a bug in diplostatements (never a problem with the input)."""

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
        " Exit status: 0 fine, 1 contradictions found with --fail-on-contradiction, 2 bad input"
        " or usage, 3 internal error (a bug).",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    quiet = _Parser(add_help=False)
    quiet.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="no progress line on standard error (one is shown only on a terminal, for a large"
        " file)",
    )
    check = commands.add_parser(
        "check",
        help="find contradictions and explain each",
        description="Check files for contradictions: several files are merged into one set.",
        parents=[quiet],
    )
    check.add_argument(
        "files",
        metavar="FILE",
        nargs="+",
        help="a file to check ('-' for standard input); several are merged into one set",
    )
    check.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="text: a readable report (default); json: one object with the contradictions,"
        " disputes, retracted and the summary; csv: one row per record; markdown; html: a page;"
        " dot: a Graphviz graph of the sides",
    )
    check.add_argument(
        "--summary",
        action="store_true",
        help="only the counts and the contradictions counted by pair of sides",
    )
    check.add_argument(
        "--limit",
        type=_count,
        metavar="N",
        help="show at most N contradictions (the counts still count them all)",
    )
    check.add_argument(
        "--rules",
        metavar="RULES",
        help="only findings of these kinds, comma-separated (e.g. denial,negation); every pair"
        " still gets its most specific kind",
    )
    check.add_argument(
        "--vocabulary",
        metavar="FILE",
        help="a vocabulary file (JSON, or TOML when it ends in .toml): its predicates are added"
        ' to the default vocabulary, or replace it with "extends": "none"',
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
        "validate",
        help="check that a file is valid",
        description="Validate a file.",
        parents=[quiet],
    )
    validate.add_argument("file", metavar="FILE", help="the file ('-' for standard input)")

    timeline = commands.add_parser(
        "timeline",
        help="list the statements in time order",
        description="Show a timeline.",
        parents=[quiet],
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
        0, 1, 2 or 3 (see the module's docstring).
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
            " the traceback, and please report it)",
            INTERNAL_ERROR,
        )


def _count(text: str) -> int:
    """A ``--limit``: a whole number, 0 or more."""
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected a whole number 0 or more, got {text!r}")
    return value


def _run(args: argparse.Namespace) -> int:
    if args.command == "example":
        return _example(args.name, args.output, args.format)
    if args.command == "check":
        return _check(args)
    statements = _read(args.file, quiet=args.quiet)
    if args.command == "validate":
        _out(f"{_label(args.file)}: valid ({_counts(statements)})")
    else:
        _out(_timeline(statements))
    return OK


def _fail(message: str, status: int = BAD_INPUT) -> int:
    sys.stderr.write(f"{PROG}: error: {printable(message, keep=_LAYOUT)}\n")
    return status


_LAYOUT: Final = "\n"
"""The one non-printable character a text output may hold as itself: its line ends."""


def _out(text: str) -> None:
    """Write text for a person: every character a terminal would not show as itself is escaped."""
    text = printable(text, keep=_LAYOUT)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def _json_out(value: object) -> None:
    """Write JSON with every non-printable character escaped as JSON escapes it (lossless)."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    if not text.isprintable():
        text = "".join(
            char if char.isprintable() or char == "\n" else _json_escape(char) for char in text
        )
    sys.stdout.write(text + "\n")


def _json_escape(char: str) -> str:
    code = ord(char)
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000  # beyond the first plane: a surrogate pair, as JSON writes one
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def _label(file: str) -> str:
    return "<stdin>" if file == "-" else file


def _read(file: str, *, quiet: bool) -> StatementSet:
    line = None if quiet or not _is_terminal(sys.stderr) else ProgressLine(_label(file))
    if file == "-":
        return io.load(sys.stdin.buffer, progress=line)
    return io.load(file, progress=line)


def _is_terminal(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a replaced stream, or a closed one
        return False


LARGE: Final = 8 * 2**20
"""Below this many bytes a file reads in a blink: no progress line is shown for it."""


class ProgressLine:
    """A progress callback that keeps one line on standard error up to date, then clears it.

    Shown only for an input of at least :data:`LARGE` bytes, or of an unknown size.
    """

    def __init__(self, label: str, stream: IO[str] | None = None) -> None:
        self.label = printable(label)
        self.stream = stream
        self.shown = False

    def __call__(self, done: int, total: int | None) -> None:
        """Show how far reading is; the last call (``done == total``) clears the line."""
        stream = self.stream or sys.stderr
        if total is not None and total < LARGE:
            return
        if total is not None and done >= total:
            if self.shown:
                stream.write("\r" + " " * _WIDTH + "\r")
                stream.flush()
            return
        read = f"{done / 2**20:,.1f} MiB"
        if total is None:
            text = f"reading {self.label}: {read}"
        else:
            text = f"reading {self.label}: {done / total:4.0%} ({read} of {total / 2**20:,.1f})"
        stream.write("\r" + text[:_WIDTH].ljust(_WIDTH) + "\r")
        stream.flush()
        self.shown = True


CHECK_LARGE: Final = 20_000
"""Below this many groups of claims to sweep, a check takes a blink: no progress line is shown."""


class CheckProgressLine:
    """A progress callback for ``check`` that keeps one line on standard error, then clears it.

    Shown only for a check of at least :data:`CHECK_LARGE` groups of claims (the unit
    :func:`~diplostatements.check` counts in): "checking: 45% (9,000 of 20,000 groups of claims)".
    """

    def __init__(self, stream: IO[str] | None = None) -> None:
        self.stream = stream
        self.shown = False

    def __call__(self, done: int, total: int | None) -> None:
        """Show how far the check is; the last call (``done == total``) clears the line."""
        stream = self.stream or sys.stderr
        if total is None or total < CHECK_LARGE:
            return
        if done >= total:
            if self.shown:
                stream.write("\r" + " " * _WIDTH + "\r")
                stream.flush()
            return
        text = f"checking: {done / total:4.0%} ({done:,} of {total:,} groups of claims)"
        stream.write("\r" + text[:_WIDTH].ljust(_WIDTH) + "\r")
        stream.flush()
        self.shown = True


def _counts(statements: StatementSet) -> str:
    rebuttals = sum(isinstance(statement, Rebuttal) for statement in statements)
    return (
        f"{counted(len(statements.actors), 'actor')},"
        f" {counted(len(statements.affiliations), 'affiliation')},"
        f" {counted(len(statements), 'statement')} of which {counted(rebuttals, 'rebuttal')}"
    )


def _check(args: argparse.Namespace) -> int:
    form, summary, limit = args.format, args.summary, args.limit
    if form == "dot" and summary:
        raise _UsageError("--summary has no meaning with --format dot (the graph is a summary)")
    if args.files.count("-") > 1:
        raise _UsageError("standard input ('-') can be read once only")
    options: dict[str, object] = {}
    if args.vocabulary is not None:
        options["vocabulary"] = io.load_vocabulary(args.vocabulary)
    if args.rules is not None:
        options["rules"] = [name.strip() for name in args.rules.split(",") if name.strip()]
    statements = _read_all(args.files, quiet=args.quiet)
    line = None if args.quiet or not _is_terminal(sys.stderr) else CheckProgressLine()
    report = statements.check(progress=line, **options)
    if args.definite_only:
        report = report.definite()
    if form == "text":
        _out(as_text(report, limit=limit, summary=summary))
    elif form == "json":
        _json_out(as_json(report, limit=limit, summary=summary))
    elif form == "csv":  # data for a spreadsheet: every character as it was given
        sys.stdout.write(as_csv(report, limit=limit, summary=summary))
    elif form == "markdown":
        _out(as_markdown(report, limit=limit, summary=summary))
    elif form == "html":
        title = f"{PROG} check {' '.join(_label(file) for file in args.files)}"
        _out(as_html(report, limit=limit, summary=summary, title=title))
    else:
        _out(report.to_dot() if limit is None else report[:limit].to_dot())
    return CONTRADICTIONS if args.fail_on_contradiction and len(report) else OK


class _UsageError(DiplostatementsError):
    """Options that cannot go together."""


def _read_all(files: Sequence[str], *, quiet: bool) -> StatementSet:
    """Read each file, and merge them into one set (the first file's, extended)."""
    merged = _read(files[0], quiet=quiet)
    for file in files[1:]:
        statements = _read(file, quiet=quiet)
        try:
            merged.extend(
                [
                    *statements.actors.values(),
                    *statements.affiliations,
                    *statements.statements.values(),
                ]
            )
        except DiplostatementsError as error:
            raise _MergeError(
                f"{_label(file)} cannot be merged with the files before it: {error}"
            ) from None
    return merged


class _MergeError(DiplostatementsError):
    """Two files use one id for different items."""


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
    lines = [f"{counted(len(rows), 'statement')}, in the order they were made", ""]
    lines.append(_columns(head, widths))
    for *cells, said in rows:
        lines.append(_columns(cells, widths))
        lines.extend(wrap(said, _WIDTH, indent="    ", subsequent="    "))
    return "\n".join(lines)


def _columns(cells: Sequence[str], widths: Sequence[int]) -> str:
    padded = [cell.ljust(width) for cell, width in zip(cells, widths, strict=False)]
    return "  ".join([*padded, *cells[len(widths) :]])


def _example(name: str, output: str | None, form: str | None) -> int:
    statements = EXAMPLES[name]()
    if output is None:
        _out(io.dumps(statements, format="jsonl" if form == "jsonl" else "json"))
    else:
        io.dump(statements, output, format=form)  # type: ignore[arg-type]
    return OK
