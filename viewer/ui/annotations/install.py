"""The annotation commands of a main window, wired in one call (install_annotations).

Edit > Undo Filter / Redo Filter, Set Status and Add Note, View > Saved Views and Notes, the
context menu entries of the table and the letter, the statuses and notes in the exports.
main_window.py holds only the call; viewer.ui.menus places the commands.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from viewer.core.library.annotations import AnnotationStore
from viewer.ui.annotations.notes_dock import NotesDock
from viewer.ui.annotations.query_history import QueryHistory
from viewer.ui.annotations.saved_views import SavedViews
from viewer.ui.annotations.verification_actions import VerificationActions
from viewer.ui.common.actions import make_action
from viewer.ui.common.status import NOTICE_MS, show_status


@dataclass
class Annotations:
    """What install_annotations made, for the window and the tests to reach."""

    store: AnnotationStore
    verification: VerificationActions
    history: QueryHistory
    views: SavedViews
    undo_action: QAction
    redo_action: QAction
    notes: NotesDock
    notes_toggle: QAction  # View > Notes

    @property
    def edit_first(self) -> list[QAction]:
        """What the Edit menu opens with: Undo Filter, Redo Filter."""
        return [self.undo_action, self.redo_action]

    @property
    def edit_last(self) -> list[QAction]:
        """What the Edit menu ends with: Set Status, Add Note."""
        return [self.verification.action, self.notes.add_action]


def install_annotations(window: QMainWindow) -> Annotations:
    """Make the annotation commands of window (its table, letter and export built already);
    viewer.ui.menus places them in the Edit and View menus."""
    store = AnnotationStore()
    state = window.state
    history = QueryHistory(state, window)
    undo = make_action(
        window, "&Undo Filter", history.undo, "Ctrl+Z", "Back to the filter before the last change"
    )
    redo = make_action(
        window, "&Redo Filter", history.redo, "Ctrl+Shift+Z", "Forward to the filter undone"
    )
    history.changed.connect(lambda: (undo.setEnabled(history.can_undo),
                                     redo.setEnabled(history.can_redo)))  # fmt: skip
    undo.setEnabled(False)
    redo.setEnabled(False)
    verification = VerificationActions(window, state, store)
    notes = NotesDock(window, state, store)
    views = SavedViews(window, state, store)
    toggle = notes.dock.toggleViewAction()
    toggle.setText("Not&es")
    toggle.setStatusTip("Show or hide the notes on passages of the letter")
    window.exporting.verifications = verification.verifications
    window.exporting.notes = lambda: list(notes.notes)
    if store.notice:
        notice = store.notice
        QTimer.singleShot(0, window, lambda: show_status(window, notice, NOTICE_MS))
    return Annotations(store, verification, history, views, undo, redo, notes, toggle)
