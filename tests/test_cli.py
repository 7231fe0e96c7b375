"""Tests for the command line, run as a user runs it: ``python -m diplostatements`` in a process."""

from __future__ import annotations

import csv
import io as stdio
import json
import os
import re
import runpy
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from diplostatements import Actor, Claim, Statement, StatementSet, cli, examples
from diplostatements import io as dio
from diplostatements.cli import CHECK_LARGE, CheckProgressLine, main
from diplostatements.report import Report


def run(*args: str, stdin: str | bytes = b"") -> subprocess.CompletedProcess[str]:
    """Run the command with these arguments and standard input; capture its output as text."""
    data = stdin.encode() if isinstance(stdin, str) else stdin
    result = subprocess.run(
        [sys.executable, "-m", "diplostatements", *args],
        input=data,
        capture_output=True,
        check=False,
        timeout=120,
    )
    return subprocess.CompletedProcess(
        result.args,
        result.returncode,
        result.stdout.decode("utf-8"),
        result.stderr.decode("utf-8"),
    )


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed example written as a JSON document."""
    path = tmp_path_factory.mktemp("seed") / "venezuela.json"
    dio.dump(examples.venezuela_2019(), path)
    return path


@pytest.fixture(scope="module")
def calm(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A set without contradictions."""
    path = tmp_path_factory.mktemp("calm") / "calm.jsonl"
    s = StatementSet(
        [Actor("a", "A", "state"), Statement("s", "a", date(2019, 1, 1), [Claim("a", "p")])]
    )
    dio.dump(s, path)
    return path


@pytest.fixture(scope="module")
def odd(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A set whose names hold an ESC sequence and a zero-width space, with one finding."""
    path = tmp_path_factory.mktemp("odd") / "odd.json"
    s = StatementSet(
        [
            Actor("a", "Evil\x1b[2J name", "state"),
            Statement("s", "a", date(2019, 1, 1), [Claim("a", "p\u200bq")]),
            Statement("t", "a", date(2019, 1, 1), [Claim("a", "p\u200bq", polarity="negated")]),
        ]
    )
    dio.dump(s, path)
    return path


class TestExample:
    def test_writes_the_example(self) -> None:
        """``example venezuela-2019`` prints the bundled example as a JSON document."""
        result = run("example", "venezuela-2019")
        assert result.returncode == 0
        assert dio.loads(result.stdout) == examples.venezuela_2019()

    def test_output_file_and_format(self, tmp_path: Path) -> None:
        """``-o FILE --format jsonl`` writes JSON Lines to the file."""
        path = tmp_path / "out.txt"
        result = run("example", "venezuela-2019", "-o", str(path), "--format", "jsonl")
        assert (result.returncode, result.stdout) == (0, "")
        assert path.read_text(encoding="utf-8").startswith('{"format": "diplostatements"')
        assert dio.load(path) == examples.venezuela_2019()

    def test_jsonl_to_stdout(self) -> None:
        """``--format jsonl`` without ``-o`` prints JSON Lines."""
        result = run("example", "venezuela-2019", "--format", "jsonl")
        assert result.stdout.splitlines()[0] == '{"format": "diplostatements", "version": 1}'

    def test_unknown_example(self) -> None:
        """An unknown example name is a usage error, status 2."""
        result = run("example", "nowhere")
        assert result.returncode == 2
        assert "invalid choice" in result.stderr


class TestCheck:
    def test_text_report(self, seed: Path) -> None:
        """The text report names the contradictions of the seed; status 0."""
        result = run("check", str(seed))
        assert result.returncode == 0
        assert result.stdout.startswith("3 contradictions")
        assert "DENIAL" in result.stdout

    def test_stdin(self, seed: Path) -> None:
        """``-`` reads the file from standard input."""
        result = run("check", "-", stdin=seed.read_bytes())
        assert result.returncode == 0
        assert result.stdout == run("check", str(seed)).stdout

    def test_json(self, seed: Path) -> None:
        """``--format json`` prints one object: records, disputes, retractions and summary."""
        result = run("check", str(seed), "--format", "json")
        printed = json.loads(result.stdout)
        report = examples.venezuela_2019().check()
        assert printed["contradictions"] == report.to_records()
        assert printed["disputes"] == [dispute.to_record() for dispute in report.disputes]
        assert printed["retracted"] == []
        assert printed["summary"] == report.summary()
        assert printed["by_sides"] == report.summary_by_sides().to_records()

    def test_csv(self, seed: Path) -> None:
        """``--format csv`` prints a row per contradiction, dispute and count, told apart."""
        result = run("check", str(seed), "--format", "csv")
        rows = list(csv.DictReader(stdio.StringIO(result.stdout)))
        records = [row["record"] for row in rows]
        assert records.count("contradiction") == 3
        assert records.count("dispute") == 2
        assert {row["kind"]: row["count"] for row in rows if row["record"] == "summary"}[
            "denial"
        ] == "2"

    def test_csv_without_findings(self, calm: Path) -> None:
        """A CSV report with no contradictions has its header and the counts."""
        result = run("check", str(calm), "--format", "csv")
        assert result.stdout.startswith("record,kind,certainty,internal,first_statement")
        rows = list(csv.DictReader(stdio.StringIO(result.stdout)))
        assert {row["record"] for row in rows} == {"summary"}

    def test_definite_only(self, seed: Path) -> None:
        """``--definite-only`` keeps only DEFINITE contradictions."""
        result = run("check", str(seed), "--definite-only", "--format", "json")
        records = json.loads(result.stdout)["contradictions"]
        assert records
        assert all(record["certainty"] == "definite" for record in records)

    def test_fail_on_contradiction(self, seed: Path, calm: Path) -> None:
        """``--fail-on-contradiction`` exits 1 when contradictions are found, 0 when not."""
        assert run("check", str(seed), "--fail-on-contradiction").returncode == 1
        assert run("check", str(calm), "--fail-on-contradiction").returncode == 0


class TestValidate:
    def test_valid(self, seed: Path) -> None:
        """A valid file is reported with its counts; status 0."""
        result = run("validate", str(seed))
        assert result.returncode == 0
        assert result.stdout.startswith(f"{seed}: valid (19 actors")

    def test_stdin(self, seed: Path) -> None:
        """Standard input is named <stdin>."""
        result = run("validate", "-", stdin=seed.read_bytes())
        assert result.stdout.startswith("<stdin>: valid")

    def test_invalid(self, tmp_path: Path) -> None:
        """Every problem is printed under one error line on standard error; status 2."""
        path = tmp_path / "bad.json"
        path.write_text(
            '{"format": "diplostatements", "version": 1, "actors": [{"id": "a", "kind": "x"}]}'
        )
        result = run("validate", str(path))
        assert result.returncode == 2
        assert result.stdout == ""
        lines = result.stderr.splitlines()
        assert lines[0] == f"diplostatements: error: {path} is not a valid diplostatements file" + (
            " (2 problems)"
        )
        assert lines[1].startswith("  - $.actors[0].name: expected a value")
        assert "Traceback" not in result.stderr

    def test_bad_json(self) -> None:
        """Malformed JSON names the file, line and column, in whole words; status 2."""
        result = run("validate", "-", stdin='{"format": "diplostatements",\n "version": 1,,}')
        assert result.returncode == 2
        assert result.stderr.startswith(
            "diplostatements: error: <stdin>:2:15: expected valid JSON (a property name in double"
            " quotes is missing here)"
        )
        assert "Traceback" not in result.stderr

    def test_missing_file(self, tmp_path: Path) -> None:
        """A missing file is an error, status 2."""
        result = run("validate", str(tmp_path / "none.json"))
        assert result.returncode == 2
        assert result.stderr == (
            f"diplostatements: error: {tmp_path / 'none.json'}: No such file or directory\n"
        )

    def test_directory(self, tmp_path: Path) -> None:
        """A directory given as a file is an error, status 2."""
        result = run("check", str(tmp_path))
        assert result.returncode == 2
        assert result.stderr.startswith("diplostatements: error: ")
        assert "Traceback" not in result.stderr

    def test_empty_stdin(self) -> None:
        """Empty standard input is an error, status 2."""
        result = run("validate", "-")
        assert result.returncode == 2
        assert "JSON document or JSON Lines" in result.stderr


class TestTimeline:
    def test_timeline(self, seed: Path) -> None:
        """The timeline lists every statement in time order with speaker, side and act."""
        result = run("timeline", str(seed))
        assert result.returncode == 0
        lines = result.stdout.splitlines()
        assert lines[0] == "17 statements, in the order they were made"
        assert lines[2].split() == ["WHEN", "SPEAKER", "ACT"]
        text = result.stdout
        assert text.index("[trump-2019-06-03]") < text.index("[peskov-2019-06-04-denial]")
        assert "Dmitry Peskov (for Russia)" in text
        assert "deny: denial of trump-2019-06-03#0" in text

    def test_statement_without_text(self, calm: Path) -> None:
        """A statement with no text is shown by its claims."""
        result = run("timeline", str(calm))
        assert "[s] A p" in result.stdout


class TestSafeOutput:
    @pytest.mark.parametrize("args", [["check"], ["timeline"]])
    def test_text_is_escaped(self, odd: Path, args: list[str]) -> None:
        """What the command prints for a person holds no control byte; its lines are printable."""
        result = run(*args, str(odd))
        assert result.returncode == 0
        assert "\x1b" not in result.stdout
        assert "Evil\\x1b[2J name" in result.stdout
        assert all(line.isprintable() for line in result.stdout.splitlines())

    def test_json_is_escaped_and_lossless(self, odd: Path) -> None:
        """JSON output escapes what a terminal would not print, and reads back the same."""
        result = run("check", str(odd), "--format", "json")
        assert "\u200b" not in result.stdout
        assert all(line.isprintable() for line in result.stdout.splitlines())
        records = json.loads(result.stdout)["contradictions"]
        assert records == dio.load(odd).check().to_records()
        assert "\u200b" in records[0]["first_claim"]

    @pytest.mark.parametrize("form", ["markdown", "html", "dot"])
    def test_documents_are_escaped(self, odd: Path, form: str) -> None:
        """Markdown, HTML and DOT are for people: what they show holds no control byte."""
        result = run("check", str(odd), "--format", form)
        assert result.returncode == 0
        assert "\x1b" not in result.stdout
        assert "\u200b" not in result.stdout
        assert all(line.isprintable() for line in result.stdout.splitlines())
        # DOT escapes the escape's backslash: the label Graphviz draws reads "\x1b".
        shown = "Evil\\\\x1b[2J name" if form == "dot" else "Evil\\x1b"
        assert shown in result.stdout

    def test_csv_is_lossless(self, odd: Path) -> None:
        """CSV is data: every character of a name is written as it was given."""
        result = run("check", str(odd), "--format", "csv")
        rows = list(csv.DictReader(stdio.StringIO(result.stdout)))
        assert rows[0]["reason"] == dio.load(odd).check()[0].reason
        assert "Evil\x1b[2J name" in rows[0]["reason"]


class TestUsage:
    def test_version(self) -> None:
        """``--version`` prints the version; status 0."""
        result = run("--version")
        assert result.returncode == 0
        assert result.stdout.startswith("diplostatements ")

    def test_no_command(self) -> None:
        """No command is a usage error, status 2."""
        result = run()
        assert result.returncode == 2
        assert "usage:" in result.stderr

    def test_unknown_option(self) -> None:
        """An unknown option is a usage error, status 2."""
        assert run("check", "x", "--colour").returncode == 2

    def test_main_in_process(self, seed: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """``main`` returns the exit status instead of exiting."""
        assert main(["validate", str(seed)]) == 0
        assert "valid" in capsys.readouterr().out

    def test_broken_pipe(self, seed: Path) -> None:
        """A reader that goes away early ends the command quietly."""
        shell = subprocess.run(
            f'"{sys.executable}" -m diplostatements timeline "{seed}" | head -n 1',
            shell=True,
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
        assert shell.stdout.startswith("17 statements")
        assert "Traceback" not in shell.stderr


class TestInProcess:
    # The same commands through main(), so that coverage sees the command line's branches.
    @pytest.mark.parametrize(
        ("args", "status", "start"),
        [
            (["check", "{seed}"], 0, "3 contradictions"),
            (["check", "{seed}", "--format", "json"], 0, "{{"),
            (["check", "{seed}", "--format", "csv", "--definite-only"], 0, "record,kind"),
            (["check", "{seed}", "--fail-on-contradiction"], 1, "3 contradictions"),
            (["check", "{calm}", "--format", "csv"], 0, "record,kind"),
            (["validate", "{seed}"], 0, "{seed}: valid"),
            (["timeline", "{seed}"], 0, "17 statements"),
            (["timeline", "{calm}"], 0, "1 statement,"),
            (["example", "venezuela-2019"], 0, "{{"),
        ],
    )
    def test_command(
        self,
        args: list[str],
        status: int,
        start: str,
        *,
        seed: Path,
        calm: Path,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """Each command prints what it should and returns its status."""
        filled = [arg.format(seed=seed, calm=calm) for arg in args]
        assert main(filled) == status
        assert capsys.readouterr().out.startswith(start.format(seed=seed))

    def test_stdin_and_errors(
        self, seed: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Standard input is read as bytes; a bad file is one error block and status 2."""
        monkeypatch.setattr("sys.stdin", stdio.TextIOWrapper(stdio.BytesIO(seed.read_bytes())))
        assert main(["validate", "-"]) == 0
        assert capsys.readouterr().out.startswith("<stdin>: valid")
        monkeypatch.setattr("sys.stdin", stdio.TextIOWrapper(stdio.BytesIO(b"{")))
        assert main(["validate", "-"]) == 2
        assert capsys.readouterr().err.startswith("diplostatements: error: line 1, column 2")

    def test_example_to_file(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """``example -o`` writes the file and prints nothing; the format follows the suffix."""
        path = tmp_path / "seed.jsonl"
        assert main(["example", "venezuela-2019", "-o", str(path)]) == 0
        assert capsys.readouterr().out == ""
        assert path.read_text(encoding="utf-8").startswith('{"format"')
        assert dio.load(path) == examples.venezuela_2019()

    def test_usage_error(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A usage error exits with status 2 and says what was wrong."""
        with pytest.raises(SystemExit) as caught:
            main(["check"])
        assert caught.value.code == 2
        assert "diplostatements: error: the following arguments are required: FILE" in (
            capsys.readouterr().err
        )

    def test_broken_pipe_in_process(
        self, seed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Output to a closed pipe ends the command with status 0 and no traceback."""

        class ClosedPipe(stdio.StringIO):
            def __init__(self, descriptor: int) -> None:
                super().__init__()
                self.descriptor = descriptor

            def write(self, text: str) -> int:
                raise BrokenPipeError(32, "Broken pipe")

            def fileno(self) -> int:
                return self.descriptor

        with open(tmp_path / "sink", "w") as sink:
            monkeypatch.setattr("sys.stdout", ClosedPipe(sink.fileno()))
            assert main(["timeline", str(seed)]) == 0

    def test_internal_error(
        self, seed: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A bug is reported in one block without a traceback, unless asked for; status 3."""

        def broken(self: StatementSet, **options: object) -> None:
            raise RuntimeError("boom")

        monkeypatch.setattr(StatementSet, "check", broken)
        assert main(["check", str(seed)]) == 3
        err = capsys.readouterr().err
        assert err.startswith("diplostatements: error: internal error: RuntimeError: boom")
        monkeypatch.setenv("DIPLOSTATEMENTS_TRACEBACK", "1")
        with pytest.raises(RuntimeError, match="boom"):
            main(["check", str(seed)])

    def test_module_entry_point(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """``python -m diplostatements`` runs main and exits with its status."""
        monkeypatch.setattr("sys.argv", ["diplostatements", "--version"])
        with pytest.raises(SystemExit) as caught:
            runpy.run_module("diplostatements", run_name="__main__")
        assert caught.value.code == 0


SNAPSHOTS = Path(__file__).with_name("snapshots")
EXTENSIONS = {"text": "txt", "json": "json", "csv": "csv", "markdown": "md", "html": "html"}


@pytest.fixture(scope="module")
def example_file() -> bytes:
    """The bundled example as ``diplostatements example`` prints it."""
    result = run("example", "venezuela-2019")
    assert result.returncode == 0
    return result.stdout.encode("utf-8")


class TestSnapshots:
    """What ``example venezuela-2019 | check -`` prints in each format.

    Each file in ``tests/snapshots`` states what the command must print. After a deliberate
    change, rewrite them with ``DIPLOSTATEMENTS_SNAPSHOTS=write`` and read the diff.
    """

    @pytest.mark.parametrize(
        ("args", "name"),
        [
            *(
                (["--format", form], f"check-venezuela-2019.{ext}")
                for form, ext in EXTENSIONS.items()
            ),
            (["--format", "dot"], "check-venezuela-2019.dot"),
            (["--summary"], "check-venezuela-2019-summary.txt"),
        ],
    )
    def test_output(self, args: list[str], name: str, example_file: bytes) -> None:
        """The command prints the snapshot, byte for byte."""
        result = run("check", "-", *args, stdin=example_file)
        assert result.returncode == 0, result.stderr
        path = SNAPSHOTS / name
        if os.environ.get("DIPLOSTATEMENTS_SNAPSHOTS") == "write":
            path.write_text(result.stdout, encoding="utf-8")
        assert result.stdout == path.read_text(encoding="utf-8")

    def test_the_main_command_starts_as_ci_expects(self) -> None:
        """The text report's first line starts "3 contradictions" (``.ci/readme-main`` greps it)."""
        text = (SNAPSHOTS / "check-venezuela-2019.txt").read_text(encoding="utf-8")
        assert text.startswith("3 contradictions")


class TestCheckOptions:
    @pytest.mark.parametrize("form", ["text", "json", "csv", "markdown", "html"])
    def test_summary_in_each_format(self, form: str, seed: Path) -> None:
        """``--summary`` prints the counts by pair of sides, and no finding's sentence."""
        result = run("check", str(seed), "--summary", "--format", form)
        assert result.returncode == 0
        assert "Rostec" in result.stdout
        assert "withdrew most of its personnel" not in result.stdout
        if form == "json":
            assert set(json.loads(result.stdout)) == {"summary", "by_sides"}

    def test_summary_with_dot_is_a_usage_error(self, seed: Path) -> None:
        """The graph is a summary already: asking for both is refused with status 2."""
        result = run("check", str(seed), "--summary", "--format", "dot")
        assert result.returncode == 2
        assert "--summary has no meaning with --format dot" in result.stderr

    @pytest.mark.parametrize("form", ["text", "json", "csv", "markdown", "html", "dot"])
    def test_limit(self, form: str, seed: Path) -> None:
        """``--limit 1`` shows one contradiction in every format; the counts count all three."""
        result = run("check", str(seed), "--limit", "1", "--format", form)
        assert result.returncode == 0
        out = result.stdout
        if form == "json":
            printed = json.loads(out)
            assert len(printed["contradictions"]) == 1
            assert printed["summary"]["contradictions"] == 3
        elif form == "csv":
            rows = list(csv.DictReader(stdio.StringIO(out)))
            assert [row["record"] for row in rows].count("contradiction") == 1
        elif form == "dot":
            assert len(re.findall(r"^  s\d+ ", out, flags=re.MULTILINE)) == 3
        else:
            assert "withdrew most of its personnel" in out
            assert "Rostec reduced its personnel" not in out.split("Disputes")[0]
            assert "2 more" in out

    @pytest.mark.parametrize("limit", ["-1", "two"])
    def test_a_bad_limit_is_a_usage_error(self, limit: str, seed: Path) -> None:
        """``--limit`` takes a whole number 0 or more."""
        result = run("check", str(seed), "--limit", limit)
        assert result.returncode == 2
        assert "expected a whole number 0 or more" in result.stderr

    def test_rules(self, seed: Path) -> None:
        """``--rules`` keeps the findings of the kinds named."""
        result = run("check", str(seed), "--rules", "exclusive, negation", "--format", "json")
        kinds = {record["kind"] for record in json.loads(result.stdout)["contradictions"]}
        assert kinds == {"exclusive"}

    def test_an_unknown_rule(self, seed: Path) -> None:
        """An unknown rule is bad input: status 2, the rules listed."""
        result = run("check", str(seed), "--rules", "denail")
        assert result.returncode == 2
        assert "DENIAL" in result.stderr
        assert "Traceback" not in result.stderr

    def test_several_files_are_merged(self, tmp_path: Path) -> None:
        """Two files that hold the two sides of a clash are checked as one set."""
        actors = [Actor("a", "A", "state"), Actor("b", "B", "state")]
        one, two = tmp_path / "one.json", tmp_path / "two.jsonl"
        dio.dump(
            StatementSet([*actors, Statement("s", "a", date(2019, 1, 1), [Claim("a", "p")])]), one
        )
        dio.dump(
            StatementSet(
                [*actors, Statement("t", "b", date(2019, 1, 1), [Claim("a", "p").negated()])]
            ),
            two,
        )
        assert run("check", str(one)).stdout.startswith("0 contradictions")
        result = run("check", str(one), str(two))
        assert result.stdout.startswith("1 contradiction (1 definite")
        assert "NEGATION, definite: A vs B" in result.stdout

    def test_files_that_cannot_be_merged(self, tmp_path: Path) -> None:
        """One id for two different actors in two files is bad input, the file named."""
        one, two = tmp_path / "one.json", tmp_path / "two.json"
        dio.dump(StatementSet([Actor("a", "A", "state")]), one)
        dio.dump(StatementSet([Actor("a", "Another A", "state")]), two)
        result = run("check", str(one), str(two))
        assert result.returncode == 2
        assert f"{two} cannot be merged with the files before it" in result.stderr

    def test_standard_input_once(self, seed: Path) -> None:
        """Standard input can be read once."""
        result = run("check", "-", "-", stdin=seed.read_bytes())
        assert result.returncode == 2
        assert "standard input ('-') can be read once only" in result.stderr


class TestVocabularyOption:
    WSJ = "wsj-rostec-report"

    @staticmethod
    def vocabulary(tmp_path: Path, name: str, text: str) -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    def test_json_vocabulary(self, tmp_path: Path, seed: Path) -> None:
        """A JSON vocabulary's predicates replace the default's of the same name."""
        rightful = {
            "name": "legitimate_president_of",
            "inverse_functional": True,
            "phrase": "is the rightful president of",
        }
        path = self.vocabulary(
            tmp_path,
            "v.json",
            json.dumps(
                {"format": "diplostatements-vocabulary", "version": 1, "predicates": [rightful]}
            ),
        )
        result = run("check", str(seed), "--vocabulary", str(path), "--format", "json")
        assert result.returncode == 0, result.stderr
        reasons = [record["reason"] for record in json.loads(result.stdout)["contradictions"]]
        assert len(reasons) == 3
        assert reasons[2].endswith("only one can be the rightful president of Venezuela at a time.")

    def test_toml_vocabulary_replacing_the_default(self, tmp_path: Path, seed: Path) -> None:
        """With ``extends = "none"`` the file's predicates alone apply: no EXCLUSIVE finding."""
        path = self.vocabulary(
            tmp_path,
            "v.toml",
            'format = "diplostatements-vocabulary"\nversion = 1\nextends = "none"\n'
            '[[predicates]]\nname = "informed"\nreporting = true\n',
        )
        result = run("check", str(seed), "--vocabulary", str(path), "--format", "json")
        assert result.returncode == 0, result.stderr
        kinds = {record["kind"] for record in json.loads(result.stdout)["contradictions"]}
        assert kinds == {"denial"}

    def test_a_bad_vocabulary_is_bad_input(self, tmp_path: Path, seed: Path) -> None:
        """Every problem of a vocabulary file is listed with its path; status 2."""
        path = self.vocabulary(
            tmp_path,
            "v.json",
            json.dumps(
                {
                    "format": "diplostatements-vocabulary",
                    "version": 1,
                    "predicates": [{"name": "p", "timeles": True, "functional": "yes"}],
                }
            ),
        )
        result = run("check", str(seed), "--vocabulary", str(path))
        assert result.returncode == 2
        assert f"{path} is not a valid vocabulary file (2 problems)" in result.stderr
        assert "$.predicates[0].timeles" in result.stderr
        assert "did you mean 'timeless'?" in result.stderr
        assert "$.predicates[0].functional: expected true or false" in result.stderr

    def test_a_missing_vocabulary(self, tmp_path: Path, seed: Path) -> None:
        """A vocabulary file that is not there is bad input."""
        result = run("check", str(seed), "--vocabulary", str(tmp_path / "nope.toml"))
        assert result.returncode == 2
        assert "nope.toml" in result.stderr


class TestCheckProgress:
    def test_shown_for_a_large_check_and_cleared(self) -> None:
        """A check of many groups keeps one line up to date, then clears it."""
        stream = stdio.StringIO()
        line = CheckProgressLine(stream)
        line(0, CHECK_LARGE)
        line(CHECK_LARGE // 2, CHECK_LARGE)
        assert (
            f"checking:  50% ({CHECK_LARGE // 2:,} of {CHECK_LARGE:,} groups" in stream.getvalue()
        )
        line(CHECK_LARGE, CHECK_LARGE)
        assert stream.getvalue().endswith("\r" + " " * 100 + "\r")

    def test_quiet_for_a_small_check(self) -> None:
        """A check of fewer groups, or of an unknown number, shows nothing."""
        stream = stdio.StringIO()
        line = CheckProgressLine(stream)
        for done in (0, 10, CHECK_LARGE - 1):
            line(done, CHECK_LARGE - 1)
        line(5, None)
        assert stream.getvalue() == ""

    def test_on_a_terminal_the_check_reports_progress(
        self, seed: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """On a terminal the check gets a progress line; with ``--quiet`` it gets none."""
        given: list[object] = []
        original = StatementSet.check

        def spy(self: StatementSet, **options: Any) -> Report:
            given.append(options.get("progress"))
            return original(self, **options)

        monkeypatch.setattr(StatementSet, "check", spy)
        monkeypatch.setattr(cli, "_is_terminal", lambda stream: True)
        assert main(["check", str(seed)]) == 0
        assert main(["check", str(seed), "--quiet"]) == 0
        assert isinstance(given[0], CheckProgressLine)
        assert given[1] is None
        capsys.readouterr()
