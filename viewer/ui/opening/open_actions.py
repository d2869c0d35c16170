"""Opening letters from the window: File > Open, Open Folder, Open Recent, the 2017 letter, a
dropped file or folder, and Review Import.

Every way in ends in ``open_path`` (or ``open_plan`` for a reviewed import), which hands the
work to the window's opening Worker (viewer.ui.common.worker). Only a finished load changes
the document on screen: a bad file ends in a dialog, a cancelled one in nothing, and the
letter that was open stays as it was.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from functools import partial
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QStandardPaths, Qt, Signal
from PySide6.QtGui import QIcon, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from viewer.core.bundled import bundled_letter_path
from viewer.core.document_disposal import release_in_background
from viewer.core.errors import ParseError
from viewer.core.model import Document
from viewer.core.opening import Loaded, load_file, load_plan, review_plan
from viewer.core.progress import Progress
from viewer.core.storage.recent_files import RecentFileList
from viewer.core.wording import plural
from viewer.ui.common.actions import make_action
from viewer.ui.common.status import NOTICE_MS, show_status
from viewer.ui.common.view_state import ViewState
from viewer.ui.common.worker import Job, Worker
from viewer.ui.opening.file_drop import FileDropFilter
from viewer.ui.opening.import_notice import ImportNotesDialog, ImportNotice, can_review
from viewer.ui.opening.load_progress import LoadProgress
from viewer.ui.opening.recent_menu import RecentFilesMenu

if TYPE_CHECKING:  # loaded on first use: the importer is not needed to start
    from viewer.core.textimport.plan import ImportPlan
    from viewer.ui.dialogs.review_import import ReviewImportDialog

OPEN_FILTERS = ";;".join(
    (
        "Letters (*.txt *.md *.markdown *.html *.htm *.pdf *.json *.yaml *.yml *.csv *.tsv)",
        "Text and Markdown letters (*.txt *.md *.markdown)",
        "Web pages (*.html *.htm)",
        "PDF letters (*.pdf)",
        "Spreadsheets of signatories (*.csv *.tsv)",
        "Lists of signatories in JSON or YAML (*.json *.yaml *.yml)",
        "Letter Viewer JSON (*.json)",
        "All files (*)",
    )
)
OPEN_FOLDER_SHORTCUT = "Ctrl+Shift+O"


def _remembered(
    load: Callable[[Progress], Loaded], recent: RecentFileList
) -> Callable[[Progress], Loaded]:
    """load, then the letter it read put first in File > Open Recent, on the worker thread:
    the list is written with a flush to disk, which can stall for tens of milliseconds on a
    busy disk, so not on the GUI thread. A cancelled job adds nothing."""

    def run(progress: Progress) -> Loaded:
        loaded = load(progress)
        progress.check()
        path = loaded.document.source.path
        if path and not is_bundled(path):
            recent.add(path)
        return loaded

    return run


def is_bundled(path: str | Path | None) -> bool:
    """Whether path is the bundled 2017 letter (not worth a place in Open Recent)."""
    if not path:
        return False
    with contextlib.suppress(OSError):
        return os.path.samefile(path, bundled_letter_path())
    return False


def _file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # the reader says what is wrong with it


class OpenActions(QObject):
    """The opening commands of one main window, and what they show while they work."""

    # The file named on the command line could not be read (it opens in the background when
    # large): the app reports it as it does a small bad file, instead of a dialog here.
    start_failed = Signal(object)  # ParseError

    def __init__(self, window: QMainWindow, state: ViewState):
        super().__init__(window)
        self.window = window
        self.state = state
        self.loader = Worker(self, "letter-viewer-open")
        self.recent = RecentFileList()
        # The plan behind the document on screen, when it came from Review Import.
        self._plan: tuple[Document, ImportPlan] | None = None
        self.error_box: QMessageBox | None = None
        self._start_job: Job | None = None
        self.review_dialog: ReviewImportDialog | None = None
        self.notes_dialog: ImportNotesDialog | None = None
        self._make_actions()
        self.progress = LoadProgress(self.loader, window)
        self.notice = ImportNotice(window)
        status = window.statusBar()
        status.addPermanentWidget(self.notice)
        status.addPermanentWidget(self.progress)
        self.drop = FileDropFilter(window)
        self.drop.file_dropped.connect(self._dropped)
        self.notice.details_requested.connect(self.show_import_notes)
        self.loader.failed.connect(self._failed)
        state.document_changed.connect(self._document_shown)
        window.installEventFilter(self)
        self._document_shown(state.document)
        self._remember(state.document, add=True)  # opened with the window, on this thread

    def _make_actions(self) -> None:
        window = self.window
        self.open_action = make_action(
            window, "&Open\u2026", self.choose_file, QKeySequence.StandardKey.Open,
            "Open a letter: text, Markdown, a web page, PDF, CSV, JSON or YAML",
            QIcon.fromTheme(QIcon.ThemeIcon.DocumentOpen),
        )  # fmt: skip
        self.open_folder_action = make_action(
            window, "Open &Folder\u2026", self.choose_folder, OPEN_FOLDER_SHORTCUT,
            "Open a folder of one file per signer (YAML, JSON, Markdown front matter)",
            QIcon.fromTheme(QIcon.ThemeIcon.FolderOpen),
        )  # fmt: skip
        self.recent_menu = RecentFilesMenu(self.recent, window)
        self.recent_menu.open_requested.connect(self.open_path)
        self.bundled_action = make_action(
            window, "Open the &2017 Letter", self.open_bundled, (),
            "The letter of 4 December 2017 on the release of Kem Sokha, as it comes with the "
            "viewer",
        )  # fmt: skip
        self.review_action = make_action(
            window, "Re&view Import\u2026", self.review_import, (),
            "Check and correct how a text or Markdown letter's signatory list was read",
        )  # fmt: skip

    # -- commands ------------------------------------------------------------------------------

    def choose_file(self) -> None:
        """File > Open: ask for a file, then open it."""
        path, _filter = QFileDialog.getOpenFileName(
            self.window, "Open a Letter", self._start_folder(), OPEN_FILTERS
        )
        if path:
            self.open_path(path)

    def choose_folder(self) -> None:
        """File > Open Folder: ask for a folder of signer files, then open it."""
        path = QFileDialog.getExistingDirectory(
            self.window, "Open a Folder of Signatures", self._start_folder()
        )
        if path:
            self.open_path(path)

    def open_path(self, path: str | Path) -> Job:
        """Open a file (or a folder of signer files) in the background; the window changes
        only once it has been read."""
        path = Path(path)
        run = _remembered(partial(load_file, path), self.recent)
        return self._load(path.name, run, self._opened, _file_size(path), path)

    def open_at_start(self, path: str | Path) -> None:
        """Open the command line's file; a failure is signalled (start_failed), not shown."""
        self._start_job = self.open_path(path)

    def open_bundled(self) -> None:
        """File > Open the 2017 Letter."""
        self.open_path(bundled_letter_path())

    def open_plan(self, plan: ImportPlan) -> None:
        """Open a reviewed import plan as the document, through the same loader."""
        path = plan.context.source.path if plan.context else plan.path
        name = PurePath(path).name if path else "the letter"
        run = _remembered(partial(load_plan, plan), self.recent)
        self._load(name, run, self._opened, path=path)

    def review_import(self) -> None:
        """File > Review Import: the open text letter's import plan, to check and correct."""
        doc = self.state.document
        if not can_review(doc):
            show_status(
                self.window, "Review Import is for letters opened from text or Markdown files."
            )
            return
        if self._plan is not None and self._plan[0] is doc:
            self._show_review(self._plan[1])
            return
        path = Path(doc.source.path or "")
        self._load(path.name, partial(review_plan, path), self._show_review, _file_size(path))

    def _load(
        self,
        name: str,
        run: Callable[[Progress], Any],
        on_done: Callable[[Any], None],
        size: int = 0,
        path: str | Path | None = None,
    ) -> Job:
        """Run an opening job (one at a time: it replaces one still running)."""
        job = Job(
            name,
            run,
            on_done,
            size,
            str(path) if path else None,
            failures=(ParseError,),  # a file that cannot be read: a dialog, not a bug report
            activity=f"opening {name}",  # "Something went wrong while opening big.csv."
        )
        return self.loader.start(job)

    def show_import_notes(self) -> None:
        """What the importer assumed about the open document, line by line."""
        if self.notes_dialog is not None:
            self.notes_dialog.deleteLater()
        self.notes_dialog = ImportNotesDialog(self.state.document, self.window)
        self.notes_dialog.review_requested.connect(self.review_import)
        self.notes_dialog.open()

    # -- results -------------------------------------------------------------------------------

    def _opened(self, loaded: Loaded) -> None:
        doc = loaded.document
        self._plan = (doc, loaded.plan) if loaded.plan is not None else None
        old = [self.state.document, self.state.engine]
        self.state.set_document(doc, loaded.engine)
        release_in_background(old, old[0])  # a large list is freed in slices, off this thread
        self._remember(doc)
        name = PurePath(doc.source.path).name if doc.source.path else doc.title
        people = plural(len(doc.signatories), "signatory", "signatories")
        show_status(self.window, f"Opened {name}: {people}.")

    def _remember(self, doc: Document, add: bool = False) -> None:
        """Put doc first in Open Recent if add (an opening job has already done it, see
        _remembered); say once if the list could not be read."""
        path = doc.source.path
        if add and path and not is_bundled(path):
            self.recent.add(path)
        if self.recent.notice:
            show_status(self.window, self.recent.notice, NOTICE_MS)
            self.recent.notice = None

    def _show_review(self, plan: ImportPlan) -> None:
        doc = self.state.document
        note = ""
        if plan.context and doc.source.sha256 and plan.context.source.sha256 != doc.source.sha256:
            note = "The file has changed since it was opened; this is what it holds now."
        from viewer.ui.dialogs.review_import import ReviewImportDialog

        if self.review_dialog is not None:
            self.review_dialog.deleteLater()
        dialog = ReviewImportDialog(plan, self.window, note)
        dialog.accepted.connect(lambda: self.open_plan(dialog.plan))
        self.review_dialog = dialog
        dialog.open()

    def _failed(self, job: Job, error: ParseError) -> None:
        if job is self._start_job:
            self._start_job = None
            self.start_failed.emit(error)
            return
        if self.error_box is not None:
            self.error_box.close()
            self.error_box.deleteLater()
        name = error.file_name if error.path else job.name
        box = QMessageBox(self.window)
        box.setObjectName("openErrorDialog")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Letter Viewer")
        box.setTextFormat(Qt.TextFormat.PlainText)  # the message quotes the file's own text
        box.setText(f"\u201c{name}\u201d could not be opened.")
        box.setInformativeText(f"{error}\n\nThe letter you had open is still open, unchanged.")
        if error.path:
            box.setDetailedText(f"File: {error.path}")
        box.setWindowModality(Qt.WindowModality.WindowModal)
        self.error_box = box
        box.open()

    def _document_shown(self, doc: Document) -> None:
        self.notice.show_for(doc)
        self.review_action.setEnabled(can_review(doc))

    # -- small things --------------------------------------------------------------------------

    def _dropped(self, path: str, count: int) -> None:
        self.open_path(path)
        if count > 1:
            show_status(self.window, f"One letter opens at a time: opening {PurePath(path).name}.")

    def _start_folder(self) -> str:
        """Where the open dialog starts: by the open letter, or the last one opened."""
        doc_path = self.state.document.source.path
        candidates = [doc_path] if doc_path and not is_bundled(doc_path) else []
        candidates += self.recent.paths()[:1]
        for path in candidates:
            folder = Path(path).parent
            if folder.is_dir():
                return str(folder)
        return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.loader.cancel()  # nobody will look at what it reads
        return False
