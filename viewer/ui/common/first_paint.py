"""Work that waits for a window's first paint, so that the start-up shows the window sooner.

A zero timer started while the window is built fires before that window is painted (Qt
paints on a later turn of the event loop), so "later" has to mean: once a paint of the
window has been delivered, on the next turn of the loop. A window that is not shown when
the loop gets to it (a test's window, one built but kept hidden) has no paint to wait for:
the work runs then, as a zero timer would. A shown window that is never painted (minimized
at once) runs it after LATEST_MS all the same.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

LATEST_MS = 1000


class _FirstPaint(QObject):
    """Watches the application's events for the first paint of one window."""

    def __init__(self, window: QWidget, work: Callable[[], None]):
        super().__init__(window)  # dies with the window: the work is the window's
        self.window = window
        self.work: Callable[[], None] | None = work
        self.watching = False
        QTimer.singleShot(0, self, self._loop_started)

    def _loop_started(self) -> None:
        if not self.window.isVisible():
            self._run()
            return
        self.watching = True
        QCoreApplication.instance().installEventFilter(self)
        QTimer.singleShot(LATEST_MS, self, self._run)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Paint
            and isinstance(obj, QWidget)
            and obj.window() is self.window
        ):
            self._stop_watching()
            QTimer.singleShot(0, self, self._after_paint)  # once the whole paint pass is done
        return False

    def _after_paint(self) -> None:
        # One more turn of the loop: what else waited for this paint (input that came in
        # meanwhile, a first-frame probe) goes first.
        QTimer.singleShot(0, self, self._run)

    def _stop_watching(self) -> None:
        if self.watching:
            self.watching = False
            QCoreApplication.instance().removeEventFilter(self)

    def _run(self) -> None:
        self._stop_watching()
        work, self.work = self.work, None
        if work is not None:
            work()


def after_first_paint(window: QWidget, work: Callable[[], None]) -> None:
    """Run work once window has been painted for the first time (see the module's text)."""
    _FirstPaint(window, work)
