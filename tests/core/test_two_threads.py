"""on_two_threads: the calling thread and one more share a list of tasks."""

from __future__ import annotations

import threading

import pytest
from hypothesis import given
from hypothesis import strategies as st

from viewer.core.two_threads import on_two_threads


@given(st.lists(st.integers(), max_size=40))
def test_every_result_comes_back_in_the_tasks_order(values):
    assert on_two_threads([lambda v=v: v * 2 for v in values]) == [v * 2 for v in values]


def test_both_threads_take_tasks():
    names = set()
    both = threading.Barrier(2, timeout=10)

    def task():
        names.add(threading.current_thread().name)
        both.wait()  # neither thread can take every task alone

    on_two_threads([task, task])
    assert len(names) == 2


def test_after_a_failure_no_further_task_starts_and_the_error_is_raised():
    late_started = threading.Event()
    failed = threading.Event()
    started = []

    def fails():
        late_started.wait(10)  # the other thread is inside a task meanwhile
        failed.set()
        raise ValueError("bad cell")

    def late():
        started.append("late")
        late_started.set()
        failed.wait(10)

    with pytest.raises(ValueError, match="bad cell"):
        on_two_threads([fails, *([late] * 20)])
    # The one the other thread was in; the list was cleared before it asked for another
    # (the failing thread holds the interpreter lock from set() through the clearing).
    assert 1 <= len(started) <= 2
