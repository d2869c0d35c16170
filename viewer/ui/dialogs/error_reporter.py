"""Unexpected errors: logged, shown once in plain words, and the app keeps running.

``sys.excepthook`` catches what a slot raises (PySide6 reports slot exceptions through it);
``threading.excepthook`` catches worker threads. Both hand the error to the GUI thread through
a queued signal, so no widget is ever created off it.
"""

from __future__ import annotations

import contextlib
import sys
import threading
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from viewer.core.storage.settings import LOG_NAME, append_log

_activity = threading.local()


@contextlib.contextmanager
def activity(description: str) -> Iterator[None]:
    """Name what the user is doing ("copying") so an error dialog can say so."""
    previous = getattr(_activity, "name", None)
    _activity.name = description
    try:
        yield
    except BaseException as exc:
        if not hasattr(exc, "viewer_activity"):
            exc.viewer_activity = description  # type: ignore[attr-defined]
        raise
    finally:
        _activity.name = previous


class ErrorReporter(QObject):
    """Turns uncaught exceptions into one non-stacking dialog on the GUI thread."""

    reported = Signal(str, str)  # summary sentence, traceback text

    def __init__(self, parent_widget: Callable[[], QWidget | None], log_dir: Path | None):
        super().__init__()
        self._parent_widget = parent_widget
        self.log_dir = log_dir
        self._dialog: QMessageBox | None = None
        self._repeats = 0
        self._previous_hooks = (sys.excepthook, threading.excepthook)
        # Queued: whichever thread raised, the dialog is built on the thread owning self.
        self.reported.connect(self._show, Qt.ConnectionType.QueuedConnection)

    @property
    def dialog(self) -> QMessageBox | None:
        return self._dialog

    def install(self) -> None:
        sys.excepthook = self._excepthook
        threading.excepthook = self._thread_excepthook

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook = self._previous_hooks

    def _excepthook(
        self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous_hooks[0](kind, exc, tb)
            return
        self.report(exc, tb)

    def _thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self.report(args.exc_value, args.exc_traceback)

    def report(self, exc: BaseException, tb: TracebackType | None = None) -> None:
        """Log the error and ask the GUI thread to show it; safe from any thread."""
        details = "".join(traceback.format_exception(type(exc), exc, tb or exc.__traceback__))
        doing = getattr(exc, "viewer_activity", None) or getattr(_activity, "name", None)
        summary = f"Something went wrong while {doing}." if doing else "Something went wrong."
        append_log(self.log_dir, f"{summary}\n{details}")
        self.reported.emit(summary, details)

    @Slot(str, str)
    def _show(self, summary: str, details: str) -> None:
        if self._dialog is not None and self._dialog.isVisible():
            self._repeats += 1
            self._dialog.setInformativeText(self._informative(self._repeats))
            return
        self._repeats = 1
        box = QMessageBox(self._parent_widget())
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Letter Viewer")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(f"{summary} Your document is unchanged.")
        box.setInformativeText(self._informative(1))
        box.setDetailedText(details)
        if self.log_dir is not None:
            open_logs = box.addButton("Open Log Folder", QMessageBox.ButtonRole.ActionRole)
            open_logs.clicked.connect(self._open_log_folder)
        box.addButton(QMessageBox.StandardButton.Ok)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.open()
        self._dialog = box

    def _informative(self, times: int) -> str:
        text = "You can keep working."
        if times > 1:
            text += f" (This happened {times} times.)"
        if self.log_dir is not None:
            text += f" The details are saved in {self.log_dir / LOG_NAME}."
        return text

    def _open_log_folder(self) -> None:
        if self.log_dir is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.log_dir)))
