"""Text contrast of at least 4.5:1 (WCAG AA) in the light and the dark theme.

The colours are read from the window as it draws them: the palette roles each part uses and
the colours our code derives from them (muted "not stated", the chart's axis and counts,
find highlights). The ratios are WCAG 2.x's, computed here independently of the app.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from readhelp import contrast, theme_settled
from uihelp import open_window

from viewer.ui.common.palette import find_colours
from viewer.ui.common.theme import theme_manager

R = QPalette.ColorRole
AA = 4.5


def _pairs(window) -> dict[str, tuple]:
    """(text colour, background colour) for every kind of text the window shows."""
    view, table, plot = window.letter_view, window.table, window.chart.plot
    p, tp = view.palette(), table.palette()
    model = table.model()
    row = next(r for r in range(model.rowCount()) if model.signatory(r).country is None)
    muted = model.data(model.index(row, 3), Qt.ItemDataRole.ForegroundRole)
    chart_bg = plot.backgroundBrush().color()
    tint, text, strong, strong_text = find_colours(p)
    wp = window.palette()
    return {
        "letter text on base": (p.color(R.Text), p.color(R.Base)),
        "letter link on base": (p.color(R.Link), p.color(R.Base)),
        "table text on base": (tp.color(R.Text), tp.color(R.Base)),
        "table text on alternate base": (tp.color(R.Text), tp.color(R.AlternateBase)),
        "not stated on base": (muted, tp.color(R.Base)),
        "not stated on alternate base": (muted, tp.color(R.AlternateBase)),
        "chart axis text on chart": (plot.item.name_colour, chart_bg),
        "chart counts on chart": (plot.colours.text, chart_bg),
        "chart counts outside the filter on chart": (plot.colours.muted, chart_bg),
        "window text on window": (wp.color(R.WindowText), wp.color(R.Window)),
        "button text on button": (wp.color(R.ButtonText), wp.color(R.Button)),
        "placeholder on base": (p.color(R.PlaceholderText), p.color(R.Base)),
        "hint on window": (wp.color(R.PlaceholderText), wp.color(R.Window)),
        "selected text on selection": (wp.color(R.HighlightedText), wp.color(R.Highlight)),
        "find match": (text, tint),
        "find current match": (strong_text, strong),
    }


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_every_text_has_aa_contrast(qtbot, theme):
    window = open_window(qtbot)
    try:
        window.reading.theme_actions[theme].trigger()
        theme_settled(qtbot, window)
        ratios = {name: contrast(fg, bg) for name, (fg, bg) in _pairs(window).items()}
        print(f"\n{theme}:")
        for name, ratio in ratios.items():
            print(f"  {ratio:5.2f}:1  {name}")
        low = {name: round(r, 2) for name, r in ratios.items() if r < AA}
        assert not low, f"below {AA}:1 in the {theme} theme: {low}"
    finally:
        theme_manager().set_choice("system")


def test_derived_colours_keep_aa_on_the_platforms_own_palette(qtbot):
    # In "system" the palette is the platform's; what we derive from it must still read.
    window = open_window(qtbot)
    pairs = _pairs(window)
    for name in ("not stated on base", "not stated on alternate base", "chart axis text on chart",
                 "find match", "find current match"):  # fmt: skip
        assert contrast(*pairs[name]) >= AA, name


def test_the_ratio_formula_matches_wcag_reference_values():
    from PySide6.QtGui import QColor

    assert contrast(QColor("black"), QColor("white")) == pytest.approx(21.0)
    assert contrast(QColor("#767676"), QColor("white")) == pytest.approx(4.54, abs=0.01)
    assert contrast(QColor("white"), QColor("white")) == pytest.approx(1.0)
