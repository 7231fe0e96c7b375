"""Tests for diplostatements.report: contradictions, disputes, retractions and the report."""

from __future__ import annotations

from datetime import date

import attrs
import pytest

from diplostatements import examples
from diplostatements.actors import Actor, ActorKind, Affiliation
from diplostatements.checker import check
from diplostatements.checker._making import make_contradiction
from diplostatements.claims import Claim, Modality
from diplostatements.collection import StatementSet
from diplostatements.exceptions import FieldError, UnknownReferenceError
from diplostatements.rebuttals import ClaimRef, Rebuttal
from diplostatements.report import Certainty, Contradiction, Report, _LazyFindings
from diplostatements.rules import DENIAL, ENTAILED, NEGATION, Rule
from diplostatements.statements import Statement
from diplostatements.vocabulary import DEFAULT_VOCABULARY, Predicate, Vocabulary

MON, TUE = date(2019, 6, 3), date(2019, 6, 4)
INFORMED = Claim("RUS", "informed", "USA")


@pytest.fixture(scope="module")
def report() -> Report:
    """A report with a denial, a retraction, an implied clash, a hedged clash and a challenge."""
    found = StatementSet(
        [
            Actor.state("RUS"),
            Actor.state("USA"),
            Actor.person("trump", "Donald Trump"),
            Actor.person("peskov", "Dmitry Peskov"),
            Actor("kremlin", "the Kremlin", ActorKind.GOVERNMENT),
            Affiliation("peskov", "kremlin", speaks_for=True),
            Affiliation("kremlin", "RUS", speaks_for=True),
            Affiliation("trump", "USA", speaks_for=True),
            Statement("tweet", "trump", MON, [INFORMED]),
            Rebuttal("denial", "peskov", TUE, targets=["tweet"], kind="denial"),
            Rebuttal("no-idea", "peskov", TUE, targets=[ClaimRef("tweet", 0)], kind="challenge"),
            Statement("invasion", "trump", TUE, [Claim("RUS", "invaded", "<b>Ukraine</b>")]),
            Statement(
                "no-attack", "peskov", TUE, [Claim("RUS", "attacked", "<b>Ukraine</b>").negated()]
            ),
            Statement(
                "maybe",
                "trump",
                TUE,
                [Claim("RUS", "supports", "maduro", modality=Modality.PROBABLE)],
            ),
            Statement("opposes", "RUS", TUE, [Claim("RUS", "opposes", "maduro")]),
            Statement("oops", "RUS", MON, [Claim("RUS", "has_personnel_in", "VEN")]),
            Rebuttal("withdrawn", "kremlin", TUE, targets=["oops"], kind="retraction"),
        ]
    )
    return check(found)


class TestContradiction:
    def test_made_without_init(self, report: Report) -> None:
        """The checker's faster way to make a contradiction makes the same one, every field set."""
        for found in report:
            fields = attrs.astuple(found, recurse=False)
            made = make_contradiction(*fields)
            built = Contradiction(*fields)
            assert attrs.asdict(made, recurse=False) == attrs.asdict(built, recurse=False)
            assert (made, hash(made), repr(made)) == (built, hash(built), repr(built))
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            made.reason = ""  # type: ignore[misc]

    def test_properties(self, report: Report) -> None:
        """A contradiction exposes its sides, speakers and statement ids, and whether internal."""
        denial = report.of_kind(DENIAL).between("USA", "RUS")[0]
        assert denial.sides == ("USA", "RUS")
        assert denial.speakers == ("trump", "peskov")
        assert denial.statements == ("tweet", "denial")
        assert not denial.internal

    @pytest.mark.parametrize(
        ("actor", "involved"),
        [
            ("USA", True),  # a side
            ("peskov", True),  # a speaker
            ("RUS", True),  # a side and the subject
            ("VEN", False),
        ],
    )
    def test_involves(self, report: Report, actor: str, involved: bool) -> None:
        """An actor is involved as side, speaker, or subject or object of a claim."""
        denial = report.of_kind(DENIAL).between("USA", "RUS")[0]
        assert denial.involves(actor) is involved

    def test_to_record(self, report: Report) -> None:
        """A record is flat: plain strings, booleans and the via chain joined."""
        entailed = report.of_kind(ENTAILED)[0]
        record = entailed.to_record(report.names)
        assert record["kind"] == "entailed"
        assert record["certainty"] == "definite"
        assert record["internal"] is False
        assert record["via"] == "invaded -> attacked"
        assert record["first_statement"] == "invasion"
        assert record["first_speaker"] == "trump"
        assert record["first_side"] == "USA"
        assert record["first_claim"] == "Russia invaded <b>Ukraine</b>"
        assert record["second_claim"] == "Russia did not attack <b>Ukraine</b>"
        assert record["second_when"] == "2019-06-04"
        assert all(isinstance(value, str | bool) for value in record.values())


class TestReport:
    def test_is_a_sized_ordered_collection(self, report: Report) -> None:
        """A report iterates, counts and indexes its contradictions."""
        assert len(report) == 4
        assert list(report) == list(report.contradictions)
        assert report[0] is report.contradictions[0]
        assert tuple(report[:2]) == report.contradictions[:2]
        assert all(isinstance(c, Contradiction) for c in report)

    def test_order_puts_what_matters_first(self, report: Report) -> None:
        """Definite between sides first, then definite internal, then possible."""
        assert [(c.certainty.value, c.internal) for c in report] == [
            ("definite", False),
            ("definite", False),
            ("definite", True),
            ("possible", False),
        ]
        assert [c.kind for c in report][:2] == [DENIAL, ENTAILED]

    @pytest.mark.parametrize(
        ("name", "args", "expected"),
        [
            ("definite", (), 3),
            ("of_kind", (DENIAL,), 2),
            ("of_kind", ("denial", "ENTAILED"), 3),
            ("of_kind", (Rule.QUANTITY,), 0),
            ("internal", (), 1),
            ("involving", ("trump",), 3),
            ("involving", ("maduro",), 1),
            ("between", ("RUS", "USA"), 3),
            ("between", ("USA", "RUS"), 3),
            ("between", ("RUS", "RUS"), 1),
        ],
    )
    def test_filters(
        self, report: Report, name: str, args: tuple[object, ...], expected: int
    ) -> None:
        """Each filter returns a report of the matching contradictions."""
        filtered = getattr(report, name)(*args)
        assert isinstance(filtered, Report)
        assert len(filtered) == expected
        assert filtered.names == report.names

    # (a kind that is no kind): a typo, a word, a number
    @pytest.mark.parametrize("kind", ["denail", "", 3])
    def test_an_unknown_kind_lists_the_kinds(self, report: Report, kind: object) -> None:
        """of_kind() of something that is no kind raises FieldError naming every kind."""
        with pytest.raises(FieldError) as caught:
            report.of_kind(kind)  # type: ignore[arg-type]
        assert caught.value.path == "Report.of_kind(kinds)"
        assert all(repr(rule.value) in str(caught.value) for rule in Rule)

    def test_actor_filters_narrow_disputes_and_retractions(self, report: Report) -> None:
        """involving() and between() keep only the disputes and retractions they concern."""
        assert len(report.involving("peskov").disputes) == 1
        assert report.involving("VEN").disputes == ()
        assert report.involving("VEN").retracted == ()
        assert len(report.between("RUS", "USA").disputes) == 1
        assert report.between("RUS", "USA").retracted == ()
        assert len(report.between("RUS", "RUS").retracted) == 1
        assert report.definite().disputes == report.disputes

    def test_summary(self, report: Report) -> None:
        """The summary counts everything by name."""
        assert report.summary() == {
            "contradictions": 4,
            "definite": 3,
            "possible": 1,
            "internal": 1,
            "disputes": 1,
            "retracted": 1,
            "denial": 2,
            "negation": 0,
            "exclusive": 0,
            "contrary": 1,
            "quantity": 0,
            "entailed": 1,
            "attribution": 0,
        }

    def test_str_is_readable(self, report: Report) -> None:
        """str() has a headline, numbered findings, the via chain, disputes and retractions."""
        text = str(report)
        lines = text.splitlines()
        assert lines[0] == "4 contradictions (3 definite, 1 internal), 1 dispute, 1 retracted"
        assert "3. DENIAL, definite: Russia, internal" in lines
        assert any(line.startswith("   via invaded -> attacked") for line in lines)
        assert "Disputes (not contradictions):" in lines
        assert "- oops by withdrawn (Russia)" in lines
        assert all(len(line) <= 100 for line in lines)

    def test_str_cites_the_statements(self, report: Report) -> None:
        """Each finding cites its statements and each dispute its rebuttal, to look them up."""
        lines = str(report).splitlines()
        cited = [line for line in lines if line.startswith("   statements: ")]
        assert len(cited) == len(report)
        first = report[0]
        assert first.first.index is not None
        assert f"{first.first.statement.id}#{first.first.index}" in cited[0]
        assert any(f"({d.rebuttal.id})" in line for d in report.disputes for line in lines)

    def test_str_of_an_empty_report(self) -> None:
        """An empty report says so in one line."""
        assert str(Report()) == "0 contradictions (0 definite, 0 internal), 0 disputes, 0 retracted"

    def test_html(self, report: Report) -> None:
        """The notebook view is a table, with text escaped."""
        shown = report._repr_html_()
        findings = shown.split("</table>")[0]
        # a header row and one row per contradiction in the first table
        assert findings.count("<tr>") == 1 + len(report)
        assert "&lt;b&gt;Ukraine&lt;/b&gt;" in shown
        assert "<b>Ukraine" not in shown
        assert "disputes" in shown.lower()
        assert "dispute" not in Report()._repr_html_().split("</caption>")[1].lower()

    def test_to_records(self, report: Report) -> None:
        """One flat record per contradiction, in report order."""
        records = report.to_records()
        assert [r["kind"] for r in records] == [c.kind.value for c in report]
        assert set(records[0]) == {
            "kind",
            "certainty",
            "internal",
            *(
                f"{side}_{field}"
                for side in ("first", "second")
                for field in ("statement", "speaker", "side", "claim", "when")
            ),
            "reason",
            "via",
        }

    def test_records_are_each_contradictions_record(self, report: Report) -> None:
        """to_records() (claims written once, shared with the sentences) is each one's record."""
        for found in (report, report[1:], report.definite(), examples.venezuela_2019().check()):
            assert found.to_records() == [
                c.to_record(found.names, found.phrases) for c in list(found)
            ]
        # A report made by hand from another's findings writes the claims with its own names.
        renamed = Report(report.contradictions, names={"RUS": "Russland"})
        assert renamed.to_records() == [c.to_record({"RUS": "Russland"}) for c in report]
        assert any("Russland" in r["first_claim"] for r in renamed.to_records())

    def test_records_read_claims_with_the_vocabulary_phrases(self) -> None:
        """A record's claims read as its sentence reads them: by the vocabulary's phrases."""
        vocabulary = DEFAULT_VOCABULARY | Vocabulary([Predicate("backs", phrase="stands behind")])
        backs = Claim("RUS", "backs", "VEN")
        found = check(
            [Statement("a", "RUS", MON, [backs]), Statement("b", "USA", MON, [backs.negated()])],
            vocabulary=vocabulary,
        )
        record = found.to_records()[0]
        assert (record["first_claim"], record["second_claim"]) == (
            "RUS stands behind VEN",
            "RUS does not stand behind VEN",
        )
        assert record["first_claim"] in found[0].reason
        assert found[:1].to_records() == [record]
        assert found[0].to_record()["first_claim"] == "RUS backs VEN"  # no phrases given

    def test_names_do_not_affect_equality(self, report: Report) -> None:
        """Two reports with the same findings are equal whatever names they render with."""
        same = Report(report.contradictions, report.disputes, report.retracted, names={})
        assert same == report
        assert hash(same) == hash(report)

    def test_reasons_name_people(self, report: Report) -> None:
        """Reasons use display names, sides and dates."""
        denial = report.of_kind(DENIAL).between("USA", "RUS")[0]
        assert denial.reason == (
            "Donald Trump (the United States) said on 3 June 2019 that Russia informed the United"
            " States; Dmitry Peskov (Russia) denied it on 4 June 2019."
        )

    def test_a_possible_finding_says_why(self, report: Report) -> None:
        """A POSSIBLE finding's reason says the hedge in the claim and why it is only possible."""
        (possible,) = [c for c in report if c.certainty is Certainty.POSSIBLE]
        assert "that Russia probably supports maduro, but" in possible.reason
        assert possible.reason.endswith(" Possible, not definite: a claim is hedged.")

    def test_kinds_are_rules(self, report: Report) -> None:
        """Kinds are Rule members; certainties are Certainty members."""
        assert {c.kind for c in report} <= set(Rule)
        assert {c.certainty for c in report} == {Certainty.DEFINITE, Certainty.POSSIBLE}
        assert NEGATION not in {c.kind for c in report}


class TestWrittenWhenRead:
    """A report made by the checker writes each contradiction when it is first read."""

    @staticmethod
    def counting(report: Report) -> list[int]:
        """Count the contradictions the report writes out from now on."""
        lazy = report._contradictions
        assert isinstance(lazy, _LazyFindings)
        written: list[int] = []
        make = lazy._make

        def counted(number: int) -> Contradiction:
            written.append(number)
            return make(number)

        lazy._make = counted
        return written

    def test_counting_and_filtering_write_nothing(self) -> None:
        """len, summary, definite, of_kind and internal write no contradiction."""
        report = examples.venezuela_2019().check()
        written = self.counting(report)
        assert len(report) == 3
        assert report.summary()["denial"] == 2
        assert len(report.definite()) == 3
        assert len(report.of_kind("exclusive")) == 1
        assert len(report.internal()) == 0
        assert report.definite().of_kind("denial").summary()["contradictions"] == 2
        assert written == []

    def test_reading_one_writes_one(self) -> None:
        """Reading a finding writes it alone, once, shared with the reports filtered from it."""
        report = examples.venezuela_2019().check()
        written = self.counting(report)
        exclusive = report.of_kind("exclusive")[0]
        assert exclusive.kind is Rule.EXCLUSIVE
        assert report[2] is exclusive
        assert written == [2]

    def test_it_behaves_as_a_report_of_written_contradictions(self) -> None:
        """Equality, hashing, repr, slicing and records are those of the written-out report."""
        report = examples.venezuela_2019().check()
        eager = Report(tuple(report), report.disputes, report.retracted, names=report.names)
        assert report == eager
        assert hash(report) == hash(eager)
        assert repr(report) == repr(eager)
        assert report[0:2] == eager[0:2]
        assert isinstance(report[0:2], Report)
        assert report.to_records() == eager.to_records()
        assert str(report) == str(eager)
        assert report.summary() == eager.summary()
        assert report.definite() == eager.definite()
        assert report != Report()

    def test_a_report_is_not_equal_to_other_things(self) -> None:
        """Comparing a report with something else is not an error, and not equal."""
        assert Report() != ()
        assert not Report() == 0  # noqa: SIM201 -- __eq__ itself, not __ne__


class TestShape:
    """The report's shape: a short repr, slices, possible(), sorted(), the summary by sides."""

    def test_repr_is_short(self, report: Report) -> None:
        """repr() counts; it does not print every finding."""
        assert repr(report) == "<Report: 4 contradictions (3 definite), 1 dispute, 1 retracted>"

    def test_a_slice_is_a_report(self, report: Report) -> None:
        """report[0:2] is a report of the first two, with the same disputes and retractions."""
        part = report[0:2]
        assert isinstance(part, Report)
        assert list(part) == list(report)[0:2]
        assert (part.disputes, part.retracted, part.names) == (
            report.disputes,
            report.retracted,
            report.names,
        )
        assert list(report[::-1]) == list(report)[::-1]

    def test_slices_and_orders_know_the_set_names(self, report: Report) -> None:
        """A slice or a sorted report looks actor names up as the whole report does."""
        between = len(report.between("Dmitry Peskov", "Donald Trump"))
        assert between > 0
        assert len(report[:].between("Dmitry Peskov", "Donald Trump")) == between
        assert len(report.sorted(key=lambda c: c.kind.rank).involving("Dmitry Peskov")) == len(
            report.involving("Dmitry Peskov")
        )
        with pytest.raises(UnknownReferenceError, match="did you mean 'Dmitry Peskov'"):
            report[:2].involving("Dmitry Peskow")

    def test_possible_is_the_rest_of_definite(self, report: Report) -> None:
        """possible() holds exactly the findings definite() leaves out, in order."""
        possible = report.possible()
        assert [c.certainty for c in possible] == [Certainty.POSSIBLE]
        assert len(possible) + len(report.definite()) == len(report)
        eager = Report(tuple(report), names=report.names)
        assert list(eager.possible()) == list(possible)

    def test_sorted(self, report: Report) -> None:
        """sorted() orders by any key, stably, and keeps disputes, retractions and names."""
        oldest = report.sorted(key=lambda c: c.second.statement.said_on.earliest)
        days = [c.second.statement.said_on.earliest for c in oldest]
        assert days == sorted(days)
        assert sorted(report, key=lambda c: c.kind.rank) == list(
            report.sorted(key=lambda c: c.kind.rank)
        )
        backwards = report.sorted(key=lambda c: c.kind.rank, reverse=True)
        assert [c.kind.rank for c in backwards] == sorted(
            (c.kind.rank for c in report), reverse=True
        )
        assert (oldest.disputes, oldest.retracted, oldest.names) == (
            report.disputes,
            report.retracted,
            report.names,
        )

    def test_summary_by_sides(self, report: Report) -> None:
        """One row per pair of sides and per side contradicting itself, with counts by kind."""
        rows = report.summary_by_sides().to_records()
        assert [(r["side"], r["other_side"], r["internal"]) for r in rows] == [
            ("RUS", "USA", False),
            ("RUS", "RUS", True),
        ]
        between = rows[0]
        assert between["side_name"] == "Russia"
        assert between["other_side_name"] == "the United States"
        assert (between["contradictions"], between["definite"], between["possible"]) == (3, 2, 1)
        assert {kind.value: between[kind.value] for kind in Rule if between[kind.value]} == {
            "denial": 1,
            "contrary": 1,
            "entailed": 1,
        }
        assert sum(r["contradictions"] for r in rows) == len(report)

    def test_summary_by_sides_shows_as_a_table(self, report: Report) -> None:
        """As text and as HTML, a row per pair of sides."""
        summary = report.summary_by_sides()
        lines = str(summary).splitlines()
        assert lines[0].split() == ["sides", "contradictions", "definite", "possible", "kinds"]
        assert lines[2].startswith("Russia, internal ")
        html = summary._repr_html_()
        assert html.count("<tr>") == 1 + len(summary)
        assert "<td>Russia vs the United States</td>" in html
        assert str(Report().summary_by_sides()) == "no contradictions"

    def test_summary_by_sides_of_a_hand_made_report(self, report: Report) -> None:
        """A report of written-out contradictions counts the same."""
        eager = Report(tuple(report), names=report.names)
        assert eager.summary_by_sides() == report.summary_by_sides()

    def test_text_with_a_limit(self, report: Report) -> None:
        """to_text(limit=) shows the first findings and says how many more there are."""
        text = report.to_text(limit=1)
        assert text.splitlines()[0] == report.headline()
        assert "1. DENIAL" in text
        assert "2. " not in text
        assert "... and 3 more contradictions" in text
        assert report.to_text() == str(report)

    def test_text_headings_stay_within_the_lines(self) -> None:
        """A display name with a line break, or too long for a line, keeps the text in shape."""
        long = "The Very Long Official Name Of A Ministry " * 4
        found = StatementSet(
            [
                Actor("a", "Ministry\nof Truth", ActorKind.GOVERNMENT),
                Actor("b", long.strip(), ActorKind.GOVERNMENT),
                Statement("s", "a", MON, [INFORMED]),
                Statement("t", "b", MON, [INFORMED.negated()]),
            ]
        )
        lines = found.check().to_text().splitlines()
        assert lines[2].startswith("1. NEGATION, definite: Ministry of Truth vs The Very Long")
        assert all(len(line) <= 100 for line in lines)
        assert sum(line.startswith("1. ") for line in lines) == 1

    def test_markdown(self, report: Report) -> None:
        """Markdown: the headline in bold, a numbered item per finding, markup escaped."""
        text = report.to_markdown()
        lines = text.splitlines()
        assert lines[0] == f"**{report.headline()}**"
        assert [line[:3] for line in lines if line[:1].isdigit()] == ["1. ", "2. ", "3. ", "4. "]
        assert "\\<b\\>Ukraine\\</b\\>" in text
        assert "## Disputes (not contradictions)" in text
        assert "## Retracted" in text
        assert "... and 2 more contradictions." in report.to_markdown(limit=2)


class TestWrittenWhenReadShape:
    """The new order, slices and the summary by sides write nothing out."""

    def test_slices_and_summaries_write_nothing(self) -> None:
        """Slicing, possible() and summary_by_sides() of a checker's report write nothing."""
        report = examples.venezuela_2019().check()
        written = TestWrittenWhenRead.counting(report)
        assert len(report[0:2]) == 2
        assert len(report.possible()) == 0
        assert len(report.summary_by_sides()) == 2
        assert repr(report).startswith("<Report: 3 contradictions")
        assert written == []
        assert report[1:2][0] is report[1]
        assert written == [1]
