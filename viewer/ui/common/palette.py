"""Colours derived from the application's palette, so light and dark themes both work."""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette

MUTED_CONTRAST = 4.6  # WCAG AA's 4.5:1, with a little room for rounding on screen


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
    """Text that reads as secondary yet keeps at least 4.5:1 on the base colours (WCAG AA).

    A blend of text towards base, 40% where that still reads (about #767676 on white), less
    where the palette's base or alternate base would take it under 4.5:1.
    """
    p = palette or current_palette()
    text = p.color(QPalette.ColorRole.Text)
    grounds = (p.color(QPalette.ColorRole.Base), p.color(QPalette.ColorRole.AlternateBase))
    share = 0.4
    colour = mix(text, grounds[0], share)
    while share > 0 and min(contrast_ratio(colour, g) for g in grounds) < MUTED_CONTRAST:
        share -= 0.025
        colour = mix(text, grounds[0], max(share, 0.0))
    return colour


def find_colours(palette: QPalette | None = None) -> tuple[QColor, QColor, QColor, QColor]:
    """(background, text) for every match of a find, then for the current match.

    Every match gets a pale tint of the selection colour, the current one a stronger tint
    (and an underline, drawn by the find bar, so it does not hang on colour alone). Both keep
    the normal text colour: a glyph that overhangs the tinted box (the "P" in "CNRP,") then
    stays readable, where a selection's own text colour would vanish against the page.
    """
    p = palette or current_palette()
    role = QPalette.ColorRole
    text, base, highlight = p.color(role.Text), p.color(role.Base), p.color(role.Highlight)
    tint = readable_background(mix(highlight, base, 0.7), text)
    strong = readable_background(mix(highlight, base, 0.35), text)
    return tint, text, strong, text


def luminance(colour: QColor) -> float:
    """WCAG relative luminance (0 black, 1 white)."""

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours, 1 to 21."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def readable_background(background: QColor, text: QColor, ratio: float = 4.5) -> QColor:
    """background, moved away from text's lightness just enough for ratio (WCAG AA).

    A platform palette may pair its selection colour with a text colour below 4.5:1;
    find highlights must stay readable whatever palette the system gives.
    """
    target = QColor("black") if luminance(text) > 0.5 else QColor("white")
    colour, step = QColor(background), 0
    while contrast_ratio(colour, text) < ratio and step < 20:
        step += 1
        colour = mix(background, target, step / 20)
    return colour
