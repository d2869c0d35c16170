"""Helpers for the window tests: open the real window, act on it as a user does."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from viewer.app import create_main_window
from viewer.core.folding import fold


def open_window(qtbot, path=None):
    """The main window as create_main_window builds it, shown and ready for input."""
    window = create_main_window(path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def type_filter(qtbot, window, text: str) -> None:
    """Click into the filter field and type, key by key."""
    edit = window.filter_bar.edit
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(edit, text)


def shown_names(window) -> list[str]:
    model = window.table.model()
    return [model.data(model.index(r, 1)) for r in range(model.rowCount())]


def shown_column(window, column: int) -> list[str]:
    model = window.table.model()
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]


def matching(document, *words: str):
    """Signatories whose name, role or country contains every word (the filter's rule)."""
    folded = [fold(w) for w in words]
    out = []
    for s in document.signatories:
        text = fold(" ".join((s.name, s.role or "", s.country or "")))
        if all(w in text for w in folded):
            out.append(s)
    return out


def click_header(qtbot, table, section: int) -> None:
    """A real click on a column header."""
    header = table.horizontalHeader()
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
    )


def focused():
    return QApplication.focusWidget()
