"""Helpers for the opening and export tests: the file dialogs stubbed, drops, the loader."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

LOAD_TIMEOUT_MS = 30_000


def stub_open_dialog(monkeypatch, path: str | Path | None) -> list[tuple]:
    """QFileDialog.getOpenFileName answers path (None: the user cancelled); returns the calls."""
    calls: list[tuple] = []

    def answer(*args, **kwargs):
        calls.append(args)
        return (str(path) if path else "", "")

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(answer))
    return calls


def stub_save_dialog(monkeypatch, path: str | Path | None) -> list[tuple]:
    """QFileDialog.getSaveFileName answers path; returns the calls (their suggested names)."""
    calls: list[tuple] = []

    def answer(*args, **kwargs):
        calls.append(args)
        return (str(path) if path else "", "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    return calls


def open_with_dialog(qtbot, window, monkeypatch, path: str | Path) -> None:
    """File > Open, the dialog answering path; returns once the loader has finished."""
    stub_open_dialog(monkeypatch, path)
    loader = window.opening.loader
    window.opening.open_action.trigger()
    qtbot.waitUntil(lambda: not loader.busy, timeout=LOAD_TIMEOUT_MS)


def file_mime(*paths: str | Path, urls: list[QUrl] | None = None) -> QMimeData:
    mime = QMimeData()
    mime.setUrls(urls if urls is not None else [QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def drag_over(widget: QWidget, mime: QMimeData) -> bool:
    """A drag entering widget; whether it was accepted."""
    enter = QDragEnterEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction | Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, enter)
    return enter.isAccepted()


def drop_on(widget: QWidget, mime: QMimeData) -> bool:
    """A drag entering widget and, if accepted, the drop; whether the drop was taken."""
    if not drag_over(widget, mime):
        return False
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction | Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, drop)
    return drop.isAccepted()


def error_box(window) -> QMessageBox | None:
    box = window.findChild(QMessageBox, "openErrorDialog")
    return box if box is not None and box.isVisible() else None


def snapshot(window) -> dict:
    """What a user sees of the open document, to compare before and after."""
    state = window.state
    return {
        "document": state.document,
        "engine": state.engine,
        "query": state.query,
        "rows": state.result.rows.tolist(),
        "title": window.windowTitle(),
        "count": window.status_count.text(),
        "letter": window.letter_view.toPlainText(),
    }


def assert_unchanged(window, before: dict) -> None:
    after = snapshot(window)
    assert after["document"] is before["document"]
    assert after["engine"] is before["engine"]
    for key in ("query", "rows", "title", "count", "letter"):
        assert after[key] == before[key], key
