"""Phrases for running text: names, verbs, periods and quantities as a reader would write them.

Every sentence the library writes (a claim's :meth:`~diplostatements.Claim.describe`, a
finding's reason, the records and the HTML and text reports) is made of these pieces, so that
they follow one convention:

- a state's name takes its article where English gives it one ("the United States", "the
  Netherlands"); any other actor reads as its name, written as it should appear in running text
  ("the Kremlin", "The Wall Street Journal"); a sentence starts with a capital letter;
- modality is an adverb ("probably", "possibly"), negation is grammar ("did not inform", "is not
  the legitimate president of", "does not have personnel in");
- a period is a phrase ("on 4 June 2019", "in March 2019", "between 1 January and 3 June 2019",
  "since 4 June 2019"), and a timeless claim has none;
- a quantity is woven in where the predicate names what is counted ("most of its personnel",
  "about 100 personnel"), else it follows the object ("reduced its personnel in Venezuela to a
  few dozen");
- parentheses hold the side a speaker commits ("Donald Trump (the United States)"), square
  brackets the qualifiers that narrow a claim ("[official]"), curly quotes a statement's own
  words, and reported content follows "that".

>>> verb("informed", negated=True, modality="probable")
'probably did not inform'
>>> period_phrase(TimeSpan.sometime_in(2019, 3))
'in March 2019'
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from datetime import date
from typing import Final, NamedTuple

from . import _iso3166
from .quantities import PROPORTION, Quantity
from .timespans import TimeSpan

__all__ = [
    "Reading",
    "bare",
    "capitalized",
    "day_phrase",
    "infinitive",
    "period_phrase",
    "quantity_phrase",
    "reading",
    "running_name",
    "verb",
]

_MONTHS: Final = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

ADVERBS: Final = {"probable": "probably", "possible": "possibly"}
"""A modality's value -> the adverb that says it (a certain claim has none)."""


# -- names ------------------------------------------------------------------------------------

# Country names English writes with "the": plurals, and names made of a common noun.
_WITH_ARTICLE = re.compile(
    r"\b(Republic|Kingdom|States|Islands|Emirates|Federation|Territory|Territories)\b"
    r"|^(Bahamas|Comoros|Gambia|Maldives|Netherlands|Philippines|Seychelles|Holy See.*)$"
)
_WITHOUT_ARTICLE: Final = frozenset(
    {"Heard Island and McDonald Islands", "South Georgia and the South Sandwich Islands"}
)


def _country_names() -> frozenset[str]:
    names = set()
    for country in _iso3166.COUNTRIES.values():
        for name in (country.name, country.common_name):
            if (
                name
                and "," not in name
                and name not in _WITHOUT_ARTICLE
                and _WITH_ARTICLE.search(name)
            ):
                names.add(name)
    return frozenset(names)


_THE: Final = _country_names()


def running_name(ident: str, names: Mapping[str, str]) -> str:
    """How an actor (or a plain entity name) reads inside a sentence.

    Args:
        ident: an actor id, or any other entity name.
        names: actor id -> name.

    >>> running_name("USA", {"USA": "United States"}), running_name("RUS", {"RUS": "Russia"})
    ('the United States', 'Russia')
    >>> running_name("S-300", {})
    'S-300'
    """
    name = names.get(ident, ident)
    return f"the {name}" if name in _THE else name


def capitalized(text: str) -> str:
    """The text with its first letter upper-case, as a sentence starts ("The United States")."""
    return text[:1].upper() + text[1:]


# -- time -------------------------------------------------------------------------------------


def day_phrase(day: date) -> str:
    """A day as news writes it: "4 June 2019"."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def _whole_months(first: date, last: date) -> bool:
    return first.day == 1 and (last == date.max or (last.toordinal() + 1) == _first_of_next(last))


def _first_of_next(day: date) -> int:
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return date(year, month, 1).toordinal() if year <= date.max.year else date.max.toordinal() + 1


def _range(first: date, last: date) -> tuple[str, str]:
    """Two ends of a range in words, the year said once when both share it."""
    if _whole_months(first, last):
        if (first.month, last.month) == (1, 12):
            if first.year == last.year:
                return str(first.year), ""
            return str(first.year), str(last.year)
        start = _MONTHS[first.month - 1]
        end = f"{_MONTHS[last.month - 1]} {last.year}"
        return (start if first.year == last.year else f"{start} {first.year}"), end
    start = f"{first.day} {_MONTHS[first.month - 1]}"
    return (start if first.year == last.year else f"{start} {first.year}"), day_phrase(last)


def _moment(first: date, last: date) -> str:  # noqa: PLR0911 -- one return per shape
    """A moment somewhere from ``first`` to ``last``: "on ...", "in March 2019", "between ..."."""
    if first == last:
        return f"on {day_phrase(first)}"
    if first == date.min and last == date.max:
        return "at an unknown time"
    if first == date.min:
        return f"on or before {day_phrase(last)}"
    if last == date.max:
        return f"on or after {day_phrase(first)}"
    start, end = _range(first, last)
    if not end:
        return f"in {start}"
    if _whole_months(first, last) and first.month == last.month and first.year == last.year:
        return f"in {end}"
    return f"between {start} and {end}"


def period_phrase(span: TimeSpan) -> str:  # noqa: PLR0911 -- one return per named shape
    """A period as an adverbial phrase; empty for all time (a timeless claim says none).

    >>> from datetime import date
    >>> period_phrase(TimeSpan.on(date(2019, 6, 4)))
    'on 4 June 2019'
    >>> period_phrase(TimeSpan.sometime_between(date(2019, 1, 1), date(2019, 6, 30)))
    'between January and June 2019'
    >>> period_phrase(TimeSpan.between(date(2019, 1, 1), date(2019, 6, 30)))
    'from January to June 2019'
    >>> period_phrase(TimeSpan.between(date(2014, 7, 1), date(2014, 7, 31)))
    'throughout July 2014'
    >>> period_phrase(TimeSpan.always())
    ''
    """
    first, last = span.start_earliest, span.end_latest
    if span.start_latest == first and span.end_earliest == last:  # held throughout
        if first == date.min and last == date.max:
            return ""
        if first == last:
            return f"on {day_phrase(first)}"
        if last == date.max:
            return f"since {day_phrase(first)}"
        if first == date.min:
            return f"until {day_phrase(last)}"
        start, end = _range(first, last)
        if not end:
            return f"throughout {start}"
        if _whole_months(first, last) and (first.year, first.month) == (last.year, last.month):
            return f"throughout {end}"
        return f"from {start} to {end}"
    if span.end_earliest == first and span.start_latest == last:  # a moment within
        if first == date.min and last != date.max:
            return f"before {day_phrase(last.fromordinal(last.toordinal() + 1))}"
        if last == date.max and first != date.min:
            return f"after {day_phrase(first.fromordinal(first.toordinal() - 1))}"
        return _moment(first, last)
    return (
        f"starting {_moment(first, span.start_latest)}"
        f" and ending {_moment(span.end_earliest, last)}"
    )


# -- quantities -------------------------------------------------------------------------------


def quantity_phrase(quantity: Quantity, noun: str | None = None) -> str:
    """A quantity in words, of a noun if given: "most of its personnel", "about 100 personnel".

    >>> quantity_phrase(Quantity.parse("most"), "personnel")
    'most of its personnel'
    >>> quantity_phrase(Quantity.parse("about 1,000"), "personnel")
    'about 1,000 personnel'
    """
    words = str(quantity)
    if noun is None:
        return words
    if quantity.unit == PROPORTION:
        return f"{words} of its {noun}"
    if quantity.unit is None:
        return f"{words} {noun}"
    return f"{words} of {noun}"


# -- predicates -------------------------------------------------------------------------------


class Reading(NamedTuple):
    """How a predicate reads.

    Attributes:
        phrase: the words between subject and object, starting with the verb; ``{}`` marks where
            the counted noun goes ("withdrew {} from").
        noun: what a quantity counts ("personnel"), put where ``{}`` is.
        tail: what follows the object when a quantity is given and no noun counts it ("to"
            for "reduced its personnel in Venezuela to a few dozen").
        joiner: what introduces reported content ("that").
    """

    phrase: str
    noun: str | None = None
    tail: str | None = None
    joiner: str = "that"


_PERSONNEL = "personnel"
# How the predicates of the default vocabulary read when the vocabulary gives no phrase of its
# own: the verb first, so that negation and modality can be put in the right place.
READINGS: Final[Mapping[str, Reading]] = {
    "accused": Reading("accused", joiner="of saying that"),
    "allied_with": Reading("is allied with"),
    "at_war_with": Reading("is at war with"),
    "head_of_government_of": Reading("is head of government of"),
    "head_of_state_of": Reading("is head of state of"),
    "legitimate_president_of": Reading("is the legitimate president of"),
    "responsible_for": Reading("is responsible for"),
    "appealed_to": Reading("appealed to", joiner="saying that"),
    "attacked": Reading("attacked"),
    "broke_diplomatic_relations_with": Reading("broke off diplomatic relations with"),
    "changed_stance_on": Reading("changed its stance on"),
    "condemned": Reading("condemned"),
    "cooperates_militarily_with": Reading("cooperates militarily with"),
    "cooperates_with": Reading("cooperates with"),
    "crossed_border_into": Reading("crossed the border into"),
    "delivered_arms_to": Reading("delivered {} to", "arms"),
    "deployed_personnel_to": Reading("deployed {} to", _PERSONNEL),
    "expelled_diplomats_of": Reading("expelled {} of", "diplomats"),
    "had_phone_call_with": Reading("had a phone call with"),
    "has_diplomatic_relations_with": Reading("has diplomatic relations with"),
    "has_personnel_in": Reading("has {} in", _PERSONNEL),
    "imposed_sanctions_on": Reading("imposed sanctions on"),
    "increased_support_for": Reading("increased its support for"),
    "fired_on": Reading("fired on"),
    "informed": Reading("informed"),
    "intends_to_attack": Reading("intends to attack"),
    "intends_to_deepen_cooperation_with": Reading("intends to deepen cooperation with"),
    "interferes_in": Reading("interferes in"),
    "invaded": Reading("invaded"),
    "lifted_sanctions_on": Reading("lifted sanctions on"),
    "maintains_sanctions_on": Reading("maintains sanctions on"),
    "met_with": Reading("met with"),
    "negotiated_with": Reading("negotiated with"),
    "occupies": Reading("occupies"),
    "opposes": Reading("opposes"),
    "plans_withdrawal_from": Reading("plans to withdraw {} from", _PERSONNEL),
    "praised": Reading("praised"),
    "promised": Reading("promised"),
    "provided_aid_to": Reading("provided aid to"),
    "recognizes": Reading("recognizes"),
    "reduced_personnel_in": Reading("reduced its personnel in", tail="to"),
    "reduced_support_for": Reading("reduced its support for"),
    "referred_to": Reading("referred to"),
    "requested": Reading("requested"),
    "seeks_ouster_of": Reading("seeks the ouster of"),
    "sent_message_to": Reading("sent a message to", joiner="saying that"),
    "services_equipment_in": Reading("services equipment in"),
    "signed_agreement_with": Reading("signed an agreement with"),
    "supports": Reading("supports"),
    "talked_with": Reading("talked with"),
    "threatened": Reading("threatened"),
    "visited": Reading("visited"),
    "withdrew_personnel_from": Reading("withdrew {} from", _PERSONNEL),
    "withdrew_recognition_of": Reading("withdrew recognition of"),
}


def reading(predicate: str, phrases: Mapping[str, str]) -> Reading:
    """How a predicate reads: the vocabulary's phrase, else the default, else its name.

    >>> reading("withdrew_personnel_from", {}).phrase
    'withdrew {} from'
    >>> reading("poisoned", {}), reading("x", {"x": "is allied with"}).phrase
    (Reading(phrase='poisoned', noun=None, tail=None, joiner='that'), 'is allied with')
    """
    return _reading(predicate, phrases.get(predicate, ""))


@functools.lru_cache(maxsize=4096)
def _reading(predicate: str, given: str) -> Reading:
    # A report reads the same few predicates thousands of times: each reading is made once.
    phrase = " ".join(given.split())
    if phrase:
        return Reading(phrase)
    known = READINGS.get(predicate)
    return known if known is not None else Reading(predicate.replace("_", " "))


def bare(predicate: str, phrases: Mapping[str, str]) -> str:
    """A predicate's phrase alone, its counted noun in place: "withdrew personnel from"."""
    found = reading(predicate, phrases)
    return found.phrase.replace("{}", found.noun or "").replace("  ", " ").strip()


# -- verbs ------------------------------------------------------------------------------------

_AUXILIARIES: Final = frozenset(
    {"is", "are", "was", "were", "can", "could", "will", "would", "shall", "should", "may",
     "might", "must"}
)  # fmt: skip
_PERFECT: Final = frozenset({"has", "have", "had"})
_IRREGULAR_PAST: Final = {
    "withdrew": "withdraw", "had": "have", "broke": "break", "sent": "send", "met": "meet",
    "led": "lead", "made": "make", "took": "take", "gave": "give", "said": "say", "told": "tell",
    "saw": "see", "went": "go", "began": "begin", "fought": "fight", "sought": "seek",
    "brought": "bring", "bought": "buy", "held": "hold", "kept": "keep", "left": "leave",
    "lost": "lose", "paid": "pay", "ran": "run", "spoke": "speak", "stood": "stand",
    "struck": "strike", "thought": "think", "won": "win", "wrote": "write", "shot": "shoot",
    "knew": "know", "found": "find", "sold": "sell", "spent": "spend", "built": "build",
    "chose": "choose", "came": "come", "drove": "drive", "fell": "fall", "felt": "feel",
    "flew": "fly", "forbade": "forbid", "forgave": "forgive", "froze": "freeze", "got": "get",
    "grew": "grow", "heard": "hear", "hid": "hide", "hung": "hang", "laid": "lay",
    "meant": "mean", "rose": "rise", "shook": "shake", "stole": "steal", "swore": "swear",
    "taught": "teach", "threw": "throw", "understood": "understand", "undertook": "undertake",
    "overthrew": "overthrow", "upheld": "uphold", "withheld": "withhold", "wore": "wear",
    "did": "do", "cut": "cut", "hit": "hit", "put": "put", "set": "set", "let": "let",
    "quit": "quit", "shut": "shut", "spread": "spread", "cast": "cast", "beat": "beat",
    "hurt": "hurt", "split": "split", "bid": "bid", "burst": "burst",
}  # fmt: skip
_THIRD_PERSON: Final = {"has": "have", "does": "do", "goes": "go"}
# Regular pasts whose stem keeps a doubled "l" off ("expelled" -> "expel"), and a few whose
# stem takes back an "e" that the rules below cannot tell ("united" -> "unite").
_DOUBLED_L: Final = frozenset(
    {"expelled", "compelled", "propelled", "repelled", "controlled", "patrolled", "cancelled",
     "labelled", "travelled", "modelled", "fuelled", "annulled", "rebelled", "dispelled"}
)  # fmt: skip
_TAKES_E: Final = frozenset(
    {"invited", "united", "cited", "excited", "ignited", "recited", "incited", "competed",
     "completed", "deleted", "depleted", "created", "interfered", "adhered", "persevered"}
)  # fmt: skip
# Stem endings after which a regular past dropped an "e": "reduc-ed", "negotiat-ed", ...
_STEM_WITH_E = re.compile(
    r"(?:[cvz]|dg|[^aeiou][aiou]d|[aeiou]s|[rnp]s|ys|[^aeiou][iu]r|uir|[^aeioulrw]l|ul"
    r"|[^aeiou][aiou]k|[^aeiou]ut|[^aeiou]ot|uot|[^aeo]at|[^aeiou][ai]g|[ae]ng|rg|ib"
    r"|[^aeiou]in|[^aeiou][uo]m|[^aeiou]ar|u)$"
)


def _past_base(word: str) -> str:  # noqa: PLR0911 -- one return per spelling rule
    """The base form of a past tense: "informed" -> "inform", "reduced" -> "reduce"."""
    irregular = _IRREGULAR_PAST.get(word)
    if irregular is not None:
        return irregular
    if word.endswith("ied"):
        return word[:-3] + "y"
    if word.endswith("eed"):  # "agreed", "freed"
        return word[:-1]
    stem = word[:-2]
    if word in _TAKES_E:
        return stem + "e"
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "aeiou":
        if stem[-1] not in "lsfzd" or word in _DOUBLED_L:
            return stem[:-1]
        return stem
    return stem + "e" if _STEM_WITH_E.search(stem) else stem


def _present_base(word: str) -> str:
    """The base form of a third-person present: "supports" -> "support"."""
    known = _THIRD_PERSON.get(word)
    if known is not None:
        return known
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zzes", "oes")):
        return word[:-2]
    return word[:-1]


def _is_participle(word: str) -> bool:
    return word.endswith(("ed", "en")) or word in _IRREGULAR_PAST or word == "been"


@functools.lru_cache(maxsize=4096)  # few phrases, each written for many findings
def verb(phrase: str, *, negated: bool = False, modality: str | None = None) -> str:
    """A verb phrase with its modality as an adverb and its negation as grammar.

    Args:
        phrase: the phrase, verb first ("informed", "is responsible for").
        negated: write it negated ("did not inform", "is not responsible for").
        modality: a :class:`~diplostatements.Modality`'s value; "probable" and "possible" add
            "probably" and "possibly".

    >>> verb("is responsible for", negated=True)
    'is not responsible for'
    >>> verb("has personnel in", negated=True, modality="possible")
    'possibly does not have personnel in'
    >>> verb("supports", modality="probable")
    'probably supports'
    """
    adverb = ADVERBS.get(modality or "")
    first, _, rest = phrase.partition(" ")
    lowered = first.lower()
    words: list[str]
    if lowered in _AUXILIARIES or (
        lowered in _PERFECT and rest and _is_participle(rest.split(" ", 1)[0])
    ):
        words = [first, adverb or "", "not" if negated else "", rest]
    elif not negated:
        words = [adverb or "", phrase]
    else:
        if lowered in _IRREGULAR_PAST or lowered.endswith("ed"):
            auxiliary, base = "did", _past_base(lowered)
        elif lowered.endswith("s") and not lowered.endswith("ss"):
            auxiliary, base = "does", _present_base(lowered)
        else:
            auxiliary, base = "do", lowered
        words = [adverb or "", auxiliary, "not", base, rest]
    return " ".join(word for word in words if word)


def infinitive(phrase: str) -> str:
    """A verb phrase in its base form, for "cannot both ..." : "is allied with" -> "be allied with".

    >>> infinitive("withdrew {} from"), infinitive("supports"), infinitive("is at war with")
    ('withdraw {} from', 'support', 'be at war with')
    """
    first, _, rest = phrase.partition(" ")
    lowered = first.lower()
    if lowered in ("is", "are", "was", "were"):
        base = "be"
    elif lowered in _AUXILIARIES:
        base = first
    elif lowered in _IRREGULAR_PAST or lowered.endswith("ed"):
        base = _past_base(lowered)
    elif lowered.endswith("s") and not lowered.endswith("ss"):
        base = _present_base(lowered)
    else:
        base = first
    return f"{base} {rest}" if rest else base
