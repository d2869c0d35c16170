"""The preview of a citation: a small read-only box at the top of the Cite menu, and the
Cite button's tooltip. Both show the exact text that will be copied (the start of it, for a
record of many authors); document text is shown as plain text, never as markup."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QFontMetrics, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from viewer.core.cite import get_style
from viewer.ui.cite.citation_store import Citation, excerpt

PREVIEW_WIDTH_CHARS = 62  # average characters a line of the preview box holds
PREVIEW_HEIGHT_LINES = 9
TOOLTIP_CHARS = 700


class CitePreview(QFrame):
    """A caption ("Chicago (17th ed.) note") over the text the copy will hold."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("citePreview")
        self.wanted: tuple[str, str] | None = None  # (style, authors) the box should show
        self.caption = QLabel(self)
        self.caption.setObjectName("citePreviewCaption")
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.body = QPlainTextEdit(self)
        self.body.setObjectName("citePreviewText")
        self.body.setReadOnly(True)
        self.body.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the menu keeps the keyboard
        self.body.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.body.setAccessibleName("Citation preview")
        self._proportional = self.body.font()
        self._fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(4)
        layout.addWidget(self.caption)
        layout.addWidget(self.body)
        fm = QFontMetrics(self._proportional)
        # A fixed height and a width that does not follow the text: the menu keeps its size
        # while the pointer moves over the styles.
        self.body.setMinimumWidth(fm.averageCharWidth() * PREVIEW_WIDTH_CHARS)
        self.body.setFixedHeight(
            fm.lineSpacing() * PREVIEW_HEIGHT_LINES + 2 * self.body.frameWidth() + 8
        )
        self.body.setBackgroundRole(QPalette.ColorRole.Base)

    @property
    def text(self) -> str:
        return self.body.toPlainText()

    def show_citation(self, caption: str, citation: Citation) -> None:
        """Show the start of the citation's text (all of it when it fits)."""
        self.caption.setText(caption)
        record = get_style(citation.style).record
        self.body.setFont(self._fixed if record else self._proportional)
        self.body.setPlainText(citation.excerpt())

    def show_pending(self, caption: str, message: str) -> None:
        """Say that the citation is being made (a long record, in the background)."""
        self.caption.setText(caption)
        self.body.setFont(self._proportional)
        self.body.setPlainText(message)


def add_preview(menu: QMenu, preview: CitePreview) -> QWidgetAction:
    """Put the preview box into a menu, as an entry that cannot be chosen."""
    action = QWidgetAction(menu)
    action.setDefaultWidget(preview)
    # A disabled entry is passed over by the arrow keys; the box itself stays readable.
    action.setEnabled(False)
    preview.setEnabled(True)
    menu.addAction(action)
    return action


def tooltip_html(heading: str, caption: str, text: str | None) -> str:
    """Rich text for a tooltip: the heading, the caption and the text escaped, line breaks kept."""
    shown = (
        excerpt(text, max_chars=TOOLTIP_CHARS) if text is not None else "(being prepared \u2026)"
    )
    return (
        f"<qt><b>{html.escape(heading)}</b><br>{html.escape(caption)}"
        f'<p style="white-space:pre-wrap">{html.escape(shown)}</p></qt>'
    )
