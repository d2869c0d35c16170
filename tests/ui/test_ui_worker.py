"""The one worker (viewer.ui.common.worker): result, error, cancel and progress as signals."""

from __future__ import annotations

import threading

import pytest

from viewer.core.errors import ParseError
from viewer.core.progress import Progress
from viewer.ui.common import worker as worker_module
from viewer.ui.common.worker import Job, Worker


@pytest.fixture
def worker(qtbot):
    made = Worker()
    yield made
    made.cancel()
    assert made.wait(5)


def test_the_result_comes_back_on_the_gui_thread(qtbot, worker):
    threads: dict[str, threading.Thread] = {}

    def run(_progress: Progress) -> int:
        threads["run"] = threading.current_thread()
        return 42

    def done(result: int) -> None:
        threads["done"] = threading.current_thread()

    job = Job("answer", run, done)
    with qtbot.waitSignal(worker.succeeded, timeout=5000) as blocker:
        assert worker.submit(job) is job
        assert worker.busy and worker.job is job
    assert blocker.args == [job, 42]
    assert threads["run"] is not threading.main_thread()
    assert threads["done"] is threading.main_thread()
    assert not worker.busy and worker.job is None


def test_an_expected_error_is_a_failed_signal(qtbot, worker):
    def run(_progress: Progress) -> None:
        raise ParseError("The CSV file is empty.", "x.csv", 1)

    job = Job("x.csv", run, lambda _r: pytest.fail("no result"), failures=(ParseError,))
    with qtbot.waitSignal(worker.failed, timeout=5000) as blocker:
        worker.submit(job)
    assert blocker.args[0] is job and isinstance(blocker.args[1], ParseError)
    assert not worker.busy


def test_an_unexpected_error_is_raised_on_the_gui_thread_naming_the_activity(qtbot, worker):
    def run(_progress: Progress) -> None:
        raise RuntimeError("a bug")

    with qtbot.captureExceptions() as raised:
        with qtbot.waitSignal(worker.busy_changed, timeout=5000, check_params_cb=lambda b: not b):
            worker.submit(Job("x", run, activity="opening x.csv"))
        qtbot.waitUntil(lambda: bool(raised), timeout=5000)
    error = raised[0][1]
    assert isinstance(error, RuntimeError) and error.viewer_activity == "opening x.csv"


def test_progress_arrives_as_signals_in_order_and_the_last_report_of_each_stage(
    qtbot, worker, monkeypatch
):
    monkeypatch.setattr(worker_module, "REPORT_EVERY_S", 10.0)  # all but the must-haves held
    seen: list[tuple[str, float]] = []
    worker.progress.connect(lambda _job, stage, fraction: seen.append((stage, fraction)))

    def run(progress: Progress) -> str:
        for name, share in (("reading", 0.2), ("parsing", 0.8)):
            stage = progress.stage(name, share)
            for i in range(1, 101):
                stage.report(i / 100)
        return "done"

    with qtbot.waitSignal(worker.succeeded, timeout=5000):
        worker.submit(Job("staged", run))
    # Each stage's first and last reports get through; the hundred in between do not.
    assert seen == [
        ("reading", 0.0),
        ("reading", pytest.approx(0.2)),
        ("parsing", pytest.approx(0.2)),
        ("parsing", 1.0),
    ]


def test_every_report_gets_through_when_not_throttled(qtbot, worker, monkeypatch):
    monkeypatch.setattr(worker_module, "REPORT_EVERY_S", 0)
    fractions: list[float] = []
    worker.progress.connect(lambda _job, _stage, fraction: fractions.append(fraction))

    def run(progress: Progress) -> None:
        for i in range(1, 11):
            progress.report(i / 10)

    with qtbot.waitSignal(worker.succeeded, timeout=5000):
        worker.submit(Job("ten", run))
    assert fractions == pytest.approx([i / 10 for i in range(1, 11)])


def test_cancel_forgets_the_job_at_once_and_it_stops_at_its_next_check(qtbot, worker):
    running = threading.Event()
    checks: list[int] = []

    def run(progress: Progress) -> str:
        while True:  # stops only when cancelled
            checks.append(1)
            running.set()
            progress.report(0.5)

    delivered: list = []
    worker.succeeded.connect(lambda *args: delivered.append(args))
    job = worker.submit(Job("endless", run, delivered.append))
    assert running.wait(5)
    with qtbot.waitSignal(worker.cancelled, timeout=1000) as blocker:
        worker.cancel()
    assert blocker.args == [job]
    assert not worker.busy and worker.job is None  # the window has let go already
    assert worker.wait(2)  # and the thread itself has ended
    qtbot.wait(50)  # anything it had queued is delivered now, and ignored
    assert delivered == []


def test_start_replaces_the_job_running_and_submit_waits_its_turn(qtbot, worker):
    gate = threading.Event()
    order: list[str] = []

    def slow(progress: Progress) -> str:
        while not gate.is_set():
            progress.check()
            gate.wait(0.01)
        return "slow"

    cancelled: list[Job] = []
    worker.cancelled.connect(cancelled.append)
    first = worker.start(Job("first", slow, order.append))
    second = worker.start(Job("second", slow, order.append))  # the first is cancelled
    third = worker.submit(Job("third", lambda _p: "third", order.append))  # after the second
    assert cancelled == [first] and worker.job is second
    gate.set()
    qtbot.waitUntil(lambda: order == ["slow", "third"], timeout=5000)
    assert worker.job is None and third is not second
