"""The status bar's progress bar while a file opens, with its Cancel button.

A large file shows it at once; any other open only if it takes longer than a moment, so
opening a letter of a few kilobytes does not flash a bar.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

from viewer.core.opening import INDEXING, PARSING, READING
from viewer.ui.common.worker import Job, Worker

LARGE_FILE_BYTES = 20_000_000
SHOW_AFTER_MS = 300
BAR_WIDTH = 160


def opens_in_background(path: str | Path) -> bool:
    """Whether a file is large enough to be opened with a progress bar from the start."""
    try:
        return Path(path).stat().st_size >= LARGE_FILE_BYTES
    except OSError:
        return False  # opened at once, so that the reader says what is wrong with it


def stage_text(stage: str, name: str) -> str:
    """What the bar's label says during a stage."""
    if stage == READING:
        return f"Reading {name}\u2026"
    if stage == PARSING:
        return f"Reading the signatories of {name}\u2026"
    if stage == INDEXING:
        return "Preparing the table\u2026"
    return f"Opening {name}\u2026"


class LoadProgress(QWidget):
    """Label, bar and Cancel for the opening worker's current job; hidden when it is idle.

    The bar fills once across the stages (the job's Progress reports the fraction of the
    whole open) while the label says which stage it is in.
    """

    def __init__(self, loader: Worker, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("loadProgress")
        self.loader = loader
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # it quotes a file name
        self.bar = QProgressBar(self)
        self.bar.setObjectName("loadProgressBar")
        self.bar.setFixedWidth(BAR_WIDTH)
        self.bar.setFormat("%p%")
        self.bar.setAccessibleName("Opening progress")
        self.bar.setAccessibleDescription("How much of the file has been read")
        self.cancel_button = QToolButton(self)
        self.cancel_button.setObjectName("loadCancel")
        self.cancel_button.setText("Cancel")
        self.cancel_button.setToolTip("Stop opening; the letter open now stays open")
        self.cancel_button.setAccessibleName("Cancel opening")
        self.cancel_button.setAccessibleDescription(self.cancel_button.toolTip())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)  # "after 300 ms", not 285
        self._timer.setInterval(SHOW_AFTER_MS)
        self._timer.timeout.connect(self.show)
        self.cancel_button.clicked.connect(loader.cancel)
        loader.started.connect(self._started)
        loader.progress.connect(self._progress)
        loader.busy_changed.connect(self._busy_changed)
        self.hide()

    def _started(self, job: Job) -> None:
        self.label.setText(stage_text("", job.name))
        self._set_fraction(None)  # busy until the first report
        if job.size >= LARGE_FILE_BYTES:
            self.show()
        else:
            self.hide()
            self._timer.start()

    def _progress(self, job: Job, stage: str, fraction: float) -> None:
        self.label.setText(stage_text(stage, job.name))
        # Nothing done yet (a stage that cannot say how far it is, such as reading a text
        # letter for Review Import, reports only its start and its end): busy, not empty.
        self._set_fraction(fraction if fraction > 0 else None)

    def _set_fraction(self, fraction: float | None) -> None:
        if fraction is None:
            self.bar.setRange(0, 0)  # busy: a moving bar
            return
        self.bar.setRange(0, 1000)
        self.bar.setValue(round(fraction * 1000))

    def _busy_changed(self, busy: bool) -> None:
        if not busy:
            self._timer.stop()
            self.hide()
