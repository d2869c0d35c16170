"""Themes: follow the system's scheme, force light or dark; every part follows the palette."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from readhelp import theme_settled
from uihelp import open_window

from viewer.app import create_main_window
from viewer.core.storage.settings import preferences_file
from viewer.ui.common.palette import find_colours, muted_text
from viewer.ui.common.theme import DARK, LIGHT, is_dark, theme_manager

R = QPalette.ColorRole


@pytest.fixture
def window(qtbot):
    window = open_window(qtbot)
    yield window
    theme_manager().set_choice("system")  # the next test starts from the platform's look


def _settled(qtbot, window) -> None:
    """Widgets take a new application palette through posted events: wait for them."""
    theme_settled(qtbot, window)


def _chart_colours(window):
    plot = window.chart.plot
    return plot.backgroundBrush().color(), plot.item.name_colour


def test_forcing_dark_recolours_the_chart_letter_table_and_find_bar(qtbot, window):
    window.reading.theme_actions["dark"].trigger()
    _settled(qtbot, window)
    palette = QApplication.palette()
    assert is_dark(palette)
    assert palette.color(R.Base).name() == DARK[R.Base]
    assert QApplication.style().name().lower() == "fusion"
    background, axis_text = _chart_colours(window)
    assert background == palette.color(R.Base)
    assert axis_text == palette.color(R.Text)
    assert background.lightness() < 60 and axis_text.lightness() > 200
    # Bars are drawn from the dark palette's highlight, not pyqtgraph's defaults.
    styles = window.chart.plot.item.styles
    assert styles[0].brush.color() == window.chart.plot.colours.bar
    # The letter's "Signed by" link takes the dark palette's link colour.
    view = window.letter_view
    link = view.document().lastBlock().begin().fragment().charFormat().foreground().color()
    assert link == palette.color(R.Link)
    # "Not stated" in the table is muted against the dark base.
    model = window.table.model()
    row = next(r for r in range(model.rowCount()) if model.signatory(r).country is None)
    assert model.data(model.index(row, 3), Qt.ItemDataRole.ForegroundRole) == muted_text(palette)
    # Find highlights come from the dark palette too.
    window.letter_pane.find_bar.open_bar()
    qtbot.keyClicks(window.letter_pane.find_bar.edit, "sokha")
    selections = view.extraSelections()
    backgrounds = [s.format.background().color() for s in selections]
    assert backgrounds[0] == find_colours(palette)[2]
    assert backgrounds[1] == find_colours(palette)[0]
    assert backgrounds[0].lightness() < 100  # a dark tint on the dark page, not a light one


def test_back_to_light_and_to_system(qtbot, window):
    window.reading.theme_actions["dark"].trigger()
    _settled(qtbot, window)
    window.reading.theme_actions["light"].trigger()
    _settled(qtbot, window)
    palette = QApplication.palette()
    assert not is_dark(palette)
    assert palette.color(R.Highlight).name() == LIGHT[R.Highlight]
    assert _chart_colours(window) == (palette.color(R.Base), palette.color(R.Text))
    window.reading.theme_actions["system"].trigger()
    # The offscreen platform says nothing about a scheme: its own (light) palette is back.
    assert QApplication.palette().resolveMask() == 0
    assert not is_dark(QApplication.palette())
    assert window.reading.theme_actions["system"].isChecked()


def test_system_mode_follows_the_systems_scheme_as_it_changes(qtbot, window):
    hints = QApplication.styleHints()
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert is_dark(QApplication.palette())
    _settled(qtbot, window)
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert not is_dark(QApplication.palette())
    # A forced theme ignores the system.
    window.reading.theme_actions["light"].trigger()
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert not is_dark(QApplication.palette())


def test_the_chosen_theme_is_remembered(qtbot, window):
    window.reading.theme_actions["dark"].trigger()
    assert json.loads(preferences_file().path.read_text("utf-8"))["theme"] == "dark"
    window.close()
    theme_manager().set_choice("system")
    again = open_window(qtbot)
    assert is_dark(QApplication.palette())
    assert again.reading.theme_actions["dark"].isChecked()


def test_a_theme_from_the_command_line_is_used_but_not_saved(qtbot):
    window = create_main_window(theme="dark")
    qtbot.addWidget(window)
    try:
        assert is_dark(QApplication.palette())
        assert window.reading.theme_actions["dark"].isChecked()
        assert not preferences_file().path.exists()
    finally:
        theme_manager().set_choice("system")
