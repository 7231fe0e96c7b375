"""Every count the library prints agrees with its noun: "1 contradiction", "2 contradictions"."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from diplostatements import (
    Actor,
    Claim,
    ClaimRef,
    Predicate,
    Rebuttal,
    RebuttalKind,
    Statement,
    StatementSet,
    ValidationError,
    Vocabulary,
)
from diplostatements import io as dio
from diplostatements._html import report_html, statement_set_html
from diplostatements._plural import counted
from diplostatements.cli import main

DAY = date(2019, 6, 4)
HEADER = {"format": "diplostatements", "version": 1}
CLAIM = Claim("a", "says_of", "b")


def one_of_each() -> StatementSet:
    """One actor, no affiliation, one statement: the counts most often printed wrong."""
    return StatementSet([Actor.person("a", "A"), Statement("s", "a", DAY, [CLAIM])])


def one_contradiction() -> StatementSet:
    """Two actors, one statement and one rebuttal denying it: one contradiction."""
    return StatementSet(
        [
            Actor.person("a", "A"),
            Actor.person("b", "B"),
            Statement("s", "a", DAY, [CLAIM]),
            Rebuttal("r", "b", DAY, targets=[ClaimRef("s", 0)], kind=RebuttalKind.DENIAL),
        ]
    )


class TestCounted:
    # (n, noun, plural, words)
    CASES = (
        (0, "actor", None, "0 actors"),
        (1, "actor", None, "1 actor"),
        (2, "actor", None, "2 actors"),
        (1, "entry", "entries", "1 entry"),
        (3, "entry", "entries", "3 entries"),
    )

    @pytest.mark.parametrize(("n", "noun", "plural", "words"), CASES)
    def test_counted(self, n: int, noun: str, plural: str | None, words: str) -> None:
        """One is singular; zero and more are plural."""
        assert counted(n, noun, plural) == words


class TestWhereCountsArePrinted:
    def test_report_text(self) -> None:
        """A report of one contradiction says so in the singular."""
        first = str(one_contradiction().check()).splitlines()[0]
        assert first.startswith("1 contradiction (1 definite, 0 internal), 0 disputes")

    def test_report_html(self) -> None:
        """The report's HTML caption counts in the singular too."""
        assert "<caption>1 contradiction (1 definite" in report_html(one_contradiction().check())

    def test_set_html_and_repr(self) -> None:
        """A set of one actor and one statement shows them in the singular."""
        s = one_of_each()
        assert "StatementSet: 1 actor, 0 affiliations, 1 statement</caption>" in (
            statement_set_html(s)
        )
        assert repr(s) == "<StatementSet: 1 actor, 0 affiliations, 1 statement>"

    def test_vocabulary_repr(self) -> None:
        """A vocabulary of one predicate says one predicate."""
        assert repr(Vocabulary([Predicate("a")])) == "<Vocabulary of 1 predicate: a>"

    def test_validate_and_timeline(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The command line's summaries count in the singular where there is one."""
        path = tmp_path / "one.json"
        dio.dump(one_contradiction(), path)
        assert main(["validate", str(path)]) == 0
        assert "(2 actors, 0 affiliations, 2 statements of which 1 rebuttal)" in (
            capsys.readouterr().out
        )
        dio.dump(one_of_each(), path)
        assert main(["timeline", str(path)]) == 0
        assert capsys.readouterr().out.startswith("1 statement, in the order they were made")

    def test_a_capped_list_of_problems(self) -> None:
        """When only the first problems are listed, the head gives the full count once."""
        actors = [{"id": f"x{n}"} for n in range(600)]  # each lacks its name and kind
        bad = json.dumps({**HEADER, "actors": actors})
        with pytest.raises(ValidationError) as caught:
            dio.loads(bad)
        head = str(caught.value).splitlines()[0]
        assert head.endswith("(1200 problems; the first 1000 are listed)")

    def test_one_problem(self) -> None:
        """A single problem is "1 problem"."""
        with pytest.raises(ValidationError) as caught:
            dio.loads(json.dumps({**HEADER, "actors": [{"id": "x", "kind": "person"}]}))
        assert str(caught.value).splitlines()[0].endswith("(1 problem)")
