"""Progress reports and cancellation for long work that runs off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable

ProgressCallback = Callable[[float], None]  # called with the fraction done, 0.0 to 1.0
CancelCheck = Callable[[], bool]  # returns True once the work should stop


class Cancelled(Exception):
    """Raised inside long work when its cancel check said stop."""


class Steps:
    """Reports the fraction done of work split into weighted parts, and checks for cancel.

    A part reports its own fraction with ``step(done)``; the callback sees the fraction of
    the whole. Every report also checks the cancel flag, so work that reports often can be
    stopped quickly.
    """

    def __init__(
        self,
        progress: ProgressCallback | None = None,
        cancel: CancelCheck | None = None,
        start: float = 0.0,
        end: float = 1.0,
    ):
        self._progress = progress
        self._cancel = cancel
        self._start = start
        self._end = end

    def part(self, start: float, end: float) -> Steps:
        """The slice [start, end] of this work, as its own Steps (fractions of this one)."""
        span = self._end - self._start
        return Steps(
            self._progress, self._cancel, self._start + span * start, self._start + span * end
        )

    def step(self, done: float) -> None:
        """Report that this part is ``done`` (0..1) finished; raise Cancelled if asked to."""
        if self._cancel is not None and self._cancel():
            raise Cancelled
        if self._progress is not None:
            self._progress(self._start + (self._end - self._start) * min(max(done, 0.0), 1.0))
