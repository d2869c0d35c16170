"""The table's columns fit the pane at every window size, and columns no entry states wait
in the header's menu.

The window is resized as a user resizes it; after each resize no column lies behind a
horizontal scroll bar, and room to spare goes to a name that would be elided.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontMetrics
from uihelp import open_window

from viewer.ui.signatories.column_widths import fitted_widths, wanted_for_drag
from viewer.ui.signatories.signatory_model import COLUMN_INDEX

NAME, ROLE, COUNTRY = COLUMN_INDEX["name"], COLUMN_INDEX["role"], COLUMN_INDEX["country"]
SIZES = [(1024, 640), (1366, 768), (1920, 1080), (1024, 640)]


def _resize(qtbot, window, size: tuple[int, int]) -> None:
    window.resize(*size)
    qtbot.waitUntil(lambda: window.size().width() == size[0])
    table = window.table
    qtbot.waitUntil(lambda: table.horizontalHeader().length() <= table.viewport().width())
    qtbot.waitUntil(lambda: not table.horizontalScrollBar().isVisible())  # laid out again


def _shown(table) -> list[int]:
    header = table.horizontalHeader()
    return [i for i in range(header.count()) if not header.isSectionHidden(i)]


def _assert_nothing_cut(table) -> None:
    header = table.horizontalHeader()
    pane = table.viewport().width()
    assert header.length() <= pane
    assert not table.horizontalScrollBar().isVisible()
    for section in _shown(table):
        assert header.sectionViewportPosition(section) + header.sectionSize(section) <= pane


def _longest(table, column: int) -> int:
    """The width of a column's longest entry, as the font draws it."""
    model, fm = table.model(), QFontMetrics(table.font())
    return max(fm.horizontalAdvance(model.data(model.index(r, column)) or "")
               for r in range(model.rowCount()))  # fmt: skip


def test_columns_fit_the_pane_after_every_resize(qtbot):
    window = open_window(qtbot)
    for size in SIZES:
        _resize(qtbot, window, size)
        _assert_nothing_cut(window.table)
    # At full HD there is room for whole names: none is elided beside empty space.
    _resize(qtbot, window, (1920, 1080))
    header = window.table.horizontalHeader()
    assert header.sectionSize(NAME) >= _longest(window.table, NAME)
    assert header.sectionSize(COUNTRY) >= _longest(window.table, COUNTRY)


def test_a_dragged_width_keeps_its_share_of_the_pane(qtbot):
    window = open_window(qtbot)
    _resize(qtbot, window, (1366, 768))
    table, header = window.table, window.table.horizontalHeader()
    header.resizeSection(ROLE, 400)  # as a drag of the header's edge does
    share = 400 / table.viewport().width()
    _resize(qtbot, window, (1024, 640))
    _assert_nothing_cut(table)
    assert header.sectionSize(ROLE) < 400
    assert abs(header.sectionSize(ROLE) / table.viewport().width() - share) < 0.05
    _resize(qtbot, window, (1366, 768))
    assert abs(header.sectionSize(ROLE) - 400) <= 2  # the same pane: as the user left it
    _resize(qtbot, window, (1920, 1080))
    assert header.sectionSize(ROLE) >= 400  # a wider pane: never narrower than dragged
    _assert_nothing_cut(table)


def test_the_fitting_rule():
    # Too wide: all scaled down together; the last column keeps its share.
    sizes = fitted_widths({1: 200, 2: 400}, 200, 400, 20)
    assert sizes == {1: 100, 2: 200}
    # Columns at their least width: the others give up what is missing.
    sizes = fitted_widths({1: 10, 2: 1000}, 10, 300, 30)
    assert sizes[1] == 30 and sum(sizes.values()) + 30 <= 300
    # Room to spare goes to measured columns up to their whole width, not beyond.
    assert fitted_widths({1: 100, 2: 100}, 100, 1000, 20, {1: 150}) == {1: 150, 2: 100}
    # A drag in a pane that cannot hold the row: a wanted width that fits back to the drag.
    wanted = {1: 300, 2: 300}
    w = wanted_for_drag(1, 200, wanted, 300, 500, 20)
    assert w > 200
    assert fitted_widths({**wanted, 1: w}, 300, 500, 20)[1] == 200


@pytest.fixture
def roleless_csv(tmp_path):
    path = tmp_path / "no-roles.csv"
    rows = ["name,country", "Ana Gómez,Spain", "Ben Okafor,Nigeria", "Chloé Martin,France"]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return str(path)


def test_a_column_no_entry_states_is_hidden_and_can_be_shown(qtbot, roleless_csv):
    window = open_window(qtbot, roleless_csv)
    table = window.table
    header = table.horizontalHeader()
    assert header.isSectionHidden(ROLE)
    assert not header.isSectionHidden(NAME) and not header.isSectionHidden(COUNTRY)
    role_action = next(a for a in window.menus.columns_menu.actions() if a.text() == "&Role")
    assert not role_action.isChecked()
    role_action.trigger()  # View > Columns > Role
    assert not header.isSectionHidden(ROLE)
    _assert_nothing_cut(table)
    window.close()

    again = open_window(qtbot, roleless_csv)  # the choice is remembered for such letters
    assert not again.table.horizontalHeader().isSectionHidden(ROLE)
    again.close()

    bundled = open_window(qtbot)  # a letter with roles shows them, whatever was chosen above
    assert not bundled.table.horizontalHeader().isSectionHidden(ROLE)
