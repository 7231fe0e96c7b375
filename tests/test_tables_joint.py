"""The table form of joint statements, part-of links and rebuttals aimed into nested content."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pyarrow as pa
import pytest

from diplostatements import (
    Actor,
    Claim,
    ClaimRef,
    PartOf,
    Rebuttal,
    Statement,
    StatementSet,
    TimeSpan,
    ValidationError,
    tables,
)

STATES = [Actor.state(code, aliases=[f"{code}-capital"]) for code in ("FRA", "DEU", "RUS", "USA")]
FORCES = Actor.organization("rus-forces", "Russian Armed Forces", kind="government")
WITHDREW = Claim("RUS", "withdrew_personnel_from", "VEN")


def joint_set() -> StatementSet:
    """A joint statement, part-of links, and a denial of a tweet's nested content."""
    return StatementSet(
        [
            *STATES,
            FORCES,
            PartOf("rus-forces", "RUS", span=TimeSpan.since(date(1992, 5, 7))),
            Statement(
                "joint",
                ["FRA", "DEU", "USA"],
                date(2018, 3, 15),
                [Claim("RUS", "responsible_for", "salisbury-attack")],
            ),
            Statement(
                "tweet",
                "USA",
                date(2019, 6, 3),
                [Claim("RUS", "informed", "USA", content=WITHDREW)],
            ),
            Rebuttal(
                "denial",
                "RUS",
                date(2019, 6, 4),
                targets=[ClaimRef("tweet", 0, content=True), "joint"],
                kind="denial",
            ),
        ]
    )


def replaced(table: pa.Table, name: str, values: Sequence[object]) -> pa.Table:
    """The table with one column's values replaced (its type kept)."""
    index = table.schema.get_field_index(name)
    column = pa.array(values, table.schema.field(index).type)
    return table.set_column(index, table.schema.field(index), column)


def problems_of(given: tables.Tables) -> list[str]:
    """The problems validate reports (it must reject the tables)."""
    with pytest.raises(ValidationError) as caught:
        tables.validate(given)
    return caught.value.problems


class TestColumns:
    def test_round_trip(self) -> None:
        """Cosigners, part-of links and content targets come back from Arrow."""
        s = joint_set()
        assert tables.from_arrow(tables.to_arrow(s)) == s

    @pytest.mark.parametrize("form", ["parquet", "csv"])
    def test_files(self, tmp_path: Path, form: str) -> None:
        """They come back from Parquet and CSV sets too."""
        s = joint_set()
        if form == "parquet":
            tables.write_parquet(s, tmp_path)
            assert tables.from_arrow(tables.read_parquet(tmp_path)) == s
        else:
            tables.write_csv(s, tmp_path)
            assert tables.from_arrow(tables.read_csv(tmp_path)) == s

    def test_written(self) -> None:
        """Each column holds what the contract says."""
        t = tables.to_arrow(joint_set())
        rows = {row["statement_id"]: row for row in t.claims.to_pylist()}
        assert rows["joint"]["speaker"] == "FRA"
        assert rows["joint"]["cosigners"] == ["DEU", "USA"]
        assert rows["tweet"]["cosigners"] is None
        assert rows["denial"]["targets"] == [
            {"statement_id": "tweet", "claim": 0, "content": 1},
            {"statement_id": "joint", "claim": None, "content": None},
        ]
        links = t.affiliations.to_pylist()
        assert [(row["member"], row["organization"], row["part_of"]) for row in links] == [
            ("rus-forces", "RUS", True)
        ]

    def test_tables_without_the_new_columns(self) -> None:
        """Tables written before the columns existed still read: no cosigners, no links."""
        t = tables.to_arrow(joint_set())
        claims = t.claims.drop_columns(["cosigners"])
        affiliations = t.affiliations.drop_columns(["part_of"])
        targets = [
            None
            if row is None
            else [{"statement_id": x["statement_id"], "claim": x["claim"]} for x in row]
            for row in t.claims.column("targets").to_pylist()
        ]
        kind = pa.list_(pa.struct([("statement_id", pa.string()), ("claim", pa.int32())]))
        index = claims.schema.get_field_index("targets")
        claims = claims.set_column(index, pa.field("targets", kind), pa.array(targets, kind))
        s = tables.from_arrow(tables.Tables(t.actors, affiliations, claims))
        assert s.statements["joint"].speakers == ("FRA",)
        assert s.part_of == ()
        denial = s.statements["denial"]
        assert isinstance(denial, Rebuttal)
        assert denial.targets[0] == ClaimRef("tweet", 0)

    def test_alias_resolved(self) -> None:
        """A cosigner named by alias is read as the actor's id."""
        t = tables.to_arrow(joint_set())
        rows = t.claims.column("cosigners").to_pylist()
        named = [None if row is None else ["DEU-capital", "USA"] for row in rows]
        given = tables.Tables(t.actors, t.affiliations, replaced(t.claims, "cosigners", named))
        assert tables.from_arrow(given).statements["joint"].cosigners == ("DEU", "USA")


class TestProblems:
    def test_unknown_and_repeated_cosigners(self) -> None:
        """An unknown or repeated cosigner is reported with its row and place in the list."""
        t = tables.to_arrow(joint_set())
        rows = t.claims.column("cosigners").to_pylist()
        joint = [i for i, row in enumerate(rows) if row]
        for bad, expected in (
            (["DEU", "ITA"], "[1]: expected a known actor id, got 'ITA'"),
            (["FRA"], "[0]: expected a signatory not already named"),
        ):
            values = [bad if row else None for row in rows]
            given = tables.Tables(t.actors, t.affiliations, replaced(t.claims, "cosigners", values))
            found = problems_of(given)
            assert found[0].startswith(f"claims: row {joint[0]}, column 'cosigners'{expected}")

    def test_part_of_with_role_or_speaks_for(self) -> None:
        """A part-of row has no role and does not speak for its whole."""
        t = tables.to_arrow(joint_set())
        given = tables.Tables(
            t.actors,
            replaced(replaced(t.affiliations, "role", ["brigade"]), "speaks_for", [True]),
            t.claims,
        )
        assert problems_of(given) == [
            "affiliations: row 0, column 'role': expected null (part_of is true: a part-of link"
            ' has no role), got "brigade"',
            "affiliations: row 0, column 'speaks_for': expected false (part_of is true: a part"
            " does not speak for its whole), got true",
        ]

    @pytest.mark.parametrize(
        ("depth", "expected"),
        [
            (2, "expected a depth of at most 1: claim 0 of statement 'tweet' nests content 1 deep"),
            (40, "expected a depth of nested content from 0 to 32, on a target with a claim"),
        ],
    )
    def test_content_depth(self, depth: int, expected: str) -> None:
        """A target pointing deeper than the claim nests is reported at its place."""
        t = tables.to_arrow(joint_set())
        targets = [
            None if row is None else [dict(x, content=depth) if x["content"] else x for x in row]
            for row in t.claims.column("targets").to_pylist()
        ]
        given = tables.Tables(t.actors, t.affiliations, replaced(t.claims, "targets", targets))
        row = t.claims.column("statement_id").to_pylist().index("denial")
        assert problems_of(given) == [
            f"claims: row {row}, column 'targets'[0].content: {expected}, got {depth}"
        ]

    def test_part_of_cycle(self) -> None:
        """A part-of cycle in the tables is refused when the set is built."""
        t = tables.to_arrow(joint_set())
        links = t.affiliations
        doubled = pa.concat_tables([links, links])
        doubled = replaced(doubled, "member", ["rus-forces", "RUS"])
        doubled = replaced(doubled, "organization", ["RUS", "rus-forces"])
        with pytest.raises(ValidationError) as caught:
            tables.from_arrow(tables.Tables(t.actors, doubled, t.claims))
        assert "closes no part-of cycle" in caught.value.problems[0]
