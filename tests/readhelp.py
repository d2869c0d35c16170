"""Helpers for the reading tests: focus that waits for the window, WCAG contrast."""

from __future__ import annotations

from PySide6.QtGui import QColor
from uihelp import focused


def give_focus(qtbot, widget) -> None:
    """Focus a widget and wait until it has it (the window activates asynchronously)."""
    widget.window().activateWindow()
    widget.setFocus()
    qtbot.waitUntil(lambda: focused() is widget)


def relative_luminance(colour: QColor) -> float:
    """WCAG 2.x relative luminance of an sRGB colour."""

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio, from 1 (none) to 21 (black on white)."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def theme_settled(qtbot, window) -> None:
    """Wait until the window and its chart draw with the application's (new) palette."""
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    def settled() -> bool:
        app = QApplication.palette()
        roles = (QPalette.ColorRole.Highlight, QPalette.ColorRole.Base, QPalette.ColorRole.Text)
        same = all(window.palette().color(r) == app.color(r) for r in roles)
        chart = window.chart.plot.backgroundBrush().color() == app.color(QPalette.ColorRole.Base)
        return same and chart

    qtbot.waitUntil(settled)
