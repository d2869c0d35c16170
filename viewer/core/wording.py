"""Counts in words ("1 country", "158 signatories") and one-line summaries of a document,
computed from its own text (never from metadata). The window's own words (labels, "Not
stated") are in viewer.ui.common.wording."""

from __future__ import annotations

import re

from viewer.core.folding import fold
from viewer.core.model import Document

# Roles that make a signatory a parliamentarian, matched on folded text.
_PARLIAMENTARY = re.compile(
    r"parliament|senat|bundestag|house of (representatives|commons|lords|councillors)"
    r"|congress|deputy|deputado|diputad|legislat|assembly|\bmps?\b|\bmeps?\b|\bmlas?\b"
)


def noun(n: int, one: str, many: str) -> str:
    """one or many, as the count n asks."""
    return one if n == 1 else many


def plural(n: int, one: str, many: str) -> str:
    """ "1 country", "2 countries" (n formatted with thousands separators)."""
    return f"{n:,} {noun(n, one, many)}"


def signatory_noun(document: Document) -> tuple[str, str]:
    """("parliamentarian", "parliamentarians") when every stated role is one, else people."""
    roles = document.roles
    if roles and all(_PARLIAMENTARY.search(fold(r)) for r in roles):
        return "parliamentarian", "parliamentarians"
    return "person", "people"


def signed_by_line(document: Document) -> str:
    """ "Signed by 158 parliamentarians from 23 countries", counted from the document."""
    text = f"Signed by {plural(len(document.signatories), *signatory_noun(document))}"
    countries = len(document.countries)
    if countries:
        text += f" from {plural(countries, 'country', 'countries')}"
    return text
