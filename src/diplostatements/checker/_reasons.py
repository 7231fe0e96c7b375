"""The sentences that explain findings: who said what, when, and why it clashes.

Only the checker calls these, through one :class:`Writer` per check; they take the actor names of
the set (id -> display name) so a reason reads "Dmitry Peskov for the Kremlin (Russia)" rather
than "peskov". The pieces (names, verbs, periods, quantities) and the convention they follow come
from :mod:`diplostatements._phrases`.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from .. import _phrases
from ..claims import Claim, Modality, describe_claim
from ..collection import Assertion
from ..rebuttals import Rebuttal, RebuttalKind
from ..rules import CONTRARY, DENIAL, EXCLUSIVE, NEGATION, QUANTITY, Rule
from ..statements import QuoteKind, Statement
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
    """The speaker, on whose behalf, and the side: "Dmitry Peskov for the Kremlin (Russia)".

    A joint statement names every signatory: "France, Germany and the United Kingdom" (its
    verb says "jointly": :func:`_jointly`).
    """
    if statement.cosigners:
        return _signatories(statement, side, names)
    text = _phrases.running_name(statement.speaker, names)
    if statement.on_behalf_of is not None:
        text += f" for {_phrases.running_name(statement.on_behalf_of, names)}"
    if side not in (statement.speaker, statement.on_behalf_of):
        text += f" ({_phrases.running_name(side, names)})"
    return text


def _signatories(statement: Statement, side: str, names: Mapping[str, str]) -> str:
    """The signatories, "France, Germany, the United Kingdom and the United States" (and side)."""
    signed = [_phrases.running_name(ident, names) for ident in statement.speakers]
    text = f"{', '.join(signed[:-1])} and {signed[-1]}"
    if side not in statement.speakers:
        text += f" ({_phrases.running_name(side, names)})"
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


def _predicate(claim: Claim, chain: tuple[str, ...]) -> str:
    return chain[-1] if chain else claim.predicate


def _why(  # noqa: PLR0917 -- what the finding's two assertions and chains need
    rule: Rule,
    first: Assertion,
    second: Assertion,
    chains: _Chains,
    names: Mapping[str, str],
    phrases: Mapping[str, str],
) -> str:
    """Why the claims clash, in words.

    For ENTAILED, ``rule`` is the rule between the implied claims, and the chains come first.
    """
    first_chain, second_chain = chains
    claim = first.claim
    if rule is EXCLUSIVE:
        reading = _phrases.reading(_predicate(claim, first_chain), phrases)
        phrase = _phrases.infinitive(reading.phrase).replace("{}", reading.noun or "")
        phrase = " ".join(phrase.split())
        if claim.subject == second.claim.subject:
            subject = _phrases.running_name(claim.subject, names)
            why = f"{subject} can {phrase} only one at a time"
        else:
            obj = _phrases.running_name(claim.object or "", names)
            why = f"only one can {phrase} {obj} at a time"
    elif rule is CONTRARY:
        one, other = (
            _phrases.infinitive(_phrases.bare(_predicate(a.claim, chain), phrases))
            for a, chain in ((first, first_chain), (second, second_chain))
        )
        subject = _phrases.running_name(claim.subject, names)
        obj = _phrases.running_name(claim.object, names) if claim.object is not None else ""
        why = " ".join(f"{subject} cannot both {one} and {other} {obj}".split())
    elif rule is QUANTITY:
        why = f"{claim.quantity} and {second.claim.quantity} cannot both be right"
    else:
        why = "the one denies what the other affirms"
    if not (first_chain or second_chain):
        return why
    implied = [_chain_text(chain, names, phrases) for chain in chains if chain]
    if rule is NEGATION:  # an implied claim is affirmed: the other claim denies it
        return f"{' and '.join(implied)}, which is denied"
    return f"{' and '.join(implied)}, and {why}"


_PART_OF = " part of "


def _chain_text(
    chain: tuple[str, ...], names: Mapping[str, str], phrases: Mapping[str, str]
) -> str:
    """A chain in words: "'fired on' implies 'attacked'", then any part-of steps.

    "'crossed the border into', said of the 53rd Brigade, holds of Russia (53rd-brigade part of
    rus-forces; rus-forces part of RUS)": the steps keep the ids, so each link can be found.
    """
    named = [f"'{_phrases.bare(name, phrases)}'" for name in chain if _PART_OF not in name]
    steps = [step for step in chain if _PART_OF in step]
    text = " implies ".join(named)
    if steps:
        part = _phrases.running_name(steps[0].split(_PART_OF)[0], names)
        whole = _phrases.running_name(steps[-1].split(_PART_OF)[1], names)
        text += f", said of {part}, holds of {whole} ({'; '.join(steps)})"
    return text


def _when(span: TimeSpan) -> str:
    """When a statement was made, as an adverbial: "on 4 June 2019", "in March 2019"."""
    return _phrases.period_phrase(span) or "at some time"


def _hedge(first: Assertion, second: Assertion) -> str:
    hedged = [a for a in (first, second) if a.claim.modality is not _CERTAIN]
    if len(hedged) == 2:
        return "both are hedged"
    if hedged:
        return "the denial is hedged" if hedged[0].denies is not None else "a claim is hedged"
    return "the periods may not overlap"


def _full_stop(text: str) -> str:
    """The sentence with its full stop, unless a quotation that ends it has one already."""
    return text if text.endswith(_ENDED) else f"{text}."


_ENDED = (".\u201d", "!\u201d", "?\u201d")


def _words(statement: Statement) -> str:
    """A statement's own words, if it has them: ``, saying “...”`` (or as reported)."""
    text = statement.text
    if text is None:
        return ""
    if statement.quote is QuoteKind.DIRECT:
        return f", saying \u201c{text}\u201d"
    return f", as reported: \u201c{text}\u201d"


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
        # Each claim written once, by identity (the claim held, so that its id stays its own):
        # a claim's clause appears in what its assertion says and again in the report's records.
        self._written: dict[int, tuple[Claim, str]] = {}

    def described(self, claim: Claim) -> str:
        """:meth:`Claim.describe <diplostatements.Claim.describe>` with these names and phrases.

        Written once per claim object, however often it is asked for.
        """
        known = self._written.get(id(claim))
        if known is None:
            known = self._written[id(claim)] = (
                claim,
                describe_claim(claim, self.names, self.phrases),
            )
        return known[1]

    def telling(self, statement: Statement, claim: Claim, side: str, *, denies: bool) -> str:
        """What an assertion says: "X said on D that C", or "X denied on D that C".

        A rebuttal other than a denial reads "X dismissed on D the claim that C"; a hedged one
        adds "hedged as probable".

        Args:
            statement: the statement that asserts it.
            claim: the claim asserted (for an implied negation, the negation of the claim it
                denies, which is written as that claim).
            side: the side it commits.
            denies: whether it is a rebuttal's implied negation.
        """
        speaker = f"{who(statement, side, self.names)}"
        if not denies:
            return (
                f"{speaker} {_jointly(statement, 'said')} {_when(statement.said_on)}"
                f" that {self.described(claim)}"
            )
        verb = _verb(statement, denies=True, retracted=False)
        that = "that" if verb == "denied" else "the claim that"
        verb = _jointly(statement, verb)
        hedge = ""
        if claim.modality is not _CERTAIN:  # the rebuttal's hedge is on the denial, not the claim
            hedge = f", hedged as {claim.modality.value}"
            claim = attrs.evolve(claim, modality=_CERTAIN)
        return (
            f"{speaker} {verb} {_when(statement.said_on)} {that}"
            f" {describe_claim(claim, self.names, self.phrases, negated=True)}{hedge}"
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
            verb = _jointly(statement, _verb(statement, denies=True, retracted=retracted))
            direct = statement.quote is QuoteKind.DIRECT and statement.text is not None
            modality = second.claim.modality
            hedge = "" if modality is _CERTAIN else f", hedged as {modality.value},"
            what = " it" if content is None else ""
            that = "" if content is None else f" that {self.described(content)}"
            # A rebuttal's own claim (not an implied negation) says what it denies.
            saying = "" if second.denies is not None else self._saying(second.claim)
            if direct:  # the words themselves, after what they were read to say, if anything
                saying += f": \u201c{statement.text}\u201d" if saying else _words(statement)
            text = (
                f"{told[0]}; {who(statement, second.side, self.names)} {verb}{what}{hedge}"
                f" {_when(statement.said_on)}{that}{saying}"
            )
        else:
            why = _why(rule, first, second, chains, self.names, self.phrases)
            text = f"{told[0]}, but {told[1]}: {why}"
        text = _full_stop(_phrases.capitalized(text))
        return text if definite else f"{text} Possible, not definite: {_hedge(first, second)}."

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
        name = _phrases.running_name(side, self.names)
        why = _why(rule, content, other, chains, self.names, self.phrases)
        text = (
            f"{told[0]}, but {told[1]}: it attributes to {name} what {name}'s own words"
            f" contradict ({why})"
        )
        text = _full_stop(_phrases.capitalized(text))
        return text if definite else f"{text} Possible, not definite: {_hedge(content, other)}."

    def _saying(self, claim: Claim) -> str:
        """What a rebuttal's own claim says of the claim it denies: ", saying that ..."."""
        return f", saying that {self.described(claim)}"

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
        claims = target.claims if claim is None else (target.claims[claim],)
        what = "; and that ".join(describe_claim(c, names, phrases) for c in claims)
        # Two disputes of one claim on one day would read alike: their own words tell them apart.
        text = (
            f"{who(rebuttal, side, names)} {verb} {_when(rebuttal.said_on)} what"
            f" {who(target, target_side, names)} {_jointly(target, 'said')}"
            f" {_when(target.said_on)}"
            f"{', that ' + what if what else ''}{_words(rebuttal)}"
        )
        return _full_stop(_phrases.capitalized(text))
