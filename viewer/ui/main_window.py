"""The main window: wires the letter, the signatories and the chart to one ViewState."""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QTextEdit,
    QWidget,
)

from viewer.core.bundled import load_bundled
from viewer.core.model import Document
from viewer.core.opening import open_document
from viewer.core.query.engine import Result, describe_counts
from viewer.core.storage.settings import PreferenceStore, window_state_file
from viewer.core.verification import confirmed_suffix
from viewer.core.wording import plural
from viewer.ui import window_layout
from viewer.ui.annotations.install import install_annotations
from viewer.ui.chart.chart_dock import CountryChartDock
from viewer.ui.cite.cite_actions import CitationActions
from viewer.ui.common.count_label import CountLabel
from viewer.ui.common.raster import fill_on_gui_thread
from viewer.ui.common.status import NOTICE_MS, show_status
from viewer.ui.common.view_state import ViewState
from viewer.ui.letter.letter_pane import LetterPane
from viewer.ui.library.library_link import LibraryLink
from viewer.ui.menus import MenuBar, ReadingControls
from viewer.ui.opening.open_actions import OpenActions
from viewer.ui.output.export_actions import ExportActions
from viewer.ui.signatories.signatories_pane import SignatoriesPane

DEFAULT_DOCK_WIDTH = 330  # names, bars and counts side by side; the table keeps its Country
SPLIT = (36, 64)  # letter : signatories, in percent of the central area


class MainWindow(QMainWindow):
    """The letter, the signatory table and the chart dock, all reading one ViewState."""

    def __init__(self, path: str | Path | None = None, theme: str | None = None):
        fill_on_gui_thread()  # before anything paints
        super().__init__()
        self.setObjectName("mainWindow")
        document = open_document(path) if path else load_bundled()
        self.state = ViewState(document, self)
        self.settings_file = window_state_file()
        self.preferences = PreferenceStore()  # the window's one copy (Cite and View menus)
        self._build_parts()
        self._build_status()
        self._build_commands()
        self._set_tab_order()
        self.state.changed.connect(self._show_result)
        self.chart.grouping_changed.connect(lambda _facet: self._show_result(self.state.result))
        self.state.document_changed.connect(self._show_document)
        self.state.document_changed.connect(self.letter_view.show_document)
        self.open_maximized = False
        self._restore()
        self._show_document(document)
        self._show_result(self.state.result)
        # Reading comfort and desktop commands (find next, zoom, font, theme, print, help).
        self.reading = ReadingControls(self, theme)
        self.menus = MenuBar(self)  # every menu, in one place
        if self.preferences.notice:  # after the window's own start-up notices
            notice = self.preferences.notice
            QTimer.singleShot(0, self, lambda: show_status(self, notice, NOTICE_MS))

    # -- parts ---------------------------------------------------------------------------------

    def _build_parts(self) -> None:
        self.letter_pane = LetterPane(self.state.document, self)
        self.letter_view = self.letter_pane.view
        self.signatories_pane = SignatoriesPane(self.state, self)
        self.filter_bar = self.signatories_pane.filter_bar
        self.table = self.signatories_pane.table
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.letter_pane)
        self.splitter.addWidget(self.signatories_pane)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, SPLIT[0])
        self.splitter.setStretchFactor(1, SPLIT[1])
        self.setCentralWidget(self.splitter)
        self.chart_dock = CountryChartDock(self.state, self)
        self.chart = self.chart_dock.panel
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.chart_dock)
        self.letter_view.signatories_requested.connect(self.table.focus_first_row)
        self.chart.other_clicked.connect(self._open_picker)

    def _build_status(self) -> None:
        self.status_count = CountLabel(self)
        self.status_count.setObjectName("statusCount")
        self.statusBar().addPermanentWidget(self.status_count)

    def _set_tab_order(self) -> None:
        bar = self.filter_bar
        chain: list[QWidget] = [
            self.letter_view,
            bar.edit,
            *bar.pickers.values(),
            bar.more,
            self.table,
            self.chart.grouping,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- commands of the parts -----------------------------------------------------------------

    def _build_commands(self) -> None:
        """Opening (File > Open, recent files, drops, Review Import), File > Export, the
        citations (Ctrl+C in the table, Ctrl+Shift+C in the letter, the Cite toolbar) and the
        library of letters; the menus that hold their commands are built in viewer.ui.menus."""
        self.opening = OpenActions(self, self.state)
        self.exporting = ExportActions(self, self.state)
        self.citations = CitationActions(self, self.state, self.table, self.letter_view)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.citations.toolbar)
        # The library: every letter shown is recorded; View > Letters, File > Compare Letters.
        self.library = LibraryLink(self)
        # Undo Filter, Set Status, Add Note, Saved Views (viewer/ui/annotations).
        self.annotations = install_annotations(self)

    def show_for_user(self) -> None:
        """Show the window: maximized at first start on a laptop-sized screen."""
        if not self.open_maximized:
            self.show()
            return
        self.showMaximized()
        # Without a window manager (a kiosk, Xvfb) nothing maximizes: fill the screen ourselves.
        QTimer.singleShot(500, self._fill_screen)

    def _fill_screen(self) -> None:
        avail = self.screen().availableGeometry()
        if self.isVisible() and self.frameGeometry().width() < avail.width() * 0.95:
            self.setGeometry(avail)

    # -- commands ------------------------------------------------------------------------------

    def focus_filter(self) -> None:
        """Ctrl+L: the filter field, its text selected."""
        self.filter_bar.focus_filter()

    def find_in_letter(self) -> None:
        """Ctrl+F: the find bar under the letter."""
        self.letter_pane.find_bar.open_bar()

    def select_all(self) -> None:
        """Ctrl+A: everything in the focused text or list; the table's shown rows otherwise."""
        focused = QApplication.focusWidget()
        if isinstance(focused, QLineEdit | QTextEdit | QAbstractItemView):
            focused.selectAll()
        else:
            self.table.selectAll()

    def reset_layout(self) -> None:
        """Chart docked on the right, the panes split as at first start, every column default."""
        self.chart_dock.setFloating(False)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.chart_dock)
        self.chart_dock.show()
        self.resizeDocks([self.chart_dock], [DEFAULT_DOCK_WIDTH], Qt.Orientation.Horizontal)
        self._split_default()
        self.table.reset_columns()

    def show_about(self) -> None:
        """Help > About: version, the document's provenance, licences (about_dialog.py)."""
        self.reading.show_about()

    def _open_picker(self, facet: str) -> None:
        self.filter_bar.open_picker(facet)

    # -- views of the state --------------------------------------------------------------------

    def _show_result(self, result: Result) -> None:
        """ "Showing 3 of 7 signatories · 2 parties": counted by the chart's grouping."""
        counts = describe_counts(result, self.state.facet(self.chart.facet))
        self.status_count.show_text(counts + confirmed_suffix(result))

    def _show_document(self, document: Document) -> None:
        count = plural(len(document.signatories), "signatory", "signatories")
        self.setWindowTitle(f"{document.title} \u2014 {count}")
        self.status_count.fit()  # other counts: the label's width starts afresh

    # -- state across runs ---------------------------------------------------------------------

    def _split_default(self) -> None:
        total = max(self.splitter.width(), 800)
        self.splitter.setSizes([total * SPLIT[0] // 100, total * SPLIT[1] // 100])

    def _restore(self) -> None:
        saved, notice = self.settings_file.load()
        if not window_layout.restore_layout(self, self.splitter, saved):
            self.open_maximized = window_layout.default_geometry(self)
            self.resizeDocks([self.chart_dock], [DEFAULT_DOCK_WIDTH], Qt.Orientation.Horizontal)
        if not saved.splitter:
            self._split_default()
        self.state.set_query(window_layout.restored_query(self.state, saved))
        self.table.restore_layouts(window_layout.saved_layouts(saved))
        self.chart.restore_grouping(saved.chart_grouping)
        if notice:
            show_status(self, notice, NOTICE_MS)
        elif self.state.query.is_filtered:
            show_status(self, "Your last filter is back; Ctrl+Shift+L shows everyone.", NOTICE_MS)

    def save_layout(self) -> None:
        """Store the layout and the view for the next start."""
        saved = window_layout.capture(
            self, self.splitter, self.table.layouts(), self.state, self.chart.facet
        )
        warning = self.settings_file.save(saved)
        if warning:
            print(f"letter-viewer: {warning}", file=sys.stderr)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        super().closeEvent(event)
