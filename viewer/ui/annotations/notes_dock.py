"""Notes on passages of the letter: Add Note (the letter's context menu, Ctrl+Shift+N) and the
Notes dock listing them; a double-click (or Enter) selects the passage in the letter again.

Kept per letter in the annotation store; the JSON and Markdown exports carry them.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QDockWidget,
    QInputDialog,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
)

from viewer.core.letter_notes import MAX_NOTE, Note, clean_quote
from viewer.core.library.annotations import AnnotationStore
from viewer.ui.common.status import show_status
from viewer.ui.common.view_state import ViewState

SHORTCUT = "Ctrl+Shift+N"
QUOTE_SHOWN = 80  # characters of a passage the list shows before "..."
NOTE_ROLE = Qt.ItemDataRole.UserRole


def item_text(note: Note) -> str:
    """A note as one entry of the list: the passage quoted (shortened), then the note."""
    quote = " ".join(note.quote.split())
    if len(quote) > QUOTE_SHOWN:
        quote = quote[: QUOTE_SHOWN - 1] + "\u2026"
    return f"\u201c{quote}\u201d\n{note.text}" if note.text else f"\u201c{quote}\u201d"


class NotesDock(QObject):
    """The Add Note command and the Notes dock of one window."""

    def __init__(self, window: QMainWindow, state: ViewState, store: AnnotationStore):
        super().__init__(window)
        self.window = window
        self.state = state
        self.store = store
        self.view = window.letter_view
        self.notes: list[Note] = []
        self.dock = QDockWidget("Notes", window)
        self.dock.setObjectName("notesDock")
        self.list = QListWidget(self.dock)
        self.list.setObjectName("notesList")
        self.list.setWordWrap(True)
        self.list.setAccessibleName("Notes on the letter")
        self.list.setAccessibleDescription("Enter selects the passage; Delete removes the note")
        self.list.itemActivated.connect(self._show_passage)
        self.dock.setWidget(self.list)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()  # shown once the letter has notes, or from the View menu
        self.add_action = self._action("A&dd Note to Passage\u2026", self.add_note, SHORTCUT)
        self.add_action.setStatusTip("Attach a note to the passage selected in the letter")
        self.add_action.setEnabled(False)
        self.view.copyAvailable.connect(self.add_action.setEnabled)
        self.view.context_actions.append(self.add_action)
        self.delete_action = self._action("&Delete Note", self.delete_current, "Delete")
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.list.addAction(self.delete_action)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        state.document_changed.connect(self._load)
        self._load()

    def _action(self, text: str, slot, shortcut: str) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    @property
    def letter(self) -> str | None:
        return self.state.document.source.sha256

    def _load(self, _document=None) -> None:
        self.notes = self.store.notes(self.letter) if self.letter else []
        self._fill()
        if self.notes:
            self._reveal()

    def _fill(self) -> None:
        self.list.clear()
        for note in self.notes:
            item = QListWidgetItem(item_text(note), self.list)
            item.setData(NOTE_ROLE, note.id)
            item.setToolTip(note.quote)

    def add_note(self) -> None:
        """Ask for the note on the selected passage and keep it."""
        cursor = self.view.textCursor()
        quote = clean_quote(cursor.selectedText())
        if not quote or self.letter is None:
            self._status("Select a passage of the letter first, then Add Note (Ctrl+Shift+N).")
            return
        shown = quote if len(quote) <= QUOTE_SHOWN else quote[: QUOTE_SHOWN - 1] + "\u2026"
        text, ok = QInputDialog.getMultiLineText(
            self.window, "Add Note", f"Note on \u201c{shown}\u201d:", ""
        )
        if not ok:
            return
        note = Note(quote, text.strip()[:MAX_NOTE], cursor.selectionStart(), cursor.selectionEnd())
        self.notes.append(self.store.add_note(self.letter, note))
        self.notes.sort(key=lambda n: (n.start, n.id or 0))
        self._fill()
        self._reveal()
        self._status("Note added; the Notes dock lists it.")

    def _reveal(self) -> None:
        """Show the dock under the chart, taking a quarter of the height: the chart's bars
        stay readable rather than folding into "Other"."""
        if not self.dock.isHidden():
            return
        self.dock.show()
        chart = getattr(self.window, "chart_dock", None)
        if chart is not None and not chart.isHidden() and not chart.isFloating():
            height = max(self.window.height(), 400)
            self.window.resizeDocks(
                [chart, self.dock], [height * 3 // 4, height // 4], Qt.Orientation.Vertical
            )

    def delete_current(self) -> None:
        item = self.list.currentItem()
        if item is None or self.letter is None:
            return
        self.store.delete_note(self.letter, item.data(NOTE_ROLE))
        self.notes = [n for n in self.notes if n.id != item.data(NOTE_ROLE)]
        self._fill()
        self._status("Note deleted.")

    def _show_passage(self, item: QListWidgetItem) -> None:
        """Select the note's passage in the letter (found by its text if the layout moved)."""
        note = next((n for n in self.notes if n.id == item.data(NOTE_ROLE)), None)
        if note is None:
            return
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(min(note.start, self.view.document().characterCount() - 1))
        cursor.setPosition(
            min(note.end, self.view.document().characterCount() - 1),
            QTextCursor.MoveMode.KeepAnchor,
        )
        if clean_quote(cursor.selectedText()) != note.quote:
            found = self.view.document().find(note.quote.split("\n")[0])
            cursor = found if not found.isNull() else cursor
        self.view.setTextCursor(cursor)
        self.view.ensureCursorVisible()

    def _status(self, message: str) -> None:
        show_status(self.window, message)
