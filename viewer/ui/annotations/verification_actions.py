"""Set Status (Ctrl+E, and the table's context menu): the user's status of signatories.

The statuses of the open letter are read from the annotation store when a letter is shown
and given to the query engine as the Status facet's values, so the picker, the chips, the
chart and the status line count them like any column.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMainWindow

from viewer.core.library.annotations import AnnotationStore
from viewer.core.verification import (
    STATUS_FACET,
    SignatoryKey,
    Verification,
    status_values,
)
from viewer.core.wording import plural
from viewer.ui.annotations.status_dialog import StatusDialog
from viewer.ui.common.status import show_status
from viewer.ui.common.view_state import ViewState

SHORTCUT = "Ctrl+E"


class VerificationActions(QObject):
    """The Set Status command of one window and the open letter's statuses."""

    def __init__(self, window: QMainWindow, state: ViewState, store: AnnotationStore):
        super().__init__(window)
        self.window = window
        self.state = state
        self.store = store
        self.given: dict[SignatoryKey, Verification] = {}
        self.action = QAction("S&et Status\u2026", window)
        self.action.setObjectName("setStatus")
        self.action.setShortcut(QKeySequence(SHORTCUT))
        self.action.setStatusTip("Mark the selected signatories confirmed, disputed or withdrawn")
        self.action.triggered.connect(self.edit_selected)
        window.table.context_actions.append(self.action)
        state.document_changed.connect(self._load)
        self._load()

    @property
    def letter(self) -> str | None:
        """The open letter's key in the store: its SHA-256 (None: a letter without bytes)."""
        return self.state.document.source.sha256

    def verifications(self) -> Mapping[SignatoryKey, Verification]:
        return dict(self.given)

    def _load(self, _document=None) -> None:
        self.given = self.store.verifications(self.letter) if self.letter else {}
        self.action.setEnabled(self.letter is not None)
        if self.given:  # a letter nobody checked has no Status facet (and no pass over rows)
            self._show()

    def _show(self) -> None:
        values = status_values(self.state.document.signatories, self.given)
        self.state.set_facet_values(STATUS_FACET, list(values))

    def edit_selected(self) -> None:
        """Ask for a status, note and source for the selected rows, then keep it."""
        people = self.window.table.selected_signatories()
        if not people or self.letter is None:
            self._status("Select signatories in the table first, then Set Status (Ctrl+E).")
            return
        keys = [(s.position, s.name) for s in people]
        current = self.given.get(keys[0], Verification())
        dialog = StatusDialog([s.name for s in people], current, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.set_status(keys, dialog.verification())

    def set_status(self, keys: list[SignatoryKey], verification: Verification) -> None:
        """Keep verification for the signatories keys and show it everywhere."""
        assert self.letter is not None
        stamped = self.store.set_verification(self.letter, keys, verification)
        for key in keys:
            if stamped.is_blank:
                self.given.pop(key, None)
            else:
                self.given[key] = stamped
        self._show()
        who = plural(len(keys), "signatory", "signatories")
        self._status(f"Marked {who} {verification.status}.")

    def _status(self, message: str) -> None:
        show_status(self.window, message)
