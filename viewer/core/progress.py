"""One progress/cancel object for long work: where it is (stage, fraction) and whether to stop.

Every long piece of work (reading a file, decoding it, the CSV reader, the text importer,
building the query engine, writing an export) takes a ``Progress``. It reports the fraction
done of the whole run, whatever part of it the callee covers, and ``check()`` raises
Cancelled once someone called ``cancel()``. A caller hands a callee a slice of its own
progress (``part`` for an unnamed slice, ``stage`` for a named one that a progress bar
labels), so a callee counts from 0 to 1 without knowing what runs before or after it::

    progress = Progress(report)                  # report(stage, fraction of the whole)
    data = read(path, progress.stage("reading", 0.1))
    rows = parse(data, progress.stage("parsing", 0.6))   # the next 60 %
    build(rows, progress.stage("indexing", 0.3))

The object is shared by the GUI thread (which cancels) and the worker (which reports and
checks): cancelling sets a threading.Event, so no lock is needed.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

# Called with the stage's name and the fraction of the whole run done (0.0 to 1.0).
Report = Callable[[str, float], None]


class Cancelled(Exception):
    """Raised inside long work at its next check once its progress was cancelled."""


class _Run:
    """What every part of one run shares: the report, the cancel flag, the last position."""

    def __init__(self, report: Report | None):
        self.report = report
        self.stop = threading.Event()
        self.stage = ""
        self.fraction = 0.0


class Progress:
    """A run's progress and cancel flag, or a slice of them (see the module's docstring)."""

    def __init__(self, report: Report | None = None):
        self._run = _Run(report)
        self._stage = ""
        self._lo = 0.0
        self._hi = 1.0
        self._next = 0.0  # where the next stage starts, as a fraction of this slice

    # -- what the GUI side reads and does --------------------------------------------------

    @property
    def current_stage(self) -> str:
        """The stage reported last (by any slice of the run)."""
        return self._run.stage

    @property
    def fraction(self) -> float:
        """The fraction of the whole run reported last."""
        return self._run.fraction

    @property
    def cancelled(self) -> bool:
        """Whether cancel() was called (on this run, from any thread)."""
        return self._run.stop.is_set()

    def cancel(self) -> None:
        """Ask the work to stop: it raises Cancelled at its next check."""
        self._run.stop.set()

    # -- what the work calls ---------------------------------------------------------------

    def check(self) -> None:
        """Raise Cancelled if the run was cancelled."""
        if self._run.stop.is_set():
            raise Cancelled

    def report(self, done: float) -> None:
        """This slice is ``done`` (0..1) finished: check for cancel, then tell the report."""
        self.check()
        if done >= 1.0:  # exactly where this slice ends (the last one ends at 1.0, not 0.99…)
            self._tell(self._hi)
        else:
            self._tell(self._lo + (self._hi - self._lo) * max(done, 0.0))

    def part(self, lo: float, hi: float) -> Progress:
        """The slice [lo, hi] of this one (fractions of it), in the same stage."""
        child = Progress.__new__(Progress)
        child._run = self._run
        child._stage = self._stage
        span = self._hi - self._lo
        child._lo = self._lo + span * lo
        child._hi = self._lo + span * hi
        child._next = 0.0
        return child

    def stage(self, name: str, share: float) -> Progress:
        """The next ``share`` of this slice as a stage called name, which starts now
        (after a check for cancel); stages follow one another from 0 to 1."""
        start = self._next
        self._next = min(start + share, 1.0)
        child = self.part(start, self._next)
        child._stage = name
        child.report(0.0)
        return child

    def _tell(self, fraction: float) -> None:
        run = self._run
        run.stage = self._stage
        run.fraction = fraction
        if run.report is not None:
            run.report(self._stage, fraction)
