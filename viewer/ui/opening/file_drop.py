"""Dropping a file (or a folder of signer files) onto the window opens it.

Only files on this computer are taken (a dragged web link is not fetched: the viewer never
goes online). The filter sits on the window and on the parts that take drops themselves
(the filter field would otherwise type the file's path), so a file dropped anywhere opens.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject, Qt, Signal
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QWidget

_DRAG_EVENTS = (QEvent.Type.DragEnter, QEvent.Type.DragMove)


def dropped_files(mime: QMimeData | None) -> list[Path]:
    """The local files and folders (not web addresses) a drag carries, in its order."""
    if mime is None or not mime.hasUrls():
        return []
    paths = (Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile())
    return [p for p in paths if p.is_file() or p.is_dir()]


class FileDropFilter(QObject):
    """Accepts drags of local files and folders over a window and reports the one dropped."""

    file_dropped = Signal(str, int)  # the first file or folder, how many were dropped

    def __init__(self, window: QWidget):
        super().__init__(window)
        window.setAcceptDrops(True)
        for widget in (window, *window.findChildren(QWidget)):
            if widget.acceptDrops():
                widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (*_DRAG_EVENTS, QEvent.Type.Drop):
            return False
        assert isinstance(event, QDropEvent)  # DragEnter and DragMove derive from it
        files = dropped_files(event.mimeData())
        if not files:
            return False  # text and web links: the widget under the pointer decides
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        if kind == QEvent.Type.Drop:
            self.file_dropped.emit(str(files[0]), len(files))
        return True
