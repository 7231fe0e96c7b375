"""The checker on the seed article (examples.venezuela_2019): exactly issue 3's acceptance list."""

from __future__ import annotations

import pytest

from diplostatements import examples
from diplostatements.checker import check
from diplostatements.rebuttals import RebuttalKind
from diplostatements.report import Certainty, Report
from diplostatements.rules import DENIAL, EXCLUSIVE


@pytest.fixture(scope="module")
def report() -> Report:
    """The report on the seed article, with the default vocabulary."""
    return check(examples.venezuela_2019())


def pairs(report: Report) -> set[tuple[str, str]]:
    """The statement ids of each finding, first then second."""
    return {c.statements for c in report}


class TestSeedContradictions:
    def test_exactly_three(self, report: Report) -> None:
        """The report holds exactly the three contradictions of the acceptance list."""
        assert pairs(report) == {
            ("trump-2019-06-03", "peskov-2019-06-04-denial"),
            ("wsj-rostec-report", "rostec-denial"),
            ("moscow-maduro-legitimate", "us-recognizes-guaido"),
        }

    def test_each_is_definite_and_between_different_sides(self, report: Report) -> None:
        """All three are DEFINITE and none is internal."""
        assert [c.certainty for c in report] == [Certainty.DEFINITE] * 3
        assert not any(c.internal for c in report)

    def test_trump_against_the_kremlin(self, report: Report) -> None:
        """Trump's 'Russia informed us' is denied by the Kremlin through Peskov: Russia's side."""
        (finding,) = report.between("trump", "peskov")
        assert finding.kind is DENIAL
        assert finding.sides == ("USA", "RUS")
        assert finding.first.claim.predicate == "informed"
        assert finding.second.statement.on_behalf_of == "kremlin"
        assert "Dmitry Peskov for the Kremlin (Russia) denied it on 4 June 2019" in finding.reason

    def test_the_journal_against_rostec(self, report: Report) -> None:
        """The Wall Street Journal's report of the staff cut is denied by Rostec."""
        (finding,) = report.between("wsj", "rostec")
        assert finding.kind is DENIAL
        assert finding.first.claim.predicate == "reduced_personnel_in"
        assert finding.sides == ("wsj", "rostec")

    def test_moscow_against_washington_on_who_leads_venezuela(self, report: Report) -> None:
        """Maduro as legitimate president clashes with Guaidó as interim president."""
        (finding,) = report.of_kind(EXCLUSIVE)
        assert finding.sides == ("RUS", "USA")
        assert {finding.first.claim.subject, finding.second.claim.subject} == {"maduro", "guaido"}


class TestSeedNonFindings:
    def test_peskovs_challenges_are_disputes(self, report: Report) -> None:
        """'We don't know what that means' is a dispute of Trump's tweet, not a contradiction."""
        assert {(d.rebuttal.id, d.target.id, d.kind) for d in report.disputes} == {
            ("peskov-2019-06-04-no-idea", "trump-2019-06-03", RebuttalKind.CHALLENGE),
            ("peskov-2019-06-04-specialists", "trump-2019-06-03", RebuttalKind.CHALLENGE),
        }
        ids = {ident for c in report for ident in c.statements}
        assert not ids & {"peskov-2019-06-04-no-idea", "peskov-2019-06-04-specialists"}

    @pytest.mark.parametrize(
        "statement",
        [
            # "Most removed" (attributed) against "specialists remain".
            "peskov-2019-06-04-specialists",
            # "Stance unchanged" against "boosted support".
            "russian-officials-stance",
            "bolton-support-charge",
            "pompeo-support-charge",
            # The March arrival against the June statements.
            "post-march-arrival",
            "us-officials-s300",
            # Rosoboronexport's plans.
            "rosoboronexport-2019-06-03",
            # Recognition acts and the interference charge.
            "moscow-us-interference",
            "post-backer",
        ],
    )
    def test_not_flagged(self, report: Report, statement: str) -> None:
        """None of the acceptance list's non-contradictions is flagged."""
        assert all(statement not in c.statements for c in report)

    def test_nothing_retracted(self, report: Report) -> None:
        """The article has no retraction."""
        assert report.retracted == ()
