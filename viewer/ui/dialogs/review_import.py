"""Review Import: the file's lines with what the importer made of them, and a way to correct it.

The dialog holds no import logic. It shows an ImportPlan: the lines (numbered), where the
letter is, where the list starts and ends, the layout it was read in and the rows read. A
change of the start, the end or the layout asks the plan for a new plan
(``with_boundary``, ``with_list_end``, ``with_layout``) and shows that. On OK the window opens
the plan shown, through the same path as any other open.
"""

from __future__ import annotations

from pathlib import PurePath

from PySide6.QtCore import QItemSelectionModel, QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from viewer.core.errors import ParseError
from viewer.core.opening import source_lines
from viewer.core.textimport.plan import ImportPlan
from viewer.core.textimport.section_rows import LAYOUT_NAMES, LAYOUTS
from viewer.core.wording import plural
from viewer.ui.dialogs.numbered_text import (
    END_MARK,
    START_MARK,
    LineMarks,
    MarkColours,
    NumberedTextView,
)
from viewer.ui.dialogs.review_rows import ReviewRowsModel

MAX_COLUMN_PX = 240


def plan_summary(plan: ImportPlan) -> str:
    """What the plan found, in a sentence or two."""
    if not plan.rows:
        if plan.boundary is None:
            return "No list of signatories was found. Choose the line where it starts."
        return "No signatories were read from this line on. Choose another start or layout."
    people = plural(len(plan.rows), "signatory", "signatories")
    text = (
        f"{people}, read as {plan.layout_name}, from line {plan.list_start:,} "
        f"to line {plan.list_end:,}."
    )
    if len(plan.sections) > 1:
        headings = [s.section.heading for s in plan.sections if s.section.heading]
        text += f" In {len(plan.sections)} sections: " + ", ".join(headings) + "."
    return text  # a count that differs from the letter's own: count_warning


def count_warning(plan: ImportPlan, stated: int | None) -> str:
    """A warning when the list as read no longer has the count the letter states ("" if it
    has, or states none): the start or the end may be off, or entries read together."""
    read = len(plan.rows)
    if stated is None or stated == read or not plan.rows:
        return ""
    return (
        f"\u26a0 The letter says {plural(stated, 'signatory', 'signatories')}, "
        f"but {read:,} are read as shown. Check where the list starts and ends, and the layout."
    )


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


class ReviewImportDialog(QDialog):
    """Shows an import plan; ``plan`` is the one the user has chosen when it is accepted."""

    def __init__(self, plan: ImportPlan, parent: QWidget | None = None, note: str = ""):
        super().__init__(parent)
        self.setObjectName("reviewImportDialog")
        self.detected = plan  # the importer's own reading: Reset goes back to it
        self.plan = plan
        self._lines = source_lines(plan)
        path = plan.context.source.path if plan.context else plan.path
        self.setWindowTitle(f"Review Import \u2014 {PurePath(path).name if path else 'text'}")
        self._build(note)
        self.text.set_lines(self._lines)
        self._show_plan()
        self._scrolled = False
        self.resize(1180, 760)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._scrolled and self.plan.boundary is not None:
            # Once the view has its size: the start of the list, with the letter's end above.
            self._scrolled = True
            self.text.scroll_to_line(self.plan.boundary)

    # -- building ------------------------------------------------------------------------------

    def _build(self, note: str) -> None:
        intro = QLabel(
            "Check where the letter ends and the list of signatories starts, and how the "
            "list was read. Move the start or the end (or right-click a line), or choose "
            "another layout; the table shows the signatories as they will be opened."
            + (f"\n\n{note}" if note else ""),
            self,
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        self.text = NumberedTextView(self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self._source_panel())
        splitter.addWidget(self._reading_panel())
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 6)
        self.buttons = QDialogButtonBox(self)
        self.ok_button = self.buttons.addButton(
            "&Open as Shown", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok_button.setObjectName("reviewOpen")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        self.text.start_requested.connect(self.start_spin.setValue)
        self.text.end_requested.connect(self.end_spin.setValue)
        self.text.line_clicked.connect(self._line_clicked)

    def _source_panel(self) -> QWidget:
        panel = QWidget(self)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 1)
        legend = QLabel(self._legend(), panel)
        legend.setObjectName("reviewLegend")
        legend.setTextFormat(Qt.TextFormat.RichText)  # only our own words and colours
        legend.setWordWrap(True)  # whole in a narrow panel: on two lines rather than cut
        layout.addWidget(legend)
        return panel

    def _legend(self) -> str:
        colours = MarkColours(self.palette())

        def swatch(colour) -> str:
            return f"<span style='color:{colour.name()}'>\u2588</span>"

        return "&nbsp;&nbsp;&nbsp;".join(
            (
                f"{swatch(colours.letter_band)} the letter",
                f"{swatch(colours.list_band)} signatories (one tint per entry)",
                f"<span style='color:{colours.list_band.name()}'>{START_MARK}</span> "
                "the list starts",
                f"<span style='color:{colours.list_band.name()}'>{END_MARK}</span> the list ends",
            )
        )

    def _reading_panel(self) -> QWidget:
        panel = QWidget(self)
        count = len(self._lines)
        self.start_spin = self._spin(count, "reviewStart", "The line the signatory list starts at")
        self.end_spin = self._spin(count, "reviewEnd", "The last line of the signatory list")
        self.layout_combo = QComboBox(panel)
        self.layout_combo.setObjectName("reviewLayout")
        self.layout_combo.addItem("As found", None)
        for name in LAYOUTS:
            self.layout_combo.addItem(_capital(LAYOUT_NAMES[name]), name)
        self.reset_button = QPushButton("&Reset", panel)
        self.reset_button.setToolTip("Back to what the viewer found by itself")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow("List &starts at line:", self.start_spin)
        form.addRow("List &ends at line:", self.end_spin)
        form.addRow("&Layout:", self.layout_combo)
        self.summary = QLabel(panel)
        self.summary.setObjectName("reviewSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.count_warning = QLabel(panel)
        self.count_warning.setObjectName("reviewCountWarning")
        self.count_warning.setTextFormat(Qt.TextFormat.PlainText)
        self.count_warning.setWordWrap(True)
        self.count_warning.setAccessibleName("Count warning")
        self.count_warning.hide()
        self.rows_model = ReviewRowsModel(self)
        self.rows = QTableView(panel)
        self.rows.setObjectName("reviewRows")
        self.rows.setModel(self.rows_model)
        self.rows.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rows.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.rows.verticalHeader().hide()
        self.rows.setWordWrap(False)  # one line a signatory; the tooltip has the entry whole
        self.rows.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.rows.horizontalHeader().setStretchLastSection(True)
        self.rows.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.notes = QPlainTextEdit(panel)
        self.notes.setObjectName("reviewNotes")
        self.notes.setReadOnly(True)
        self.notes.setMaximumHeight(110)
        self.notes.setAccessibleName("What the viewer assumed")
        top = QHBoxLayout()
        top.addLayout(form)
        top.addWidget(self.reset_button, 0, Qt.AlignmentFlag.AlignBottom)
        top.addStretch(1)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.count_warning)
        layout.addWidget(self.rows, 1)
        layout.addWidget(QLabel("What the viewer assumed:", panel))
        layout.addWidget(self.notes)
        self.start_spin.valueChanged.connect(self._start_changed)
        self.end_spin.valueChanged.connect(self._end_changed)
        self.layout_combo.currentIndexChanged.connect(self._layout_changed)
        self.reset_button.clicked.connect(self.reset)
        return panel

    def _spin(self, count: int, name: str, tip: str) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setObjectName(name)
        spin.setRange(1, max(count, 1))
        spin.setKeyboardTracking(False)  # typing "120" is one change, not three
        spin.setAccessibleName(tip)
        spin.setAccessibleDescription(f"{tip}; the table of signatories follows at once")
        spin.setToolTip(tip)
        return spin

    # -- the user's corrections: each is a new plan ----------------------------------------

    def _start_changed(self, line: int) -> None:
        self._try(lambda: self.plan.with_boundary(line))

    def _end_changed(self, line: int) -> None:
        self._try(lambda: self.plan.with_list_end(line))

    def _layout_changed(self) -> None:
        layout = self.layout_combo.currentData()
        self._try(lambda: self.plan.with_layout(layout))

    def reset(self) -> None:
        """Back to the importer's own reading."""
        self.plan = self.detected
        self._show_plan()

    def _try(self, make) -> None:
        try:
            self.plan = make()
        except (ValueError, ParseError) as exc:
            self.summary.setText(str(exc))
            return
        self._show_plan()

    # -- showing the plan ----------------------------------------------------------------------

    def _show_plan(self) -> None:
        plan = self.plan
        with QSignalBlocker(self.start_spin), QSignalBlocker(self.end_spin):
            self.start_spin.setValue(plan.boundary or 1)
            self.end_spin.setValue(plan.list_end or len(self._lines))
        with QSignalBlocker(self.layout_combo):
            forced = plan.corrections.get("layout")
            self.layout_combo.setCurrentIndex(max(self.layout_combo.findData(forced), 0))
            self.layout_combo.setItemText(0, f"As found ({plan.layout_name})")
        self.summary.setText(plan_summary(plan))
        # The count the letter states, as the importer found it: a start the user moves past
        # the heading that stated it leaves the count the letter's all the same.
        stated = plan.stated_count if plan.stated_count is not None else self.detected.stated_count
        warning = count_warning(plan, stated)
        self.count_warning.setText(warning)
        self.count_warning.setVisible(bool(warning))
        self.rows_model.set_plan(plan)
        self._fit_columns()
        self.notes.setPlainText("\n".join(str(w) for w in plan.warnings))
        self.ok_button.setEnabled(bool(plan.rows))
        letter = (
            (plan.letter_start, plan.letter_end)
            if plan.letter_start is not None and plan.letter_end is not None
            else None
        )
        rows = [(r.first_line, r.last_line) for r in plan.rows]
        self.text.set_marks(LineMarks.of(letter, rows, plan.boundary, plan.list_end))

    def _fit_columns(self) -> None:
        self.rows.resizeColumnsToContents()
        header = self.rows.horizontalHeader()
        for column in range(header.count() - 1):
            header.resizeSection(column, min(header.sectionSize(column), MAX_COLUMN_PX))

    def show_line(self, line: int) -> None:
        """Scroll the text to a line (and select the row read from it, if any)."""
        self.text.show_lines(line, line)
        self._line_clicked(line)

    def _row_chosen(self, current, _previous) -> None:
        if current.isValid():
            row = self.rows_model.import_row(current.row())
            self.text.show_lines(row.first_line, row.last_line)

    def _line_clicked(self, line: int) -> None:
        row = self.rows_model.row_of_line(line)
        if row is None:
            return
        index = self.rows_model.index(row, 0)
        selection = self.rows.selectionModel()
        with QSignalBlocker(selection):
            selection.setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self.rows.scrollTo(index)
        self.rows.viewport().update()
