"""Work shared by the calling thread and one more, each taking the next task from one list.

The machines this viewer is measured on have two cores; a large open runs on a worker thread
and numpy lets go of the interpreter lock in its loops, so a second thread taking half of a
column's chunks (or half of the columns) halves that step's time.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")


def on_two_threads(tasks: Sequence[Callable[[], T]]) -> list[T]:
    """Every task's result, in the tasks' order; this thread and a second one take the tasks
    in order from one list (list.pop is atomic). If a task raises, no further task starts on
    either thread, and the first error is raised here once both threads have stopped."""
    results: list = [None] * len(tasks)
    todo = list(reversed(list(enumerate(tasks))))

    def run() -> None:
        while True:
            try:
                i, task = todo.pop()
            except IndexError:
                return
            try:
                results[i] = task()
            except BaseException:
                todo.clear()
                raise

    if len(tasks) < 2:
        run()
        return results
    with ThreadPoolExecutor(1) as pool:
        helper = pool.submit(run)
        try:
            run()
        finally:
            todo.clear()  # this thread failed: the helper stops after its current task
        helper.result()
    return results
