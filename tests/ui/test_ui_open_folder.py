"""Opening a folder of signer files, and PDF letters, from the window as a user does.

File > Open Folder (and its shortcut) with the folder dialog stubbed, a folder dropped on the
window, a folder that holds no signers, a PDF through File > Open, and the Open dialog's
filters. The folders are made in tmp_path as the letters on GitHub keep them.
"""

from __future__ import annotations

import pytest
from conftest import BUNDLED_LETTER
from openhelp import (
    LOAD_TIMEOUT_MS,
    assert_unchanged,
    drop_on,
    error_box,
    file_mime,
    open_with_dialog,
    snapshot,
    stub_open_dialog,
)
from pdfhelp import printed_pdf
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from uihelp import open_window, shown_names

from viewer.core.opening import open_document

SIGNERS = ["Ana Gomes", "Bob Blackman", "Carlos Zarate", "Dee Dee", "Émile Zola"]


@pytest.fixture
def window(qtbot):
    return open_window(qtbot)


@pytest.fixture
def signed(tmp_path):
    """A letter's repository: README.md with the letter, _data/signed/<name>.yaml."""
    folder = tmp_path / "support-letter"
    (folder / "_data" / "signed").mkdir(parents=True)
    (folder / "README.md").write_text(
        "# Open letter in support of a colleague\n\nWe, the undersigned, ask the board to "
        "reconsider its decision and to hear everyone involved before it acts again.\n",
        encoding="utf-8",
    )
    for n, name in enumerate(SIGNERS):
        (folder / "_data" / "signed" / f"{n:02}-{name.split()[0]}.yaml").write_text(
            f"name: {name}\nlink: https://example.org/{n}\n", encoding="utf-8"
        )
    return folder


def stub_folder_dialog(monkeypatch, path) -> list[tuple]:
    calls: list[tuple] = []

    def answer(*args, **kwargs):
        calls.append(args)
        return str(path) if path else ""

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(answer))
    return calls


def test_file_open_folder_opens_the_signer_files(qtbot, window, monkeypatch, signed):
    calls = stub_folder_dialog(monkeypatch, signed)
    with qtbot.waitSignal(window.opening.loader.succeeded, timeout=LOAD_TIMEOUT_MS):
        window.opening.open_folder_action.trigger()
    assert len(calls) == 1
    assert shown_names(window) == SIGNERS
    assert window.state.document.source.path == str(signed)
    assert "5 signatories" in window.windowTitle()
    assert "We, the undersigned, ask the board" in window.letter_view.toPlainText()
    header = window.table.model().headerData
    titles = [
        header(c, Qt.Orientation.Horizontal) for c in range(window.table.model().columnCount())
    ]
    assert "Link" in titles
    assert window.opening.notice.isVisible()  # the README was taken as the letter: said
    assert window.opening.notice.label.text().startswith("1 thing in this folder was read")


def test_ctrl_shift_o_asks_for_a_folder(qtbot, window, monkeypatch, signed):
    calls = stub_folder_dialog(monkeypatch, signed)
    with qtbot.waitSignal(window.opening.loader.succeeded, timeout=LOAD_TIMEOUT_MS):
        qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier
                       | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    assert len(calls) == 1 and shown_names(window) == SIGNERS


def test_cancelling_the_folder_dialog_changes_nothing(qtbot, window, monkeypatch):
    before = snapshot(window)
    stub_folder_dialog(monkeypatch, None)
    window.opening.open_folder_action.trigger()
    assert not window.opening.loader.busy
    assert_unchanged(window, before)


def test_a_folder_dropped_on_the_window_opens(qtbot, window, signed):
    with qtbot.waitSignal(window.opening.loader.succeeded, timeout=LOAD_TIMEOUT_MS):
        assert drop_on(window, file_mime(signed))
    assert shown_names(window) == SIGNERS


def test_a_folder_without_signers_is_an_error_and_the_letter_stays(qtbot, window, monkeypatch,
                                                                   tmp_path):  # fmt: skip
    (tmp_path / "notes.yaml").write_text("colour: blue\n", encoding="utf-8")
    before = snapshot(window)
    stub_folder_dialog(monkeypatch, tmp_path)
    window.opening.open_folder_action.trigger()
    qtbot.waitUntil(lambda: error_box(window) is not None, timeout=LOAD_TIMEOUT_MS)
    box = error_box(window)
    assert "None of the 1 files in this folder names a signer" in box.informativeText()
    assert_unchanged(window, before)
    box.close()


def test_an_opened_folder_is_in_open_recent_and_reopens(qtbot, window, monkeypatch, signed):
    stub_folder_dialog(monkeypatch, signed)
    with qtbot.waitSignal(window.opening.loader.succeeded, timeout=LOAD_TIMEOUT_MS):
        window.opening.open_folder_action.trigger()
    menu = window.opening.recent_menu
    menu.refresh()
    entry = next(a for a in menu.actions() if a.data() == str(signed))
    assert entry.isEnabled() and "not found" not in entry.text()
    window.opening.open_bundled()
    qtbot.waitUntil(lambda: len(shown_names(window)) == 158, timeout=LOAD_TIMEOUT_MS)
    with qtbot.waitSignal(window.opening.loader.succeeded, timeout=LOAD_TIMEOUT_MS):
        entry.trigger()
    assert shown_names(window) == SIGNERS


def test_the_open_dialog_lists_pdf_yaml_and_html(qtbot, window, monkeypatch):
    calls = stub_open_dialog(monkeypatch, None)
    window.opening.open_action.trigger()
    filters = calls[0][3]
    first = filters.split(";;")[0]
    for pattern in ("*.pdf", "*.yaml", "*.yml", "*.html", "*.htm", "*.txt", "*.json", "*.csv"):
        assert pattern in first
    assert "PDF letters (*.pdf)" in filters and "Web pages (*.html *.htm)" in filters


def test_a_pdf_letter_opens_from_file_open(qtbot, window, monkeypatch, tmp_path, source_text):
    path = printed_pdf(source_text, tmp_path / "kem-sokha.pdf")
    open_with_dialog(qtbot, window, monkeypatch, path)
    expected = open_document(BUNDLED_LETTER)
    assert shown_names(window) == [s.name for s in expected.signatories]
    assert window.state.document.source.format == "pdf"
    assert "158 signatories" in window.windowTitle()
