"""What a letter is and where it came from, in a few labelled lines (the letter pane's header).

Plain text only: every value comes from the document and is shown as text, never as markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from viewer.core.cite.facts import clean, facts_for
from viewer.core.cite.plain import date_text
from viewer.core.model import Document

SHA_SHOWN = 12  # hex digits of the SHA-256 shown; the full one is in the tooltip


@dataclass(frozen=True)
class ProvenanceLine:
    """One line of the header: a label, its text, and a tooltip where there is more to say."""

    label: str
    text: str
    tooltip: str | None = None


def signatory_count(doc: Document) -> str:
    """ "158 signatories", or for an export of some of them "16 of 158 signatories"."""
    n = len(doc.signatories)
    m = doc.metadata
    if m.subset_of and m.subset_of > n:
        return f"{n:,} of {m.subset_of:,} signatories"
    return f"{n:,} signator{'y' if n == 1 else 'ies'}"


def count_line(doc: Document) -> str:
    """The count with the filter that chose a subset: "16 of 158 signatories; filter: ..."."""
    count = signatory_count(doc)
    m = doc.metadata
    if m.subset_of and m.subset_filter:
        return f"{count}; filter: {m.subset_filter}"
    return count


def short_sha(sha256: str) -> str:
    return sha256[:SHA_SHOWN]


def provenance_lines(doc: Document) -> list[ProvenanceLine]:
    """Title (or the description citations use), date, addressee, publisher, source URL, the
    count and the file's SHA-256; a line the document has nothing for is left out."""
    m = doc.metadata
    f = facts_for(doc)
    # An untitled letter with nothing to describe it by is only "Letter" in a citation; here
    # its file's name says more (Document.title falls back to it).
    described = m.description or m.addressee or doc.letter.addressee
    lines = [ProvenanceLine("Letter", f.title or (f.description if described else doc.title))]
    if f.date:
        lines.append(ProvenanceLine("Date", date_text(f.date)))
    addressee = clean(m.addressee) or clean(", ".join(doc.letter.addressee))
    if addressee:
        lines.append(ProvenanceLine("To", addressee))
    if f.publisher:
        lines.append(ProvenanceLine("Published by", f.publisher, f.headline))
    if f.url:
        lines.append(ProvenanceLine("Source", f.url))
    lines.append(ProvenanceLine("Signatories", count_line(doc)))
    sha = doc.source.sha256
    if sha:
        tip = f"SHA-256 of the file: {sha}"
        if m.original_sha256 and m.original_sha256 != sha:
            tip += f"\nExported from the file with SHA-256 {m.original_sha256}"
        lines.append(ProvenanceLine("File", f"SHA-256 {short_sha(sha)}\u2026", tip))
    return lines
