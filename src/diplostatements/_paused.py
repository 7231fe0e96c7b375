"""Python's cyclic garbage collector paused while many objects that make no cycles are made."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["collector_paused"]


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic collector for the block, and resume it after only if it was running.

    Loading a set, checking one and writing a report out each make many small objects (items,
    buckets, entries, findings, sentences), none of which form cycles; with the collector
    running, they set off passes over a heap of millions of objects, which cost more than the
    work itself on large sets.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
