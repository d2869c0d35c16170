"""File > Export: the shown signatories as CSV, JSON or Markdown, the chart as PNG or SVG.

"Shown" is the one query state: the rows of ViewState.result, in their order. The file is
named by viewer.core.export, chosen in a save dialog (which asks before replacing a file),
and written atomically; a large list is written on a worker thread while the window goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path, PurePath
from typing import TypeVar

from PySide6.QtCore import QObject, QStandardPaths, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox

from viewer.core.model import Document, Signatory
from viewer.core.progress import Progress
from viewer.core.query.engine import describe_counts
from viewer.core.query.facets import facet_for_key
from viewer.core.query.filter_summary import filter_terms
from viewer.core.storage.atomic import write_atomic
from viewer.core.wording import plural
from viewer.ui.common.actions import make_action
from viewer.ui.common.status import UNTIL_REPLACED, show_status
from viewer.ui.common.view_state import ViewState
from viewer.ui.common.worker import Job, Worker
from viewer.ui.opening.open_actions import is_bundled

T = TypeVar("T")

# format: menu text, save dialog filter, status tip
SIGNATORY_FORMATS = {
    "csv": (
        "Signatories as &CSV\u2026",
        "CSV spreadsheet (*.csv)",
        "The signatories shown now, in their order, for a spreadsheet",
    ),
    "json": (
        "Signatories and Letter as &JSON\u2026",
        "Letter Viewer JSON (*.json)",
        "The letter with the signatories shown now, in the viewer's own format",
    ),
    "md": (
        "Signatories and Letter as &Markdown\u2026",
        "Markdown (*.md)",
        "The letter and a table of the signatories shown now, as readable text",
    ),
}
CHART_FORMATS = {
    "png": ("Chart as &PNG Picture\u2026", "PNG picture (*.png)"),
    "svg": ("Chart as &SVG Drawing\u2026", "SVG drawing (*.svg)"),
}


def with_suffix(path: str, fmt: str) -> Path:
    """The chosen path, with the format's extension added when the name has none."""
    chosen = Path(path)
    return chosen if chosen.suffix else chosen.with_name(f"{chosen.name}.{fmt}")


def write_signatories(
    doc: Document,
    rows,
    path: Path,
    fmt: str,
    filter_text: str | None = None,
    progress: Progress | None = None,
    verifications=None,
    notes=(),
) -> int:
    """Write the export (and a CSV's .meta.json) on a worker thread; the number written."""
    from viewer.core.export import export_file  # the writers load on the first export

    chosen: tuple[Signatory, ...] = tuple(doc.signatories[int(i)] for i in rows)
    export_file(  # the user confirmed replacing the file
        doc, chosen, path, fmt, overwrite=True, filter_text=filter_text, progress=progress,
        verifications=verifications, notes=notes,
    )  # fmt: skip
    return len(chosen)


def attempt(write: Callable[[], T]) -> T | OSError:
    """The write's result, or the OSError it raised (shown as a dialog, not a crash)."""
    try:
        return write()
    except OSError as exc:
        return exc


class ExportActions(QObject):
    """The Export submenu of one main window."""

    def __init__(self, window: QMainWindow, state: ViewState):
        super().__init__(window)
        self.window = window
        self.state = state
        self.worker = Worker(self)
        self.last_folder: str | None = None
        # The statuses to export with the letter (set by viewer/ui/annotations).
        self.verifications: Callable[[], Mapping] = dict
        self.notes: Callable[[], list] = list  # the reader's notes, for JSON and Markdown
        self.menu = QMenu("E&xport", window)
        self.menu.setObjectName("exportMenu")
        self.actions: dict[str, QAction] = {}
        for fmt, (text, _filter, tip) in SIGNATORY_FORMATS.items():
            self._add(fmt, text, lambda _on=False, f=fmt: self.export_signatories(f), tip)
        self.menu.addSeparator()
        for fmt, (text, _filter) in CHART_FORMATS.items():
            self._add(fmt, text, lambda _on=False, f=fmt: self.export_chart(f))
        self.menu.aboutToShow.connect(self._sync)

    def _add(self, fmt: str, text: str, slot: Callable[..., None], tip: str = "") -> None:
        action = make_action(self.menu, text, slot, (), tip, name=f"export_{fmt}")
        self.menu.addAction(action)
        self.actions[fmt] = action

    def _sync(self) -> None:
        shown = len(self.state.result.rows) > 0
        for fmt in SIGNATORY_FORMATS:
            self.actions[fmt].setEnabled(shown)
        drawn = self.chart_drawn()
        for fmt in CHART_FORMATS:
            action = self.actions[fmt]
            action.setEnabled(drawn)
            action.setStatusTip(
                "The chart as it is shown now"
                if drawn
                else "Show the chart's bars (View menu, not as a table) to export them"
            )

    def chart_drawn(self) -> bool:
        """Whether the chart's bars are on screen (the dock shown, not as a table)."""
        return (
            not self.window.chart_dock.isHidden()
            and not self.window.chart.plot.isHidden()  # hidden as a table, or with no bars
        )

    # -- commands ------------------------------------------------------------------------------

    def export_signatories(self, fmt: str) -> None:
        """Save the shown signatories (in the shown order) as csv, json or md."""
        from viewer.core.export import default_export_name

        doc, rows = self.state.document, self.state.result.rows
        filter_text = filter_terms(self.state.query)
        path = self._ask(
            f"Export {plural(len(rows), 'Signatory', 'Signatories')}",
            default_export_name(doc, fmt),
            SIGNATORY_FORMATS[fmt][1],
            fmt,
        )
        if path is None:
            return
        show_status(self.window, f"Exporting to {path.name}\u2026", UNTIL_REPLACED)
        given, notes = self.verifications(), self.notes()
        self.worker.submit(
            Job(
                path.name,
                lambda progress: attempt(
                    lambda: write_signatories(
                        doc, rows, path, fmt, filter_text, progress, given, notes
                    )
                ),
                lambda outcome: self._signatories_written(path, outcome),
            )
        )

    def _signatories_written(self, path: Path, outcome: int | OSError) -> None:
        if isinstance(outcome, OSError):
            self._failed(path, outcome)
        else:
            people = plural(outcome, "signatory", "signatories")
            show_status(self.window, f"Exported {people} to {path.name}.")

    def export_chart(self, fmt: str) -> None:
        """Save the chart as shown (with a heading saying what it counts) as png or svg."""
        from viewer.core.export import default_chart_name

        panel = self.window.chart
        doc = self.state.document
        name = default_chart_name(doc, panel.facet, fmt)
        path = self._ask("Export the Chart", name, CHART_FORMATS[fmt][1], fmt)
        if path is None:
            return
        # pyqtgraph's exporters and QtSvg load on first use, not at start-up.
        from viewer.ui.chart.chart_export import ChartHeading, chart_png, chart_svg

        counts = describe_counts(self.state.result, self.state.facet(panel.facet))
        heading = ChartHeading(doc.title, f"{counts}; chart by {facet_for_key(panel.facet).one}")
        data = (chart_png if fmt == "png" else chart_svg)(panel.plot, heading)
        outcome = attempt(lambda: write_atomic(path, data, overwrite=True))
        if isinstance(outcome, OSError):
            self._failed(path, outcome)
        else:
            show_status(self.window, f"Saved the chart as {path.name}.")

    # -- helpers -------------------------------------------------------------------------------

    def _ask(self, title: str, name: str, file_filter: str, fmt: str) -> Path | None:
        """The file to write, from a save dialog (which confirms replacing a file)."""
        chosen, _filter = QFileDialog.getSaveFileName(
            self.window, title, str(Path(self._folder()) / name), file_filter
        )
        if not chosen:
            return None
        path = with_suffix(chosen, fmt)
        if path != Path(chosen) and path.exists() and not self._confirm_replace(path):
            return None  # the dialog asked about the name typed, not the one with the extension
        self.last_folder = str(path.parent)
        return path

    def _confirm_replace(self, path: Path) -> bool:
        answer = QMessageBox.question(
            self.window,
            "Replace File?",
            f"\u201c{path.name}\u201d already exists in {path.parent}. Replace it?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _folder(self) -> str:
        if self.last_folder and Path(self.last_folder).is_dir():
            return self.last_folder
        source = self.state.document.source.path
        if source and not is_bundled(source) and Path(source).parent.is_dir():
            return str(Path(source).parent)
        return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)

    def _failed(self, path: Path, error: OSError) -> None:
        show_status(self.window, "")
        box = QMessageBox(self.window)
        box.setObjectName("exportErrorDialog")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Letter Viewer")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(f"\u201c{PurePath(path).name}\u201d could not be saved.")
        reason = (error.strerror or str(error)).rstrip(".")
        box.setInformativeText(f"{reason} ({path.parent}). Nothing was written.")
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.open()
