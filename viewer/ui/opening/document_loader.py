"""Opening documents on a worker thread; progress, the result and errors come back as signals.

The worker runs a function of viewer.core.opening (read, parse, build the query engine) and
never touches a widget: it only emits a signal, which Qt delivers on the GUI thread. One job
is current at a time. Cancel forgets the current job at once, so the window is back to the
document it shows within a tick of the event loop; the worker stops at its next check
(after each megabyte read, between stages) and its result, if any, is dropped. Nothing the
worker does is seen by the window until its result is delivered, so a cancelled or failed
open leaves the open document untouched.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

from viewer.core.errors import ParseError
from viewer.core.opening import Cancelled, LoadSteps
from viewer.ui.dialogs.error_reporter import activity

REPORT_EVERY_S = 0.04  # progress reports from the worker, at most this often


@dataclass(frozen=True)
class LoadRequest:
    """One piece of opening work: its name for the progress bar, its size, what to run."""

    name: str  # "big.csv", shown as "Reading big.csv…"
    job: Callable[[LoadSteps], Any]  # runs on the worker thread
    on_done: Callable[[Any], None]  # runs on the GUI thread with the job's result
    size: int = 0  # bytes to read: a large file shows its progress at once
    path: str | None = None


class DocumentLoader(QObject):
    """Runs one LoadRequest at a time on a worker thread."""

    started = Signal(object)  # LoadRequest
    progress = Signal(object, str, object)  # LoadRequest, stage, fraction of it or None
    succeeded = Signal(object, object)  # LoadRequest, result
    failed = Signal(object, object)  # LoadRequest, ParseError
    cancelled = Signal(object)  # LoadRequest
    busy_changed = Signal(bool)

    # From the worker thread: the job's number, what happened, its payload. Qt queues it to
    # this object's thread (the GUI thread), since it is emitted from another one.
    _report = Signal(int, str, object)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._number = 0  # the current job's number; reports from other jobs are dropped
        self._request: LoadRequest | None = None
        self._stop: threading.Event | None = None
        self._threads: list[threading.Thread] = []
        self._report.connect(self._receive)

    @property
    def busy(self) -> bool:
        return self._request is not None

    @property
    def request(self) -> LoadRequest | None:
        """The job running now, if any."""
        return self._request

    def start(self, request: LoadRequest) -> None:
        """Run request's job on a worker; a job still running is cancelled first."""
        if self._request is not None:
            self.cancel()
        self._number += 1
        self._request = request
        self._stop = threading.Event()
        thread = threading.Thread(
            target=self._run,
            args=(self._number, request.job, self._stop),
            name="letter-viewer-open",
            daemon=True,  # a read the user walked away from must not keep the app alive
        )
        self._threads = [t for t in self._threads if t.is_alive()] + [thread]
        self.started.emit(request)
        self.busy_changed.emit(True)
        thread.start()

    def cancel(self) -> None:
        """Stop the current job: the window forgets it now, the worker at its next check."""
        request = self._request
        if request is None:
            return
        if self._stop is not None:
            self._stop.set()
        self._number += 1
        self._request = None
        self.cancelled.emit(request)
        self.busy_changed.emit(False)

    def wait(self, timeout: float = 10.0) -> bool:
        """Wait for every worker (also cancelled ones) to end; True if they did in time."""
        deadline = time.monotonic() + timeout
        for thread in self._threads:
            thread.join(max(deadline - time.monotonic(), 0))
        self._threads = [t for t in self._threads if t.is_alive()]
        return not self._threads

    # -- the worker thread ---------------------------------------------------------------------

    def _run(self, number: int, job: Callable[[LoadSteps], Any], stop: threading.Event) -> None:
        last = {"stage": "", "time": 0.0}

        def report(stage: str, fraction: float | None) -> None:
            now = time.monotonic()
            finished = fraction is not None and fraction >= 1.0
            if stage == last["stage"] and now - last["time"] < REPORT_EVERY_S and not finished:
                return  # a report every megabyte of a fast disk would flood the event queue
            last.update(stage=stage, time=now)
            self._emit(number, "progress", (stage, fraction))

        try:
            result = job(LoadSteps(report, stop.is_set))
        except Cancelled:
            return  # the GUI has already let go of this job
        except ParseError as exc:
            self._emit(number, "failed", exc)
        except Exception as exc:  # a bug: raised again on the GUI thread, where it is reported
            self._emit(number, "error", exc)
        else:
            self._emit(number, "done", result)

    def _emit(self, number: int, kind: str, payload: Any) -> None:
        # The window may have been closed meanwhile: then there is nobody to tell.
        with contextlib.suppress(RuntimeError):
            self._report.emit(number, kind, payload)

    # -- back on the GUI thread ----------------------------------------------------------------

    def _receive(self, number: int, kind: str, payload: Any) -> None:
        request = self._request
        if number != self._number or request is None:
            return  # a job that was cancelled or replaced
        if kind == "progress":
            self.progress.emit(request, *payload)
            return
        self._request = None
        self.busy_changed.emit(False)
        if kind == "done":
            request.on_done(payload)
            self.succeeded.emit(request, payload)
        elif kind == "failed":
            self.failed.emit(request, payload)
        else:
            with activity(f"opening {request.name}"):  # the error dialog says so
                raise payload
