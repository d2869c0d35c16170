"""The window's side of the library: every letter shown is recorded, the Letters dock lists
them, and the Compare window reads them.

The database is opened just after the window's first paint (start-up stays as fast as it
was); what happens before that is recorded then.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu

from viewer.core.library.entry import MISSING, LetterEntry
from viewer.core.model import Document
from viewer.ui.library.letters_dock import LettersDock
from viewer.ui.opening.open_actions import is_bundled

if TYPE_CHECKING:  # SQLite is imported after the first paint, with the library
    from viewer.core.library.letters import Library

NOTICE_MS = 20_000


class LibraryLink(QObject):
    """Records the window's documents in the library and answers the Letters dock."""

    def __init__(self, window: QMainWindow, library: Library | None = None):
        super().__init__(window)
        self.window = window
        self._library = library
        self.dock = LettersDock(window)
        self.compare_window = None
        self.dock.open_requested.connect(self.open_entry)
        self.dock.compare_requested.connect(self.show_compare)
        window.state.document_changed.connect(self._document_shown)
        # After the first paint; a child timer dies with the window if it closes first.
        self._start_timer = QTimer(self, singleShot=True, interval=0)
        self._start_timer.timeout.connect(self._start)
        self._start_timer.start()

    @property
    def library(self) -> Library:
        if self._library is None:
            from viewer.core.library.letters import Library

            self._library = Library()
            if self._library.notice:
                self._status(self._library.notice)
        return self._library

    def _start(self) -> None:
        self._document_shown(self.window.state.document)

    # -- recording -----------------------------------------------------------------------------

    def _document_shown(self, doc: Document) -> None:
        if doc.source.path and not is_bundled(doc.source.path):
            recorded = self.library.record(doc)
            self.library.set_last_open(recorded.entry.id if recorded else None)
            if recorded and recorded.notice:
                # After "Opened X" (said once the document is shown): this one matters more.
                QTimer.singleShot(0, self, lambda: self._status(recorded.notice))
        else:
            self.library.set_last_open(None)  # the 2017 letter: the start's default anyway
        self.refresh()

    def refresh(self) -> None:
        self.dock.show_entries(self.library.entries())

    # -- commands ------------------------------------------------------------------------------

    def open_entry(self, entry: LetterEntry) -> None:
        """Open a letter of the library, unless its file is gone (then say so)."""
        current = self.window.state.document.source
        same_path = current.path and Path(current.path) == Path(entry.path)
        if same_path and current.sha256 == entry.sha256:
            return  # it is the letter on screen
        if entry.status == MISSING or not Path(entry.path).exists():
            self._status(f"{entry.name} is no longer at {entry.path}: it was moved or deleted.")
            self.refresh()
            return
        self.window.opening.open_path(entry.path)

    def show_compare(self, ids: list[int] | None = None) -> None:
        from viewer.ui.library.compare_window import CompareWindow

        if self.compare_window is None:
            self.compare_window = CompareWindow(self.library, self.window)
        self.compare_window.choose(ids or [])
        self.compare_window.show()
        self.compare_window.raise_()

    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, NOTICE_MS)


def install_library(window: QMainWindow, file_menu: QMenu) -> LibraryLink:
    """The Letters dock (its toggle is link.toggle_action, for the View menu) and File >
    Compare Letters; returns the link."""
    link = LibraryLink(window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, link.dock)
    link.dock.hide()  # shown from View > Letters; its place and state are saved with the window
    toggle = link.toggle_action = link.dock.toggleViewAction()
    toggle.triggered.connect(lambda on: on and _place_beside_chart(window, link.dock))
    toggle.setText("L&etters")
    toggle.setShortcut(QKeySequence("Ctrl+Shift+B"))
    toggle.setStatusTip("Show or hide the letters you have opened")
    compare = link.compare_action = QAction("Co&mpare Letters\u2026", window)
    compare.setStatusTip("Who signed which of two or more letters you have opened")
    compare.triggered.connect(lambda: link.show_compare(link.dock.selected_ids()))
    file_menu.addAction(compare)
    return link


def _place_beside_chart(window: QMainWindow, dock: QDockWidget) -> None:
    """Shown from the menu: as a tab beside the chart, where it is not placed otherwise, so
    the letter and the table keep their width on a small screen; its tab to the front."""
    chart = getattr(window, "chart_dock", None)
    alone = not window.tabifiedDockWidgets(dock) and not dock.isFloating()
    beside = chart is not None and chart.isVisible() and not chart.isFloating()
    if alone and beside and window.dockWidgetArea(chart) == window.dockWidgetArea(dock):
        window.tabifyDockWidget(chart, dock)
    # A tab bar raises a dock only once its layout is done.
    QTimer.singleShot(0, dock, dock.raise_)
