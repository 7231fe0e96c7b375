"""Progress callbacks: io.load, StatementSet.extend, and the command line's progress line."""

from __future__ import annotations

import io as stdio
from datetime import date
from pathlib import Path

import pytest

from diplostatements import Actor, Claim, Statement, StatementSet
from diplostatements import io as dio
from diplostatements._progress import Ticker
from diplostatements.cli import LARGE, ProgressLine, main


def big_set(n: int) -> StatementSet:
    return StatementSet(
        [
            Actor("a", "A", "state"),
            *(Statement(f"s{i}", "a", date(2019, 1, 1), [Claim("a", "p")]) for i in range(n)),
        ]
    )


class TestTicker:
    def test_bounded_and_final(self) -> None:
        """At most about a hundred reports however many items, and a last one with the total."""
        calls: list[tuple[int, int | None]] = []
        ticker = Ticker(lambda done, total: calls.append((done, total)), 100_000, interval=0)
        for done in range(1, 100_001):
            if done >= ticker.next:
                ticker.update(done)
        ticker.finish()
        assert 90 <= len(calls) <= 102
        assert calls[-1] == (100_000, 100_000)
        assert [done for done, _ in calls] == sorted(done for done, _ in calls)

    def test_time_gates_the_reports(self) -> None:
        """Fast work reports only at the end: a report needs 0.1 s since the last one."""
        calls: list[tuple[int, int | None]] = []
        ticker = Ticker(lambda done, total: calls.append((done, total)), 1000)
        for done in range(1, 1001):
            if done >= ticker.next:
                ticker.update(done)
        ticker.finish()
        assert calls == [(1000, 1000)]

    def test_no_callback_costs_nothing(self) -> None:
        """Without a callback the loop never calls update: next is never reached."""
        assert Ticker(None, 10).next == float("inf")


class TestLoadAndExtend:
    def test_load_reports_bytes(self, tmp_path: Path) -> None:
        """io.load reports bytes read against the file's size, ending at the size."""
        path = tmp_path / "s.jsonl"
        dio.dump(big_set(3000), path)
        calls: list[tuple[int, int | None]] = []
        assert len(dio.load(path, progress=lambda d, t: calls.append((d, t)))) == 3000
        size = path.stat().st_size
        assert calls[-1] == (size, size)
        assert all(total == size and done <= size for done, total in calls)

    def test_load_from_a_pipe_has_no_total(self) -> None:
        """A stream whose size is unknown reports None as its total."""
        calls: list[tuple[int, int | None]] = []
        text = dio.dumps(big_set(10), format="jsonl").encode()
        dio.load(stdio.BytesIO(text), progress=lambda d, t: calls.append((d, t)))
        assert calls == [(len(text), None)]

    def test_extend_reports_items(self) -> None:
        """Extend reports the items checked, ending with their number."""
        items = list(big_set(500))
        calls: list[tuple[int, int | None]] = []
        s = StatementSet([Actor("a", "A", "state")])
        s.extend(items, progress=lambda d, t: calls.append((d, t)))
        assert calls[-1] == (500, 500)
        assert len(s) == 500


class TestProgressLine:
    def test_large_input_shows_then_clears(self) -> None:
        """A large input gets a line with a percentage, cleared at the end."""
        out = stdio.StringIO()
        line = ProgressLine("big.jsonl", out)
        line(LARGE // 2, LARGE)
        assert "reading big.jsonl:  50%" in out.getvalue()
        line(LARGE, LARGE)
        assert out.getvalue().endswith("\r" + " " * 100 + "\r")

    def test_small_input_shows_nothing(self) -> None:
        """A small file shows no line at all."""
        out = stdio.StringIO()
        line = ProgressLine("small.json", out)
        line(10, 100)
        line(100, 100)
        assert out.getvalue() == ""

    def test_unknown_size(self) -> None:
        """A pipe shows the bytes read so far."""
        out = stdio.StringIO()
        ProgressLine("<stdin>", out)(3 * 2**20, None)
        assert "reading <stdin>: 3.0 MiB" in out.getvalue()

    @pytest.mark.parametrize("quiet", [[], ["--quiet"], ["-q"]])
    def test_quiet_and_not_a_terminal(
        self, quiet: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Standard error that is no terminal, or --quiet, gets no progress line."""
        path = tmp_path / "s.jsonl"
        dio.dump(big_set(5), path)
        assert main(["validate", str(path), *quiet]) == 0
        assert capsys.readouterr().err == ""

    def test_terminal_gets_the_line(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """On a terminal, a large file is read with a progress line; --quiet turns it off."""
        path = tmp_path / "s.jsonl"
        dio.dump(big_set(5), path)
        monkeypatch.setattr("diplostatements.cli.LARGE", 0)
        monkeypatch.setattr("diplostatements.cli._is_terminal", lambda stream: True)
        monkeypatch.setattr("diplostatements._progress.Ticker.update", _always_report)
        assert main(["validate", str(path)]) == 0
        assert "reading " in capsys.readouterr().err
        assert main(["validate", str(path), "--quiet"]) == 0
        assert capsys.readouterr().err == ""


def _always_report(self: Ticker, done: int) -> None:
    self.next = done + 1
    if self._progress is not None:
        self._progress(done, self.total)
