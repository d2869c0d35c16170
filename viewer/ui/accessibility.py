"""Keyboard and screen-reader access across the window: the Tab chain, names, descriptions.

Each part names and describes its own controls where it makes them; this module puts the
parts in one Tab order (letter, find bar when open, filter, pickers, chips, table, chart) and
says which widgets count as controls, for the tests that walk them.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSlider,
    QComboBox,
    QLineEdit,
    QMainWindow,
    QWidget,
)


def tab_chain(window: QMainWindow) -> list[QWidget]:
    """The controls in the order Tab visits them (hidden ones are skipped by Qt)."""
    find = window.letter_pane.find_bar
    bar = window.filter_bar
    chart = window.chart
    return [
        window.letter_view,
        find.edit,
        find.previous_button,
        find.next_button,
        find.close_button,
        bar.edit,
        bar.country_picker,
        bar.role_picker,
        window.table,
        chart.grouping,
        chart.table_toggle,
        chart.table,
    ]


def set_tab_order(window: QMainWindow) -> None:
    """Link the chain; each call puts its second widget right after its first."""
    for first, second in itertools.pairwise(tab_chain(window)):
        QWidget.setTabOrder(first, second)


def is_control(widget: QWidget) -> bool:
    """A widget a user operates: it takes focus by Tab, or it is a button or an input.

    Scroll bars are left out (each scroll area's own keys move it), and so are the parts
    Qt builds inside a combo box or a line edit (its popup list, its clear button).
    """
    if isinstance(widget, QAbstractSlider):
        return False
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox | QLineEdit):
            return False
        parent = parent.parentWidget()
    takes_tab = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
    kinds = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QAbstractScrollArea)
    return takes_tab and isinstance(widget, kinds)
