"""A desktop citizen: icon, .desktop file, About, the keyboard shortcut list, menus."""

from __future__ import annotations

import configparser
import hashlib

import pytest
from conftest import BUNDLED_LETTER, REPO
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QWidgetAction
from readhelp import give_focus
from uihelp import open_window

from viewer import __version__
from viewer.core.model import Document, Letter, Metadata, Source
from viewer.ui.common.desktop import APP_ICON, app_icon
from viewer.ui.dialogs.about_dialog import AboutDialog, about_text, library_versions
from viewer.ui.dialogs.shortcuts_dialog import key_text, shortcut_rows


@pytest.fixture
def window(qtbot):
    return open_window(qtbot)


def test_every_action_with_a_shortcut_is_listed(window):
    rows = shortcut_rows(window)
    listed = {(keys, what) for _section, keys, what in rows}
    actions = [a for a in window.findChildren(QAction) if not a.shortcut().isEmpty()]
    assert len(actions) >= 15
    for action in actions:
        name = action.text().replace("&", "").rstrip("\u2026")
        assert (key_text(action), name) in listed, name
    keys = " | ".join(k for _s, k, _w in rows)
    for expected in ("F3", "Ctrl+P", "Ctrl+F", "Ctrl+0", "Ctrl+Plus", "Esc", "Shift+Enter"):
        assert expected in keys, expected
    sections = {s for s, _k, _w in rows}
    assert {"File", "Edit", "View", "Help", "In the find bar"} <= sections


def test_f1_opens_the_shortcut_list(qtbot, window):
    give_focus(qtbot, window.table)
    qtbot.keyClick(window.table, Qt.Key.Key_F1)
    dialog = window.reading.dialogs["shortcuts"]
    qtbot.waitUntil(dialog.isVisible)
    listed = dialog.listed()
    print_action = window.reading.print_action
    assert (key_text(print_action), "Print") in listed
    assert len(listed) == len(shortcut_rows(window))
    dialog.close()


def test_new_actions_use_standard_keys(window):
    r = window.reading
    std = QKeySequence.StandardKey
    assert r.print_action.shortcut() == QKeySequence(std.Print)
    assert r.shortcuts_action.shortcuts() == QKeySequence.keyBindings(std.HelpContents)
    assert r.find_next_action.shortcuts() == QKeySequence.keyBindings(std.FindNext)
    assert r.find_previous_action.shortcuts() == QKeySequence.keyBindings(std.FindPrevious)


def test_every_menu_entry_has_a_mnemonic_and_no_two_share_one(window):
    def walk(menu, path):
        letters = {}
        for action in menu.actions():
            if action.isSeparator() or isinstance(action, QWidgetAction):
                continue  # sections, separators and shown widgets (the citation preview)
            text = action.text()
            assert "&" in text, f"{path} > {text}"
            letter = text[text.index("&") + 1].lower()
            letters.setdefault(letter, []).append(text)
            if action.menu() is not None:
                walk(action.menu(), f"{path} > {text}")
        clashes = {k: v for k, v in letters.items() if len(v) > 1}
        assert not clashes, f"{path}: {clashes}"

    for top in window.menuBar().actions():
        walk(top.menu(), top.text())


def test_about_names_version_provenance_and_licences(window, bundled):
    text = about_text(bundled, library_versions())
    sha = hashlib.sha256(BUNDLED_LETTER.read_bytes()).hexdigest()
    for expected in (
        f"Letter Viewer {__version__}",
        f"SHA-256 of the source: {sha}",
        f"Publisher: {bundled.metadata.publisher} ({bundled.metadata.publisher_short})",
        f"Published at: {bundled.metadata.url}",
        "LGPLv3",
        f"pyqtgraph {library_versions()['pyqtgraph']}: MIT",
        f"PySide6 {library_versions()['pyside']}",
    ):
        assert expected in text, expected
    window.show_about()
    dialog = window.reading.dialogs["about"]
    assert dialog.isVisible()
    assert dialog.text.toPlainText() == text
    dialog.close()


def test_about_shows_hostile_metadata_as_text(qtbot):
    doc = Document(
        letter=Letter(),
        metadata=Metadata(title="<b>T</b>", publisher="<a href='x'>P</a>", url="javascript:x"),
        source=Source(path="/tmp/<i>.txt", sha256="ab" * 32, format="text"),
    )
    dialog = AboutDialog(doc, app_icon())
    qtbot.addWidget(dialog)
    shown = dialog.text.toPlainText()
    assert "Title: <b>T</b>" in shown and "Publisher: <a href='x'>P</a>" in shown
    assert "Source file: /tmp/<i>.txt" in shown


def test_the_icon_is_the_bundled_svg_sharp_at_any_size(window):
    assert (REPO / "resources" / APP_ICON).is_file()
    icon = app_icon()
    assert not icon.isNull()
    for size in (16, 48, 256):
        pixmap = icon.pixmap(QSize(size, size))
        assert pixmap.size() == QSize(size, size)
    high = icon.pixmap(QSize(64, 64), 2.0)  # a 200% screen: drawn at 128 pixels, not scaled up
    assert high.size() == QSize(128, 128) and high.devicePixelRatio() == 2.0
    assert not window.windowIcon().isNull()


def test_the_desktop_file_names_the_command_and_the_icon():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(REPO / "resources" / "letter-viewer.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application"
    assert desktop["Exec"].split()[0] == "letter-viewer"
    assert desktop["Icon"] == APP_ICON.removesuffix(".svg")
    assert desktop["Name"] == QApplication.applicationName() or desktop["Name"] == "Letter Viewer"


def test_menu_letters_are_read_and_chosen_as_qt_does():
    from viewer.ui.common.accessibility import _free_letter, mnemonic

    assert mnemonic("Fish && &Chips") == "c"
    assert mnemonic("Fish && Chips") is None
    assert _free_letter("Plain text", {"p"}) == 6  # the next word's start: "t"
    assert _free_letter("APA", {"a", "p"}) is None


def test_the_shortcut_list_has_no_repeats_and_says_plus_in_words(qtbot, window):
    give_focus(qtbot, window.table)
    qtbot.keyClick(window.table, Qt.Key.Key_F1)
    dialog = window.reading.dialogs["shortcuts"]
    qtbot.waitUntil(dialog.isVisible)
    listed = dialog.listed()
    assert len(listed) == len(set(listed))
    whats = [what for _keys, what in listed]
    assert len(whats) == len(set(whats)), sorted(w for w in whats if whats.count(w) > 1)
    keys = dict((what, k) for k, what in listed)
    assert keys["Zoom In"].split(", ")[0] == "Ctrl+Plus"
    assert keys["Zoom Out"].split(", ")[0] == "Ctrl+Minus"
    assert not any("++" in k or "Zoom" in k for k, _what in listed)
    dialog.close()
