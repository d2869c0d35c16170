"""Running slow work off the GUI thread, one job at a time, results back on the GUI thread.

A RIS or CSL-JSON record of a million signatories takes seconds to write; the window keeps
drawing and answering meanwhile. Jobs are pure functions of immutable values (a Document,
a tuple of Signatory), so nothing is shared with the GUI thread but the result.
"""

from __future__ import annotations

import contextlib
import threading
from collections import deque
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

Job = tuple[Callable[[], Any], Callable[[Any], None]]


class Worker(QObject):
    """Runs submitted functions one after another on a worker thread.

    Each function's result goes to its callback on the GUI thread; an exception is raised
    there (where the application's exception hook reports it). One thread at a time keeps
    a burst of requests from competing for the two cores of a laptop.
    """

    _finished = Signal(object, object, object)  # callback, result, exception
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._queue: deque[Job] = deque()
        self._busy = False
        # Emitted from the worker thread: Qt queues the call onto this object's (GUI) thread.
        self._finished.connect(self._deliver)

    @property
    def busy(self) -> bool:
        return self._busy

    def submit(self, job: Callable[[], Any], callback: Callable[[Any], None]) -> None:
        """Run job() after those already waiting, then callback(result) on the GUI thread."""
        self._queue.append((job, callback))
        self._start_next()

    def discard_waiting(self) -> None:
        """Forget the jobs not started yet (a job already running finishes)."""
        self._queue.clear()

    def _start_next(self) -> None:
        if self._busy or not self._queue:
            return
        job, callback = self._queue.popleft()
        self._set_busy(True)
        thread = threading.Thread(
            target=self._run, args=(job, callback), name="letter-viewer-worker", daemon=True
        )
        thread.start()

    def _run(self, job: Callable[[], Any], callback: Callable[[Any], None]) -> None:
        try:
            result, error = job(), None
        except Exception as exc:  # handed to the GUI thread, raised there
            result, error = None, exc
        # The window may have closed meanwhile: then there is nobody to tell.
        with contextlib.suppress(RuntimeError):
            self._finished.emit(callback, result, error)

    def _deliver(self, callback: Callable[[Any], None], result: Any, error: Any) -> None:
        self._set_busy(False)
        self._start_next()
        if error is not None:
            raise error
        callback(result)

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)
