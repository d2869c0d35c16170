"""Undo and redo of filter changes (Ctrl+Z, Ctrl+Shift+Z) over the one Query of ViewState.

Every Query the state shows is a step, except that typing in the filter field is one step
per word or pause: while only the words change, each keystroke replaces the step it
continues, until a space ends the word or the user pauses (PAUSE_MS). Another letter starts
a fresh history: its filters are not this letter's.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, QTimer, Signal

from viewer.core.query.engine import Query, Result
from viewer.ui.common.view_state import ViewState

PAUSE_MS = 800  # a pause in typing this long ends an undo step
MAX_STEPS = 200


class QueryHistory(QObject):
    """The queries shown, to step back and forth through."""

    changed = Signal()  # what undo and redo can do changed

    def __init__(self, state: ViewState, parent: QObject | None = None):
        super().__init__(parent)
        self.state = state
        self._past: list[Query] = [state.query]
        self._future: list[Query] = []
        self._typing = False  # the last step is words still being typed
        self._applying = False
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(PAUSE_MS)
        self._pause.timeout.connect(self._end_typing)
        state.changed.connect(self._record)
        state.document_changed.connect(self._reset)

    @property
    def can_undo(self) -> bool:
        return len(self._past) > 1

    @property
    def can_redo(self) -> bool:
        return bool(self._future)

    def undo(self) -> bool:
        """Show the query before the last change; False if there is none."""
        if not self.can_undo:
            return False
        self._future.append(self._past.pop())
        self._apply(self._past[-1])
        return True

    def redo(self) -> bool:
        """Show again the query the last undo left; False if there is none."""
        if not self._future:
            return False
        self._past.append(self._future.pop())
        self._apply(self._past[-1])
        return True

    def _apply(self, query: Query) -> None:
        self._end_typing()
        self._applying = True
        try:
            self.state.set_query(query)
        finally:
            self._applying = False
        self.changed.emit()

    def _record(self, result: Result) -> None:
        query = result.query
        if self._applying or query == self._past[-1]:
            return
        words_only = replace(query, text=self._past[-1].text) == self._past[-1]
        if words_only and self._typing:
            self._past[-1] = query  # the same word, one key further
        else:
            self._past.append(query)
            del self._past[:-MAX_STEPS]
        self._future.clear()
        self._typing = words_only and not query.text[-1:].isspace()
        if self._typing:
            self._pause.start()
        self.changed.emit()

    def _end_typing(self) -> None:
        self._typing = False
        self._pause.stop()

    def _reset(self, _document=None) -> None:
        self._past = [self.state.query]
        self._future.clear()
        self._end_typing()
        self.changed.emit()
