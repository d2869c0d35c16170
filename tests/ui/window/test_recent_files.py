"""File > Open Recent: the stored list (core) and the menu (window), across windows."""

from __future__ import annotations

import json

import pytest
from conftest import BUNDLED_LETTER
from openhelp import LOAD_TIMEOUT_MS, open_with_dialog
from uihelp import open_window, shown_names

from viewer.core.storage.recent_files import RecentFileList, with_added, without
from viewer.core.storage.settings import MAX_RECENT_FILES, recent_files_file


def _letters(tmp_path, *names: str):
    paths = []
    for name in names:
        path = tmp_path / name
        path.write_text(f"name\n{path.stem.title()}\n", encoding="utf-8")
        paths.append(path)
    return paths


# -- the list ----------------------------------------------------------------------------------


def test_newest_first_no_repeats_capped_at_ten(tmp_path):
    paths: list[str] = []
    for i in range(14):
        paths = with_added(paths, tmp_path / f"{i}.csv")
    assert len(paths) == MAX_RECENT_FILES == 10
    assert paths[0] == str(tmp_path / "13.csv")
    assert paths[-1] == str(tmp_path / "4.csv")
    again = with_added(paths, tmp_path / "sub" / ".." / "8.csv")  # the same file, spelled otherwise
    assert again[0] == str(tmp_path / "8.csv")
    assert len(again) == 10 and again.count(str(tmp_path / "8.csv")) == 1
    assert str(tmp_path / "8.csv") not in without(again, tmp_path / "8.csv")


def test_the_list_is_kept_in_the_state_folder(tmp_path, _private_dirs):
    recent = RecentFileList()
    recent.add(tmp_path / "a.csv")
    stored = json.loads(recent_files_file().path.read_text("utf-8"))
    assert stored["paths"] == [str(tmp_path / "a.csv")]
    assert str(recent_files_file().path).startswith(str(_private_dirs / "xdg_state_home"))


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b'{"schema_version": 1, "paths": "not a list"}',
        b'{"schema_version": 1, "paths": [1, 2]}',
        b'{"schema_version": 1, "paths": ["' + b"x" * 5000 + b'"]}',
        json.dumps({"schema_version": 1, "paths": [f"/{i}" for i in range(11)]}).encode(),
        b"\xff\xfe garbage",
    ],
    ids=["empty", "string", "numbers", "too-long", "eleven", "not-utf8"],
)
def test_a_damaged_list_is_set_aside_and_starts_empty(content):
    store = recent_files_file()
    store.path.parent.mkdir(parents=True, exist_ok=True)
    store.path.write_bytes(content)
    recent = RecentFileList()
    assert recent.paths() == []
    assert "could not be read" in recent.notice
    kept = list(store.path.parent.glob("recent-files.json.corrupt-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == content


# -- the menu ----------------------------------------------------------------------------------


def _menu_entries(window) -> list[tuple[str, bool]]:
    menu = window.opening.recent_menu
    menu.aboutToShow.emit()  # what opening the menu does
    return [(a.text(), a.isEnabled()) for a in menu.file_actions()]


def test_opened_files_are_listed_newest_first(qtbot, monkeypatch, tmp_path):
    window = open_window(qtbot)
    a, b = _letters(tmp_path, "alpha.csv", "beta.csv")
    open_with_dialog(qtbot, window, monkeypatch, a)
    open_with_dialog(qtbot, window, monkeypatch, b)
    open_with_dialog(qtbot, window, monkeypatch, a)
    assert _menu_entries(window) == [("&1 alpha.csv", True), ("&2 beta.csv", True)]
    tips = [act.toolTip() for act in window.opening.recent_menu.file_actions()]
    assert tips == [str(a), str(b)]


def test_the_bundled_letter_is_not_listed(qtbot, monkeypatch):
    window = open_window(qtbot)
    open_with_dialog(qtbot, window, monkeypatch, BUNDLED_LETTER)
    with qtbot.waitSignal(window.opening.loader.succeeded, timeout=LOAD_TIMEOUT_MS):
        window.opening.bundled_action.trigger()
    assert _menu_entries(window) == []
    menu = window.opening.recent_menu
    assert next(a.text() for a in menu.actions() if not a.isSeparator()) == "No Recent Files"


def test_choosing_a_recent_file_opens_it(qtbot, monkeypatch, tmp_path):
    window = open_window(qtbot)
    a, b = _letters(tmp_path, "alpha.csv", "beta.csv")
    open_with_dialog(qtbot, window, monkeypatch, a)
    open_with_dialog(qtbot, window, monkeypatch, b)
    _menu_entries(window)
    second = window.opening.recent_menu.file_actions()[1]
    with qtbot.waitSignal(window.opening.loader.succeeded, timeout=LOAD_TIMEOUT_MS):
        second.trigger()
    assert shown_names(window) == ["Alpha"]


def test_a_missing_file_is_greyed_out_and_can_be_removed(qtbot, monkeypatch, tmp_path):
    window = open_window(qtbot)
    a, b = _letters(tmp_path, "alpha.csv", "beta.csv")
    open_with_dialog(qtbot, window, monkeypatch, a)
    open_with_dialog(qtbot, window, monkeypatch, b)
    a.unlink()
    assert _menu_entries(window) == [("&1 beta.csv", True), ("&2 alpha.csv (not found)", False)]
    menu = window.opening.recent_menu
    remove = menu.findChild(type(menu.menuAction()), "removeMissingRecent")
    assert remove.isEnabled()
    remove.trigger()
    assert _menu_entries(window) == [("&1 beta.csv", True)]
    assert not menu.findChild(type(menu.menuAction()), "removeMissingRecent").isEnabled()


def test_clear_recent_empties_the_list(qtbot, monkeypatch, tmp_path):
    window = open_window(qtbot)
    (a,) = _letters(tmp_path, "alpha.csv")
    open_with_dialog(qtbot, window, monkeypatch, a)
    _menu_entries(window)
    menu = window.opening.recent_menu
    menu.findChild(type(menu.menuAction()), "clearRecent").trigger()
    assert _menu_entries(window) == []
    assert RecentFileList().paths() == []


def test_the_list_is_shared_by_windows_and_runs(qtbot, monkeypatch, tmp_path):
    first = open_window(qtbot)
    a, b = _letters(tmp_path, "alpha.csv", "beta.csv")
    open_with_dialog(qtbot, first, monkeypatch, a)
    second = open_window(qtbot)  # a later run reads the same state folder
    assert _menu_entries(second) == [("&1 alpha.csv", True)]
    open_with_dialog(qtbot, second, monkeypatch, b)
    assert _menu_entries(first) == [("&1 beta.csv", True), ("&2 alpha.csv", True)]


def test_same_names_in_different_folders_show_the_folder(qtbot, monkeypatch, tmp_path):
    window = open_window(qtbot)
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    (a,) = _letters(tmp_path / "one", "list & more.csv")
    (b,) = _letters(tmp_path / "two", "list & more.csv")
    open_with_dialog(qtbot, window, monkeypatch, a)
    open_with_dialog(qtbot, window, monkeypatch, b)
    assert _menu_entries(window) == [
        ("&1 list && more.csv \u2014 two", True),  # "&&" shows one "&", not a mnemonic
        ("&2 list && more.csv \u2014 one", True),
    ]
