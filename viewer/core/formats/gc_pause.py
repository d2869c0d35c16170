"""Pausing Python's cycle collector while a reader builds a large document."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

FREEZE_ABOVE = 100_000  # a collection of fewer new objects is a pause of a few milliseconds


@contextmanager
def gc_paused() -> Iterator[None]:
    """Run the block with the cyclic garbage collector off, then keep what it made out of
    the collector's way.

    Reading a million signatories makes a million objects; every so often the collector
    walks all of them looking for reference cycles, which they never form. Measured on a
    1M-row CSV: about 1 s of a 5 s read, in pauses of up to 0.2 s that stall a GUI thread
    too while a worker reads, and more pauses like it later, while the user types. So the
    collector is off while the block runs and, if the block made many objects, gc.freeze()
    then moves every object alive into the permanent generation, which collections skip.
    Memory is still freed by reference counting as usual; only cycles among frozen objects
    would wait for gc.unfreeze(), so small reads (most letters) freeze nothing.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if gc.get_count()[0] > FREEZE_ABOVE:  # objects made since the last collection
            gc.freeze()
        if was_enabled:
            gc.enable()
