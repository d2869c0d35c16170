"""Help > Keyboard Shortcuts: read from the window's own actions, so the list cannot go stale.

Every QAction of the window that has a shortcut is listed under the menu that holds it (or
"Window" if no menu does), with all its key sequences in the platform's notation; then the
keys that work inside one part of the window, which are no actions.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMainWindow,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from viewer.ui.letter.find_bar import IN_WIDGET_KEYS as FIND_KEYS

IN_WIDGET_KEYS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("Everywhere", (
        ("Tab, Shift+Tab", "move between the letter, the find bar, the filter, the pickers, "
                           "the table and the chart"),
        ("Alt+letter", "open a menu by its underlined letter"),
        ("Ctrl+wheel", "zoom the letter or the table under the mouse"),
    )),
    ("In the letter", (
        ("Page Up, Page Down, Home, End", "scroll the letter"),
        ("Tab (in the letter)", "go to the \u201cSigned by\u201d link; Enter follows it"),
    )),
    ("In the find bar", FIND_KEYS),
    ("In the filter field", (
        ("Esc", "clear the filter"),
        ("Down or Enter", "go to the first row of the table"),
    )),
    ("In a picker's list", (("Space or Enter", "choose or un-choose the country or role"),)),
    ("In the chart's table", (("Space or Enter", "filter by that row, as a click on a bar"),)),
)  # fmt: skip


# Keys whose sign reads badly after the "+" that joins keys ("Ctrl++"): said as users say them.
KEY_WORDS = {Qt.Key.Key_Plus: "Plus", Qt.Key.Key_Minus: "Minus"}
# Keys of special keyboards only (Qt's standard zoom bindings include them): not listed.
RARE_KEYS = {Qt.Key.Key_ZoomIn, Qt.Key.Key_ZoomOut}


def key_text(action: QAction) -> str:
    """An action's shortcuts in the platform's notation, "F3, Ctrl+G", "Ctrl+Plus, Ctrl+="."""
    texts = [sequence_text(s) for s in action.shortcuts()]
    return ", ".join(dict.fromkeys(t for t in texts if t))


def sequence_text(sequence: QKeySequence) -> str:
    """One key sequence as users write it ("" for keys of special keyboards only)."""
    parts = []
    for i in range(sequence.count()):
        combination = sequence[i]
        key = combination.key()
        if key in RARE_KEYS:
            return ""
        text = QKeySequence(combination).toString(QKeySequence.SequenceFormat.NativeText)
        word = KEY_WORDS.get(key)
        if word is not None:
            sign = QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
            text = text.removesuffix(sign) + word
        parts.append(text)
    return ", ".join(parts)


def action_name(action: QAction) -> str:
    """An action's text without mnemonics or the trailing ellipsis."""
    return action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("\u2026")


def shortcut_rows(window: QMainWindow) -> list[tuple[str, str, str]]:
    """(section, keys, what) for every action of the window with a shortcut, then in-widget keys."""
    rows: list[tuple[str, str, str]] = []
    seen: set[int] = set()
    for top in window.menuBar().actions():
        if top.menu() is not None:
            _menu_rows(top.menu(), action_name(top), rows, seen)
    for action in window.findChildren(QAction):
        if id(action) not in seen and not action.shortcut().isEmpty():
            seen.add(id(action))
            rows.append(("Window", key_text(action), action_name(action)))
    for section, keys in IN_WIDGET_KEYS:
        rows += [(section, k, what) for k, what in keys]
    return _unique(rows)


def _unique(rows: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """The rows without repeats of the same keys doing the same thing (the first one stays)."""
    seen: set[tuple[str, str]] = set()
    kept = []
    for section, keys, what in rows:
        if (keys, what) not in seen:
            seen.add((keys, what))
            kept.append((section, keys, what))
    return kept


def _menu_rows(menu: QMenu, path: str, rows: list, seen: set[int]) -> None:
    for action in menu.actions():
        if action.menu() is not None:
            _menu_rows(action.menu(), f"{path} \u203a {action_name(action)}", rows, seen)
        elif id(action) in seen:
            continue  # one action in two menus is listed once, under the first
        elif not action.isSeparator() and not action.shortcut().isEmpty():
            seen.add(id(action))
            rows.append((path, key_text(action), action_name(action)))


class ShortcutsDialog(QDialog):
    """The list of shortcuts, grouped by menu (objectName ``shortcutsDialog``)."""

    def __init__(self, window: QMainWindow, parent: QWidget | None = None):
        super().__init__(parent or window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle("Keyboard Shortcuts")
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("shortcutList")
        self.tree.setHeaderLabels(["Keys", "What they do"])
        self.tree.setAccessibleName("Keyboard shortcuts")
        self.tree.setAccessibleDescription("Every shortcut of the window, grouped by menu")
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self._fill(shortcut_rows(window))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleDescription(
            "Closes this list"
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.resize(640, 560)

    def _fill(self, rows: list[tuple[str, str, str]]) -> None:
        groups: dict[str, QTreeWidgetItem] = {}
        for section, keys, what in rows:
            group = groups.get(section)
            if group is None:
                group = QTreeWidgetItem([section])
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                self.tree.addTopLevelItem(group)
                group.setFirstColumnSpanned(True)  # a heading across both columns
                groups[section] = group
            item = QTreeWidgetItem([keys, what])
            item.setToolTip(1, what)
            group.addChild(item)
        self.tree.expandAll()
        if self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self.tree.setFocus(Qt.FocusReason.OtherFocusReason)

    def listed(self) -> list[tuple[str, str]]:
        """(keys, what) of every row shown (for tests)."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            out += [
                (group.child(j).text(0), group.child(j).text(1)) for j in range(group.childCount())
            ]
        return out
