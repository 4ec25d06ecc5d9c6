"""Run a function over many items on every core, in forked processes that share what is in memory.

Forked workers inherit the parent's memory (the loaded data, above all), so only the
items going out and the results coming back are pickled. Results come back in the
items' order, as a plain loop would give them.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Sequence

MAX_CORES = 4

_work: Callable | None = None  # set in each worker by _start; the parent never sets it


def usable() -> int:
    """How many processes to run at once: the cores, at most MAX_CORES."""
    return min(os.cpu_count() or 1, MAX_CORES)


def fork_workers() -> int:
    """As `usable`, but 1 where processes cannot be forked (workers would not share the
    parent's memory)."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return usable()


def map_forked(work: Callable, items: Sequence, *, min_items: int) -> list:
    """[work(item) for item in items], on all cores when there are at least min_items."""
    cores = min(fork_workers(), len(items))
    if cores < 2 or len(items) < min_items:
        return [work(item) for item in items]
    # With "fork" the initializer's arguments are inherited, never pickled: work may be a closure.
    # A worker that dies (killed for memory) breaks the pool: an error, where a Pool would wait forever.
    with ProcessPoolExecutor(cores, mp_context=multiprocessing.get_context("fork"), initializer=_start,
                             initargs=(work,)) as pool:
        return list(pool.map(_call, items, chunksize=max(1, len(items) // (cores * 8))))


def _start(work: Callable) -> None:
    global _work
    _work = work


def _call(item):
    return _work(item)
