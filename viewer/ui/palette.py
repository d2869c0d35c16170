"""Colours derived from the application's palette, so light and dark themes both work."""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette


def mix(a: QColor, b: QColor, t: float) -> QColor:
    """The colour t of the way from a to b (0: a, 1: b)."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
    )


def current_palette() -> QPalette:
    return QGuiApplication.palette()


def muted_text(palette: QPalette | None = None) -> QColor:
    """Text that reads as secondary yet keeps a contrast near 5:1 on the base colour.

    A 40% blend of text towards base is about #666 on white and #aaa on a dark base;
    the palette's PlaceholderText is often paler than that.
    """
    p = palette or current_palette()
    return mix(p.color(QPalette.ColorRole.Text), p.color(QPalette.ColorRole.Base), 0.4)
