"""The status bar's messages: the one helper that shows them, and how long each kind stays."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow

RESULT_MS = 8_000  # what a command did: "Opened big.csv: 1,000 signatories."
NOTICE_MS = 20_000  # something to read at leisure: a settings file that could not be read
BRIEF_MS = 2_500  # a passing state: "Letter at 120%"
UNTIL_REPLACED = 0  # work under way ("Exporting to x.csv…"): until its result replaces it


def show_status(window: QMainWindow, message: str, timeout: int = RESULT_MS) -> None:
    """Show message in the window's status bar for timeout ms (0: until the next message)."""
    window.statusBar().showMessage(message, timeout)
