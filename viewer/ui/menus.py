"""Reading comfort and the desktop app's menus: find next/previous, zoom, the letter's font and
line length, the theme, print and PDF, the shortcut list and About.

The main window makes one ReadingControls after its own menus; everything it adds lives here,
and the preferences it changes are saved at once (viewer.core.storage.settings.preferences_file).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QMainWindow, QMenu, QMessageBox

from viewer.core.storage.settings import preferences_file
from viewer.ui.common import accessibility
from viewer.ui.common.desktop import app_icon, themed_icon
from viewer.ui.common.theme import THEME_LABELS, THEMES, theme_manager
from viewer.ui.common.zoom import WheelZoom, ZoomController, zoom_table
from viewer.ui.dialogs.about_dialog import AboutDialog
from viewer.ui.dialogs.shortcuts_dialog import ShortcutsDialog
from viewer.ui.letter.letter_view import ReadingStyle
from viewer.ui.output import printing

NOTICE_MS = 20_000
ZOOM_NOTICE_MS = 2_500
FONT_LABELS = {"serif": "&Serif", "sans": "Sa&ns Serif"}
PANE_NAMES = {"letter": "Letter", "table": "Signatory table"}


class ReadingControls(QObject):
    """Adds the reading and desktop actions to a main window's menus and keeps them working."""

    def __init__(self, window: QMainWindow, theme: str | None = None):
        super().__init__(window)
        self.setObjectName("readingControls")
        self.window = window
        self.store = preferences_file()
        self.prefs, notice = self.store.load()
        if notice:
            window.statusBar().showMessage(notice, NOTICE_MS)
        self.theme = theme_manager()
        self.dialogs: dict[str, QDialog] = {}
        window.setWindowIcon(app_icon())
        self._build_zoom()
        self._build_actions()
        self._add_to_menus()
        accessibility.set_tab_order(window)
        self.theme.changed.connect(self._theme_shown)
        self.theme.set_choice(theme or self.prefs.theme)
        self._theme_shown()

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

    def _action(
        self, text: str, slot: Callable, keys=(), tip: str = "", icon: QIcon | None = None
    ) -> QAction:
        action = QAction(text, self.window)
        sequences = [
            s for k in (keys if isinstance(keys, list | tuple) else [keys]) for s in _keys(k)
        ]
        if sequences:
            action.setShortcuts(sequences)
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        if icon is not None and not icon.isNull():
            action.setIcon(icon)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        find = self.window.letter_pane.find_bar
        key = QKeySequence.StandardKey
        self.find_next_action = self._action(
            "Find &Next", lambda: find.step(False), key.FindNext, "The next match in the letter"
        )
        self.find_previous_action = self._action(
            "Find Pre&vious", lambda: find.step(True), key.FindPrevious,
            "The previous match in the letter",
        )  # fmt: skip
        self.zoom_in_action = self._action(
            "Zoom &In", self.zoom.zoom_in, [key.ZoomIn, "Ctrl+="],
            "Larger text in the letter or the table (whichever you are in)",
            themed_icon(QIcon.ThemeIcon.ZoomIn),
        )  # fmt: skip
        self.zoom_out_action = self._action(
            "Zoom &Out", self.zoom.zoom_out, key.ZoomOut,
            "Smaller text in the letter or the table (whichever you are in)",
            themed_icon(QIcon.ThemeIcon.ZoomOut),
        )  # fmt: skip
        self.zoom_reset_action = self._action(
            "&Normal Size", self.zoom.reset, "Ctrl+0", "The letter or the table at 100%"
        )
        self.width_action = self._action(
            "Comfortable Line &Length", self._width_toggled, (),
            "Keep the letter's lines short enough to read easily when the pane is wide",
        )  # fmt: skip
        self.width_action.setCheckable(True)
        self.width_action.setChecked(self.prefs.reading_width)
        self.numbers_action = self._action(
            "&Paragraph Numbers", self._numbers_toggled, (),
            "Number the letter's paragraphs in the margin, as quotations cite them (para. 3)",
        )  # fmt: skip
        self.numbers_action.setCheckable(True)
        self.numbers_action.setChecked(self.prefs.paragraph_numbers)
        self.font_actions = self._choice_actions(FONT_LABELS, self.prefs.letter_font, self._font)
        self.theme_actions = self._choice_actions(
            {t: THEME_LABELS[t] for t in THEMES}, self.prefs.theme, self._theme_chosen
        )
        self.print_action = self._action(
            "&Print\u2026", self.print_letter, key.Print,
            "Print the letter, the signatories shown and the chart",
            themed_icon(QIcon.ThemeIcon.DocumentPrint),
        )  # fmt: skip
        self.pdf_action = self._action(
            "&Export as PDF\u2026", self.export_pdf, "Ctrl+Shift+E",
            "Save the letter, the signatories shown and the chart as a PDF file",
        )  # fmt: skip
        self.shortcuts_action = self._action(
            "&Keyboard Shortcuts", self.show_shortcuts, key.HelpContents,
            "Every keyboard shortcut of the window",
        )  # fmt: skip

    def _choice_actions(self, labels: dict[str, str], current: str, slot) -> dict[str, QAction]:
        group = QActionGroup(self)
        actions = {}
        for value, label in labels.items():
            action = self._action(label, lambda _on, v=value: slot(v))
            action.setCheckable(True)
            action.setChecked(value == current)
            group.addAction(action)
            actions[value] = action
        return actions

    def _add_to_menus(self) -> None:
        w = self.window
        _insert(w.file_menu, w.quit_action, [self.print_action, self.pdf_action, None])
        _insert(w.edit_menu, _after(w.edit_menu, w.find_action),
                [self.find_next_action, self.find_previous_action])  # fmt: skip
        fonts = QMenu("Letter &Font", w.view_menu)
        fonts.addActions(list(self.font_actions.values()))
        themes = QMenu("&Theme", w.view_menu)
        themes.addActions(list(self.theme_actions.values()))
        zoom = [self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action, None]
        reading = [
            fonts.menuAction(), self.width_action, self.numbers_action, themes.menuAction(), None
        ]  # fmt: skip
        _insert(w.view_menu, _first_separator(w.view_menu), [None, *zoom, *reading][:-1])
        help_actions = w.help_menu.actions()
        _insert(w.help_menu, help_actions[0] if help_actions else None,
                [self.shortcuts_action, None])  # fmt: skip
        for top in w.menuBar().actions():
            if top.menu() is not None:
                accessibility.add_missing_mnemonics(top.menu())

    # -- zoom, font, width, theme -----------------------------------------------------------------

    def _zoom_letter(self, percent: int) -> None:
        view = self.window.letter_view
        view.set_reading_style(dataclasses.replace(view.reading_style, zoom=percent))

    def _zoom_changed(self, target: str, percent: int) -> None:
        self._save(**{f"{target}_zoom": percent})
        self.window.statusBar().showMessage(f"{PANE_NAMES[target]} at {percent}%", ZOOM_NOTICE_MS)

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
        self.prefs, warning = self.store.update(**changes)
        if warning:
            self.window.statusBar().showMessage(warning, NOTICE_MS)

    # -- print, PDF, dialogs ----------------------------------------------------------------------

    def printout(self) -> printing.Printout:
        """What File > Print prints now: the document, the shown rows, the chart's grouping."""
        w = self.window
        return printing.Printout(w.state.document, w.state.result, w.chart.facet)

    def print_letter(self) -> None:
        """File > Print: the system's print dialog, then the printout."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.window.state.document.title)
        dialog = QPrintDialog(printer, self.window)
        dialog.setWindowTitle("Print the Letter")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        pages = printing.paint(self.printout(), printer)
        self.window.statusBar().showMessage(f"Sent {pages} pages to the printer", NOTICE_MS)

    def export_pdf(self) -> None:
        """File > Export as PDF: asks for a file name, then writes the printout there."""
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
        self.window.statusBar().showMessage(f"Saved as {path}", NOTICE_MS)

    def show_about(self) -> None:
        """Help > About."""
        self._open("about", AboutDialog(self.window.state.document, app_icon(), self.window))

    def show_shortcuts(self) -> None:
        """Help > Keyboard Shortcuts."""
        self._open("shortcuts", ShortcutsDialog(self.window))

    def _open(self, name: str, dialog: QDialog) -> None:
        old = self.dialogs.get(name)
        if old is not None:
            old.close()
            old.deleteLater()
        self.dialogs[name] = dialog
        dialog.open()


def _keys(key: QKeySequence.StandardKey | str) -> list[QKeySequence]:
    """A standard key stands for all of the platform's bindings (FindNext: F3 and Ctrl+G)."""
    if isinstance(key, QKeySequence.StandardKey):
        return QKeySequence.keyBindings(key)
    return [QKeySequence(key)]


def _insert(menu: QMenu, before: QAction | None, actions: list[QAction | None]) -> None:
    """Insert actions (None: a separator) into menu before an action (None: at the end)."""
    for action in actions:
        if action is None:
            menu.insertSeparator(before) if before is not None else menu.addSeparator()
        elif before is not None:
            menu.insertAction(before, action)
        else:
            menu.addAction(action)


def _after(menu: QMenu, action: QAction) -> QAction | None:
    actions = menu.actions()
    i = actions.index(action)
    return actions[i + 1] if i + 1 < len(actions) else None


def _first_separator(menu: QMenu) -> QAction | None:
    return next((a for a in menu.actions() if a.isSeparator()), None)
