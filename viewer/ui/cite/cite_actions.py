"""Citations in the window: copying signatories, quotations and the letter, with their citation.

The actions, the Cite toolbar button with its style menu and preview, and the table's
context menu. Every citation is made by viewer.core.cite from the one query state; the
chosen style, authors and "include citation" are preferences, saved as soon as they change.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QMainWindow,
    QMenu,
    QToolBar,
    QToolButton,
)

from viewer.core.cite import (
    AUTHOR_MODE_LABELS,
    AUTHOR_MODES,
    STYLES,
    cite_quote,
    cite_quote_html,
    cite_signatories,
    organiser_available,
    signatory_names,
    style_label,
)
from viewer.core.cite.locators import Paragraphs, paragraph_locator
from viewer.core.model import Document
from viewer.core.storage.settings import PreferenceStore
from viewer.core.wording import plural
from viewer.ui.cite import citation_store, clipboard
from viewer.ui.cite.citation_store import Citation, CitationStore, is_expensive
from viewer.ui.cite.cite_preview import CitePreview, add_preview, tooltip_html
from viewer.ui.common.actions import make_action
from viewer.ui.common.status import NOTICE_MS, show_status
from viewer.ui.common.view_state import ViewState
from viewer.ui.common.worker import Job, Worker
from viewer.ui.letter.letter_view import LetterView
from viewer.ui.signatories.signatory_table import SignatoryTable

# Short names for status messages ("Copied 11 signatories with the Chicago note citation").
SHORT_NAMES = {
    "chicago-note": "Chicago note",
    "chicago-bib": "Chicago bibliography",
    "apa": "APA",
    "mla": "MLA",
    "bibtex": "BibTeX",
    "ris": "RIS",
    "csl-json": "CSL-JSON",
    "plain": "plain-text",
}
TOOLTIP_HEADING = "Cite: copy the letter's citation (Ctrl+Alt+C)"
NO_ROWS = "No signatories are selected: select rows first (Ctrl+A selects every shown row)."
NO_QUOTE = (
    "Nothing is selected in the letter: select a passage (Shift+arrow keys, or the mouse), "
    "then press Ctrl+Shift+C to copy it with its citation."
)


def short_name(style: str) -> str:
    return SHORT_NAMES.get(style) or style_label(style)


def _menu_text(text: str) -> str:
    """Text from a document shown in a menu: '&' would otherwise mark a shortcut letter."""
    return text.replace("&", "&&")


class CitationActions(QObject):
    """Copying with citations: actions, the Cite button and menu, preferences, status."""

    def __init__(
        self,
        window: QMainWindow,
        state: ViewState,
        table: SignatoryTable,
        letter_view: LetterView,
    ):
        super().__init__(window)
        self.window = window
        self.state = state
        self.table = table
        self.letter_view = letter_view
        self.preferences: PreferenceStore = window.preferences  # the window's one store
        self.names_dialog = None  # Edit > Names for Citing, while it is open
        self.store = CitationStore(state.document, self)
        self.copier = Worker(self)  # large copies of signatories and quotations
        for worker in (self.store.worker, self.copier):
            worker.busy_changed.connect(self._show_busy)
        self._busy = 0
        self._tooltip_key: tuple[str, str] | None = None
        self._make_actions()
        self.preview = CitePreview()
        self.menu = self._make_menu()
        self.button = self._make_button()
        self.toolbar = self._make_toolbar()
        self._wire_table()
        self._wire_letter()
        state.document_changed.connect(self._document_changed)
        self._sync()

    # -- what is chosen --------------------------------------------------------------------------

    @property
    def document(self) -> Document:
        return self.state.document

    @property
    def style(self) -> str:
        return self.preferences.value.citation_style

    @property
    def authors(self) -> str:
        """The chosen authors mode, or the signatories where the letter names no organiser."""
        chosen = self.preferences.value.citation_authors
        if chosen == "organiser" and not organiser_available(self.document):
            return "signatories"
        return chosen

    @property
    def include_citation(self) -> bool:
        return self.preferences.value.include_citation

    def set_style(self, style: str) -> None:
        """Choose the citation style (remembered)."""
        self._store(citation_style=style)

    def set_authors(self, authors: str) -> None:
        """Cite the signatories or the organiser as authors (remembered)."""
        self._store(citation_authors=authors)

    def set_include_citation(self, include: bool) -> None:
        """Whether copied signatories are followed by the letter's citation (remembered)."""
        self._store(include_citation=include)

    def _store(self, **changes: Any) -> None:
        warning = self.preferences.update(**changes)
        if warning:
            show_status(self.window, warning, NOTICE_MS)
        self._sync()

    # -- actions ---------------------------------------------------------------------------------

    def _make_actions(self) -> None:
        w = self.window
        self.copy_rows_action = make_action(
            w, "C&opy Signatories", lambda: self.copy_signatories(), QKeySequence.StandardKey.Copy,
            "Copy the selected signatories, one a line, with the letter's citation",
        )  # fmt: skip
        self.copy_tsv_action = make_action(
            w, "Copy as &Tab-Separated", lambda: self.copy_tab_separated(), (),
            "Copy the selected signatories as the table's columns, for a spreadsheet",
        )  # fmt: skip
        self.copy_names_action = make_action(
            w, "Copy &Names Only", lambda: self.copy_names(), (),
            "Copy the selected signatories' names, one a line",
        )  # fmt: skip
        self.copy_quote_action = make_action(
            w, "Copy &with Citation", lambda: self.copy_quotation(), "Ctrl+Shift+C",
            "Copy the selected passage in quotation marks with its citation and paragraph",
        )  # fmt: skip
        self.copy_letter_action = make_action(
            w, "Copy Citation of the &Letter", lambda: self.copy_letter_citation(), "Ctrl+Alt+C",
            "Copy the letter's citation in the chosen style",
        )  # fmt: skip
        self.names_action = make_action(
            w, "Names for Ci&ting\u2026", lambda: self.review_names(), (),
            "How each signatory's name is cited (given and family name); correct any row",
        )  # fmt: skip
        self.include_action = make_action(
            w, "Include Citation When Cop&ying", None, (),
            "Follow copied signatories with the letter's citation", checkable=True,
        )  # fmt: skip
        self.include_action.toggled.connect(self.set_include_citation)
        self.style_group = QActionGroup(self)
        self.style_actions: dict[str, QAction] = {}
        for style in STYLES:
            action = make_action(
                w, style.label, lambda _on, s=style.id: self.set_style(s), checkable=True
            )
            action.setData(style.id)
            # A status tip only: this menu shows tooltips, and the label says what it is.
            action.setStatusTip(f"Cite in the {style.label} style")
            self.style_group.addAction(action)
            self.style_actions[style.id] = action
        self.authors_group = QActionGroup(self)
        self.authors_actions: dict[str, QAction] = {}
        for mode in AUTHOR_MODES:
            action = make_action(
                w, AUTHOR_MODE_LABELS[mode], lambda _on, m=mode: self.set_authors(m),
                checkable=True,
            )  # fmt: skip
            action.setData(mode)
            self.authors_group.addAction(action)
            self.authors_actions[mode] = action

    def _make_menu(self) -> QMenu:
        menu = QMenu("Citation &Style", self.window)
        menu.setObjectName("citeMenu")
        menu.setToolTipsVisible(True)
        self.preview_action = add_preview(menu, self.preview)
        menu.addSection("Style")
        menu.addActions(list(self.style_actions.values()))
        menu.addSection("Authors")
        menu.addActions(list(self.authors_actions.values()))
        menu.addSeparator()
        menu.addAction(self.include_action)
        menu.addAction(self.copy_letter_action)
        menu.aboutToShow.connect(self._show_preview)
        menu.hovered.connect(self._menu_hovered)
        return menu

    def _make_button(self) -> QToolButton:
        button = QToolButton()
        button.setObjectName("citeButton")
        button.setText("Cite")
        button.setAccessibleName("Cite the letter")
        button.setAccessibleDescription(
            "Copies the letter's citation in the chosen style; its menu chooses the style"
        )
        button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setMenu(self.menu)
        button.clicked.connect(self.copy_letter_citation)
        return button

    def _make_toolbar(self) -> QToolBar:
        bar = QToolBar("Citation", self.window)
        bar.setObjectName("citationToolBar")
        bar.addWidget(self.button)
        return bar

    def _wire_table(self) -> None:
        # Ctrl+C belongs to the table only: the letter pane and the filter keep their own copy.
        self.copy_rows_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.table.addAction(self.copy_rows_action)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._table_menu)

    def _wire_letter(self) -> None:
        self.copy_quote_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.letter_view.addAction(self.copy_quote_action)
        self.letter_view.context_actions.append(self.copy_quote_action)
        # Always enabled: with nothing selected, Ctrl+Shift+C says so in the status bar
        # (a disabled shortcut would do nothing at all, silently).

    def _table_menu(self, pos: QPoint) -> None:
        menu = QMenu(self.table)
        menu.addActions([self.copy_rows_action, self.copy_tsv_action, self.copy_names_action])
        menu.addSeparator()
        citation = menu.addAction("Copy &Citation")
        citation.setStatusTip(self.copy_letter_action.statusTip())
        citation.triggered.connect(self.copy_letter_citation)
        menu.addAction(self.include_action)
        if self.table.context_actions:  # Set Status (viewer/ui/annotations)
            menu.addSeparator()
            menu.addActions(self.table.context_actions)
        menu.exec(self.table.viewport().mapToGlobal(pos))
        menu.deleteLater()

    # -- commands --------------------------------------------------------------------------------

    def copy_signatories(self) -> None:
        """Ctrl+C in the table: the selected rows, one line each, then the citation."""
        self._copy_rows("lines")

    def copy_tab_separated(self) -> None:
        """The selected rows as name, role and country columns (and the citation's row)."""
        self._copy_rows("tsv")

    def copy_names(self) -> None:
        """The selected rows' names, one a line."""
        self._copy_rows("names")

    def copy_letter_citation(self) -> None:
        """Ctrl+Alt+C and the Cite button: the letter's citation in the chosen style."""
        style, authors = self.style, self.authors
        if not self.store.is_ready(style, authors):
            show_status(self.window, self._preparing(style))
        self.store.request(style, authors, self._put_letter)

    def copy_quotation(self) -> None:
        """Ctrl+Shift+C in the letter: the selection quoted, then its citation with para. N."""
        quote = self.letter_view.selected_quote()
        if not quote.strip():
            show_status(self.window, NO_QUOTE)
            return
        doc, style, authors = self.document, self.style, self.authors
        paragraphs = self.letter_view.selected_paragraphs()

        def make() -> tuple[str, str]:
            return (
                cite_quote(doc, quote, paragraphs, style, authors),
                cite_quote_html(doc, quote, paragraphs, style, authors),
            )

        def done(made: tuple[str, str]) -> None:
            clipboard.put(clipboard.text_mime(*made))
            show_status(self.window, _quote_message(style, paragraphs))

        self._run(make, done, is_expensive(doc, style), self._preparing(style))

    def review_names(self) -> None:
        """Edit > Names for Citing: the table of names (window-modal, not blocking)."""
        from viewer.ui.dialogs.names_review import NamesDialog  # on first use

        dialog = NamesDialog(self.document, self.window)
        dialog.finished.connect(lambda result: self._names_reviewed(dialog, result))
        self.names_dialog = dialog
        dialog.open()

    def _names_reviewed(self, dialog, result: int) -> None:
        """OK with corrections: they become the document's name parts."""
        from viewer.ui.dialogs.names_review import corrected

        corrections = dialog.model.corrections
        self.names_dialog = None
        dialog.deleteLater()
        if result != QDialog.DialogCode.Accepted or not corrections:
            return
        query = self.state.query
        self.state.set_document(corrected(self.document, corrections))
        self.state.set_query(query)  # the same rows shown as before
        names = plural(len(corrections), "name", "names")
        show_status(
            self.window, f"Corrected {names}: the citations use them, a JSON export keeps them."
        )

    # -- making the copies -----------------------------------------------------------------------

    def _copy_rows(self, kind: str) -> None:
        rows = self.table.selected_rows()
        if rows.size == 0:
            show_status(self.window, NO_ROWS)
            return
        indices: np.ndarray = self.table.model().source_rows()[rows]
        doc, style, authors = self.document, self.style, self.authors
        include = self.include_citation and kind != "names"
        extras = self.table.visible_extra_keys()  # the further columns as the table shows them

        def make() -> Any:
            people = [doc.signatories[i] for i in indices.tolist()]
            if kind == "names":
                return signatory_names(people)
            return cite_signatories(doc, people, style, include, authors, extras)

        def done(made: Any) -> None:
            if kind == "names":
                clipboard.put(clipboard.text_mime(made))
            elif kind == "tsv":
                clipboard.put(clipboard.tsv_mime(made.tsv))
            else:
                clipboard.put(clipboard.clipping_mime(made))
            show_status(self.window, _rows_message(kind, len(indices), style if include else None))

        slow = len(indices) > citation_store.SYNC_LIMIT or (include and is_expensive(doc, style))
        people = plural(len(indices), "signatory", "signatories")
        self._run(make, done, slow, f"Preparing {people} for the clipboard\u2026")

    def _run(
        self, make: Callable[[], Any], done: Callable[[Any], None], slow: bool, preparing: str
    ) -> None:
        """make() now, or on the worker thread when it is slow; then done() with the result."""
        if not slow:
            done(make())
            return
        show_status(self.window, preparing)
        self.copier.submit(Job(preparing, lambda _progress: make(), done))

    def _put_letter(self, citation: Citation) -> None:
        clipboard.put(clipboard.text_mime(citation.text, citation.html))
        show_status(self.window, f"Copied the letter's {short_name(citation.style)} citation.")

    def _preparing(self, style: str) -> str:
        count = plural(len(self.document.signatories), "signatory", "signatories")
        return f"Preparing the {short_name(style)} citation of {count}\u2026"

    # -- showing the choice ----------------------------------------------------------------------

    def _sync(self) -> None:
        """Check marks, the organiser's availability, the button's tooltip and the preview."""
        self.style_actions[self.style].setChecked(True)
        self.button.setText(f"Cite ({short_name(self.style)})")
        doc = self.document
        organiser = self.authors_actions["organiser"]
        organiser.setEnabled(organiser_available(doc))
        publisher = doc.metadata.publisher_short or doc.metadata.publisher
        label = AUTHOR_MODE_LABELS["organiser"]
        organiser.setText(_menu_text(f"{label} ({publisher})") if publisher else label)
        organiser.setToolTip("" if publisher else "This letter names no publisher or organiser.")
        self.authors_actions[self.authors].setChecked(True)
        self.include_action.blockSignals(True)
        self.include_action.setChecked(self.include_citation)
        self.include_action.blockSignals(False)
        self._show_tooltip()
        if self.menu.isVisible():
            self._show_preview()

    def _caption(self, style: str, authors: str) -> str:
        who = "the signatories" if authors == "signatories" else "the organiser"
        return f"Preview: {style_label(style)}, {who} as authors"

    def _show_tooltip(self) -> None:
        """The Cite button's tooltip: the chosen style's citation, as it will be copied."""
        style, authors = self.style, self.authors
        key = self._tooltip_key = (style, authors)
        caption = self._caption(style, authors)
        if not self.store.is_ready(style, authors):
            self.button.setToolTip(tooltip_html(TOOLTIP_HEADING, caption, None))

        def arrived(citation: Citation) -> None:
            if self._tooltip_key == key:
                self.button.setToolTip(tooltip_html(TOOLTIP_HEADING, caption, citation.text))

        self.store.request(style, authors, arrived)

    def _show_preview(self, style: str | None = None, authors: str | None = None) -> None:
        """The preview box shows style (the chosen one by default) as it would be copied."""
        style = style or self.style
        authors = authors or self.authors
        key = (style, authors)
        self.preview.wanted = key
        caption = self._caption(style, authors)
        if not self.store.is_ready(style, authors):
            self.preview.show_pending(caption, self._preparing(style))

        def arrived(citation: Citation) -> None:
            if self.preview.wanted == key:
                self.preview.show_citation(caption, citation)

        self.store.request(style, authors, arrived)

    def _menu_hovered(self, action: QAction) -> None:
        if action in self.style_actions.values():
            self._show_preview(action.data(), self.authors)
        elif action in self.authors_actions.values() and action.isEnabled():
            self._show_preview(self.style, action.data())
        elif action is not self.preview_action:
            self._show_preview()

    def _document_changed(self, document: Document) -> None:
        self.store.set_document(document)
        self.copier.discard_waiting()
        self._sync()

    def _show_busy(self, busy: bool) -> None:
        if busy:
            self._busy += 1
            if self._busy == 1:
                QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        elif self._busy:
            self._busy -= 1
            if self._busy == 0:
                QApplication.restoreOverrideCursor()


def _rows_message(kind: str, count: int, style: str | None) -> str:
    people = plural(count, "signatory", "signatories")
    if kind == "names":
        return f"Copied the names of {people}."
    form = " as tab-separated values" if kind == "tsv" else ""
    if style is None:
        return f"Copied {people}{form}, without a citation."
    return f"Copied {people}{form} with the {short_name(style)} citation."


def _quote_message(style: str, paragraphs: Paragraphs) -> str:
    locator = paragraph_locator(paragraphs, "par" if style == "mla" else "para")
    where = f" ({locator})" if locator else ""
    return f"Copied the quotation with its {short_name(style)} citation{where}."
