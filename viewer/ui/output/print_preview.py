"""File > Print: a preview of the pages, with a choice of the parts to print.

Qt's QPrintPreviewDialog shows the pages and has the Print button (which asks the system's
print dialog, then prints what the preview shows); above the pages, one check box per part
of the printout (the letter, the signatories, the chart). At least one part stays chosen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QWidget

from viewer.ui.output.printing import PARTS


class PrintPreview(QPrintPreviewDialog):
    """The preview (objectName ``printPreview``); paint(printer, parts) draws the pages."""

    def __init__(
        self,
        printer: QPrinter,
        paint: Callable[[QPrinter, frozenset[str]], int],
        parts: frozenset[str],
        parent: QWidget | None = None,
    ):
        super().__init__(printer, parent)
        self._printer = printer  # Qt keeps a bare pointer: the printer lives as long as we do
        self.setObjectName("printPreview")
        self.setWindowTitle("Print the Letter")
        self._paint = paint
        self.pages = 0
        self.boxes: dict[str, QCheckBox] = {}
        row = QHBoxLayout()
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(QLabel("Print:", self))
        for key, title in PARTS.items():
            box = QCheckBox(f"&{title}", self)
            box.setObjectName(f"printPart_{key}")
            box.setChecked(key in parts)
            box.setAccessibleDescription(f"Whether the printout holds the {title.lower()}")
            box.toggled.connect(self._parts_changed)
            row.addWidget(box)
            self.boxes[key] = box
        row.addStretch(1)
        self.layout().insertLayout(0, row)
        self.paintRequested.connect(self._paint_pages)
        self._keep_one()
        if parent is not None:  # pages big enough to read: most of the window
            self.resize(parent.width() * 4 // 5, parent.height() * 9 // 10)

    @property
    def parts(self) -> frozenset[str]:
        """The parts chosen now."""
        return frozenset(k for k, box in self.boxes.items() if box.isChecked())

    @property
    def preview(self) -> QPrintPreviewWidget:
        return self.findChild(QPrintPreviewWidget)

    def _paint_pages(self, printer: QPrinter) -> None:
        self.pages = self._paint(printer, self.parts)

    def _parts_changed(self) -> None:
        self._keep_one()
        # After the click is handled: drawing the chart runs the event loop, which must not
        # hand the same click to the check box again.
        QTimer.singleShot(0, self.preview.updatePreview)

    def _keep_one(self) -> None:
        """The last chosen part cannot be un-chosen: an empty printout helps nobody."""
        chosen = [box for box in self.boxes.values() if box.isChecked()]
        for box in self.boxes.values():
            alone = chosen == [box]
            box.setEnabled(not alone)
            box.setToolTip("At least one part is printed" if alone else "")
