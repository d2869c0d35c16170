"""The main window's menus, all built here in their order (MenuBar), and the reading and
desktop commands they hold (ReadingControls): find next/previous, zoom, the letter's font and
line length, the theme, print and PDF, the shortcut list and About.

The window's parts (opening, export, citations) make their own commands; MenuBar puts every
command in its menu. The preferences ReadingControls changes are saved at once through the
window's one PreferenceStore (viewer.core.storage.settings).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths, Qt
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QDialog, QFileDialog, QMainWindow, QMenu, QMessageBox

from viewer.core.storage.settings import Preferences, PreferenceStore
from viewer.ui.common import accessibility
from viewer.ui.common.actions import make_action
from viewer.ui.common.desktop import app_icon, themed_icon
from viewer.ui.common.status import BRIEF_MS, NOTICE_MS, show_status
from viewer.ui.common.theme import THEME_LABELS, THEMES, theme_manager
from viewer.ui.common.wording import literal
from viewer.ui.common.zoom import WheelZoom, ZoomController, zoom_table
from viewer.ui.letter.letter_view import ReadingStyle

if TYPE_CHECKING:  # printing (QtPrintSupport) and the dialogs load when first asked for
    from PySide6.QtPrintSupport import QPrinter

    from viewer.ui.output import printing
    from viewer.ui.output.print_preview import PrintPreview

FONT_LABELS = {"serif": "&Serif", "sans": "Sa&ns Serif"}
PANE_NAMES = {"letter": "Letter", "table": "Signatory table"}


class ReadingControls(QObject):
    """Adds the reading and desktop actions to a main window's menus and keeps them working."""

    def __init__(self, window: QMainWindow, theme: str | None = None):
        super().__init__(window)
        self.setObjectName("readingControls")
        self.window = window
        self.preferences: PreferenceStore = window.preferences  # the window's one store
        self.theme = theme_manager()
        self.dialogs: dict[str, QDialog] = {}
        self._print_parts: frozenset[str] | None = None  # File > Print's last choice
        window.setWindowIcon(app_icon())
        self._build_zoom()
        self._build_actions()
        accessibility.set_tab_order(window)
        self.theme.changed.connect(self._theme_shown)
        self.theme.set_choice(theme or self.prefs.theme)
        self._theme_shown()

    @property
    def print_parts(self) -> frozenset[str]:
        """What File > Print offers to print: every part until the user chose."""
        if self._print_parts is None:
            from viewer.ui.output.printing import PARTS

            return frozenset(PARTS)
        return self._print_parts

    @property
    def prefs(self) -> Preferences:
        """The preferences as chosen now."""
        return self.preferences.value

    # -- parts --------------------------------------------------------------------------------

    def _build_zoom(self) -> None:
        w = self.window
        view = w.letter_view
        view.set_reading_style(
            ReadingStyle(
                self.prefs.letter_font,
                view.reading_style.zoom,
                self.prefs.reading_width,
                self.prefs.paragraph_numbers,
            )
        )
        self.zoom = ZoomController(
            panes={"letter": w.letter_pane, "table": w.signatories_pane},
            apply={"letter": self._zoom_letter, "table": lambda p: zoom_table(w.table, p)},
            levels={"letter": self.prefs.letter_zoom, "table": self.prefs.table_zoom},
            parent=self,
        )
        self.zoom.changed.connect(self._zoom_changed)
        view.zoom_requested.connect(lambda d: self.zoom.step("letter", d))
        self._wheel = WheelZoom(lambda d: self.zoom.step("table", d), self)
        w.table.viewport().installEventFilter(self._wheel)

    def _build_actions(self) -> None:
        w = self.window
        find = w.letter_pane.find_bar
        key = QKeySequence.StandardKey
        self.find_next_action = make_action(
            w, "Find &Next", lambda: find.step(False), key.FindNext,
            "The next match in the letter",
        )  # fmt: skip
        self.find_previous_action = make_action(
            w, "Find Pre&vious", lambda: find.step(True), key.FindPrevious,
            "The previous match in the letter",
        )  # fmt: skip
        self.zoom_in_action = make_action(
            w, "Zoom &In", self.zoom.zoom_in, [key.ZoomIn, "Ctrl+="],
            "Larger text in the letter or the table (whichever you are in)",
            themed_icon(QIcon.ThemeIcon.ZoomIn),
        )  # fmt: skip
        self.zoom_out_action = make_action(
            w, "Zoom &Out", self.zoom.zoom_out, key.ZoomOut,
            "Smaller text in the letter or the table (whichever you are in)",
            themed_icon(QIcon.ThemeIcon.ZoomOut),
        )  # fmt: skip
        self.zoom_reset_action = make_action(
            w, "&Normal Size", self.zoom.reset, "Ctrl+0", "The letter or the table at 100%"
        )
        self.width_action = make_action(
            w, "Comfortable Line &Length", self._width_toggled, (),
            "Keep the letter's lines short enough to read easily when the pane is wide",
            checkable=True,
        )  # fmt: skip
        self.width_action.setChecked(self.prefs.reading_width)
        self.numbers_action = make_action(
            w, "&Paragraph Numbers", self._numbers_toggled, (),
            "Number the letter's paragraphs in the margin, as quotations cite them (para. 3)",
            checkable=True,
        )  # fmt: skip
        self.numbers_action.setChecked(self.prefs.paragraph_numbers)
        self.font_actions = self._choice_actions(FONT_LABELS, self.prefs.letter_font, self._font)
        self.theme_actions = self._choice_actions(
            {t: THEME_LABELS[t] for t in THEMES}, self.prefs.theme, self._theme_chosen
        )
        self.print_action = make_action(
            w, "&Print\u2026", self.print_letter, key.Print,
            "Print the letter, the signatories shown and the chart",
            themed_icon(QIcon.ThemeIcon.DocumentPrint),
        )  # fmt: skip
        self.pdf_action = make_action(
            w, "&Export as PDF\u2026", self.export_pdf, "Ctrl+Shift+E",
            "Save the letter, the signatories shown and the chart as a PDF file",
        )  # fmt: skip
        self.shortcuts_action = make_action(
            w, "&Keyboard Shortcuts", self.show_shortcuts, key.HelpContents,
            "Every keyboard shortcut of the window",
        )  # fmt: skip

    def _choice_actions(self, labels: dict[str, str], current: str, slot) -> dict[str, QAction]:
        group = QActionGroup(self)
        actions = {}
        for value, label in labels.items():
            action = make_action(self.window, label, lambda _on, v=value: slot(v), checkable=True)
            action.setChecked(value == current)
            group.addAction(action)
            actions[value] = action
        return actions

    # -- zoom, font, width, theme -----------------------------------------------------------------

    def _zoom_letter(self, percent: int) -> None:
        view = self.window.letter_view
        view.set_reading_style(dataclasses.replace(view.reading_style, zoom=percent))

    def _zoom_changed(self, target: str, percent: int) -> None:
        self._save(**{f"{target}_zoom": percent})
        show_status(self.window, f"{PANE_NAMES[target]} at {percent}%", BRIEF_MS)

    def _font(self, font: str) -> None:
        view = self.window.letter_view
        view.set_reading_style(dataclasses.replace(view.reading_style, font=font))
        self._save(letter_font=font)

    def _width_toggled(self, on: bool) -> None:
        view = self.window.letter_view
        view.set_reading_style(dataclasses.replace(view.reading_style, reading_width=on))
        self._save(reading_width=on)

    def _numbers_toggled(self, on: bool) -> None:
        view = self.window.letter_view
        view.set_reading_style(dataclasses.replace(view.reading_style, paragraph_numbers=on))
        self._save(paragraph_numbers=on)

    def _theme_chosen(self, theme: str) -> None:
        self.theme.set_choice(theme)
        self._save(theme=theme)

    def _theme_shown(self, *_args) -> None:
        self.theme_actions[self.theme.choice].setChecked(True)

    def _save(self, **changes) -> None:
        warning = self.preferences.update(**changes)
        if warning:
            show_status(self.window, warning, NOTICE_MS)

    # -- print, PDF, dialogs ----------------------------------------------------------------------

    def printout(self) -> printing.Printout:
        """What File > Print prints now: the document, the shown rows, the chart's grouping."""
        from viewer.ui.output import printing

        w = self.window
        return printing.Printout(w.state.document, w.state.result, w.chart.facet)

    def print_letter(self) -> None:
        """File > Print: a preview with the parts to print; its Print button prints."""
        from PySide6.QtPrintSupport import QPrinter

        from viewer.ui.output.print_preview import PrintPreview

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.window.state.document.title)
        preview = PrintPreview(printer, self._paint_parts, self.print_parts, self.window)
        preview.accepted.connect(lambda: self._printed(preview))
        self._open("print", preview)

    def _paint_parts(self, printer: QPrinter, parts: frozenset[str]) -> int:
        from viewer.ui.output import printing

        return printing.paint(dataclasses.replace(self.printout(), parts=parts), printer)

    def _printed(self, preview: PrintPreview) -> None:
        self._print_parts = preview.parts  # the next preview starts with the same choice
        message = f"Sent {preview.pages} pages to the printer"
        show_status(self.window, message, NOTICE_MS)

    def export_pdf(self) -> None:
        """File > Export as PDF: asks for a file name, then writes the printout there."""
        from viewer.ui.output import printing

        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = Path(folder or Path.home()) / printing.pdf_file_name(
            self.window.state.document.title
        )
        path, _filter = QFileDialog.getSaveFileName(
            self.window, "Export as PDF", str(suggested), "PDF documents (*.pdf)"
        )
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            printing.export_pdf(self.printout(), path)
        except OSError as exc:
            box = QMessageBox(QMessageBox.Icon.Warning, "Export as PDF", "", parent=self.window)
            box.setTextFormat(Qt.TextFormat.PlainText)  # the message quotes a file name
            box.setText(f"The PDF could not be saved as {path}.\n\n{exc.strerror or exc}")
            box.open()
            self.dialogs["error"] = box
            return
        show_status(self.window, f"Saved as {path}", NOTICE_MS)

    def show_about(self) -> None:
        """Help > About."""
        from viewer.ui.dialogs.about_dialog import AboutDialog

        self._open("about", AboutDialog(self.window.state.document, app_icon(), self.window))

    def show_shortcuts(self) -> None:
        """Help > Keyboard Shortcuts."""
        from viewer.ui.dialogs.shortcuts_dialog import ShortcutsDialog

        self._open("shortcuts", ShortcutsDialog(self.window))

    def _open(self, name: str, dialog: QDialog) -> None:
        old = self.dialogs.get(name)
        if old is not None:
            old.close()
            old.deleteLater()
        self.dialogs[name] = dialog
        dialog.open()


class MenuBar(QObject):
    """Every menu of the main window, built here in its order from the commands of the
    window itself and of its parts (opening, export, citations, reading controls)."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.setObjectName("menuBarBuilder")
        self.window = window
        self._make_window_actions()
        bar = window.menuBar()
        self.file_menu = bar.addMenu("&File")
        self.edit_menu = bar.addMenu("&Edit")
        self.view_menu = bar.addMenu("&View")
        self.help_menu = bar.addMenu("&Help")
        self._fill_file(self.file_menu)
        self._fill_edit(self.edit_menu)
        self._fill_view(self.view_menu)
        self._fill_help(self.help_menu)
        for top in bar.actions():
            accessibility.add_missing_mnemonics(top.menu())

    def _make_window_actions(self) -> None:
        w = self.window
        key = QKeySequence.StandardKey
        self.quit_action = make_action(w, "&Quit", w.close, key.Quit, "Close the viewer")
        self.find_action = make_action(
            w, "&Find in Letter\u2026", w.find_in_letter, key.Find, "Find words in the letter"
        )
        self.filter_action = make_action(
            w, "F&ilter Signatories", w.focus_filter, "Ctrl+L",
            "Type to filter the signatories by name, role or country",
        )  # fmt: skip
        self.clear_action = make_action(
            w, "&Clear Filters", w.state.clear_filters, "Ctrl+Shift+L", "Show every signatory again"
        )
        self.select_all_action = make_action(
            w, "Select &All", w.select_all, key.SelectAll, "Select everything in the focused pane"
        )
        self.reset_action = make_action(
            w, "&Reset Layout", w.reset_layout, (), "The default layout"
        )
        self.about_action = make_action(w, "&About Letter Viewer", w.show_about)
        self.grouping_actions: dict[str, QAction] = {}

    def _fill_file(self, menu: QMenu) -> None:
        w = self.window
        opening = w.opening
        menu.addActions([opening.open_action, opening.open_folder_action])
        menu.addMenu(opening.recent_menu)
        menu.addAction(opening.bundled_action)
        menu.addSeparator()
        menu.addAction(opening.review_action)
        menu.addAction(w.library.compare_action)
        menu.addSeparator()
        menu.addMenu(w.exporting.menu)
        menu.addSeparator()
        menu.addActions([w.reading.print_action, w.reading.pdf_action])
        menu.addSeparator()
        menu.addAction(self.quit_action)

    def _fill_edit(self, menu: QMenu) -> None:
        reading, cite = self.window.reading, self.window.citations
        annotations = self.window.annotations
        menu.addActions(annotations.edit_first)  # Undo Filter, Redo Filter
        menu.addSeparator()
        menu.addActions([self.find_action, reading.find_next_action, reading.find_previous_action])
        menu.addActions([self.filter_action, self.clear_action])
        menu.addSeparator()
        menu.addAction(self.select_all_action)
        menu.addSeparator()
        # Citations: Ctrl+C (table), Ctrl+Shift+C (letter), Ctrl+Alt+C, the Cite toolbar.
        menu.addActions([cite.copy_rows_action, cite.copy_quote_action, cite.copy_letter_action])
        menu.addMenu(cite.menu)
        menu.addAction(cite.names_action)
        menu.addAction(cite.include_action)
        menu.addSeparator()
        menu.addActions(annotations.edit_last)  # Set Status, Add Note

    def _fill_view(self, menu: QMenu) -> None:
        w, reading = self.window, self.window.reading
        toggle = w.chart_dock.toggleViewAction()
        toggle.setShortcut(QKeySequence("Ctrl+Shift+K"))
        toggle.setStatusTip("Show or hide the chart of signatories per country, role ...")
        menu.addAction(toggle)
        menu.addAction(w.library.toggle_action)  # the Letters dock
        self.grouping_menu = menu.addMenu("Chart &Grouping")
        self._fill_grouping_menu()
        w.chart.facets_changed.connect(self._fill_grouping_menu)
        w.chart.grouping_changed.connect(self._show_grouping)
        self.columns_menu = menu.addMenu("Col&umns")  # C is the chart's
        self._fill_columns_menu()
        w.table.column_set_changed.connect(self._fill_columns_menu)
        menu.addSeparator()
        menu.addActions(
            [reading.zoom_in_action, reading.zoom_out_action, reading.zoom_reset_action]
        )
        menu.addSeparator()
        fonts = menu.addMenu("Letter &Font")
        fonts.addActions(list(reading.font_actions.values()))
        menu.addAction(reading.width_action)
        menu.addAction(reading.numbers_action)
        themes = menu.addMenu("&Theme")
        themes.addActions(list(reading.theme_actions.values()))
        menu.addSeparator()
        menu.addMenu(w.annotations.views.menu)  # Saved Views
        menu.addAction(w.annotations.notes_toggle)
        menu.addSeparator()
        menu.addAction(self.reset_action)

    def _fill_help(self, menu: QMenu) -> None:
        menu.addAction(self.window.reading.shortcuts_action)
        menu.addSeparator()
        menu.addAction(self.about_action)

    def _fill_grouping_menu(self) -> None:
        """View > Chart Grouping: one entry per facet of the document, Ctrl+1 .. Ctrl+9."""
        w = self.window
        self.grouping_menu.clear()
        for action in self.grouping_actions.values():
            action.deleteLater()
        group = QActionGroup(self.grouping_menu)
        self.grouping_actions = {}
        for facet in w.state.facets:
            action = make_action(
                w, f"By &{literal(facet.label)}", lambda _on, f=facet.key: w.chart.set_grouping(f),
                facet.shortcut or (), f"Count the signatories per {facet.one}", checkable=True,
            )  # fmt: skip
            group.addAction(action)
            self.grouping_menu.addAction(action)
            self.grouping_actions[facet.key] = action
        accessibility.add_missing_mnemonics(self.grouping_menu)
        self._show_grouping(w.chart.facet)

    def _fill_columns_menu(self) -> None:
        """View > Columns lists the open document's columns (further ones differ per file)."""
        self.columns_menu.clear()
        self.columns_menu.addActions(self.window.table.column_actions)

    def _show_grouping(self, facet: str) -> None:
        if facet in self.grouping_actions:
            self.grouping_actions[facet].setChecked(True)
