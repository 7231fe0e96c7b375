"""diplostatements: who said what, when, on whose behalf, and who contradicts whom.

The package root re-exports the nouns a user needs::

    from diplostatements import Actor, Claim, Statement, StatementSet, check
"""

from importlib.metadata import version as _version

from . import examples
from .actors import Actor, ActorKind, Affiliation
from .checker import check
from .claims import Claim, Modality, Polarity
from .collection import Assertion, StatementSet
from .exceptions import (
    DiplostatementsError,
    DuplicateIdError,
    FieldError,
    MissingExtraError,
    ParseError,
    UnknownReferenceError,
    ValidationError,
    VocabularyError,
)
from .io import FileError, dump, dumps, load, loads
from .parts import PartOf
from .quantities import Quantity
from .rebuttals import ClaimRef, Rebuttal, RebuttalKind
from .report import Certainty, Contradiction, Dispute, Report, Retraction
from .rules import (
    ALL_RULES,
    ATTRIBUTION,
    CONTRARY,
    DENIAL,
    ENTAILED,
    EXCLUSIVE,
    NEGATION,
    QUANTITY,
    Rule,
)
from .statements import Channel, QuoteKind, Relay, RelayKind, Source, SpeechAct, Statement
from .timespans import Overlap, TimeSpan, parse_when
from .vocabulary import DEFAULT_VOCABULARY, Predicate, Vocabulary

__version__ = _version("diplostatements")

__all__ = [
    "ALL_RULES",
    "ATTRIBUTION",
    "CONTRARY",
    "DEFAULT_VOCABULARY",
    "DENIAL",
    "ENTAILED",
    "EXCLUSIVE",
    "NEGATION",
    "QUANTITY",
    "Actor",
    "ActorKind",
    "Affiliation",
    "Assertion",
    "Certainty",
    "Channel",
    "Claim",
    "ClaimRef",
    "Contradiction",
    "DiplostatementsError",
    "Dispute",
    "DuplicateIdError",
    "FieldError",
    "FileError",
    "MissingExtraError",
    "Modality",
    "Overlap",
    "ParseError",
    "PartOf",
    "Polarity",
    "Predicate",
    "Quantity",
    "QuoteKind",
    "Rebuttal",
    "RebuttalKind",
    "Relay",
    "RelayKind",
    "Report",
    "Retraction",
    "Rule",
    "Source",
    "SpeechAct",
    "Statement",
    "StatementSet",
    "TimeSpan",
    "UnknownReferenceError",
    "ValidationError",
    "Vocabulary",
    "VocabularyError",
    "__version__",
    "check",
    "dump",
    "dumps",
    "examples",
    "load",
    "loads",
    "parse_when",
]
