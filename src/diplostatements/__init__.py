"""diplostatements: who said what, when, on whose behalf, and who contradicts whom.

The package root re-exports the nouns a user needs::

    from diplostatements import Actor, Claim, Statement, StatementSet, check
"""

from importlib.metadata import version as _version

from . import examples
from .actors import Actor, ActorKind, Affiliation
from .claims import Claim, Modality, Polarity
from .collection import Assertion, StatementSet
from .exceptions import (
    DiplostatementsError,
    DuplicateIdError,
    FieldError,
    ParseError,
    UnknownReferenceError,
    ValidationError,
)
from .quantities import Quantity
from .rebuttals import ClaimRef, Rebuttal, RebuttalKind
from .statements import Channel, QuoteKind, Relay, RelayKind, Source, SpeechAct, Statement
from .timespans import Overlap, TimeSpan, parse_when

__version__ = _version("diplostatements")

__all__ = [
    "Actor",
    "ActorKind",
    "Affiliation",
    "Assertion",
    "Channel",
    "Claim",
    "ClaimRef",
    "DiplostatementsError",
    "DuplicateIdError",
    "FieldError",
    "Modality",
    "Overlap",
    "ParseError",
    "Polarity",
    "Quantity",
    "QuoteKind",
    "Rebuttal",
    "RebuttalKind",
    "Relay",
    "RelayKind",
    "Source",
    "SpeechAct",
    "Statement",
    "StatementSet",
    "TimeSpan",
    "UnknownReferenceError",
    "ValidationError",
    "__version__",
    "examples",
    "parse_when",
]
