"""The annotation commands of a main window, wired in one call (install_annotations).

Edit > Undo Filter / Redo Filter, Set Status and Add Note, View > Saved Views and Notes, the
context menu entries of the table and the letter, the statuses and notes in the exports.
main_window.py holds only the call.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from viewer.core.library.annotations import AnnotationStore
from viewer.ui.annotations.notes_dock import NotesDock
from viewer.ui.annotations.query_history import QueryHistory
from viewer.ui.annotations.saved_views import SavedViews
from viewer.ui.annotations.verification_actions import VerificationActions

NOTICE_MS = 20_000


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


def install_annotations(window: QMainWindow) -> Annotations:
    """Add the annotation commands to window's Edit and View menus (built already)."""
    store = AnnotationStore()
    state = window.state
    history = QueryHistory(state, window)
    undo = _action(window, "&Undo Filter", "Ctrl+Z", "Back to the filter before the last change")
    redo = _action(window, "&Redo Filter", "Ctrl+Shift+Z", "Forward to the filter undone")
    undo.triggered.connect(history.undo)
    redo.triggered.connect(history.redo)
    history.changed.connect(lambda: (undo.setEnabled(history.can_undo),
                                     redo.setEnabled(history.can_redo)))  # fmt: skip
    undo.setEnabled(False)
    redo.setEnabled(False)
    verification = VerificationActions(window, state, store)
    first = window.edit_menu.actions()[0] if window.edit_menu.actions() else None
    window.edit_menu.insertActions(first, [undo, redo])
    window.edit_menu.insertSeparator(first)
    window.edit_menu.addSeparator()
    notes = NotesDock(window, state, store)
    window.edit_menu.addActions([verification.action, notes.add_action])
    views = SavedViews(window, state, store)
    window.view_menu.addSeparator()
    window.view_menu.addMenu(views.menu)
    toggle = notes.dock.toggleViewAction()
    toggle.setText("Not&es")
    toggle.setStatusTip("Show or hide the notes on passages of the letter")
    window.view_menu.addAction(toggle)
    window.exporting.verifications = verification.verifications
    window.exporting.notes = lambda: list(notes.notes)
    if store.notice:
        window.statusBar().showMessage(store.notice, NOTICE_MS)
    return Annotations(store, verification, history, views, undo, redo, notes)


def _action(window: QMainWindow, text: str, shortcut: str, tip: str) -> QAction:
    action = QAction(text, window)
    action.setShortcut(QKeySequence(shortcut))
    action.setStatusTip(tip)
    return action
