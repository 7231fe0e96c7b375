from __future__ import annotations

from datetime import date

from diplostatements import (
    Actor,
    Claim,
    ClaimRef,
    Modality,
    Quantity,
    Rebuttal,
    Statement,
    StatementSet,
    TimeSpan,
    examples,
)
from diplostatements._records import COLUMNS, actor_names, statement_set_records

DAY = date(2019, 6, 4)


class TestShape:
    def test_every_row_has_every_column_in_order(self) -> None:
        """Rows line up as data frame columns: the same keys, in the same order."""
        rows = statement_set_records(examples.venezuela_2019())
        assert rows
        assert all(tuple(row) == COLUMNS for row in rows)

    def test_cells_are_scalars(self) -> None:
        """Every cell is a plain scalar a data frame can hold."""
        for row in statement_set_records(examples.venezuela_2019()):
            for value in row.values():
                assert value is None or isinstance(value, str | int | float | bool | date)

    def test_a_row_per_claim_and_one_per_bare_statement(self) -> None:
        """Claims give a row each; a statement without claims still gets one row."""
        s = examples.venezuela_2019()
        rows = statement_set_records(s)
        expected = sum(max(1, len(statement.claims)) for statement in s)
        assert len(rows) == expected == 31
        assert [row["statement"] for row in rows] == [
            statement.id for statement in s for _ in range(max(1, len(statement.claims)))
        ]

    def test_empty_set(self) -> None:
        """An empty set has no rows."""
        assert statement_set_records(StatementSet()) == []


class TestValues:
    def test_tweet(self) -> None:
        """The tweet's row: names, side, channel, act, and the nested claim in words."""
        rows = statement_set_records(examples.venezuela_2019())
        row = next(r for r in rows if r["statement"] == "trump-2019-06-03")
        assert {key: row[key] for key in COLUMNS[:17]} == {
            "statement": "trump-2019-06-03",
            "speaker": "trump",
            "speaker_name": "Donald Trump",
            "side": "USA",
            "side_name": "United States",
            "on_behalf_of": None,
            "said_on": "2019-06-03",
            "said_from": date(2019, 6, 3),
            "said_to": date(2019, 6, 3),
            "channel": "tweet",
            "act": "assert",
            "cameo": "010",
            "quote": "direct",
            "language": "en",
            "rebuttal_kind": None,
            "rebuttal_modality": None,
            "targets": None,
        }
        assert row["claim_index"] == 0
        assert row["claim"] == (
            "Russia informed the United States that Russia withdrew most of its personnel from"
            " Venezuela"
        )
        assert row["content"] == "Russia withdrew most of its personnel from Venezuela"
        assert (row["when"], row["period_from"], row["period_to"]) == (
            None,
            date(2019, 6, 3),
            date(2019, 6, 3),
        )
        assert row["source"] == "washington-post"
        assert row["url"] is None

    def test_bare_rebuttal(self) -> None:
        """A rebuttal without claims: its kind and targets, and empty claim columns."""
        rows = statement_set_records(examples.venezuela_2019())
        row = next(r for r in rows if r["statement"] == "rostec-denial")
        assert (row["rebuttal_kind"], row["rebuttal_modality"], row["targets"]) == (
            "denial",
            "certain",
            "wsj-rostec-report#1",
        )
        assert row["side"] == "rostec"
        claim_columns = COLUMNS[COLUMNS.index("claim_index") : COLUMNS.index("content") + 1]
        assert all(row[key] is None for key in claim_columns)

    def test_every_claim_field(self) -> None:
        """Quantity bounds and unit, an open period, place and qualifiers come as cells."""
        s = StatementSet(
            [
                Actor.state("RUS"),
                Statement(
                    "st",
                    "RUS",
                    TimeSpan.sometime_in(2019, 6),
                    [
                        Claim(
                            "RUS",
                            "has_personnel_in",
                            "VEN",
                            polarity="negated",
                            modality=Modality.POSSIBLE,
                            quantity=Quantity.parse("most"),
                            when=TimeSpan.until(DAY),
                            where="Caracas",
                            qualifiers={"military", "advisers"},
                        )
                    ],
                ),
                Rebuttal(
                    "r",
                    "RUS",
                    DAY,
                    targets=["st", ClaimRef("st", 0)],
                    kind="qualification",
                    modality="probable",
                ),
            ]
        )
        row, rebuttal = statement_set_records(s)
        assert (row["said_on"], row["said_from"], row["said_to"]) == (
            "sometime in June 2019",
            date(2019, 6, 1),
            date(2019, 6, 30),
        )
        assert (row["polarity"], row["modality"]) == ("negated", "possible")
        assert (
            row["quantity"],
            row["quantity_low"],
            row["quantity_high"],
            row["quantity_unit"],
        ) == ("most", 0.5, 1, "proportion")
        assert (row["when"], row["period_from"], row["period_to"]) == (
            "until 2019-06-04",
            None,
            DAY,
        )
        assert (row["where"], row["qualifiers"]) == ("Caracas", "advisers; military")
        assert row["source"] is None
        assert (rebuttal["targets"], rebuttal["rebuttal_modality"]) == ("st; st#0", "probable")


class TestActorNames:
    def test_names(self) -> None:
        """Every actor of the set, id to name."""
        names = actor_names(examples.venezuela_2019())
        assert len(names) == 19
        assert names["peskov"] == "Dmitry Peskov"
        assert names["RUS"] == "Russia"


class TestMethod:
    """``StatementSet.to_records`` gives the same rows as the function."""

    def test_to_records_method(self) -> None:
        """One row per claim, the same as ``statement_set_records``."""
        s = examples.venezuela_2019()
        assert s.to_records() == statement_set_records(s)
        assert len(s.to_records()) == sum(max(1, len(st.claims)) for st in s)
