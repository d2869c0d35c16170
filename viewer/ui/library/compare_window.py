"""The Compare window: tick letters of the library, see who signed which, filter, confirm or
reject suggested matches, copy or export the table with each letter's citation.

Letters are read and compared on a worker thread (viewer.ui.common.worker); verdicts are
stored in the library at once, so they are there in the next run.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from viewer.core.compare import Comparison, select_people
from viewer.core.compare.filters import ALL, FILTERS, IN_ALL, JOINED_IN, LEFT_AFTER, ONLY_IN
from viewer.core.compare.run import by_date, citations, compare_with_verdicts
from viewer.core.compare.table_text import delimited
from viewer.core.errors import ParseError
from viewer.core.library.entry import MISSING
from viewer.core.library.letters import Library
from viewer.core.model import Document
from viewer.core.opening import open_document
from viewer.core.progress import Progress
from viewer.core.storage.atomic import write_atomic
from viewer.core.storage.settings import preferences_file
from viewer.ui.common.worker import Job, Worker
from viewer.ui.library.comparison_model import ComparisonModel

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _load(paths: list[str], progress: Progress) -> list[Document]:
    """The letters, earliest first (on the worker thread; ParseError if one is bad)."""
    docs = []
    for path in paths:
        progress.check()
        docs.append(open_document(path))
    return by_date(docs)


class CompareWindow(QDialog):
    """Non-modal: the main window stays usable beside it."""

    def __init__(self, library: Library, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("compareWindow")
        self.setWindowTitle("Compare Letters")
        self.setModal(False)
        self.resize(980, 620)
        self.library = library
        self.worker = Worker(self, "letter-viewer-compare")
        self.worker.failed.connect(lambda _job, error: self._show_comparison(None, _unread(error)))
        self.docs: list[Document] = []
        self.comparison: Comparison | None = None
        self.model = ComparisonModel(self)
        self._build()

    # -- layout --------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self._letters_part())
        split.addWidget(self._table_part())
        split.addWidget(self._suggestions_part())
        split.setStretchFactor(1, 3)
        split.setSizes([240, 460, 280])
        layout.addWidget(split, 1)
        buttons = QDialogButtonBox(self)
        self.copy_button = buttons.addButton("&Copy", QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.setObjectName("compareCopy")
        self.copy_button.setToolTip("Copy the table shown, with each letter's citation")
        self.export_button = buttons.addButton(
            "&Export\u2026", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.export_button.setObjectName("compareExport")
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        self.copy_button.clicked.connect(self.copy)
        self.export_button.clicked.connect(self.choose_export)
        layout.addWidget(buttons)
        self._enable_outputs()

    def _letters_part(self) -> QWidget:
        part = QWidget(self)
        box = QVBoxLayout(part)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(QLabel("Letters to compare:", part))
        self.letter_list = QListWidget(part)
        self.letter_list.setObjectName("compareLetters")
        self.letter_list.setAccessibleName("Letters to compare")
        self.letter_list.setAccessibleDescription("Tick two or more; Space ticks the current one")
        self.letter_list.setWordWrap(True)
        self.letter_list.setAlternatingRowColors(True)
        self.letter_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.letter_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.letter_list.itemChanged.connect(lambda _item: self.compare())
        box.addWidget(self.letter_list, 1)
        return part

    def _table_part(self) -> QWidget:
        part = QWidget(self)
        box = QVBoxLayout(part)
        box.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel("Show:", part))
        self.filter_box = QComboBox(part)
        self.filter_box.setObjectName("compareFilter")
        self.filter_box.setAccessibleName("Which people to show")
        self.filter_box.setAccessibleDescription(
            "Everyone, those in all letters, only in one, joined or left"
        )
        self.filter_box.currentIndexChanged.connect(lambda _i: self._show_rows())
        row.addWidget(self.filter_box, 1)
        box.addLayout(row)
        self.table = QTableView(part)
        self.table.setObjectName("comparisonTable")
        self.table.setAccessibleName("People and the letters they signed")
        self.table.setAccessibleDescription(
            "One row per person, a column per letter; a tick where they signed"
        )
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(False)
        box.addWidget(self.table, 1)
        self.summary = QLabel(part)
        self.summary.setObjectName("compareSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # titles come from files
        self.summary.setWordWrap(True)
        box.addWidget(self.summary)
        return part

    def _suggestions_part(self) -> QWidget:
        part = QWidget(self)
        box = QVBoxLayout(part)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(QLabel("Possible matches:", part))
        self.suggestion_list = QListWidget(part)
        self.suggestion_list.setObjectName("suggestionList")
        self.suggestion_list.setAccessibleName("Possible matches to confirm or reject")
        self.suggestion_list.setAccessibleDescription(
            "Names that may be one person; confirm or reject each"
        )
        # One line an item (Qt sizes items of several lines mixing scripts too short); the
        # label under the list gives the current pair whole, with why it is suggested.
        self.suggestion_list.setAlternatingRowColors(True)  # where one pair ends
        self.suggestion_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.suggestion_list.currentRowChanged.connect(lambda _r: self._enable_decisions())
        box.addWidget(self.suggestion_list, 1)
        self.reason_label = QLabel(part)
        self.reason_label.setObjectName("suggestionReason")
        self.reason_label.setTextFormat(Qt.TextFormat.PlainText)
        self.reason_label.setWordWrap(True)
        box.addWidget(self.reason_label)
        row = QHBoxLayout()
        self.confirm_button = QPushButton("Con&firm: one person", part)
        self.confirm_button.setObjectName("confirmMatch")
        self.reject_button = QPushButton("&Reject: two people", part)
        self.reject_button.setObjectName("rejectMatch")
        self.confirm_button.clicked.connect(partial(self.decide, True))
        self.reject_button.clicked.connect(partial(self.decide, False))
        row.addWidget(self.confirm_button)
        row.addWidget(self.reject_button)
        box.addLayout(row)
        self._enable_decisions()
        return part

    # -- choosing letters ------------------------------------------------------------------

    def choose(self, ticked_ids: list[int]) -> None:
        """List the library's letters, ticking these (all of them when there are two)."""
        entries = self.library.entries()
        if not ticked_ids and len(entries) == 2:
            ticked_ids = [e.id for e in entries]
        self.letter_list.blockSignals(True)
        self.letter_list.clear()
        for entry in entries:
            text = f"{entry.date or 'No date'} \u00b7 {entry.count:,} signatories\n{entry.title}"
            item = QListWidgetItem(text, self.letter_list)
            item.setData(ID_ROLE, entry.id)
            item.setToolTip(entry.path)
            flags = Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable
            if entry.status != MISSING:
                flags |= Qt.ItemFlag.ItemIsEnabled
            else:
                item.setToolTip(f"{entry.path}\nThe file is no longer there.")
            item.setFlags(flags)
            on = entry.id in ticked_ids and entry.status != MISSING
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.letter_list.blockSignals(False)
        self.compare()

    def ticked_paths(self) -> list[str]:
        paths = []
        for row in range(self.letter_list.count()):
            item = self.letter_list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                entry = self.library.entry(item.data(ID_ROLE), check=False)
                if entry is not None:
                    paths.append(entry.path)
        return paths

    # -- comparing -----------------------------------------------------------------------------

    def compare(self) -> None:
        paths = self.ticked_paths()
        if len(paths) < 2:
            self.docs, self.comparison = [], None
            self._show_comparison(None, "Tick two or more letters to compare them.")
            return
        self.summary.setText("Reading the letters\u2026")
        self.worker.start(
            Job("the letters to compare", partial(_load, paths), self._loaded,
                failures=(ParseError,), activity="reading the letters to compare")
        )  # fmt: skip

    def _loaded(self, docs: list[Document]) -> None:
        self.docs = docs
        self._recompare()

    def _recompare(self) -> None:
        docs, store = self.docs, self.library.decisions
        verdicts = store.for_letters({d.source.sha256 for d in docs if d.source.sha256})
        run = partial(_compare, docs, _Known(verdicts))
        self.worker.submit(Job("the comparison", run, self._show_comparison,
                               activity="comparing the letters"))  # fmt: skip

    def _show_comparison(self, comparison: Comparison | None, message: str = "") -> None:
        self.comparison = comparison
        self._fill_filters()
        self._fill_suggestions()
        self._show_rows(message)

    def _fill_filters(self) -> None:
        current = self.filter_box.currentData()
        self.filter_box.blockSignals(True)
        self.filter_box.clear()
        self.filter_box.addItem(FILTERS[ALL][1], filter_id(ALL))
        if self.comparison is not None:
            for label, (kind, letter) in filter_choices(self.comparison):
                self.filter_box.addItem(label, filter_id(kind, letter))
        index = max(0, self.filter_box.findData(current))
        self.filter_box.setCurrentIndex(index)
        self.filter_box.blockSignals(False)

    def _show_rows(self, message: str = "") -> None:
        comparison = self.comparison
        kind, letter = parse_filter_id(self.filter_box.currentData() or ALL)
        rows = select_people(comparison, kind, letter) if comparison else []
        self.model.show(comparison, rows)
        if comparison is not None:
            self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            every = len(select_people(comparison, IN_ALL))
            message = (
                f"{len(rows)} of {len(comparison.people)} people shown \u00b7 {every} signed "
                f"every letter \u00b7 {len(comparison.suggestions)} possible matches to check"
            )
            message += "".join(f"\n{x.label}: {x.title}" + (f" ({x.date})" if x.date else "")
                               for x in comparison.letters)  # fmt: skip
        self.summary.setText(message)
        self._enable_outputs()

    def _fill_suggestions(self) -> None:
        self.suggestion_list.clear()
        if self.comparison is None:
            return
        labels = [x.label for x in self.comparison.letters]
        for s in self.comparison.suggestions:
            text = f"{labels[s.letter_a]}: {s.name_a}  ~  {labels[s.letter_b]}: {s.name_b}"
            item = QListWidgetItem(text, self.suggestion_list)
            item.setToolTip(f"{text}\nWhy: {s.reason}")
        if self.comparison.suggestions:
            self.suggestion_list.setCurrentRow(0)
        self._enable_decisions()

    # -- verdicts --------------------------------------------------------------------------

    def decide(self, same: bool) -> None:
        """Confirm (same=True) or reject the current suggestion; kept in the library."""
        row = self.suggestion_list.currentRow()
        if self.comparison is None or not 0 <= row < len(self.comparison.suggestions):
            return
        suggestion = self.comparison.suggestions[row]
        self.library.decisions.decide(*suggestion.sides, same=same)
        self._recompare()

    def _describe(self, row: int) -> str:
        assert self.comparison is not None
        s = self.comparison.suggestions[row]
        letters = self.comparison.letters
        return (
            f"{letters[s.letter_a].label}: {s.name_a}\n{letters[s.letter_b].label}: {s.name_b}\n"
            f"Why: {s.reason}. One person, or two?"
        )

    def _enable_decisions(self) -> None:
        row = self.suggestion_list.currentRow()
        chosen = self.comparison is not None and 0 <= row < len(self.comparison.suggestions)
        self.reason_label.setText(self._describe(row) if chosen else "")
        self.confirm_button.setEnabled(chosen)
        self.reject_button.setEnabled(chosen)

    # -- output --------------------------------------------------------------------------------

    def table_text(self, delimiter: str = "\t") -> str:
        assert self.comparison is not None
        store = getattr(self.parent(), "preferences", None)  # the window's, with the Cite menu's
        style = (store.value if store else preferences_file().load()[0]).citation_style
        return delimited(self.comparison, self.model.rows, citations(self.docs, style), delimiter)

    def copy(self) -> None:
        if self.comparison is not None:
            QApplication.clipboard().setText(self.table_text("\t"))

    def choose_export(self) -> None:
        path, _chosen = QFileDialog.getSaveFileName(
            self, "Export the Comparison", "comparison.csv",
            "Comma-separated values (*.csv);;Tab-separated values (*.tsv)",
        )  # fmt: skip
        if path:
            self.export(path)

    def export(self, path: str | Path) -> Path:
        tab = Path(path).suffix.lower() == ".tsv"
        return write_atomic(path, self.table_text("\t" if tab else ","))

    def _enable_outputs(self) -> None:
        has = self.comparison is not None
        self.copy_button.setEnabled(has)
        self.export_button.setEnabled(has)


def _compare(docs: list[Document], verdicts: _Known, _progress: Progress) -> Comparison:
    return compare_with_verdicts(docs, verdicts)


def _unread(error: Exception) -> str:
    return f"A letter could not be read: {error}"


class _Known:
    """Verdicts read on the GUI thread, handed to the worker as a DecisionStore would."""

    def __init__(self, verdicts: dict):
        self._verdicts = verdicts

    def for_letters(self, _shas: set[str]) -> dict:
        return self._verdicts


def filter_id(kind: str, letter: int | None = None) -> str:
    """A filter as the Show box stores it: "in-all", "joined-in:2"."""
    return kind if letter is None else f"{kind}:{letter}"


def parse_filter_id(text: str) -> tuple[str, int | None]:
    kind, _, letter = text.partition(":")
    return kind, int(letter) if letter else None


def filter_choices(comparison: Comparison) -> list[tuple[str, tuple[str, int | None]]]:
    """The Show box's filters past Everyone: in all, then only in, joined in, left after each
    letter where it can be true of someone (nobody joins in the first or leaves after the last)."""
    choices: list[tuple[str, tuple[str, int | None]]] = [(FILTERS[IN_ALL][1], (IN_ALL, None))]
    last = len(comparison.letters) - 1
    for kind in (ONLY_IN, JOINED_IN, LEFT_AFTER):
        for i, letter in enumerate(comparison.letters):
            if (kind, i) in ((JOINED_IN, 0), (LEFT_AFTER, last)):
                continue
            name = f"{letter.label} ({_short(letter.title)})"
            choices.append((FILTERS[kind][1].format(letter=name), (kind, i)))
    return choices


def _short(title: str, limit: int = 40) -> str:
    return title if len(title) <= limit else title[: limit - 1] + "\u2026"
