"""Hypothesis strategies that build valid diplostatements values for your own tests.

They need Hypothesis, which the ``strategies`` extra installs: in a checkout of diplostatements,
``pip install -e '.[strategies]'``. Importing this module without Hypothesis raises
:class:`~diplostatements.exceptions.MissingExtraError`, which says so.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import NamedTuple, TypeVar

import attrs

from .exceptions import FieldError, MissingExtraError

try:
    from hypothesis import strategies as st
except ImportError as error:
    raise MissingExtraError("diplostatements.strategies", "hypothesis", "strategies") from error

from . import _generating
from .actors import COUNTRY_CODES, Actor, ActorKind, Affiliation
from .claims import Claim, Modality, Polarity
from .collection import StatementSet
from .parts import PartOf
from .quantities import PROPORTION, Quantity
from .rebuttals import ClaimRef, Rebuttal, RebuttalKind
from .rules import ATTRIBUTION, CONTRARY, DENIAL, ENTAILED, EXCLUSIVE, NEGATION, QUANTITY, Rule
from .statements import Channel, QuoteKind, Relay, RelayKind, Source, SpeechAct, Statement
from .timespans import TimeSpan
from .vocabulary import Predicate, Vocabulary

__all__ = [
    "PLAIN_PREDICATE",
    "SMALL_VOCABULARY",
    "ContradictingPair",
    "actor_ids",
    "actors",
    "affiliations",
    "claims",
    "contradicting_pairs",
    "quantities",
    "rich_statement_sets",
    "statement_sets",
    "statements",
    "time_spans",
]

# --- time spans (timespans) ---


def time_spans(
    *, min_value: date = date(1990, 1, 1), max_value: date = date(2030, 12, 31)
) -> st.SearchStrategy[TimeSpan]:
    """Valid time spans of every shape, with their finite days within ``[min_value, max_value]``.

    Draws every shape the named constructors build (a day, a period held throughout, a moment in
    a month, a year or a range, ``since``/``until``, ``sometime_before``/``sometime_after``,
    ``always``) and general spans whose four bounds are drawn independently, any of them open
    (``date.min``/``date.max``). Examples shrink towards single days and towards early-2000 dates.

    Args:
        min_value: the earliest finite day a span may hold.
        max_value: the latest finite day a span may hold.

    Returns:
        A strategy for :class:`~diplostatements.timespans.TimeSpan`.

    Raises:
        FieldError: ``max_value`` is before ``min_value``.
    """
    if max_value < min_value:
        raise FieldError("time_spans(max_value)", f"a date on or after {min_value}", max_value)
    days = st.dates(min_value=min_value, max_value=max_value)
    ordered = st.tuples(days, days).map(sorted)

    def clipped(span: TimeSpan) -> TimeSpan:
        # A month or year at the edge of the range is cut to the range, still a moment within it.
        return TimeSpan.sometime_between(max(span.earliest, min_value), min(span.latest, max_value))

    def general(bounds: list[date], opens: tuple[bool, bool, bool, bool]) -> TimeSpan:
        start, end = sorted(bounds[:2]), sorted(bounds[2:])
        if start[0] > end[1]:
            start, end = end, start  # now start_earliest <= end_latest; opening a bound keeps it
        given = (*start, *end)
        earliest, latest, end_first, end_last = (
            None if is_open else day for day, is_open in zip(given, opens, strict=True)
        )
        return TimeSpan(
            start_earliest=earliest,
            start_latest=latest,
            end_earliest=end_first,
            end_latest=end_last,
        )

    one_day = timedelta(days=1)
    return st.one_of(
        days.map(TimeSpan.on),
        st.just(TimeSpan.always()),
        ordered.map(lambda pair: TimeSpan.between(pair[0], pair[1])),
        ordered.map(lambda pair: TimeSpan.sometime_between(pair[0], pair[1])),
        days.map(lambda day: clipped(TimeSpan.sometime_in(day.year, day.month))),
        days.map(lambda day: clipped(TimeSpan.sometime_in(day.year))),
        days.map(TimeSpan.since),
        days.map(TimeSpan.until),
        # The last (first) day the moment may fall on is the drawn day.
        days.filter(lambda day: day < date.max).map(
            lambda day: TimeSpan.sometime_before(day + one_day)
        ),
        days.filter(lambda day: day > date.min).map(
            lambda day: TimeSpan.sometime_after(day - one_day)
        ),
        st.builds(
            general,
            st.lists(days, min_size=4, max_size=4),
            st.tuples(st.booleans(), st.booleans(), st.booleans(), st.booleans()),
        ),
    )


# --- quantities and actors ---

# Documented phrases, so that drawn quantities include ones that carry their text.
_QUANTITY_PHRASES = (
    "about 1,000",
    "a few dozen",
    "most",
    "not all",
    "some",
    "all",
    "none",
    "nearly all",
    "at least one",
    "more than half",
    "about 40 percent",
    "dozens",
    "up to 20",
    "several",
    "100",
)
_ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789-_"


@st.composite
def _ranges(draw: st.DrawFn, unit: str | None) -> Quantity:
    ends: tuple[float | None, float | None]
    if unit == PROPORTION:
        shares = st.integers(0, 100).map(lambda percent: percent / 100)
        first_share, second_share = draw(shares), draw(shares)
        ends = (min(first_share, second_share), max(first_share, second_share))
    else:
        floor = 0 if unit is None else -10_000
        first = draw(st.one_of(st.integers(floor, 10_000), st.none()))
        upper = st.integers(floor if first is None else first, 20_000)
        ends = (first, draw(st.one_of(upper, st.none())))
    low, high = ends
    # An end may be left out when it is finite and the range keeps a value without it (a
    # count's unbounded lower end is its floor, 0).
    bottom = 0 if low is None and unit is None else low
    spread = bottom is None or high is None or bottom < high
    low_open = low is not None and spread and draw(st.booleans())
    high_open = high is not None and spread and draw(st.booleans())
    return Quantity(low, high, unit=unit, low_open=low_open, high_open=high_open)


def quantities(
    *, units: Sequence[str | None] = (None, PROPORTION), phrases: bool = True
) -> st.SearchStrategy[Quantity]:
    """Valid quantities: counts, shares and other units, any end open or unbounded.

    Ranges shrink towards unbounded or small counts and towards shares of 0; with ``phrases``,
    quantities read by :meth:`~diplostatements.quantities.Quantity.parse` from documented phrases
    ("about 1,000", "most") are drawn too, so their ``text`` is set.

    Args:
        units: the units to draw from: ``None`` (a count),
            :data:`~diplostatements.quantities.PROPORTION`, or any unit name (its ends may be
            negative).
        phrases: also draw parsed phrases (only those whose unit is in ``units``).

    Returns:
        A strategy for :class:`~diplostatements.quantities.Quantity`.

    Raises:
        FieldError: ``units`` is empty.
    """
    if not units:
        raise FieldError("quantities(units)", "at least one unit (None for a count)", units)
    drawn = st.sampled_from(tuple(units)).flatmap(_ranges)
    if not phrases:
        return drawn
    parsed = [Quantity.parse(text) for text in _QUANTITY_PHRASES]
    matching = [quantity for quantity in parsed if quantity.unit in units]
    return st.one_of(drawn, st.sampled_from(matching)) if matching else drawn


def actor_ids() -> st.SearchStrategy[str]:
    """Valid actor ids: short lower-case slugs ("a", "peskov", "us-officials")."""
    return st.text(alphabet=_ID_ALPHABET, min_size=1, max_size=12)


def _names() -> st.SearchStrategy[str]:
    letters = st.characters(categories=("L", "N", "Zs", "Pd", "Po"))
    return st.text(alphabet=letters, min_size=1, max_size=24).filter(str.strip)


def actors(*, kinds: Iterable[ActorKind] | None = None) -> st.SearchStrategy[Actor]:
    """Valid actors of the given kinds (all kinds by default).

    States come from :meth:`~diplostatements.actors.Actor.state` with a code of the shipped ISO
    table; people and organisations get slug ids, non-blank names, and maybe a country, aliases
    and a Wikidata id.

    Args:
        kinds: the :class:`~diplostatements.actors.ActorKind` values to draw.

    Returns:
        A strategy for :class:`~diplostatements.actors.Actor`.

    Raises:
        FieldError: ``kinds`` is empty.
    """
    chosen = tuple(ActorKind) if kinds is None else tuple(kinds)
    if not chosen:
        raise FieldError("actors(kinds)", "at least one ActorKind", kinds)
    codes = st.sampled_from(sorted(COUNTRY_CODES))
    countries = st.one_of(st.none(), codes)
    aliases = st.frozensets(_names(), max_size=3)
    wikidata = st.one_of(st.none(), st.integers(1, 10**8).map(lambda number: f"Q{number}"))
    options: list[st.SearchStrategy[Actor]] = []
    if ActorKind.STATE in chosen:
        options.append(st.builds(Actor.state, codes, aliases=aliases, wikidata=wikidata))
    if ActorKind.PERSON in chosen:
        options.append(
            st.builds(
                Actor.person,
                actor_ids(),
                _names(),
                country=countries,
                aliases=aliases,
                wikidata=wikidata,
            )
        )
    others = [kind for kind in chosen if kind not in (ActorKind.STATE, ActorKind.PERSON)]
    if others:
        options.append(
            st.builds(
                Actor.organization,
                actor_ids(),
                _names(),
                kind=st.sampled_from(others),
                country=countries,
                aliases=aliases,
                wikidata=wikidata,
            )
        )
    return st.one_of(options)


@st.composite
def affiliations(draw: st.DrawFn) -> Affiliation:
    """Valid affiliations between two different actor ids, over any time span.

    Returns:
        A strategy for :class:`~diplostatements.actors.Affiliation`.
    """
    member = draw(actor_ids())
    organization = draw(actor_ids().filter(lambda ident: ident != member))
    return Affiliation(
        member,
        organization,
        role=draw(st.one_of(st.none(), _names())),
        span=draw(time_spans()),
        speaks_for=draw(st.booleans()),
    )


# --- claims, statements and statement sets (checker) ---

SMALL_VOCABULARY: Vocabulary = Vocabulary(
    [
        Predicate("owns", functional=True, distributive=True),
        Predicate("leads", inverse_functional=True),
        Predicate("weds", symmetric=True, functional=True),
        Predicate("marries", implies={"weds"}),
        Predicate("meets", symmetric=True, implies={"talks"}),
        Predicate("talks", symmetric=True, distributive=True),
        Predicate("phones", implies={"talks"}),
        Predicate("backs", contrary={"fights"}),
        Predicate("fights", distributive=True),
        Predicate("allied", symmetric=True, contrary={"fights"}),
        Predicate("hugs", symmetric=True, implies={"backs"}),
        Predicate("invades", implies={"fights", "present"}, distributive=True),
        Predicate("storms", implies={"invades"}),
        Predicate("raids", implies={"invades", "fights"}),
        Predicate("present", distributive=True),
        Predicate("crowns", implies={"leads"}),
        Predicate("tells", reporting=True, attributive=True, implies={"messages"}),
        Predicate("messages", reporting=True),
        Predicate("blames", timeless=True),
    ]
)
"""A small vocabulary with one predicate of every sort, so that random claims clash often.

``owns`` is functional, ``leads`` inverse-functional, ``weds`` symmetric and functional;
``backs``/``fights`` and ``allied``/``fights`` are contrary (``allied`` symmetric); ``meets``,
``phones``, ``marries``, ``hugs``, ``invades``, ``storms``, ``raids``, ``crowns`` and ``tells``
imply others (``storms`` through two steps; ``raids`` implies ``fights`` both directly and
through ``invades``, so only the shortest chain may be named; ``hugs`` is a symmetric predicate
implying a directed one, ``phones`` and ``marries`` directed ones implying symmetric ones, ``weds``
functional too); ``tells`` and ``messages`` report content, ``tells`` as its subject's own
(attributive); ``blames`` is timeless; ``owns``, ``talks``, ``fights``, ``invades`` and ``present``
are distributive (what a part does, its whole does).
"""

PLAIN_PREDICATE = _generating.PLAIN_PREDICATE
"""A predicate no vocabulary declares: only the rules that need no declaration apply to it."""

T = TypeVar("T")


class _Drawn:
    """Choices drawn by Hypothesis, so that failing examples shrink."""

    # Built once: making a strategy costs more than drawing from it, and sets draw thousands.
    _spans: st.SearchStrategy[TimeSpan] | None = None
    _quantities: st.SearchStrategy[Quantity] | None = None

    def __init__(self, draw: st.DrawFn) -> None:
        self._draw = draw

    def pick(self, options: Sequence[T]) -> T:
        # An index rather than sampled_from(options): integers(0, n) is made once per n.
        return options[self._draw(st.integers(0, len(options) - 1))]

    def chance(self, percent: int) -> bool:
        return self._draw(st.integers(0, 99)) < percent

    def span(self) -> TimeSpan:
        if _Drawn._spans is None:
            first, last = _generating.WINDOW
            _Drawn._spans = time_spans(min_value=first, max_value=last)
        return self._draw(_Drawn._spans)

    def quantity(self) -> Quantity:
        if _Drawn._quantities is None:
            pool = st.sampled_from(_generating.QUANTITY_POOL)
            _Drawn._quantities = st.one_of(pool, quantities(units=(None,)))
        return self._draw(_Drawn._quantities)


def claims(*, vocabulary: Vocabulary = SMALL_VOCABULARY) -> st.SearchStrategy[Claim]:
    """Valid claims over small pools, so that claims drawn together clash often.

    Subjects come from ``a``, ``b``, ``c``; objects from those, ``x`` and none; predicates from
    ``vocabulary`` and :data:`PLAIN_PREDICATE`; periods from two months of 2019 (or none);
    quantities, qualifiers, places, modalities and reported content are drawn now and then.

    Args:
        vocabulary: where the predicates come from.

    Returns:
        A strategy for :class:`~diplostatements.claims.Claim`.
    """

    @st.composite
    def build(draw: st.DrawFn) -> Claim:
        return _generating.fresh_claim(_Drawn(draw), vocabulary)

    return build()


def statements(
    *, vocabulary: Vocabulary = SMALL_VOCABULARY, max_claims: int = 3
) -> st.SearchStrategy[Statement]:
    """Valid statements by speakers ``a`` to ``d``, with up to ``max_claims`` claims.

    The claims come from :func:`claims`; a statement is said on one of three days in early 2019
    (or within an imprecise span).

    Args:
        vocabulary: where the predicates come from.
        max_claims: the most claims a statement holds.

    Returns:
        A strategy for :class:`~diplostatements.statements.Statement` (never a rebuttal: a
        rebuttal needs targets, which :func:`statement_sets` provides).
    """

    @st.composite
    def build(draw: st.DrawFn) -> Statement:
        choose = _Drawn(draw)
        ident = draw(st.sampled_from([f"st{n}" for n in range(10)]))
        count = draw(st.integers(0, max_claims))
        said = [_generating.fresh_claim(choose, vocabulary) for _ in range(count)]
        return _generating.statement(choose, ident, said, ())

    return build()


_DRAWN_LIMIT = 200


def statement_sets(
    *,
    vocabulary: Vocabulary = SMALL_VOCABULARY,
    min_claims: int = 0,
    max_claims: int = 40,
) -> st.SearchStrategy[StatementSet]:
    """Valid statement sets with ``min_claims`` to ``max_claims`` claims in all.

    A set holds actors ``a`` to ``d`` (some speaking for others), statements of one to three
    claims, rebuttals of earlier statements, and now and then a statement without claims (a
    bare denial), which is not a claim and does not count. About half of the claims are drawn
    afresh; the others answer a claim made earlier in the set (repeat it, negate it, give
    another figure, another object of a functional predicate, a contrary or an implying
    predicate...), often in another period or with a hedge, so that every rule of the checker
    finds something in most sets and near misses are common.

    Up to 200 claims, every choice is a Hypothesis draw, so a failing set shrinks claim by claim.
    Above that, the set is generated from a drawn seed and size, so thousands of claims are
    cheap; shrinking then shortens the set (a smaller size keeps a prefix of the same set).

    Args:
        vocabulary: where the predicates come from.
        min_claims: the fewest claims.
        max_claims: the most claims.

    Returns:
        A strategy for :class:`~diplostatements.collection.StatementSet`.

    Raises:
        FieldError: ``max_claims`` is below ``min_claims`` or negative.
    """
    if max_claims < max(min_claims, 0):
        raise FieldError("statement_sets(max_claims)", f"at least {max(min_claims, 0)}", max_claims)
    low = max(min_claims, 0)

    @st.composite
    def build(draw: st.DrawFn) -> StatementSet:
        size = draw(st.integers(low, max_claims))
        if max_claims <= _DRAWN_LIMIT:
            return _generating.statement_set(_Drawn(draw), vocabulary, size)
        seed = draw(st.integers(0, 2**32 - 1))
        return _generating.statement_set(_generating.Seeded(seed), vocabulary, size)

    return build()


class ContradictingPair(NamedTuple):
    """Two statements that contradict each other, and the kind of the contradiction."""

    first: Statement
    second: Statement
    kind: Rule


def _pair_predicates(vocabulary: Vocabulary) -> dict[Rule, list[str]]:
    found: dict[Rule, list[str]] = {
        NEGATION: list(_generating.predicates(vocabulary)),
        QUANTITY: list(_generating.predicates(vocabulary)),
        DENIAL: list(_generating.predicates(vocabulary)),
        EXCLUSIVE: [n for n, p in vocabulary.items() if p.functional or p.inverse_functional],
        CONTRARY: [n for n, p in vocabulary.items() if p.contrary],
        ENTAILED: [n for n in vocabulary if vocabulary.implications(n)],
        ATTRIBUTION: list(_generating.predicates(vocabulary))
        if any(p.attributive for p in vocabulary.values())
        else [],
    }
    return {rule: names for rule, names in found.items() if names}


def contradicting_pairs(
    *, vocabulary: Vocabulary = SMALL_VOCABULARY
) -> st.SearchStrategy[ContradictingPair]:
    """Two statements, by different speakers, that the checker must find contradicting.

    Each kind of :class:`~diplostatements.rules.Rule` the vocabulary allows is drawn: the same
    claim negated (the negation as broad as the affirmation or broader), two incompatible
    quantities, a rebuttal of the first statement, two objects (subjects) of a functional
    (inverse-functional) predicate, two contrary predicates, a negated implication, and content
    attributed to a speaker who denies it (with an attributive predicate). Both
    claims cover the same day, so the finding is DEFINITE when both are CERTAIN.

    Args:
        vocabulary: where the predicates come from.

    Returns:
        A strategy for :class:`ContradictingPair`; check it with
        ``check([pair.first, pair.second], vocabulary=vocabulary)``.
    """
    options = _pair_predicates(vocabulary)

    @st.composite
    def build(draw: st.DrawFn) -> ContradictingPair:
        kind = draw(st.sampled_from(sorted(options, key=lambda rule: rule.rank)))
        name = draw(st.sampled_from(options[kind]))
        day = draw(st.dates(min_value=_generating.WINDOW[0], max_value=_generating.WINDOW[1]))
        subject, obj, other = draw(st.permutations(("a", "b", "c")))[:3]
        modality = draw(st.sampled_from(tuple(Modality)))
        base = Claim(subject, name, obj, when=day, modality=modality)
        second: Claim | None = None
        if kind is NEGATION:
            narrow = draw(st.sampled_from(_generating.QUALIFIERS))
            base = attrs.evolve(base, qualifiers=narrow)
            second = attrs.evolve(base, qualifiers=frozenset(), polarity=Polarity.NEGATED)
        elif kind is QUANTITY:
            base = attrs.evolve(base, quantity=Quantity.exactly(1))
            second = attrs.evolve(base, quantity=Quantity.at_least(4))
        elif kind is EXCLUSIVE:
            declared = vocabulary[name]
            if declared.functional:
                second = attrs.evolve(base, object=other)
            else:
                second = attrs.evolve(base, subject=other)
        elif kind is CONTRARY:
            contrary = draw(st.sampled_from(sorted(vocabulary.contraries(name))))
            second = attrs.evolve(base, predicate=contrary)
        elif kind is ENTAILED:
            chain = draw(st.sampled_from(vocabulary.implications(name)))
            second = attrs.evolve(base, predicate=chain[-1], polarity=Polarity.NEGATED)
        elif kind is ATTRIBUTION:
            # "Other told us that <subject> did it", against <subject>'s own "I did not".
            telling = draw(
                st.sampled_from(sorted(n for n, p in vocabulary.items() if p.attributive))
            )
            told = Claim(subject, telling, other, content=base)
            return ContradictingPair(
                Statement("first", other, day, [told]),
                Statement("second", subject, day, [base.negated()]),
                kind,
            )
        first = Statement("first", subject, day, [base])
        if second is None:  # DENIAL
            rebuttal_kind = draw(st.sampled_from([k for k in RebuttalKind if k.contradicts]))
            return ContradictingPair(
                first,
                Rebuttal("second", other, day, targets=["first"], kind=rebuttal_kind),
                kind,
            )
        return ContradictingPair(first, Statement("second", other, day, [second]), kind)

    return build()


# --- every field of every value, for files (io) ---

_LANGUAGES = ("en", "ru", "es", "pt-BR", "zh-Hant")


def _texts(max_size: int = 40) -> st.SearchStrategy[str]:
    # Any unicode text with something other than white space in it: files must keep it all.
    return st.text(min_size=1, max_size=max_size).filter(str.strip)


def _optional(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.one_of(st.none(), strategy)


def _rich_claims(entities: Sequence[str], depth: int = 2) -> st.SearchStrategy[Claim]:
    """Claims with every field drawn, nesting other claims as content up to ``depth`` deep."""
    names = st.one_of(st.sampled_from(entities), _texts(12)) if entities else _texts(12)
    content = st.none() if depth == 0 else _optional(_rich_claims(entities, depth - 1))
    return st.builds(
        Claim,
        names,
        _texts(20),
        _optional(names),
        content=content,
        polarity=st.sampled_from(tuple(Polarity)),
        modality=st.sampled_from(tuple(Modality)),
        quantity=_optional(quantities()),
        when=_optional(time_spans()),
        where=_optional(_texts(12)),
        qualifiers=st.frozensets(_texts(12), max_size=3),
    )


@st.composite
def _rich_statement(
    draw: st.DrawFn, ident: str, ids: Sequence[str], earlier: Sequence[Statement]
) -> Statement:
    speakers = st.sampled_from(ids)
    ident_or_none = _optional(speakers)
    spans = _optional(time_spans())
    relays = st.builds(Relay, speakers, kind=st.sampled_from(tuple(RelayKind)), on=spans)
    sources = st.builds(
        Source,
        _texts(20),
        title=_optional(_texts()),
        url=_optional(_texts()),
        published=_optional(st.dates()),
    )
    speaker, said_on = draw(speakers), draw(time_spans())
    # A joint statement now and then: the speaker and other signatories, each once.
    signatories = draw(st.lists(speakers, max_size=3, unique=True))
    cosigners = [ident for ident in signatories if ident != speaker]
    claims = draw(st.lists(_rich_claims(ids), max_size=3))
    behalf = _generating.maybe(draw(ident_or_none))
    text = draw(_optional(_texts()))
    language = draw(_optional(st.sampled_from(_LANGUAGES)))
    channel = draw(st.sampled_from(tuple(Channel)))
    quote = draw(st.sampled_from(tuple(QuoteKind)))
    relayed = draw(st.lists(relays, max_size=2))
    source = draw(_optional(sources))
    rebuts = bool(earlier) and draw(st.booleans())
    if not rebuts:
        return Statement(
            ident,
            speaker,
            said_on,
            claims,
            channel=channel,
            act=draw(st.sampled_from(tuple(SpeechAct))),
            quote=quote,
            relays=relayed,
            source=source,
            on_behalf_of=behalf,
            text=text,
            language=language,
            cosigners=cosigners,
        )
    targets: list[str | ClaimRef] = []
    for target in draw(st.lists(st.sampled_from(earlier), min_size=1, max_size=2)):
        one_claim = draw(st.booleans())
        if target.claims and one_claim:
            index = draw(st.integers(0, len(target.claims) - 1))
            depth = draw(st.integers(0, _depth(target.claims[index])))
            targets.append(ClaimRef(target.id, index, content=depth))
        else:
            targets.append(target.id)
    kind = draw(st.sampled_from(tuple(RebuttalKind)))
    return Rebuttal(
        ident,
        speaker,
        said_on,
        claims,
        channel=channel,
        act=draw(st.sampled_from((kind.act, *SpeechAct))),
        quote=quote,
        relays=relayed,
        source=source,
        targets=targets,
        kind=kind,
        modality=draw(st.sampled_from(tuple(Modality))),
        on_behalf_of=behalf,
        text=text,
        language=language,
        cosigners=cosigners,
    )


def _depth(claim: Claim) -> int:
    """How deep the claim's nested content goes."""
    depth = 0
    while claim.content is not None:
        claim, depth = claim.content, depth + 1
    return depth


def _without_clashes(found: Sequence[Actor]) -> list[Actor]:
    """The actors whose ids and aliases no earlier actor uses (a set refuses such a clash)."""
    kept: list[Actor] = []
    taken: set[str] = set()
    for actor in found:
        names = {actor.id.casefold(), *(alias.casefold() for alias in actor.aliases)}
        if actor.id not in {other.id for other in kept} and not names & taken:
            kept.append(actor)
            taken |= names
    return kept


def rich_statement_sets(*, max_statements: int = 5) -> st.SearchStrategy[StatementSet]:
    """Valid statement sets that use every field of every value, with any unicode text.

    Unlike :func:`statement_sets`, which draws from small pools so that claims clash, these sets
    are for code that stores or sends sets (a file round trip must keep everything): actors of
    every kind with aliases, countries and Wikidata ids; affiliations over imprecise periods;
    statements with every channel, act and quote kind, relays, sources, languages and text;
    claims nested through ``content``, with quantities, periods, places and qualifiers;
    joint statements; part-of links; rebuttals of whole statements, of single claims and of their
    nested content, of every kind and modality. A claim's
    subject or object is an actor id or any text.

    Args:
        max_statements: the most statements (rebuttals included) a set holds.

    Returns:
        A strategy for :class:`~diplostatements.collection.StatementSet`.
    """

    @st.composite
    def build(draw: st.DrawFn) -> StatementSet:
        found = _without_clashes(draw(st.lists(actors(), min_size=1, max_size=4)))
        ids = [actor.id for actor in found]
        items: list[Actor | Affiliation | Statement | PartOf] = list(found)
        if len(ids) > 1:
            for part, whole in draw(
                st.lists(st.permutations(ids).map(lambda pair: pair[:2]), max_size=2)
            ):
                if ids.index(part) < ids.index(whole):  # only upwards: a cycle is refused
                    items.append(PartOf(part, whole, span=draw(time_spans())))
            for member, organization in draw(
                st.lists(st.permutations(ids).map(lambda pair: pair[:2]), max_size=3)
            ):
                items.append(
                    Affiliation(
                        member,
                        organization,
                        role=draw(_optional(_texts(20))),
                        span=draw(time_spans()),
                        # Only towards a later actor: a speaks-for cycle is refused.
                        speaks_for=ids.index(member) < ids.index(organization)
                        and draw(st.booleans()),
                    )
                )
        made: list[Statement] = []
        for number in range(draw(st.integers(0, max_statements))):
            made.append(draw(_rich_statement(f"s{number}-{draw(_texts(6))}", ids, made)))
        with warnings.catch_warnings():
            # A drawn entity name may look like a typo of an actor id; that is not an error.
            warnings.simplefilter("ignore")
            return StatementSet([*items, *made])

    return build()
