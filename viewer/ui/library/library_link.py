"""The window's side of the library: every letter shown is recorded, the Letters dock lists
them, and the Compare window reads them.

The database is opened just after the window's first paint (start-up stays as fast as it
was); what happens before that is recorded then.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow

from viewer.core.library.entry import MISSING, LetterEntry
from viewer.core.model import Document
from viewer.ui.common.actions import make_action
from viewer.ui.common.first_paint import after_first_paint
from viewer.ui.common.status import NOTICE_MS, show_status
from viewer.ui.library.letters_dock import LettersDock
from viewer.ui.opening.open_actions import is_bundled

if TYPE_CHECKING:  # SQLite is imported after the first paint, with the library
    from viewer.core.library.letters import Library


class LibraryLink(QObject):
    """Records the window's documents in the library and answers the Letters dock."""

    def __init__(self, window: QMainWindow, library: Library | None = None):
        super().__init__(window)
        self.window = window
        self._library = library
        self.dock = LettersDock(window)
        self.compare_window = None
        self._make_actions()
        self.dock.open_requested.connect(self.open_entry)
        self.dock.compare_requested.connect(self.show_compare)
        window.state.document_changed.connect(self._document_shown)
        after_first_paint(window, self._start)  # dies with the window if it closes first

    def _make_actions(self) -> None:
        """The dock on the right (hidden until View > Letters), and File > Compare Letters;
        viewer.ui.menus puts both actions in their menus."""
        window, dock = self.window, self.dock
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        dock.hide()  # its place and state are saved with the window's
        toggle = self.toggle_action = dock.toggleViewAction()
        toggle.setText("Letter&s")
        toggle.setShortcut(QKeySequence("Ctrl+Shift+B"))
        toggle.setStatusTip("Show or hide the letters you have opened")
        toggle.setToolTip("Show or hide the letters you have opened")
        toggle.triggered.connect(lambda on: on and _place_beside_chart(window, dock))
        self.compare_action = make_action(
            window, "Co&mpare Letters\u2026", lambda: self.show_compare(dock.selected_ids()), (),
            "Who signed which of two or more letters you have opened",
        )  # fmt: skip

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
        show_status(self.window, text, NOTICE_MS)


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
