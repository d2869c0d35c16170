"""Work that waits for a window's first paint (viewer.ui.common.first_paint)."""

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QWidget

from viewer.app import create_main_window
from viewer.ui.common.first_paint import after_first_paint


class PaintSeen(QObject):
    """Notes when a paint of one window is delivered (installed before the work's watcher)."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.window = window
        self.painted = False
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and isinstance(obj, QWidget):
            self.painted = self.painted or obj.window() is self.window
        return False

    def remove(self) -> None:
        QApplication.instance().removeEventFilter(self)


def _window(qtbot) -> QMainWindow:
    window = QMainWindow()
    window.setCentralWidget(QLabel("text", window))
    qtbot.addWidget(window)
    return window


def test_the_work_runs_only_once_the_shown_window_was_painted(qtbot):
    window = _window(qtbot)
    seen = PaintSeen(window)
    ran: list[bool] = []
    after_first_paint(window, lambda: ran.append(seen.painted))
    window.show()
    qtbot.waitUntil(lambda: bool(ran), timeout=3000)
    seen.remove()
    assert ran == [True]


def test_a_window_never_shown_runs_the_work_all_the_same(qtbot):
    window = _window(qtbot)
    ran: list[str] = []
    after_first_paint(window, lambda: ran.append("ran"))
    qtbot.waitUntil(lambda: bool(ran), timeout=3000)
    assert ran == ["ran"] and not window.isVisible()


def test_the_library_is_opened_after_the_first_paint_not_before(qtbot):
    window = create_main_window()
    qtbot.addWidget(window)
    seen = PaintSeen(window)
    opened_at_paint: list[bool] = []

    class AtPaint(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and not opened_at_paint:
                opened_at_paint.append(window.library._library is not None)
            return False

    probe = AtPaint(window)
    window.installEventFilter(probe)
    window.show()
    qtbot.waitUntil(lambda: window.library._library is not None, timeout=5000)
    seen.remove()
    assert seen.painted and opened_at_paint == [False]
