"""The one progress/cancel object (viewer.core.progress): stages, nested parts, cancel."""

from __future__ import annotations

import threading

import pytest

from viewer.core.progress import Cancelled, Progress


def recorder() -> tuple[Progress, list[tuple[str, float]]]:
    seen: list[tuple[str, float]] = []
    return Progress(lambda stage, fraction: seen.append((stage, fraction))), seen


def test_fractions_increase_to_one_across_stages():
    progress, seen = recorder()
    for name, share in (("reading", 0.1), ("parsing", 0.6), ("indexing", 0.3)):
        stage = progress.stage(name, share)
        for i in range(1, 5):
            stage.report(i / 4)
    fractions = [f for _stage, f in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert seen[0] == ("reading", 0.0)  # a stage says so when it starts
    assert ("reading", pytest.approx(0.1)) in seen and ("parsing", pytest.approx(0.7)) in seen
    assert [s for s, _f in seen] == ["reading"] * 5 + ["parsing"] * 5 + ["indexing"] * 5
    assert progress.current_stage == "indexing" and progress.fraction == 1.0


def test_the_last_stage_may_take_the_rest():
    progress, seen = recorder()
    progress.stage("a", 0.25).report(1.0)
    progress.stage("b", 1.0).report(0.5)  # the rest: 0.25..1
    assert seen[-1] == ("b", pytest.approx(0.625))


def test_nested_parts_map_onto_the_whole():
    progress, seen = recorder()
    stage = progress.stage("parsing", 0.5).part(0.5, 1.0)  # 0.25..0.5 of the whole
    inner = stage.part(0.0, 0.5)  # 0.25..0.375
    inner.report(0.5)
    assert seen[-1] == ("parsing", pytest.approx(0.3125))  # the part keeps its stage's name
    inner.report(2.0)  # beyond the end: the part's end, never past it
    assert seen[-1] == ("parsing", pytest.approx(0.375))
    nested = stage.stage("sorting", 0.5)  # a named stage inside a part: 0.25..0.375
    nested.report(1.0)
    assert seen[-1] == ("sorting", pytest.approx(0.375))


def test_a_cancel_stops_the_work_at_its_next_check():
    progress, seen = recorder()
    part = progress.stage("reading", 1.0).part(0.2, 0.4)
    part.report(0.5)
    assert not progress.cancelled
    progress.cancel()  # the GUI's side: every part of the run sees it
    assert part.cancelled
    with pytest.raises(Cancelled):
        part.report(0.6)
    with pytest.raises(Cancelled):
        part.check()
    with pytest.raises(Cancelled):
        progress.stage("parsing", 0.5)  # a new stage checks first
    assert len(seen) == 2  # nothing was reported after the cancel


def test_a_cancel_from_another_thread_stops_a_loop():
    progress = Progress()
    started = threading.Event()
    stopped_at: list[int] = []

    def work() -> None:
        step = progress.stage("work", 1.0)
        i = 0
        try:
            while True:
                i += 1
                started.set()
                step.report(min(i / 1e9, 0.99))
        except Cancelled:
            stopped_at.append(i)

    thread = threading.Thread(target=work)
    thread.start()
    assert started.wait(5)
    progress.cancel()
    thread.join(5)
    assert not thread.is_alive() and stopped_at


def test_without_a_report_it_only_checks():
    progress = Progress()
    progress.stage("x", 0.5).report(0.5)
    assert progress.fraction == pytest.approx(0.25) and progress.current_stage == "x"
