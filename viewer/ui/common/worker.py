"""The one worker for long work: a job runs off the GUI thread; its progress, its result and
its error come back as signals, which Qt delivers on the GUI thread.

A job is a function of a viewer.core.progress.Progress (opening a file, a RIS record of a
million signatories, an export) and never touches a widget. One job runs at a time: more
wait in line (``submit``), or replace the one running (``start``, as File > Open does).
Cancel forgets the current job at once, so the window is back to what it shows within a
tick of the event loop; the job stops at its next check (its Progress raises Cancelled) and
whatever it would still have delivered is dropped. Nothing a job does is seen by the window
until its result is delivered, so a cancelled or failed open leaves the open document as it
was. Jobs are pure functions of immutable values (a Document, a tuple of Signatory), so
nothing is shared with the GUI thread but the result.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

from viewer.core.progress import Cancelled, Progress

REPORT_EVERY_S = 0.04  # progress reports from a job, at most this often (per stage)


@dataclass(frozen=True, eq=False)  # a job is itself: two opens of one file are two jobs
class Job:
    """One piece of long work: what to run, what to do with its result, how to name it."""

    name: str  # "big.csv": the progress bar says "Reading big.csv…"
    run: Callable[[Progress], Any]  # on the worker thread
    on_done: Callable[[Any], None] | None = None  # on the GUI thread, with run's result
    size: int = 0  # bytes to read: a large file shows its progress at once
    path: str | None = None
    # Errors that are an answer, not a bug (a file that cannot be read): emitted as
    # ``failed``. Any other exception is raised on the GUI thread, where the application's
    # exception hook shows it, saying what was going on (``activity``: "opening big.csv").
    failures: tuple[type[Exception], ...] = ()
    activity: str | None = None


class Worker(QObject):
    """Runs Jobs one at a time, each on its own thread; see the module's docstring."""

    started = Signal(object)  # Job
    progress = Signal(object, str, float)  # Job, stage, fraction of the whole job done
    succeeded = Signal(object, object)  # Job, result
    failed = Signal(object, object)  # Job, the exception (one of job.failures)
    cancelled = Signal(object)  # Job
    busy_changed = Signal(bool)

    # From the worker thread: the job's number, what happened, its payload. Qt queues it to
    # this object's thread (the GUI thread), since it is emitted from another one.
    _report = Signal(int, str, object)

    def __init__(self, parent: QObject | None = None, thread_name: str = "letter-viewer-worker"):
        super().__init__(parent)
        self._thread_name = thread_name
        self._waiting: deque[Job] = deque()
        self._job: Job | None = None
        self._progress: Progress | None = None
        self._number = 0  # the current job's number; reports from other jobs are dropped
        self._busy = False
        self._threads: list[threading.Thread] = []
        self._report.connect(self._receive)

    @property
    def busy(self) -> bool:
        """Whether a job is running."""
        return self._busy

    @property
    def job(self) -> Job | None:
        """The job running now, if any."""
        return self._job

    def submit(self, job: Job) -> Job:
        """Run job after the ones running or waiting."""
        self._waiting.append(job)
        self._start_next()
        return job

    def start(self, job: Job) -> Job:
        """Run job now: the one running is cancelled and the waiting ones forgotten."""
        self._waiting.clear()
        self.cancel()
        return self.submit(job)

    def cancel(self) -> None:
        """Stop the current job: the window forgets it now, the job at its next check."""
        job = self._job
        if job is None:
            return
        if self._progress is not None:
            self._progress.cancel()
        self._forget()
        self.cancelled.emit(job)
        self._start_next()

    def discard_waiting(self) -> None:
        """Forget the jobs not started yet (the one running goes on)."""
        self._waiting.clear()

    def wait(self, timeout: float = 10.0) -> bool:
        """Wait for every job's thread (also cancelled ones) to end; True if they did in time."""
        deadline = time.monotonic() + timeout
        for thread in self._threads:
            thread.join(max(deadline - time.monotonic(), 0))
        self._threads = [t for t in self._threads if t.is_alive()]
        return not self._threads

    # -- starting ------------------------------------------------------------------------------

    def _start_next(self) -> None:
        if self._job is not None:
            return
        if not self._waiting:
            self._set_busy(False)
            return
        job = self._job = self._waiting.popleft()
        self._number += 1
        self._progress = Progress(self._reporter(self._number))
        thread = threading.Thread(
            target=self._run,
            args=(self._number, job, self._progress),
            name=self._thread_name,
            daemon=True,  # work the user walked away from must not keep the app alive
        )
        self._threads = [t for t in self._threads if t.is_alive()] + [thread]
        self.started.emit(job)
        self._set_busy(True)
        thread.start()

    def _forget(self) -> None:
        self._number += 1  # whatever the job still sends is dropped
        self._job = None
        self._progress = None

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)

    # -- the worker thread ---------------------------------------------------------------------

    def _reporter(self, number: int) -> Callable[[str, float], None]:
        """The report of one job's Progress: a few reports a second reach the GUI thread (a
        report every megabyte of a fast disk would flood its event queue). Each stage's first
        and last reports always do, so a bar shows where every stage ended."""
        last: dict[str, Any] = {"stage": None, "time": 0.0, "held": None}

        def report(stage: str, fraction: float) -> None:
            now = time.monotonic()
            if stage == last["stage"]:
                if now - last["time"] < REPORT_EVERY_S and fraction < 1.0:
                    last["held"] = (stage, fraction)  # sent if it is the stage's last
                    return
            elif last["held"] is not None:
                self._emit(number, "progress", last["held"])
            last.update(stage=stage, time=now, held=None)
            self._emit(number, "progress", (stage, fraction))

        return report

    def _run(self, number: int, job: Job, progress: Progress) -> None:
        try:
            result = job.run(progress)
        except Cancelled:
            return  # the GUI thread has already let go of this job
        except job.failures as exc:
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
        job = self._job
        if number != self._number or job is None:
            return  # a job that was cancelled or replaced
        if kind == "progress":
            self.progress.emit(job, *payload)
            return
        self._forget()
        self._start_next()
        if kind == "done":
            if job.on_done is not None:
                job.on_done(payload)
            self.succeeded.emit(job, payload)
        elif kind == "failed":
            self.failed.emit(job, payload)
        else:
            if job.activity and not hasattr(payload, "viewer_activity"):
                # What the error dialog says was going on (as error_reporter.activity does).
                payload.viewer_activity = job.activity
            raise payload
