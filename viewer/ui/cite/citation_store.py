"""The letter's citation in each style, made once per document and kept for the window.

Most styles name at most twenty authors and take well under a millisecond whatever the
letter's size. RIS and CSL-JSON list every signatory: for a million that is seconds of work
and tens of megabytes, so above SYNC_LIMIT signatories they are made on a worker thread and
only the latest such record is kept.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject

from viewer.core.cite import cite_letter, cite_letter_html, get_style
from viewer.core.model import Document
from viewer.core.wording import plural
from viewer.ui.common.worker import Job, Worker

# The styles whose output grows with the number of signatories (every author is listed).
FULL_AUTHOR_STYLES = frozenset({"ris", "csl-json"})
SYNC_LIMIT = 20_000  # signatories: below this any copy is made at once (RIS: about 0.1 s)
LARGE_TEXT = 1_000_000  # characters: of citations this long only the latest is kept
PREVIEW_LINES = 14
PREVIEW_CHARS = 1500

Key = tuple[str, str]  # (style, authors)


@dataclass(frozen=True)
class Citation:
    """The letter's citation in one style and authors mode, as text and as HTML."""

    style: str
    authors: str
    text: str
    html: str

    def excerpt(self) -> str:
        """The start of the text for a preview (see excerpt())."""
        return excerpt(self.text)


def letter_citation(doc: Document, style: str, authors: str) -> Citation:
    """The letter's citation; the HTML of a record style is the same text in <pre>."""
    text = cite_letter(doc, style, authors)
    if get_style(style).record:
        # Made from the text rather than by cite_letter_html, which would write the record again.
        marked = f"<pre>{html.escape(text, quote=False)}</pre>"
    else:
        marked = cite_letter_html(doc, style, authors)
    return Citation(style, authors, text, marked)


def is_expensive(doc: Document, style: str) -> bool:
    """Whether the letter's citation in style is slow enough to make in the background."""
    return style in FULL_AUTHOR_STYLES and len(doc.signatories) > SYNC_LIMIT


def excerpt(text: str, max_lines: int = PREVIEW_LINES, max_chars: int = PREVIEW_CHARS) -> str:
    """text whole if it is short; else its first lines, "…" and how many lines follow."""
    end = len(text)
    while end and text[end - 1] == "\n":
        end -= 1
    head = "\n".join(text[: min(end, max_chars)].split("\n")[:max_lines])
    if len(head) >= end:
        return text[:end]
    more = text.count("\n", len(head), end)
    if more:
        return f"{head}\n\u2026 ({plural(more, 'more line', 'more lines')})"
    return f"{head}\u2026"


class CitationStore(QObject):
    """Citations of the current document by (style, authors): made once, then kept."""

    def __init__(self, document: Document, parent: QObject | None = None):
        super().__init__(parent)
        self._document = document
        self._cache: dict[Key, Citation] = {}
        self._waiting: dict[Key, list[Callable[[Citation], None]]] = {}
        self.worker = Worker(self)

    @property
    def document(self) -> Document:
        return self._document

    def set_document(self, document: Document) -> None:
        """Forget the old document's citations; work running for it is dropped when done."""
        self._document = document
        self._cache.clear()
        self._waiting.clear()
        self.worker.discard_waiting()

    def cached(self, style: str, authors: str) -> Citation | None:
        return self._cache.get((style, authors))

    def is_ready(self, style: str, authors: str) -> bool:
        """True if the citation can be had at once (kept, or quick to make)."""
        return (style, authors) in self._cache or not is_expensive(self._document, style)

    def request(self, style: str, authors: str, callback: Callable[[Citation], None]) -> None:
        """Call callback with the citation: now if it is ready, else when the worker has it."""
        key = (style, authors)
        if self.is_ready(style, authors):
            callback(self._make(key))
            return
        waiting = self._waiting.setdefault(key, [])
        waiting.append(callback)
        if len(waiting) == 1:  # the first to ask starts the work; the others wait for it
            doc = self._document
            self.worker.submit(
                Job(
                    f"the {style} citation",
                    lambda _progress: letter_citation(doc, style, authors),
                    lambda citation: self._arrived(doc, key, citation),
                )
            )

    def _make(self, key: Key) -> Citation:
        if key not in self._cache:
            self._keep(letter_citation(self._document, *key))
        return self._cache[key]

    def _keep(self, citation: Citation) -> None:
        if len(citation.text) > LARGE_TEXT:
            # Tens of megabytes each: keep only the latest record of that size.
            for key in [k for k, c in self._cache.items() if len(c.text) > LARGE_TEXT]:
                del self._cache[key]
        self._cache[(citation.style, citation.authors)] = citation

    def _arrived(self, doc: Document, key: Key, citation: Citation) -> None:
        if doc is not self._document:
            return  # made for a document no longer shown
        self._keep(citation)
        for callback in self._waiting.pop(key, []):
            callback(citation)
