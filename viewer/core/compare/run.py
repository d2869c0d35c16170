"""Comparing letters named by path, with the library's verdicts: what the command line and
the window share."""

from __future__ import annotations

from collections.abc import Sequence

from viewer.core.cite import cite_letter
from viewer.core.compare.comparison import Comparison, compare_documents, letter_sha
from viewer.core.model import Document

Pair = tuple[tuple[str, str], tuple[str, str]]


def by_date(docs: Sequence[Document]) -> list[Document]:
    """Earliest first (undated letters last, in the order given): the order "joined" and
    "left" read."""
    order = sorted(range(len(docs)), key=lambda i: (docs[i].metadata.date is None,
                                                     docs[i].metadata.date or "", i))  # fmt: skip
    return [docs[i] for i in order]


def citations(docs: Sequence[Document], style: str | None = None) -> list[str]:
    """Each letter's citation line (the default style unless one is named)."""
    return [cite_letter(d, style) if style else cite_letter(d) for d in docs]


def compare_with_verdicts(docs: Sequence[Document], verdicts) -> Comparison:
    """compare_documents with the verdicts a DecisionStore holds for these letters."""
    shas = {letter_sha(d) for d in docs}
    known: dict[Pair, bool] = verdicts.for_letters(shas) if verdicts is not None else {}
    return compare_documents(docs, known)
