"""Progress reports for long work, at a bounded rate.

Long operations (``io.load``, ``StatementSet.extend``, ``check``) take an optional keyword
``progress``: a callable ``progress(done, total)`` with counts in the unit the operation documents
(``total`` is ``None`` when unknown). :class:`Ticker` calls it about every 1 % of the work or
every 0.1 s, whichever is rarer, never per item, and once at the end with ``done == total``. The
loop pays one integer comparison per item: it calls :meth:`Ticker.update` when ``done`` reaches
:attr:`Ticker.next`.

>>> calls = []
>>> ticker = Ticker(lambda done, total: calls.append((done, total)), 1000, interval=0)
>>> for done in range(1, 1001):
...     if done >= ticker.next:
...         ticker.update(done)
>>> ticker.finish()
>>> len(calls), calls[-1]
(101, (1000, 1000))
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Final

__all__ = ["Progress", "Ticker"]

Progress = Callable[[int, "int | None"], object]
"""``progress(done, total)``: what a long operation calls to say how far it is."""

_STEPS: Final = 100
_UNKNOWN_STEP: Final = 4096  # without a total: look at the clock every this many


class Ticker:
    """Calls ``progress`` at a bounded rate as ``done`` grows towards ``total``."""

    __slots__ = ("_interval", "_last", "_progress", "_step", "done", "next", "total")

    def __init__(
        self, progress: Progress | None, total: int | None, *, interval: float = 0.1
    ) -> None:
        self._progress = progress
        self.total = total
        self._interval = interval
        self._step = max(1, total // _STEPS) if total else _UNKNOWN_STEP
        self._last = time.monotonic()
        self.done = 0  # how far the work went, when it ends without a known total
        # The loop calls update() when done reaches this; never, without a callback.
        self.next: float = self._step if progress is not None else float("inf")

    def update(self, done: int) -> None:
        """Report ``done`` if enough time has passed since the last report."""
        self.next = done + self._step
        now = time.monotonic()
        if now - self._last >= self._interval and self._progress is not None:
            self._last = now
            self._progress(done, self.total)

    def finish(self, done: int | None = None) -> None:
        """The last report: ``done`` (by default the total, or :attr:`done` without one)."""
        if self._progress is not None:
            final = self.total if done is None else done
            self._progress(final if final is not None else self.done, self.total)
