"""Zoom (Ctrl+plus, Ctrl+minus, Ctrl+0, Ctrl+wheel) for the letter and the signatory table.

The two have a zoom each, since a reader often wants the letter large and the list compact.
The keys act on the pane that has, or last had, the keyboard focus: the letter pane (the
letter and its find bar) or the signatories pane (the filter, the pickers and the table).
Focus anywhere else (the chart) leaves that choice as it was; at start it is the letter.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QTableView, QWidget

from viewer.core.storage.settings import ZOOM_RANGE

ZOOM_STEPS = (50, 67, 80, 90, 100, 110, 125, 150, 175, 200, 250, 300)  # from ZOOM_RANGE's ends
TARGETS = ("letter", "table")


def next_zoom(current: int, direction: int) -> int:
    """The next step up (direction > 0) or down from current, within the steps."""
    if direction > 0:
        i = bisect.bisect_right(ZOOM_STEPS, current)
        return ZOOM_STEPS[min(i, len(ZOOM_STEPS) - 1)]
    i = bisect.bisect_left(ZOOM_STEPS, current) - 1
    return ZOOM_STEPS[max(i, 0)]


def zoom_table(table: QTableView, percent: int) -> None:
    """Set the table's text (cells, header, row height, column widths) at percent of normal."""
    old = table.font().pointSizeF()
    font = QFont(QApplication.font(table))
    font.setPointSizeF(font.pointSizeF() * percent / 100)
    if abs(font.pointSizeF() - old) < 0.01:
        return
    table.setFont(font)
    table.verticalHeader().setDefaultSectionSize(QFontMetrics(font).height() + 8)
    model = table.model()
    if hasattr(model, "set_font"):
        model.set_font(font)
    header = table.horizontalHeader()
    ratio = font.pointSizeF() / old if old > 0 else 1.0
    last = header.logicalIndex(header.count() - 1)
    for section in range(header.count()):
        if section != last and not header.isSectionHidden(section):
            header.resizeSection(section, round(header.sectionSize(section) * ratio))


class ZoomController(QObject):
    """Holds the two zoom levels and applies them; says which pane the keys act on."""

    changed = Signal(str, int)  # target ("letter" or "table"), percent

    def __init__(
        self,
        panes: dict[str, QWidget],
        apply: dict[str, Callable[[int], None]],
        levels: dict[str, int],
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.panes = panes
        self._apply = apply
        self.levels = dict(levels)
        self.target = "letter"
        for target in TARGETS:
            apply[target](self.levels[target])
        QApplication.instance().focusChanged.connect(self._focus_changed)

    def zoom_in(self) -> None:
        self.set_zoom(self.target, next_zoom(self.levels[self.target], +1))

    def zoom_out(self) -> None:
        self.set_zoom(self.target, next_zoom(self.levels[self.target], -1))

    def reset(self) -> None:
        self.set_zoom(self.target, 100)

    def step(self, target: str, direction: int) -> None:
        """Ctrl+wheel over a pane: zoom that pane."""
        self.target = target
        self.set_zoom(target, next_zoom(self.levels[target], direction))

    def set_zoom(self, target: str, percent: int) -> None:
        """Show one pane at percent of its normal size."""
        percent = min(max(percent, ZOOM_RANGE[0]), ZOOM_RANGE[1])
        if percent == self.levels[target]:
            return
        self.levels[target] = percent
        self._apply[target](percent)
        self.changed.emit(target, percent)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        for target, pane in self.panes.items():
            if new is not None and (new is pane or pane.isAncestorOf(new)):
                self.target = target


class WheelZoom(QObject):
    """An event filter: Ctrl+wheel over a widget zooms its pane instead of scrolling."""

    def __init__(self, on_step: Callable[[int], None], parent: QObject | None = None):
        super().__init__(parent)
        self.on_step = on_step

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Wheel
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            delta = event.angleDelta().y()
            if delta:
                self.on_step(1 if delta > 0 else -1)
            return True
        return super().eventFilter(watched, event)
