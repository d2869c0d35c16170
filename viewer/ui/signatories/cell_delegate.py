"""One delegate paints every cell of the signatory table from one look-up per cell.

Qt's stock delegate asks the model for seven roles of each cell it paints (font, alignment,
colour, check state, icon, text, background): from a Python model that is seven calls into
Python a cell, some seven hundred a page, and most of a repaint's time (issue 15). This
delegate fills the cell's style option itself from SignatoryModel.row_cells (the texts, and
which stand for a value not stated) and the model's alignment per column, then lets the stock
delegate's paint and the style draw it as they always do (selection, alternating rows,
eliding, right-to-left text). data() still answers every role for everyone else: tooltips,
accessibility, copying, the model tester.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget

from viewer.ui.signatories.signatory_model import SignatoryModel

_HAS_DISPLAY = QStyleOptionViewItem.ViewItemFeature.HasDisplay
_TEXT = QPalette.ColorRole.Text


class CellDelegate(QStyledItemDelegate):
    """Fills a cell's style option as QStyledItemDelegate.initStyleOption would from the
    model's roles: text, right alignment of "#", "Not stated" italic and muted."""

    def __init__(self, model: SignatoryModel, parent: QWidget | None = None):
        super().__init__(parent)
        self._model = model
        # A row's cells all come with the same features (alternate row or not): read once a
        # row, with HasDisplay added, rather than once a cell (reading them costs a
        # microsecond, a tenth of a cell's Python time).
        self._features: dict = {}
        self._row = -1
        self._shown = _HAS_DISPLAY
        # (the cell's font, the model's italic) -> the font and metrics of a "Not stated"
        self._italic: tuple[QFont, QFont, QFont, QFontMetrics] | None = None

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        row, column = index.row(), index.column()
        texts, missing = self._model.row_cells(row)
        option.index = index
        option.text = texts[column]
        if row != self._row:
            self._row = row
            features = option.features
            shown = self._features.get(features)
            if shown is None:
                shown = self._features[features] = features | _HAS_DISPLAY
            self._shown = shown
        option.features = self._shown
        option.styleObject = None  # as the stock delegate: no style animations in a cell
        alignment = self._model.alignments[column]
        if alignment is not None:
            option.displayAlignment = alignment
        if missing[column]:
            self._show_missing(option)

    def _show_missing(self, option: QStyleOptionViewItem) -> None:
        """ "Not stated": the model's italic over the cell's font, in the muted colour."""
        # option's fields are the option's own (not copies): kept fonts are copied, and the
        # palette is changed in place.
        base, italic = option.font, self._model.italic
        known = self._italic
        if known is None or known[0] != base or known[1] != italic:
            font = QFont(italic).resolve(base)
            known = self._italic = (QFont(base), QFont(italic), font, QFontMetrics(font))
        option.font = known[2]
        option.fontMetrics = known[3]
        option.palette.setBrush(_TEXT, self._model.muted_brush)
