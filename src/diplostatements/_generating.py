"""How :mod:`diplostatements.strategies` builds the claims, statements and sets that clash.

Every choice goes through a :class:`Chooser`: Hypothesis draws (so that a failing set shrinks
claim by claim) or a seeded :class:`random.Random` (so that sets of thousands of claims are
cheap). Nothing here imports Hypothesis.

A set is built claim by claim. About half of the claims are fresh: a predicate, subject, object,
polarity, quantity, period and scope from small pools. The others *echo* a claim made earlier in
the set, the way news repeats and answers itself: the same claim again, or one changed in a way
that one rule of the checker is about (negated, another object of a functional predicate, a
contrary predicate, another figure, an implying or implied predicate, the mirror image) and then,
now and then, moved to another period, hedged, or narrowed, so that many echoes only *nearly*
clash. That keeps every rule well represented among the findings (not mostly denials), and the
near misses test what must not be found.
"""

from __future__ import annotations

import functools
import random
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Protocol, TypeVar, cast

import attrs

from .actors import Actor, ActorKind, Affiliation
from .claims import Claim, Modality, Polarity
from .collection import StatementSet
from .parts import PartOf
from .quantities import Quantity
from .rebuttals import ClaimRef, Rebuttal, RebuttalKind
from .statements import Statement
from .timespans import TimeSpan
from .vocabulary import Vocabulary

CONTENT_TARGETS = True
"""Whether rebuttals here aim into nested content (``ClaimRef(..., content=True)``) now and then
(the checker denies that content, and so does the property tests' all-pairs reference)."""

PLAIN_PREDICATE = "says_of"
SPEAKERS = ("a", "b", "c", "d")
SUBJECTS = ("a", "b", "c")
OBJECTS = (None, "a", "b", "c", "x")
QUALIFIERS: tuple[frozenset[str], ...] = (
    frozenset(),
    frozenset({"q1"}),
    frozenset({"q2"}),
    frozenset({"q1", "q2"}),
)
WINDOW = (date(2019, 1, 1), date(2019, 2, 28))
SAID_ON = (date(2019, 1, 10), date(2019, 1, 20), date(2019, 2, 5))
CONTENTS = (Claim("a", PLAIN_PREDICATE, "b"), Claim("b", "owns", "x"))
QUANTITY_POOL = (
    Quantity.exactly(1),
    Quantity.exactly(5),
    Quantity.between(1, 3),
    Quantity.at_least(4),
    Quantity.at_most(2),
    Quantity.about(4),
    Quantity.parse("most"),
    Quantity.parse("some"),
    Quantity.parse("not all"),
    Quantity.parse("none"),
    Quantity.parse("all"),
    Quantity.exactly(3, unit="tons"),
)
SPEAKS_FOR = (("d", "c"), ("b", "a"))
PART_OF = (("b", "a"), ("a", "c"), ("d", "c"))

# How often (in percent) a claim of a set echoes an earlier one, and how often an echo is then
# moved to another period, hedged, or narrowed: most echoes clash, many only nearly.
ECHO = 50
MOVED, HEDGED, NARROWED = 25, 15, 15
# How often a contradicting rebuttal with claims states what it denies of its first target.
OWN_DENIAL = 40

T = TypeVar("T")


class Chooser(Protocol):
    """Where random choices come from: Hypothesis draws, or a seeded ``random.Random``."""

    def pick(self, options: Sequence[T]) -> T: ...

    def chance(self, percent: int) -> bool: ...

    def span(self) -> TimeSpan: ...

    def quantity(self) -> Quantity: ...


class Seeded:
    """Choices from a seeded generator: fast enough for thousands of claims."""

    def __init__(self, seed: int) -> None:
        self._random = random.Random(seed)
        first, last = (day.toordinal() for day in WINDOW)
        days = [date.fromordinal(n) for n in range(first, last + 1)]
        self._spans = [
            TimeSpan.always(),
            TimeSpan.sometime_in(2019, 1),
            TimeSpan.sometime_in(2019, 2),
            TimeSpan.sometime_in(2019),
            *(TimeSpan.on(day) for day in days[::3]),
            *(TimeSpan.between(day, day + timedelta(days=9)) for day in days[::7]),
            *(TimeSpan.sometime_between(day, day + timedelta(days=6)) for day in days[::5]),
            *(TimeSpan.since(day) for day in days[::15]),
            *(TimeSpan.until(day) for day in days[::15]),
            *(TimeSpan.sometime_before(day) for day in days[::20]),
        ]

    def pick(self, options: Sequence[T]) -> T:
        return options[self._random.randrange(len(options))]

    def chance(self, percent: int) -> bool:
        return self._random.randrange(100) < percent

    def span(self) -> TimeSpan:
        return self.pick(self._spans)

    def quantity(self) -> Quantity:
        return self.pick(QUANTITY_POOL)


def maybe(ident: str | None) -> str:
    """``ident`` typed for a converter that takes ids but also accepts ``None``."""
    # Claim.object and Statement.on_behalf_of take None, but their converter is typed for ids.
    return cast(str, ident)


def predicates(vocabulary: Vocabulary) -> tuple[str, ...]:
    """The predicates claims are drawn from: the vocabulary's and one it does not declare."""
    return (*vocabulary, PLAIN_PREDICATE)


def fresh_claim(choose: Chooser, vocabulary: Vocabulary, focus: Sequence[str] = ()) -> Claim:
    """A claim drawn from the pools; most of a set's use a few ``focus`` predicates."""
    predicate = choose.pick(focus if focus and choose.chance(60) else predicates(vocabulary))
    declared = vocabulary.get(predicate)
    reporting = declared is not None and declared.reporting
    return Claim(
        choose.pick(SUBJECTS),
        predicate,
        maybe(choose.pick(OBJECTS)),
        content=choose.pick(CONTENTS) if reporting and choose.chance(60) else None,
        polarity=Polarity.NEGATED if choose.chance(35) else Polarity.AFFIRMED,
        modality=choose.pick((Modality.PROBABLE, Modality.POSSIBLE))
        if choose.chance(20)
        else Modality.CERTAIN,
        quantity=choose.quantity() if choose.chance(40) else None,
        when=choose.span() if choose.chance(60) else None,
        where="w" if choose.chance(10) else None,
        qualifiers=choose.pick(QUALIFIERS) if choose.chance(30) else frozenset(),
    )


Change = Callable[[Chooser, Vocabulary, Claim], Claim | None]


def _repeated(choose: Chooser, vocabulary: Vocabulary, claim: Claim) -> Claim | None:
    return claim


def _negated(choose: Chooser, vocabulary: Vocabulary, claim: Claim) -> Claim | None:
    return claim.negated()


def _other_figure(choose: Chooser, vocabulary: Vocabulary, claim: Claim) -> Claim | None:
    # Another figure for the same affirmed claim, mostly in its unit: a clash or a near miss.
    if claim.quantity is None or not claim.affirmed:
        return None
    unit = claim.quantity.unit
    alike = [q for q in QUANTITY_POOL if q.unit == unit and q != claim.quantity]
    figure = choose.pick(alike) if alike and choose.chance(70) else choose.quantity()
    return attrs.evolve(claim, quantity=figure)


def _other_party(choose: Chooser, vocabulary: Vocabulary, claim: Claim) -> Claim | None:
    declared = vocabulary.get(claim.predicate)
    if declared is None or not (declared.functional or declared.inverse_functional):
        return None
    if declared.functional and (not declared.inverse_functional or choose.chance(50)):
        others = [o for o in OBJECTS if o is not None and o != claim.object]
        return attrs.evolve(claim, object=choose.pick(others))
    if claim.object is None:
        return None
    return attrs.evolve(claim, subject=choose.pick([s for s in SUBJECTS if s != claim.subject]))


def _contrary(choose: Chooser, vocabulary: Vocabulary, claim: Claim) -> Claim | None:
    contraries = sorted(vocabulary.contraries(claim.predicate))
    if not contraries:
        return None
    return _with_predicate(claim, choose.pick(contraries), vocabulary)


def _implied_denied(choose: Chooser, vocabulary: Vocabulary, claim: Claim) -> Claim | None:
    # Something the claim implies, negated: "X invaded" against "X did not fight".
    chains = vocabulary.implications(claim.predicate)
    if not chains:
        return None
    implied = _with_predicate(claim, choose.pick(chains)[-1], vocabulary)
    return attrs.evolve(implied, polarity=Polarity.NEGATED, quantity=None)


def _implying(choose: Chooser, vocabulary: Vocabulary, claim: Claim) -> Claim | None:
    # A claim that implies this one (or its affirmation): "X did not fight" against "X invaded".
    sources = _implied_by(vocabulary).get(claim.predicate)
    if not sources:
        return None
    implying = _with_predicate(claim, choose.pick(sources), vocabulary)
    return attrs.evolve(implying, polarity=Polarity.AFFIRMED, quantity=None)


@functools.cache
def _implied_by(vocabulary: Vocabulary) -> dict[str, tuple[str, ...]]:
    """Predicate -> the predicates that imply it, in name order."""
    found: dict[str, list[str]] = {}
    for name in vocabulary:
        for chain in vocabulary.implications(name):
            found.setdefault(chain[-1], []).append(name)
    return {name: tuple(sorted(sources)) for name, sources in found.items()}


def _mirrored(choose: Chooser, vocabulary: Vocabulary, claim: Claim) -> Claim | None:
    if claim.object not in SUBJECTS:
        return None
    return attrs.evolve(claim, subject=claim.object, object=claim.subject)


def _content_answered(choose: Chooser, vocabulary: Vocabulary, claim: Claim) -> Claim | None:
    # The content a claim attributes to its subject, changed the way one rule is about: "A
    # told us X" against A's own "not X" (an ATTRIBUTION when A's side says it).
    declared = vocabulary.get(claim.predicate)
    if claim.content is None or declared is None or not declared.attributive:
        return None
    change = choose.pick((_negated, _negated, _other_party, _contrary, _implied_denied))
    return change(choose, vocabulary, claim.content)


# The changes an echo makes, the rarer kinds of clash listed twice: their claims are the fewest
# (a quantity, a functional or contrary-bearing predicate), and they often miss.
CHANGES: tuple[Change, ...] = (
    _repeated,
    _negated,
    _other_figure,
    _other_figure,
    _other_party,
    _other_party,
    _contrary,
    _contrary,
    _implied_denied,
    _implying,
    _mirrored,
    _content_answered,
    _content_answered,
)


def _with_predicate(claim: Claim, name: str, vocabulary: Vocabulary) -> Claim:
    declared = vocabulary.get(name)
    reporting = declared is not None and declared.reporting
    return attrs.evolve(claim, predicate=name, content=claim.content if reporting else None)


def echo(choose: Chooser, vocabulary: Vocabulary, made: Sequence[Claim]) -> Claim:
    """A claim that answers one of ``made``: changed the way one rule is about, maybe nearly.

    The change is drawn first, then a claim it applies to (a few tries, else the claim is
    repeated), so that each rule gets about as many echoes as the others.
    """
    change = choose.pick(CHANGES)
    earlier = choose.pick(made)
    claim = change(choose, vocabulary, earlier)
    for _ in range(5):
        if claim is not None:
            break
        earlier = choose.pick(made)
        claim = change(choose, vocabulary, earlier)
    if claim is None:
        claim = earlier
    if choose.chance(MOVED):
        claim = attrs.evolve(claim, when=choose.span() if choose.chance(80) else None)
    if choose.chance(HEDGED):
        claim = attrs.evolve(claim, modality=choose.pick(tuple(Modality)))
    if choose.chance(NARROWED):
        claim = attrs.evolve(claim, qualifiers=choose.pick(QUALIFIERS))
    return claim


def claim_of_set(
    choose: Chooser, vocabulary: Vocabulary, made: Sequence[Claim], focus: Sequence[str]
) -> Claim:
    """The next claim of a set whose claims so far are ``made``: fresh, or an echo of one.

    The claims in ``made`` carry the period they are about (``when``), stated or not.
    """
    if made and choose.chance(ECHO):
        return echo(choose, vocabulary, made)
    return fresh_claim(choose, vocabulary, focus)


def statement(
    choose: Chooser,
    ident: str,
    claims: Sequence[Claim],
    earlier: Sequence[Statement],
    *,
    rebuttal_chance: int = 12,
) -> Statement:
    """A statement (or, now and then, a rebuttal of earlier ones) holding ``claims``."""
    said_on = choose.span() if choose.chance(10) else TimeSpan.on(choose.pick(SAID_ON))
    speaker = choose.pick(SPEAKERS)
    behalf = maybe(choose.pick(SPEAKERS) if choose.chance(5) else None)
    # Now and then a joint statement: one or two other signatories.
    cosigners = _cosigners(choose, speaker) if choose.chance(6) else ()
    if not earlier or not choose.chance(rebuttal_chance):
        return Statement(ident, speaker, said_on, claims, on_behalf_of=behalf, cosigners=cosigners)
    targets: list[str | ClaimRef] = []
    for _ in range(choose.pick((1, 1, 2))):
        target = choose.pick(earlier)
        if target.claims and choose.chance(60):
            index = choose.pick(range(len(target.claims)))
            # Into the claim's content (what a report conveyed), when it has some.
            inner = (
                CONTENT_TARGETS and target.claims[index].content is not None and choose.chance(40)
            )
            targets.append(ClaimRef(target.id, index, content=inner))
        else:
            targets.append(target.id)
    kind = choose.pick(tuple(RebuttalKind))
    if claims and kind.contradicts and choose.chance(OWN_DENIAL):
        own = _own_denial(choose, targets[0], earlier)
        claims = [own, *claims[1:]] if own is not None else claims
    return Rebuttal(
        ident,
        speaker,
        said_on,
        claims,
        cosigners=cosigners,
        on_behalf_of=behalf,
        targets=targets,
        kind=kind,
        modality=Modality.PROBABLE if choose.chance(20) else Modality.CERTAIN,
    )


def _own_denial(
    choose: Chooser, target: str | ClaimRef, earlier: Sequence[Statement]
) -> Claim | None:
    """A rebuttal's claim of its own that says what it denies of a target claim.

    The target claim with the other polarity ("no call"), often about another period ("no
    *recent* call") or narrowed, so that it replaces the implied negation of that claim.
    """
    ident = target.statement_id if isinstance(target, ClaimRef) else target
    said = next(statement for statement in earlier if statement.id == ident)
    if not said.claims:  # a claimless target: nothing to say of it
        return None
    denied = target.find(said) if isinstance(target, ClaimRef) else said.claims[0]
    claim = denied.negated()
    if choose.chance(50):
        claim = attrs.evolve(claim, when=choose.span())
    if choose.chance(NARROWED):
        claim = attrs.evolve(claim, qualifiers=choose.pick(QUALIFIERS))
    return claim


def _cosigners(choose: Chooser, speaker: str) -> tuple[str, ...]:
    others = [ident for ident in SPEAKERS if ident != speaker]
    first = choose.pick(others)
    if choose.chance(50):
        return (first,)
    return (first, choose.pick([ident for ident in others if ident != first]))


def statement_set(choose: Chooser, vocabulary: Vocabulary, size: int) -> StatementSet:
    """A set of exactly ``size`` claims, in statements of one to three claims.

    A few statements hold no claim (a bare denial, a statement saying nothing checkable); they
    are not claims, so they do not count towards ``size``, and there are at most one for every
    eight claims (and one more).
    """
    items: list[Actor | Affiliation | Statement | PartOf] = [
        Actor(ident, f"Actor {ident.upper()}", ActorKind.OTHER) for ident in SPEAKERS
    ]
    items += [
        Affiliation(member, organization, speaks_for=True)
        for member, organization in SPEAKS_FOR
        if choose.chance(50)
    ]
    # Part-of links go the way speaks-for ones do, so they never close a cycle.
    # Part-of links, a chain of two now and then (b in a in c), some only for a while: so that
    # distributive claims about a part meet claims about its wholes.
    items += [
        PartOf(part, whole, span=choose.span() if choose.chance(30) else None)
        for part, whole in PART_OF
        if choose.chance(40)
    ]
    pool = predicates(vocabulary)
    focus = [choose.pick(pool) for _ in range(3)]
    made: list[Statement] = []
    claims: list[Claim] = []
    bare = 1 + size // 8
    while len(claims) < size:
        ident = f"st{len(made)}"
        if bare and choose.chance(8):
            bare -= 1
            made.append(statement(choose, ident, (), made, rebuttal_chance=70))
            continue
        count = choose.pick(range(1, min(3, size - len(claims)) + 1))
        said = [claim_of_set(choose, vocabulary, claims, focus) for _ in range(count)]
        made.append(statement(choose, ident, said, made))
        # An echo answers a claim about the period it was about: one without a period of its
        # own is about the day it was said (an echo said another day would otherwise seldom
        # meet it).
        said_on = made[-1].said_on
        claims += [
            c if c.when is not None else attrs.evolve(c, when=said_on) for c in made[-1].claims
        ]
    return StatementSet([*items, *made])
