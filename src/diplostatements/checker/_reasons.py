"""The sentences that explain findings: who said what, when, and why it clashes.

Only the checker calls these, through one :class:`Writer` per check; they take the actor names of
the set (id -> display name) so a reason reads "Dmitry Peskov for The Kremlin (Russia)" rather
than "peskov".
"""

from __future__ import annotations

from collections.abc import Mapping

from ..claims import Claim, Modality, describe_claim
from ..collection import Assertion
from ..rebuttals import Rebuttal, RebuttalKind
from ..rules import CONTRARY, DENIAL, EXCLUSIVE, NEGATION, QUANTITY, Rule
from ..statements import Statement
from ..timespans import TimeSpan

__all__ = ["Writer", "who"]

_Chains = tuple[tuple[str, ...], tuple[str, ...]]

# Looking a member up on its enum is slow (see claims.describe_claim): _hedge reads it here.
_CERTAIN = Modality.CERTAIN
_REBUTTAL_VERBS = {
    RebuttalKind.DENIAL: "denied",
    RebuttalKind.CORRECTION: "corrected",
    RebuttalKind.DISMISSAL: "dismissed",
    RebuttalKind.RETRACTION: "retracted",
    RebuttalKind.QUALIFICATION: "qualified",
    RebuttalKind.CHALLENGE: "challenged",
}


def who(statement: Statement, side: str, names: Mapping[str, str]) -> str:
    """The speaker, on whose behalf, and the side: "Dmitry Peskov for The Kremlin (Russia)".

    A joint statement names every signatory: "France, Germany and the United Kingdom" (its
    verb says "jointly": :func:`_jointly`).
    """
    if statement.cosigners:
        return _signatories(statement, side, names)
    text = names.get(statement.speaker, statement.speaker)
    if statement.on_behalf_of is not None:
        text += f" for {names.get(statement.on_behalf_of, statement.on_behalf_of)}"
    if side not in (statement.speaker, statement.on_behalf_of):
        text += f" ({names.get(side, side)})"
    return text


def _signatories(statement: Statement, side: str, names: Mapping[str, str]) -> str:
    """The signatories, "France, Germany, the United Kingdom and the United States" (and side)."""
    signed = [names.get(ident, ident) for ident in statement.speakers]
    text = f"{', '.join(signed[:-1])} and {signed[-1]}"
    if side not in statement.speakers:
        text += f" ({names.get(side, side)})"
    return text


def _jointly(statement: Statement, verb: str) -> str:
    """The verb, "said jointly" for a joint statement."""
    return f"{verb} jointly" if statement.cosigners else verb


def _verb(statement: Statement, *, denies: bool, retracted: bool) -> str:
    if not denies or not isinstance(statement, Rebuttal):
        return "said"
    if statement.kind is RebuttalKind.RETRACTION and not retracted:
        return "denied"  # a "retraction" by another side withdraws nothing of its own
    return _REBUTTAL_VERBS[statement.kind]


def _why(rule: Rule, first: Assertion, second: Assertion, chains: _Chains) -> str:
    """Why the claims clash, in words.

    For ENTAILED, ``rule`` is the rule between the implied claims, and the chains come first.
    """
    first_chain, second_chain = chains
    if rule is EXCLUSIVE:
        one = (
            "object per subject"
            if first.claim.subject == second.claim.subject
            else "subject per object"
        )
        clashing = first_chain[-1] if first_chain else first.claim.predicate
        why = f"'{clashing}' admits only one {one} at a time"
    elif rule is CONTRARY:
        clashing = first_chain[-1] if first_chain else first.claim.predicate
        other = second_chain[-1] if second_chain else second.claim.predicate
        why = f"'{clashing}' and '{other}' cannot both hold"
    elif rule is QUANTITY:
        why = f"{first.claim.quantity} and {second.claim.quantity} cannot both be right"
    else:
        why = "the same proposition is affirmed and denied"
    if not (first_chain or second_chain):
        return why
    implied = [_chain_text(chain) for chain in chains if chain]
    if rule is NEGATION:  # an implied claim is affirmed: the other claim denies it
        return f"{' and '.join(implied)}, which is denied"
    return f"{' and '.join(implied)}, and {why}"


_PART_OF = " part of "


def _chain_text(chain: tuple[str, ...]) -> str:
    """A chain in words: "'fired_on' implies 'attacked'", then any part-of steps.

    "... of 53rd-brigade, so of RUS (53rd-brigade part of rus-forces; rus-forces part of RUS)".
    """
    named = [f"'{name}'" for name in chain if _PART_OF not in name]
    steps = [step for step in chain if _PART_OF in step]
    text = " implies ".join(named)
    if steps:
        part, whole = steps[0].split(_PART_OF)[0], steps[-1].split(_PART_OF)[1]
        text += f" of {part}, so of {whole} ({'; '.join(steps)})"
    return text


def _when(span: TimeSpan) -> str:
    """A period as an adverbial: "on 2019-06-04", "sometime in March 2019"."""
    day = span.start_earliest
    if day == span.start_latest == span.end_earliest == span.end_latest:
        return f"on {day.isoformat()}"  # str() of a single day is the bare date
    return str(span)  # which for any other span reads as an adverbial already


def _hedge(first: Assertion, second: Assertion) -> str:
    hedged = [
        f"{a.statement.id} is {a.claim.modality.value}"
        for a in (first, second)
        if a.claim.modality is not _CERTAIN
    ]
    if hedged:
        return "possibly: " + " and ".join(hedged)
    return "possibly: the periods may not overlap"


class Writer:
    """The sentences of one check: its findings' reasons and its disputes'.

    What an assertion says (:meth:`telling`) is for the caller to keep: the checker writes it once
    per assertion.

    Args:
        names: actor id -> display name.
        phrases: predicate name -> how it reads (the vocabulary's phrases).
    """

    def __init__(self, names: Mapping[str, str], phrases: Mapping[str, str] | None = None) -> None:
        self.names = names
        self.phrases: Mapping[str, str] = phrases or {}

    def telling(self, statement: Statement, claim: Claim, side: str, *, denies: bool) -> str:
        """What an assertion says: "X said on D that C", or "X denied on D that C".

        Args:
            statement: the statement that asserts it.
            claim: the claim asserted (for an implied negation, the negation of the claim it
                denies, which is written as that claim).
            side: the side it commits.
            denies: whether it is a rebuttal's implied negation.
        """
        verb = _jointly(
            statement, _verb(statement, denies=True, retracted=False) if denies else "said"
        )
        return (
            f"{who(statement, side, self.names)} {verb} {_when(statement.said_on)}"
            f" that {describe_claim(claim, self.names, self.phrases, negated=denies)}"
        )

    def reason(
        self,
        kind: Rule,
        rule: Rule,
        first: Assertion,
        second: Assertion,
        chains: _Chains,
        *,
        told: tuple[str, str],
        definite: bool,
        retracted: bool = False,
        content: Claim | None = None,
    ) -> str:
        """One sentence explaining a finding.

        Args:
            kind: the finding's kind.
            rule: the rule that matched (for ENTAILED, the rule between the implied claims).
            first: the earlier assertion.
            second: the later one.
            chains: the implication chains of ``first`` and ``second`` (empty when stated).
            told: what ``first`` and ``second`` say, as :meth:`telling` writes it.
            definite: whether the finding is DEFINITE.
            retracted: the finding is a side withdrawing its own claim.
            content: for a DENIAL of nested content (``ClaimRef(..., content=True)``), the
                content denied: the rebuttal denied *that*, not the claim conveying it.
        """
        if kind is DENIAL:
            statement = second.statement
            stated = second.denies is None  # a rebuttal's own claim says what it denies
            verb = _jointly(statement, _verb(statement, denies=True, retracted=retracted))
            what = "" if content is None else f" that {self._described(content)}"
            text = (
                f"{told[0]}; {who(statement, second.side, self.names)} {verb}"
                f"{' it' if content is None else ''} {_when(statement.said_on)}{what}"
            )
            if stated:
                text += self._saying(second.claim)
        else:
            text = f"{told[0]}, but {told[1]}: {_why(rule, first, second, chains)}"
        return f"{text}." if definite else f"{text} ({_hedge(first, second)})."

    def attribution(
        self,
        rule: Rule,
        content: Assertion,
        other: Assertion,
        chains: _Chains,
        *,
        side: str,
        told: tuple[str, str],
        definite: bool,
    ) -> str:
        """One sentence explaining an ATTRIBUTION finding.

        Args:
            rule: the rule between the attributed content and the side's own claim.
            content: the attributing assertion, its claim replaced by the content it conveys.
            other: the side's own assertion.
            chains: the implication chains of the content and of ``other``.
            side: the side the content is attributed to.
            told: what the attributing assertion and ``other`` say (:meth:`telling`).
            definite: whether the finding is DEFINITE.
        """
        name = self.names.get(side, side)
        text = (
            f"{told[0]}, but {told[1]}: it attributes to {name} what {name}'s own words"
            f" contradict ({_why(rule, content, other, chains)})"
        )
        return f"{text}." if definite else f"{text} ({_hedge(content, other)})."

    def _described(self, claim: Claim) -> str:
        return describe_claim(claim, self.names, self.phrases)

    def _saying(self, claim: Claim) -> str:
        """What a rebuttal's own claim says of the claim it denies: ", saying that ..."."""
        return f", saying that {describe_claim(claim, self.names, self.phrases)}"

    def dispute(
        self,
        rebuttal: Rebuttal,
        target: Statement,
        *,
        claim: int | None,
        side: str,
        target_side: str,
    ) -> str:
        """One sentence describing a qualification or challenge."""
        names, phrases = self.names, self.phrases
        verb = _jointly(rebuttal, _REBUTTAL_VERBS[rebuttal.kind])
        what = (
            describe_claim(target.claims[claim], names, phrases)
            if claim is not None
            else "; ".join(describe_claim(c, names, phrases) for c in target.claims)
            or f"statement {target.id}"
        )
        return (
            f"{who(rebuttal, side, names)} {verb} {_when(rebuttal.said_on)} what"
            f" {who(target, target_side, names)} {_jointly(target, 'said')}"
            f" {_when(target.said_on)}: {what}."
        )
