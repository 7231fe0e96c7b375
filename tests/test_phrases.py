"""Tests for diplostatements._phrases: the pieces every sentence of the library is made of."""

from __future__ import annotations

from datetime import date

import pytest

from diplostatements._phrases import (
    READINGS,
    bare,
    capitalized,
    day_phrase,
    infinitive,
    period_phrase,
    quantity_phrase,
    reading,
    running_name,
    verb,
)
from diplostatements.actors import COUNTRY_CODES, country_name
from diplostatements.quantities import Quantity
from diplostatements.timespans import TimeSpan
from diplostatements.vocabulary import DEFAULT_VOCABULARY


class TestRunningName:
    # (id, names, how it reads)
    NAMES: tuple[tuple[str, dict[str, str], str], ...] = (
        # states whose names take "the", by the table's names
        ("USA", {"USA": "United States"}, "the United States"),
        ("GBR", {"GBR": "United Kingdom"}, "the United Kingdom"),
        ("NLD", {"NLD": "Netherlands"}, "the Netherlands"),
        ("PHL", {"PHL": "Philippines"}, "the Philippines"),
        ("ARE", {"ARE": "United Arab Emirates"}, "the United Arab Emirates"),
        (
            "COD",
            {"COD": "Democratic Republic of the Congo"},
            "the Democratic Republic of the Congo",
        ),
        ("RUS", {"RUS": "Russian Federation"}, "the Russian Federation"),
        # and those that do not
        ("RUS", {"RUS": "Russia"}, "Russia"),
        ("VEN", {"VEN": "Venezuela"}, "Venezuela"),
        ("KOR", {"KOR": "South Korea"}, "South Korea"),
        (
            "SGS",
            {"SGS": "South Georgia and the South Sandwich Islands"},
            "South Georgia and the South Sandwich Islands",
        ),
        # any other actor reads as its name, written as it should appear
        ("kremlin", {"kremlin": "the Kremlin"}, "the Kremlin"),
        ("wsj", {"wsj": "The Wall Street Journal"}, "The Wall Street Journal"),
        # a plain entity name, or an id without a name, reads as itself
        ("S-300", {}, "S-300"),
        ("USA", {}, "USA"),
    )

    @pytest.mark.parametrize(("ident", "names", "text"), NAMES)
    def test_running_name(self, ident: str, names: dict[str, str], text: str) -> None:
        """A state's name takes its article where English gives it one; others read as named."""
        assert running_name(ident, names) == text

    def test_every_country_reads_with_its_name(self) -> None:
        """Every state of the table reads as its name, with "the " or without."""
        for code in COUNTRY_CODES:
            name = country_name(code)
            assert running_name(code, {code: name}) in (name, f"the {name}")

    def test_capitalized(self) -> None:
        """A sentence starts with a capital letter; the rest is left alone."""
        assert capitalized("the United States said") == "The United States said"
        assert capitalized("") == ""
        assert capitalized("eBay") == "EBay"


class TestPeriodPhrase:
    # (span, phrase)
    SPANS = (
        # held throughout
        (TimeSpan.on(date(2019, 6, 4)), "on 4 June 2019"),
        (TimeSpan.since(date(2019, 6, 4)), "since 4 June 2019"),
        (TimeSpan.until(date(2019, 6, 4)), "until 4 June 2019"),
        (TimeSpan.between(date(2019, 1, 1), date(2019, 6, 30)), "from January to June 2019"),
        (
            TimeSpan.between(date(2018, 11, 1), date(2019, 2, 28)),
            "from November 2018 to February 2019",
        ),
        (TimeSpan.between(date(2019, 3, 1), date(2019, 6, 4)), "from 1 March to 4 June 2019"),
        (TimeSpan.between(date(2019, 1, 1), date(2019, 12, 31)), "throughout 2019"),
        (TimeSpan.between(date(2014, 7, 1), date(2014, 7, 31)), "throughout July 2014"),
        (TimeSpan.between(date(2018, 1, 1), date(2019, 12, 31)), "from 2018 to 2019"),
        (TimeSpan.always(), ""),
        # a moment within
        (TimeSpan.sometime_in(2019, 3), "in March 2019"),
        (TimeSpan.sometime_in(2019), "in 2019"),
        (
            TimeSpan.sometime_between(date(2019, 1, 1), date(2019, 6, 30)),
            "between January and June 2019",
        ),
        (
            TimeSpan.sometime_between(date(2019, 1, 1), date(2019, 6, 3)),
            "between 1 January and 3 June 2019",
        ),
        (
            TimeSpan.sometime_between(date(2018, 12, 30), date(2019, 1, 2)),
            "between 30 December 2018 and 2 January 2019",
        ),
        (TimeSpan.sometime_before(date(2019, 6, 4)), "before 4 June 2019"),
        (TimeSpan.sometime_after(date(2019, 6, 4)), "after 4 June 2019"),
        # imprecise at both ends
        (
            TimeSpan(
                start_earliest=date(2019, 3, 1),
                start_latest=date(2019, 3, 31),
                end_earliest=date(2019, 6, 4),
                end_latest=date(2019, 6, 4),
            ),
            "starting in March 2019 and ending on 4 June 2019",
        ),
        (
            TimeSpan(
                start_earliest=date(2019, 3, 1),
                start_latest=date(2019, 3, 1),
                end_earliest=date(2019, 6, 1),
                end_latest=date(2019, 6, 30),
            ),
            "starting on 1 March 2019 and ending in June 2019",
        ),
    )

    @pytest.mark.parametrize(("span", "text"), SPANS)
    def test_period_phrase(self, span: TimeSpan, text: str) -> None:
        """A period reads as an adverbial phrase; all time reads as nothing."""
        assert period_phrase(span) == text

    def test_day_phrase(self) -> None:
        """A day is day, month and year, no leading zero."""
        assert day_phrase(date(2019, 6, 4)) == "4 June 2019"


class TestQuantityPhrase:
    # (quantity text, noun, phrase)
    QUANTITIES = (
        ("most", "personnel", "most of its personnel"),
        ("not all", "personnel", "not all of its personnel"),
        ("about 1,000", "personnel", "about 1,000 personnel"),
        ("a few dozen", "diplomats", "a few dozen diplomats"),
        ("about 100", None, "about 100"),
    )

    @pytest.mark.parametrize(("text", "noun", "phrase"), QUANTITIES)
    def test_quantity_phrase(self, text: str, noun: str | None, phrase: str) -> None:
        """A share is of the subject's noun; a count goes before the noun."""
        assert quantity_phrase(Quantity.parse(text), noun) == phrase

    def test_other_units(self) -> None:
        """A quantity in another unit reads as that much of the noun."""
        assert quantity_phrase(Quantity.exactly(5, unit="tonnes"), "arms") == "5 tonnes of arms"


class TestVerb:
    # (phrase, negated, modality, verb phrase)
    VERBS = (
        # a past tense takes "did not" and its base form
        ("informed", True, None, "did not inform"),
        ("withdrew {} from", True, None, "did not withdraw {} from"),
        ("reduced its personnel in", True, None, "did not reduce its personnel in"),
        ("referred to", True, None, "did not refer to"),
        ("expelled {} of", True, None, "did not expel {} of"),
        ("had a phone call with", True, None, "did not have a phone call with"),
        # a present tense takes "does not"
        ("supports", True, None, "does not support"),
        ("has personnel in", True, None, "does not have personnel in"),
        ("occupies", True, None, "does not occupy"),
        ("plans to withdraw {} from", True, None, "does not plan to withdraw {} from"),
        # an auxiliary takes "not" after it
        ("is responsible for", True, None, "is not responsible for"),
        ("has been seen in", True, None, "has not been seen in"),
        ("can strike", True, None, "can not strike"),
        # modality is an adverb, after an auxiliary, else before the verb
        ("is responsible for", False, "probable", "is probably responsible for"),
        ("referred to", False, "possible", "possibly referred to"),
        ("informed", True, "probable", "probably did not inform"),
        ("is responsible for", True, "possible", "is possibly not responsible for"),
        ("informed", False, "certain", "informed"),
        # a verb the tables do not know still reads
        ("poisoned", True, None, "did not poison"),
        ("declined", True, None, "did not decline"),
        ("argued", True, None, "did not argue"),
        ("agreed", True, None, "did not agree"),
        ("applied", True, None, "did not apply"),
        ("stopped", True, None, "did not stop"),
        ("called", True, None, "did not call"),
        ("watches", True, None, "does not watch"),
        ("go", True, None, "do not go"),
    )

    @pytest.mark.parametrize(("phrase", "negated", "modality", "text"), VERBS)
    def test_verb(self, phrase: str, negated: bool, modality: str | None, text: str) -> None:
        """Negation and modality are grammar, placed where English puts them."""
        assert verb(phrase, negated=negated, modality=modality) == text

    @pytest.mark.parametrize(
        ("phrase", "base"),
        [
            ("is allied with", "be allied with"),
            ("withdrew {} from", "withdraw {} from"),
            ("supports", "support"),
            ("can strike", "can strike"),
            ("go", "go"),
        ],
    )
    def test_infinitive(self, phrase: str, base: str) -> None:
        """A verb phrase in its base form, for "cannot both ..."."""
        assert infinitive(phrase) == base


class TestReading:
    def test_every_default_predicate_reads_verb_first(self) -> None:
        """Each predicate of the default vocabulary negates into a phrase with "not" in it."""
        for name in DEFAULT_VOCABULARY:
            phrase = reading(name, {}).phrase
            assert " not " in f" {verb(phrase, negated=True)} ", name
            assert "_" not in phrase

    def test_every_default_predicate_has_a_reading_of_its_own(self) -> None:
        """No predicate of the default vocabulary falls back to its name with spaces."""
        assert set(DEFAULT_VOCABULARY) - set(READINGS) == set()

    def test_the_vocabulary_phrase_wins(self) -> None:
        """A phrase the vocabulary declares replaces the default reading."""
        assert reading("informed", {"informed": "told"}).phrase == "told"

    def test_an_unknown_predicate_reads_as_its_name(self) -> None:
        """A predicate nobody describes reads as its name with spaces."""
        assert reading("sold_gas_to", {}).phrase == "sold gas to"

    def test_bare(self) -> None:
        """A predicate's phrase alone has its counted noun in place."""
        assert bare("withdrew_personnel_from", {}) == "withdrew personnel from"
        assert bare("supports", {}) == "supports"
