"""The window as a whole: title, menus and shortcuts, tab order, the status line."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import REPO
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from uihelp import focused, open_window


@pytest.fixture
def window(qtbot):
    return open_window(qtbot)


def test_parts_have_their_stable_names(window):
    for name in ("letterView", "signatoryTable", "filterEdit", "countryFilter", "roleFilter",
                 "statusCount", "countryChart"):  # fmt: skip
        assert window.findChild(object, name) is not None, name


def test_title_names_the_document_and_its_count(window, bundled):
    title = window.windowTitle()
    assert bundled.title in title
    assert f"{len(bundled.signatories)} signatories" in title


def test_status_line_uses_singular_and_plural(window):
    window.state.set_text("rößner")
    assert window.status_count.text() == "Showing 1 of 158 signatories \u00b7 1 country"
    window.state.set_text("")
    assert window.status_count.text() == "Showing 158 of 158 signatories \u00b7 23 countries"


def _menus(window):
    return {a.text(): a.menu() for a in window.menuBar().actions()}


def test_menus_have_mnemonics_and_show_shortcuts(window):
    menus = _menus(window)
    assert list(menus) == ["&File", "&Edit", "&View", "&Help"]
    shortcuts = {
        a.text().replace("&", ""): a.shortcut()
        for m in menus.values()
        for a in m.actions()
        if not a.isSeparator()
    }
    assert shortcuts["Find in Letter\u2026"] == QKeySequence(QKeySequence.StandardKey.Find)
    assert shortcuts["Filter Signatories"] == QKeySequence("Ctrl+L")
    assert shortcuts["Quit"] == QKeySequence(QKeySequence.StandardKey.Quit)
    for m in menus.values():
        for a in m.actions():
            assert (
                a.isSeparator()
                or "&" in a.text()
                or a.menu()
                or a is window.chart_dock.toggleViewAction()
            )


def test_tab_order_goes_letter_filter_pickers_table_chart(qtbot, window):
    bar = window.filter_bar
    expected = [bar.edit, bar.country_picker, bar.role_picker, window.table, window.chart.grouping]
    window.letter_view.setFocus()
    qtbot.waitUntil(lambda: focused() is window.letter_view)
    seen = []
    for _ in range(12):
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        if focused() not in seen and focused() is not window.letter_view:
            seen.append(focused())
        if focused() is window.chart.grouping:
            break
    assert seen == expected


def test_letter_viewer_command_builds_the_window_offscreen():
    """Start-up smoke test in a fresh process (one QApplication per process)."""
    probe = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from viewer.app import create_main_window\n"
        "w = create_main_window()\n"
        "assert not w.isVisible()\n"
        "w.show(); app.processEvents()\n"
        "print(w.table.model().rowCount(), w.chart_dock.objectName())\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, timeout=60,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["158", "countryChart"]


def test_reset_layout_brings_back_the_default(qtbot, window):
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, window.chart_dock)
    window.chart_dock.hide()
    window.table.column_actions[1].setChecked(False)  # hide Name
    reset = next(
        a for a in _menus(window)["&View"].actions() if a.text().replace("&", "") == "Reset Layout"
    )
    reset.trigger()
    assert window.chart_dock.isVisible()
    assert window.dockWidgetArea(window.chart_dock) == Qt.DockWidgetArea.RightDockWidgetArea
    assert not window.table.horizontalHeader().isSectionHidden(1)
    assert window.table.horizontalHeader().isSectionHidden(0)
    assert window.table.column_actions[1].isChecked()
