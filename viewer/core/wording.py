"""One-line summaries of a document, computed from its own text (never from metadata)."""

from __future__ import annotations

import re

from viewer.core.folding import fold
from viewer.core.model import Document

# Roles that make a signatory a parliamentarian, matched on folded text.
_PARLIAMENTARY = re.compile(
    r"parliament|senat|bundestag|house of (representatives|commons|lords|councillors)"
    r"|congress|deputy|deputado|diputad|legislat|assembly|\bmps?\b|\bmeps?\b|\bmlas?\b"
)


def signatory_noun(document: Document) -> tuple[str, str]:
    """("parliamentarian", "parliamentarians") when every stated role is one, else people."""
    roles = document.roles
    if roles and all(_PARLIAMENTARY.search(fold(r)) for r in roles):
        return "parliamentarian", "parliamentarians"
    return "person", "people"


def signed_by_line(document: Document) -> str:
    """ "Signed by 158 parliamentarians from 23 countries", counted from the document."""
    n = len(document.signatories)
    one, many = signatory_noun(document)
    text = f"Signed by {n:,} {one if n == 1 else many}"
    countries = len(document.countries)
    if countries:
        text += f" from {countries:,} {'country' if countries == 1 else 'countries'}"
    return text
