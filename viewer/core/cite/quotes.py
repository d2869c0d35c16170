"""Quoting the letter: which paragraph a passage comes from, and the quote with its citation.

Paragraphs are numbered as a reader counts them in the letter's body: each paragraph is one,
and a list (the letter's demands) counts as one paragraph, since its items are not
paragraphs of their own. Salutation, addressee and closing are not counted.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from viewer.core.cite import apa, mla
from viewer.core.cite.facts import DEFAULT_AUTHORS, facts_for
from viewer.core.cite.locators import Paragraphs, paragraph_locator
from viewer.core.cite.rich import Rich, curly_inner
from viewer.core.cite.styles import DEFAULT_STYLE, get_style, human_citation, record_text
from viewer.core.model import Document, ItemList, Paragraph

# Qt's selectedText() ends paragraphs with U+2029 and lines with U+2028.
_BREAKS_RE = re.compile(r"[\n\r\u2028\u2029]+")
_SENTENCE_END = ".,;:"


@dataclass(frozen=True)
class BodyParagraph:
    """A numbered paragraph of the body; pieces are its text, or a list's items."""

    number: int
    pieces: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(self.pieces)


def body_paragraphs(doc: Document) -> tuple[BodyParagraph, ...]:
    """The body's paragraphs numbered from 1 (a list counts as one paragraph)."""
    out = []
    for block in doc.letter.body:
        if isinstance(block, Paragraph):
            pieces: tuple[str, ...] = (block.text,)
        elif isinstance(block, ItemList):
            pieces = block.items
        else:
            continue
        out.append(BodyParagraph(len(out) + 1, pieces))
    return tuple(out)


def _norm(text: str) -> str:
    return " ".join(text.split())


def paragraphs_of_text(doc: Document, selected: str) -> Paragraphs:
    """The paragraph (or first and last paragraph) a selected passage comes from; None if
    the passage is not in the body. A passage found in several paragraphs gives the first."""
    lines = [_norm(x) for x in _BREAKS_RE.split(selected) if _norm(x)]
    if not lines:
        return None
    numbered = [(p.number, _norm(p.text)) for p in body_paragraphs(doc)]
    whole = _norm(" ".join(lines))
    for number, text in numbered:
        if whole in text:
            return number
    first = next((n for n, t in numbered if lines[0] in t), None)
    last = next((n for n, t in numbered if lines[-1] in t and (first is None or n >= first)), None)
    if first is None or last is None:
        return None
    return first if first == last else (first, last)


def paragraph_spans(doc: Document, shown: str) -> list[tuple[int, int, int]]:
    """(start, end, number) of each body paragraph's text inside a pane's text `shown`.

    The pane may add anything around the paragraphs (addressee, bullets, signatories): each
    paragraph, or each item of a list, is found in order after the one before it.
    """
    spans = []
    cursor = 0
    for para in body_paragraphs(doc):
        for piece in para.pieces:
            at = shown.find(piece, cursor)
            if at < 0:
                continue
            spans.append((at, at + len(piece), para.number))
            cursor = at + len(piece)
    return spans


def paragraph_at(doc: Document, shown: str, offset: int) -> int | None:
    """The number of the body paragraph at a character offset of the pane's text."""
    for start, end, number in paragraph_spans(doc, shown):
        if start <= offset <= end:
            return number
    return None


def quote_paragraphs(quote: str) -> list[str]:
    """The passage's paragraphs (split at Qt's U+2029 and at blank lines), each on one line."""
    parts = re.split(r"\u2029|\r?\n\s*\r?\n", quote)
    return [p for p in (_norm(_BREAKS_RE.sub(" ", x)) for x in parts) if p]


def _marked(paragraphs: list[str], tail: str = "") -> list[str]:
    """Each paragraph opens with a quotation mark; only the last one closes (Chicago 13.30,
    the rule of every English style for a quotation of several paragraphs run into text)."""
    out = [f"\u201c{curly_inner(p)}" for p in paragraphs]
    out[-1] += f"\u201d{tail}"
    return out


def _rich_quote(
    doc: Document, quote: str, paragraphs: Paragraphs, style: str, authors: str
) -> tuple[list[Rich], Rich]:
    """(the quoted paragraphs, the citation after them)."""
    record = get_style(style).record
    f = facts_for(doc, authors)
    parts = quote_paragraphs(quote) or [""]
    if style in ("apa", "mla"):
        # The parenthetical ends the sentence: the quotation's own period moves after it.
        last = parts[-1]
        if last and last[-1] in _SENTENCE_END:
            parts[-1] = last[:-1].rstrip()
        module = apa if style == "apa" else mla
        lead = [Rich.text(t) for t in _marked(parts, " ")]
        lead[-1].extend(module.in_text(f, paragraphs)).add(".")
        return lead, human_citation(f, style)
    if record:
        locator = paragraph_locator(paragraphs)
        lead = [Rich.text(t) for t in _marked(parts, f" ({locator})" if locator else "")]
        return lead, Rich.text(record_text(f, style))
    return [Rich.text(t) for t in _marked(parts)], human_citation(f, style, paragraphs)


def cite_quote(
    doc: Document,
    quote: str,
    paragraph_number: Paragraphs = None,
    style: str = DEFAULT_STYLE,
    authors: str = DEFAULT_AUTHORS,
) -> str:
    """The passage in typographic quotation marks (a passage of several paragraphs keeps them,
    one a line), a blank line, then its citation with "para. N" where the style has a place
    for it (Chicago note, plain; APA and MLA in the parenthetical after the quote; a record
    style after the quote)."""
    lead, citation = _rich_quote(doc, quote, paragraph_number, style, authors)
    return "\n".join(r.plain for r in lead) + "\n\n" + citation.plain


def cite_quote_html(
    doc: Document,
    quote: str,
    paragraph_number: Paragraphs = None,
    style: str = DEFAULT_STYLE,
    authors: str = DEFAULT_AUTHORS,
) -> str:
    """cite_quote() as HTML: a paragraph for each quoted one, then the citation's; every
    field escaped, records in <pre>."""
    lead, citation = _rich_quote(doc, quote, paragraph_number, style, authors)
    quoted = "\n".join(f"<p>{r.html()}</p>" for r in lead)
    if get_style(style).record:
        return f"{quoted}\n<pre>{html.escape(citation.plain, quote=False)}</pre>"
    return f"{quoted}\n<p>{citation.html()}</p>"
