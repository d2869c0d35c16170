"""The keyboard focus in the signatory table: a frame around the current row.

Qt's own focus rectangle is a faint dotted line around one cell, hard to find on a selected
row. The table draws a two-pixel frame around the whole current row while it has the focus,
in a colour with at least 3:1 against the row's every background (WCAG 2.x non-text
contrast): the base colours of the rows and the selection colour of a selected row.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QPainter, QPalette, QPen

from viewer.ui.common.palette import contrast_ratio

FRAME_CONTRAST = 3.0
FRAME_WIDTH = 2


def frame_grounds(palette: QPalette) -> tuple[QColor, QColor, QColor]:
    """What lies on either side of the frame: the two row colours and the selection's."""
    role = QPalette.ColorRole
    base, alternate = palette.color(role.Base), palette.color(role.AlternateBase)
    return base, alternate, palette.color(role.Highlight)


def focus_frame_colour(palette: QPalette) -> QColor:
    """The frame's colour: the text colour where it has 3:1 on every ground, else black or
    white, whichever stands out more from the ground nearest to it."""
    grounds = frame_grounds(palette)
    text = palette.color(QPalette.ColorRole.Text)

    def least(colour: QColor) -> float:
        return min(contrast_ratio(colour, g) for g in grounds)

    if least(text) >= FRAME_CONTRAST:
        return text
    return max((text, QColor("black"), QColor("white")), key=least)


def paint_focus_frame(painter: QPainter, row: QRect, colour: QColor) -> None:
    """A frame of FRAME_WIDTH pixels just inside a row's rectangle."""
    pen = QPen(colour, FRAME_WIDTH)
    pen.setJoinStyle(pen.joinStyle().MiterJoin)
    painter.setPen(pen)
    half = FRAME_WIDTH // 2
    painter.drawRect(row.adjusted(half, half, -half, -half))
