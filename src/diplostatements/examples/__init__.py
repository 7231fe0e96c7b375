"""Bundled examples: real reporting, modelled completely.

>>> from diplostatements import examples
>>> s = examples.venezuela_2019()
>>> s.statements["trump-2019-06-03"].text
'Russia has informed us that they have removed most of their people from Venezuela.'
>>> sorted(examples.EXAMPLES)
['venezuela-2019']
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from ..collection import StatementSet
from ._venezuela_2019 import venezuela_2019

__all__ = ["EXAMPLES", "venezuela_2019"]

EXAMPLES: Mapping[str, Callable[[], StatementSet]] = {"venezuela-2019": venezuela_2019}
"""Every bundled example by the name the command line knows it by."""
