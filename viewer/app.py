"""main(): arguments, the QApplication, the error reporter and the window."""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from viewer import __version__

START_FAILED_EXIT = 2  # the file named on the command line could not be opened


def _parse(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="letter-viewer", description="Open the letter viewer.")
    parser.add_argument("file", nargs="?", help="a letter to open; default: the 2017 letter")
    parser.add_argument("--version", action="version", version=f"letter-viewer {__version__}")
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="build the window, paint it, filter and copy once, print timings and exit",
    )
    parser.add_argument(
        "--theme",
        choices=("system", "light", "dark"),
        help="colours for this run (View > Theme chooses them for good)",
    )
    return parser.parse_args(argv)


def create_main_window(path: str | Path | None = None, theme: str | None = None):
    """Build the main window for a document (a QApplication must exist); not shown.

    Everything the first frame shows (the letter, the table, the chart) is built here; what
    it does not show waits for that frame (viewer.ui.common.first_paint).
    """
    from viewer.ui.main_window import MainWindow

    return MainWindow(path, theme=theme)


def import_core_first() -> None:
    """Import the GUI-free modules that the window's first frame uses, and numpy, before Qt.

    Once PySide6.QtCore is imported, its import hook reads the source of every Python module
    imported after it (to see whether the module says ``from __feature__ import``): numpy's
    hundred modules and our core's sixty, tens of milliseconds of a start-up measured at
    well under a second (benchmarks/bench_startup.py). Imported first, they are not read.
    """
    import numpy  # noqa: F401

    import viewer.core.bundled
    import viewer.core.cite
    import viewer.core.document_disposal
    import viewer.core.letter_notes
    import viewer.core.library.annotations
    import viewer.core.library.entry
    import viewer.core.library.views
    import viewer.core.opening
    import viewer.core.provenance
    import viewer.core.query.engine
    import viewer.core.query.filter_summary
    import viewer.core.query.text_find
    import viewer.core.storage.recent_files
    import viewer.core.storage.settings
    import viewer.core.verification  # noqa: F401


def prepare_imports() -> None:
    """What main() does before it imports Qt: the core first, then PySide6's import hook
    told to record modules without reading their source (viewer.ui.common.pyside_import_hook).
    """
    import_core_first()
    from viewer.ui.common.pyside_import_hook import skip_source_reads

    skip_source_reads()


def main(argv: Sequence[str] | None = None) -> int:
    started = time.perf_counter()
    args = _parse(list(sys.argv[1:] if argv is None else argv))
    prepare_imports()
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Letter Viewer")
    app.setApplicationVersion(__version__)
    _set_desktop_identity(app)
    if args.smoke_test:
        from viewer.smoke import run_smoke_test

        return run_smoke_test(args.file, started)
    # The start-up makes objects that stay (modules, widgets, the letter), not garbage: the
    # cycle collector would walk them all again and again (a tenth of a second here) and
    # find nothing. It is off until the window's first paint (_run_window).
    gc.disable()
    try:
        return _run_window(app, args)
    finally:
        gc.enable()  # if the window never got to its first paint


def _run_window(app, args: argparse.Namespace) -> int:
    """Build and show the main window, then run the event loop; the exit status."""
    from viewer.core.errors import ParseError
    from viewer.core.storage.settings import log_dir
    from viewer.ui.common.first_paint import after_first_paint
    from viewer.ui.dialogs.error_reporter import ErrorReporter
    from viewer.ui.opening.load_progress import opens_in_background

    window = None
    reporter = ErrorReporter(lambda: window, log_dir())
    reporter.install()
    # Without a file named, the letter open when the viewer last closed (the library's).
    reopened, notice = (None, None) if args.file else _letter_to_reopen()
    path = args.file or reopened
    # A large file opens after the window is up, with its progress bar and Cancel.
    later = path if path and opens_in_background(path) else None
    try:
        window = create_main_window(None if later else path, theme=args.theme)
    except ParseError as exc:
        if not reopened:
            report_start_failure(exc)
            return START_FAILED_EXIT
        window = create_main_window(None, theme=args.theme)
        notice = f"The letter you had open last could not be opened again: {exc}"
    window.show_for_user()
    after_first_paint(window, gc.enable)  # the start-up made no garbage to collect
    if notice:
        window.statusBar().showMessage(notice, 20_000)
    if later and reopened:
        window.opening.open_path(later)  # a failure is a dialog; the 2017 letter stays
    elif later:
        # Read in the background; if it fails, the same report and exit status as above.
        window.opening.start_failed.connect(lambda exc: _quit_on_start_failure(app, window, exc))
        window.opening.open_at_start(later)
    return app.exec()


def _letter_to_reopen() -> tuple[str | None, str | None]:
    """The library's last open letter and a notice; never stops the start."""
    from viewer.core.library.reopen import letter_to_reopen

    try:
        return letter_to_reopen()
    except Exception as exc:  # a library problem must not keep the window from opening
        return None, f"The library of letters could not be read ({exc})."


def report_start_failure(exc: Exception) -> None:
    """The file named on the command line cannot be opened: say so on stderr and in a box."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    print(f"letter-viewer: {exc}", file=sys.stderr)
    box = QMessageBox(QMessageBox.Icon.Critical, "Letter Viewer", "")
    box.setObjectName("startErrorDialog")
    box.setTextFormat(Qt.TextFormat.PlainText)  # the message quotes a file name and text
    box.setText(f"This file could not be opened.\n\n{exc}")
    box.exec()


def _quit_on_start_failure(app, window, exc: Exception) -> None:
    """A large file from the command line failed: leave as a small bad file does (status 2)."""
    window.hide()  # not closed: nothing of this run is saved, as with a small bad file
    report_start_failure(exc)
    app.exit(START_FAILED_EXIT)


def _set_desktop_identity(app) -> None:
    """The icon for every window and the .desktop file that names the app (Wayland docks)."""
    from viewer.ui.common.desktop import DESKTOP_FILE, app_icon

    app.setWindowIcon(app_icon())
    app.setDesktopFileName(DESKTOP_FILE)
