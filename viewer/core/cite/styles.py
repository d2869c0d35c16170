"""The citation styles by id, with labels for a menu, and the letter's citation in each."""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass

from viewer.core.cite import apa, bibtex, chicago, csljson, mla, plain, ris
from viewer.core.cite.facts import DEFAULT_AUTHORS, Facts, facts_for
from viewer.core.cite.locators import Paragraphs
from viewer.core.cite.rich import Rich
from viewer.core.model import Document


@dataclass(frozen=True)
class Style:
    """A citation style: its id (for settings and the command line) and a label for menus."""

    id: str
    label: str
    record: bool = False  # a machine-readable record (several lines, no italics)


STYLES: tuple[Style, ...] = (
    Style("chicago-note", "Chicago (17th ed.) note"),
    Style("chicago-bib", "Chicago (17th ed.) bibliography"),
    Style("apa", "APA (7th ed.)"),
    Style("mla", "MLA (9th ed.)"),
    Style("bibtex", "BibTeX", record=True),
    Style("ris", "RIS (EndNote, Zotero, Mendeley)", record=True),
    Style("csl-json", "CSL-JSON (Zotero, pandoc)", record=True),
    Style("plain", "Plain text"),
)
STYLE_IDS: tuple[str, ...] = tuple(s.id for s in STYLES)
DEFAULT_STYLE = "chicago-note"


class UnknownStyleError(ValueError):
    """A style id that is not one of STYLE_IDS."""


def get_style(style_id: str) -> Style:
    for s in STYLES:
        if s.id == style_id:
            return s
    raise UnknownStyleError(
        f"unknown citation style {style_id!r} (choose from {', '.join(STYLE_IDS)})"
    )


def style_label(style_id: str) -> str:
    return get_style(style_id).label


# The human styles, each given the facts and an optional paragraph locator.
_HUMAN: dict[str, Callable[[Facts, Paragraphs], Rich]] = {
    "chicago-note": chicago.note,
    "chicago-bib": lambda f, _p=None: chicago.bibliography(f),
    "apa": lambda f, _p=None: apa.reference(f),
    "mla": lambda f, _p=None: mla.works_cited(f),
    "plain": plain.plain,
}
_RECORDS: dict[str, Callable[[Facts], str]] = {
    "bibtex": bibtex.entry,
    "ris": ris.record,
    "csl-json": csljson.document,
}


def human_citation(f: Facts, style_id: str, paragraphs: Paragraphs = None) -> Rich:
    """The formatted citation of a human style (not for bibtex, ris, csl-json)."""
    if get_style(style_id).record:
        raise ValueError(f"{style_id} is a record format; use record_text()")
    return _HUMAN[style_id](f, paragraphs)


def record_text(f: Facts, style_id: str) -> str:
    """The record of a machine-readable style (bibtex, ris, csl-json)."""
    if not get_style(style_id).record:
        raise ValueError(f"{style_id} is not a record format; use human_citation()")
    return _RECORDS[style_id](f)


def cite_letter(doc: Document, style: str = DEFAULT_STYLE, authors: str = DEFAULT_AUTHORS) -> str:
    """The letter's citation as plain text (several lines for BibTeX, RIS and CSL-JSON)."""
    f = facts_for(doc, authors)
    if get_style(style).record:
        return record_text(f, style)
    return human_citation(f, style).plain


def cite_letter_html(
    doc: Document, style: str = DEFAULT_STYLE, authors: str = DEFAULT_AUTHORS
) -> str:
    """The citation as an HTML fragment: every field escaped, italics as <i>, records in <pre>."""
    f = facts_for(doc, authors)
    if get_style(style).record:
        return f"<pre>{html.escape(record_text(f, style), quote=False)}</pre>"
    return human_citation(f, style).html()
