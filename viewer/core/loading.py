"""Opening a document as the window does: the readers of open_document, in reported steps.

A worker thread runs these functions; they never touch the GUI. Between steps (and after
every megabyte read) they report where they are and check whether the user cancelled, so a
cancelled open stops at the next check and the document on screen is never touched. The
result carries the query engine too, because building its columns is the other slow part
of opening a large list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from viewer.core.formats import document_from_file_bytes, read_file_bytes
from viewer.core.model import Document
from viewer.core.progress import CancelCheck, Cancelled, Steps
from viewer.core.query import Columns, QueryEngine

if TYPE_CHECKING:  # the text importer loads on first use, not at start-up
    from viewer.core.importer import ImportPlan

READING = "reading"  # the file's bytes: a fraction is known
PARSING = "parsing"  # text to signatories
INDEXING = "indexing"  # the query engine's columns

# A stage and the fraction of it done (None: not known while it runs).
Report = Callable[[str, float | None], None]


@dataclass(frozen=True)
class Loaded:
    """A document ready to show: its query engine is built, its import plan kept if any."""

    document: Document
    engine: QueryEngine
    plan: ImportPlan | None = None


class LoadSteps:
    """Tells a progress bar where a load is, and stops the load when asked to."""

    def __init__(self, report: Report | None = None, cancelled: CancelCheck | None = None):
        self._report = report
        self._cancelled = cancelled

    def cancelled(self) -> bool:
        """Whether the user asked to stop."""
        return self._cancelled is not None and self._cancelled()

    def check(self) -> None:
        """Raise Cancelled if the user asked to stop."""
        if self.cancelled():
            raise Cancelled

    def begin(self, stage: str) -> None:
        """A new stage starts (after a check for cancel)."""
        self.at(stage, None)

    def at(self, stage: str, fraction: float | None) -> None:
        """Report progress within a stage (after a check for cancel)."""
        self.check()
        if self._report is not None:
            self._report(stage, fraction)


def load_file(path: str | Path, steps: LoadSteps | None = None) -> Loaded:
    """Read a file as open_document does, reporting the fraction read; ParseError if bad."""
    steps = steps or LoadSteps()
    steps.begin(READING)
    data = read_file_bytes(path, on_chunk=lambda done, size: steps.at(READING, done / size))
    steps.begin(PARSING)
    parsing = Steps(lambda fraction: steps.at(PARSING, fraction), steps.cancelled)
    document = document_from_file_bytes(data, path, steps=parsing)
    del data  # the text and the signatories are what stays; the bytes can go before indexing
    return Loaded(document, build_engine(document, steps))


def _summarised(document: Document) -> Document:
    """The document with what the window's summary line counts worked out here, off the GUI
    thread (they are cached on the document)."""
    document.countries  # noqa: B018
    document.roles  # noqa: B018
    return document


def load_plan(plan: ImportPlan, steps: LoadSteps | None = None) -> Loaded:
    """The document a (reviewed) import plan describes; ParseError if it has no signatories."""
    steps = steps or LoadSteps()
    steps.begin(PARSING)
    document = plan.to_document()
    return Loaded(document, build_engine(document, steps), plan)


def review_plan(path: str | Path, steps: LoadSteps | None = None) -> ImportPlan:
    """The import plan of a text or Markdown letter, for the Review Import view."""
    from viewer.core.review import plan_file

    steps = steps or LoadSteps()
    steps.begin(PARSING)
    plan = plan_file(path)
    steps.check()
    return plan


def build_engine(document: Document, steps: LoadSteps) -> QueryEngine:
    """The query engine, its columns built now (off the GUI thread), reporting as it goes."""
    steps.begin(INDEXING)
    columns = Columns(
        document.signatories,
        progress=lambda fraction: steps.at(INDEXING, fraction),
        cancel=steps.cancelled,
    )
    return QueryEngine(_summarised(document), columns)


__all__ = [
    "INDEXING",
    "PARSING",
    "READING",
    "Cancelled",
    "LoadSteps",
    "Loaded",
    "build_engine",
    "load_file",
    "load_plan",
    "review_plan",
]
