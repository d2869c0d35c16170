"""View > Saved Views: name the current filter, sort and chart grouping; apply or delete one.

Kept per letter in the annotation store. A view names facets and values; applied to the
letter it was saved with, it restores them; values the letter no longer has filter nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMainWindow, QMenu

from viewer.core.library.annotations import MAX_VIEW_NAME, AnnotationStore, SavedView
from viewer.core.library.views import query_of, view_of
from viewer.ui.common.status import show_status
from viewer.ui.common.view_state import ViewState
from viewer.ui.common.wording import literal


class SavedViews(QObject):
    """The Saved Views submenu of one window."""

    def __init__(self, window: QMainWindow, state: ViewState, store: AnnotationStore):
        super().__init__(window)
        self.window = window
        self.state = state
        self.store = store
        self.menu = QMenu("Saved &Views", window)
        self.menu.setObjectName("savedViewsMenu")
        self.save_action = QAction("&Save Current View\u2026", window)
        self.save_action.setObjectName("saveView")
        self.save_action.setStatusTip("Name the current filter, sort and chart grouping")
        self.save_action.triggered.connect(self.ask_and_save)
        self.delete_menu = QMenu("&Delete View", self.menu)
        self.menu.aboutToShow.connect(self.refill)
        self.refill()

    @property
    def letter(self) -> str | None:
        return self.state.document.source.sha256

    def views(self) -> dict[str, SavedView]:
        return self.store.views(self.letter) if self.letter else {}

    def refill(self) -> None:
        """The menu: Save, then one entry per saved view of this letter, then Delete."""
        self.menu.clear()
        self.delete_menu.clear()
        self.menu.addAction(self.save_action)
        self.save_action.setEnabled(self.letter is not None)
        views = self.views()
        if views:
            self.menu.addSeparator()
        for name in views:
            apply = self.menu.addAction(literal(name))
            apply.setStatusTip(f"Show the view \u201c{name}\u201d")
            apply.triggered.connect(lambda _on=False, n=name: self.apply(n))
            delete = self.delete_menu.addAction(literal(name))
            delete.triggered.connect(lambda _on=False, n=name: self.delete(n))
        if views:
            self.menu.addSeparator()
            self.menu.addMenu(self.delete_menu)

    def ask_and_save(self) -> None:
        name, ok = QInputDialog.getText(
            self.window, "Save View", "Name of this view:", QLineEdit.EchoMode.Normal, ""
        )
        if ok and name.strip():
            self.save(name.strip()[:MAX_VIEW_NAME])

    def save(self, name: str) -> None:
        """Keep the current filter, sort and grouping as name (replacing a view of that name)."""
        if self.letter is None:
            return
        view = view_of(name, self.state.query, self.window.chart.facet)
        self.store.save_view(self.letter, view)
        self.refill()
        self._status(f"Saved the view \u201c{name}\u201d.")

    def apply(self, name: str) -> bool:
        """Show a saved view of this letter; False if it has none of that name."""
        view = self.views().get(name)
        if view is None:
            return False
        self.state.set_query(query_of(view, self.state.engine.can_sort_by))
        if view.grouping and any(f.key == view.grouping for f in self.state.facets):
            self.window.chart.set_grouping(view.grouping)
        self._status(f"Showing the view \u201c{name}\u201d.")
        return True

    def delete(self, name: str) -> None:
        if self.letter is not None:
            self.store.delete_view(self.letter, name)
        self.refill()
        self._status(f"Deleted the view \u201c{name}\u201d.")

    def _status(self, message: str) -> None:
        show_status(self.window, message)
