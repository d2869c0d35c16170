"""The main window: wires the letter, the signatories and the chart to one ViewState."""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
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
from viewer.core.storage.settings import window_state_file
from viewer.ui import window_layout
from viewer.ui.chart.chart_dock import CountryChartDock
from viewer.ui.cite.cite_actions import install_citation_actions
from viewer.ui.common import accessibility
from viewer.ui.common.view_state import ViewState
from viewer.ui.common.wording import literal, plural
from viewer.ui.letter.letter_pane import LetterPane
from viewer.ui.library.library_link import install_library
from viewer.ui.menus import ReadingControls
from viewer.ui.opening.open_actions import install_open_actions
from viewer.ui.output.export_actions import install_export_actions
from viewer.ui.signatories.signatories_pane import SignatoriesPane

STATUS_NOTICE_MS = 20_000
DEFAULT_DOCK_WIDTH = 330  # names, bars and counts side by side; the table keeps its Country
SPLIT = (36, 64)  # letter : signatories, in percent of the central area


class MainWindow(QMainWindow):
    """The letter, the signatory table and the chart dock, all reading one ViewState."""

    def __init__(
        self, path: str | Path | None = None, theme: str | None = None, defer_chart: bool = False
    ):
        super().__init__()
        self._defer_chart = defer_chart  # the plot after the first paint (app start-up)
        self.setObjectName("mainWindow")
        document = open_document(path) if path else load_bundled()
        self.state = ViewState(document, self)
        self.settings_file = window_state_file()
        self._build_parts()
        self._build_status()
        self._build_menus()
        self._set_tab_order()
        self.state.changed.connect(self._show_result)
        self.state.document_changed.connect(self._show_document)
        self.state.document_changed.connect(self.letter_view.show_document)
        self.open_maximized = False
        self._restore()
        self._show_document(document)
        self._show_result(self.state.result)
        # Reading comfort and desktop menus (find next, zoom, font, theme, print, help).
        self.reading = ReadingControls(self, theme)

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
        self.chart_dock = CountryChartDock(self.state, self, self._defer_chart)
        self.chart = self.chart_dock.panel
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.chart_dock)
        self.letter_view.signatories_requested.connect(self.table.focus_first_row)
        self.chart.other_clicked.connect(self._open_picker)

    def _build_status(self) -> None:
        self.status_count = QLabel(self)
        self.status_count.setObjectName("statusCount")
        self.status_count.setTextFormat(Qt.TextFormat.PlainText)
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

    # -- menus ---------------------------------------------------------------------------------

    def _action(self, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = self.file_menu = bar.addMenu("&File")
        # Open, Open Recent, the 2017 letter, drops, Review Import; then Export.
        self.opening = install_open_actions(self, file_menu)
        # The library: every letter opened, the Letters dock, File > Compare Letters.
        self.library = install_library(self, file_menu)
        file_menu.addSeparator()
        self.exporting = install_export_actions(self, file_menu)
        file_menu.addSeparator()
        self.quit_action = self._action(
            "&Quit", self.close, QKeySequence.StandardKey.Quit, "Close the viewer"
        )
        file_menu.addAction(self.quit_action)

        edit = self.edit_menu = bar.addMenu("&Edit")
        self.find_action = self._action(
            "&Find in Letter\u2026", self.find_in_letter, QKeySequence.StandardKey.Find,
            "Find words in the letter",
        )  # fmt: skip
        self.filter_action = self._action(
            "F&ilter Signatories", self.focus_filter, "Ctrl+L",
            "Type to filter the signatories by name, role or country",
        )  # fmt: skip
        self.select_all_action = self._action(
            "Select &All", self.select_all, QKeySequence.StandardKey.SelectAll,
            "Select everything in the focused pane",
        )  # fmt: skip
        self.clear_action = self._action(
            "&Clear Filters", self.state.clear_filters, "Ctrl+Shift+L",
            "Show every signatory again",
        )  # fmt: skip
        edit.addActions([self.find_action, self.filter_action, self.clear_action])
        edit.addSeparator()
        edit.addAction(self.select_all_action)
        edit.addSeparator()
        # Citations: Ctrl+C (table), Ctrl+Shift+C (letter), Ctrl+Alt+C, the Cite toolbar.
        self.citations = install_citation_actions(self, edit)

        self.view_menu = bar.addMenu("&View")
        self._build_view_menu(self.view_menu)

        help_menu = self.help_menu = bar.addMenu("&Help")
        help_menu.addAction(self._action("&About Letter Viewer", self.show_about))

    def _build_view_menu(self, view) -> None:
        toggle = self.chart_dock.toggleViewAction()
        toggle.setShortcut(QKeySequence("Ctrl+Shift+K"))
        toggle.setStatusTip("Show or hide the chart of signatories per country, role ...")
        view.addAction(toggle)
        view.addAction(self.library.toggle_action)
        self.grouping_menu = view.addMenu("Chart &Grouping")
        self.grouping_actions: dict[str, QAction] = {}
        self._fill_grouping_menu()
        self.chart.facets_changed.connect(self._fill_grouping_menu)
        self.chart.grouping_changed.connect(self._show_grouping)
        self.columns_menu = view.addMenu("Col&umns")  # C is the chart's
        self._fill_columns_menu()
        self.table.column_set_changed.connect(self._fill_columns_menu)
        view.addSeparator()
        view.addAction(self._action("&Reset Layout", self.reset_layout, None, "The default layout"))

    def _fill_grouping_menu(self) -> None:
        """View > Chart Grouping: one entry per facet of the document, Ctrl+1 .. Ctrl+9."""
        self.grouping_menu.clear()
        for action in self.grouping_actions.values():
            action.deleteLater()
        group = QActionGroup(self.grouping_menu)
        self.grouping_actions = {}
        for facet in self.state.facets:
            action = self._action(
                f"By &{literal(facet.label)}",
                lambda _on, f=facet.key: self.chart.set_grouping(f),
                facet.shortcut,
                f"Count the signatories per {facet.one}",
            )
            action.setCheckable(True)
            group.addAction(action)
            self.grouping_menu.addAction(action)
            self.grouping_actions[facet.key] = action
        accessibility.add_missing_mnemonics(self.grouping_menu)
        self._show_grouping(self.chart.facet)

    def _fill_columns_menu(self) -> None:
        """View > Columns lists the open document's columns (further ones differ per file)."""
        self.columns_menu.clear()
        self.columns_menu.addActions(self.table.column_actions)

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
        self.status_count.setText(describe_counts(result, self.state.facet(self.chart.facet)))

    def _show_document(self, document: Document) -> None:
        count = plural(len(document.signatories), "signatory", "signatories")
        self.setWindowTitle(f"{document.title} \u2014 {count}")

    def _show_grouping(self, facet: str) -> None:
        if facet in self.grouping_actions:
            self.grouping_actions[facet].setChecked(True)
        self._show_result(self.state.result)

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
            self.statusBar().showMessage(notice, STATUS_NOTICE_MS)
        elif self.state.query.is_filtered:
            self.statusBar().showMessage(
                "Your last filter is back; Ctrl+Shift+L shows everyone.", STATUS_NOTICE_MS
            )

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
