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
    QMenu,
    QWidget,
    QWidgetAction,
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
        *bar.pickers.values(),
        bar.more,
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


def mnemonic(text: str) -> str | None:
    """The letter after a single "&" in a menu text ("&&" is a literal ampersand)."""
    i = 0
    while i < len(text) - 1:
        if text[i] == "&":
            if text[i + 1] != "&":
                return text[i + 1].lower()
            i += 1
        i += 1
    return None


def add_missing_mnemonics(menu: QMenu) -> None:
    """Give every entry of menu (and of its submenus) that has no "&" letter a free one.

    As KDE's accelerator manager does: entries added by any part of the window (the
    citation styles, say) become reachable by Alt+letter without each part choosing
    letters that the others might take. Word starts are tried first, then any letter.
    """
    entries = [
        a for a in menu.actions()
        if not a.isSeparator() and not isinstance(a, QWidgetAction) and a.text()
    ]  # fmt: skip
    used = {m for a in entries if (m := mnemonic(a.text()))}
    for action in entries:
        if action.menu() is not None:
            add_missing_mnemonics(action.menu())
        if mnemonic(action.text()) is None:
            text = action.text()
            index = _free_letter(text, used)
            if index is not None:
                used.add(text[index].lower())
                action.setText(f"{text[:index]}&{text[index:]}")


def _free_letter(text: str, used: set[str]) -> int | None:
    starts = [
        i for i, c in enumerate(text) if c.isalnum() and (i == 0 or not text[i - 1].isalnum())
    ]
    others = [i for i, c in enumerate(text) if c.isalnum() and i not in starts]
    return next((i for i in starts + others if text[i].lower() not in used), None)
