"""What a block or a line in a letter's signatory part is: a heading, an entry, an end.

The predicates the part finder (signatory_part) decides with: a heading's level (a bold
paragraph or a signatory heading on a line of its own counts as one), a line that ends the
list (a footnote, a bare link, "ENDS", contact details), prose, an entry-shaped line, a
line inside a list that is plainly none ("please add your name below"), an item that heads
the items nested under it, and the splitting of one block into entries.
"""

from __future__ import annotations

import re

from viewer.core.countries import is_country
from viewer.core.formats.letter_layout import split_role_line
from viewer.core.textimport.blocks import Block, Inline
from viewer.core.textimport.entry_fields import looks_like_name, parse_entry, strip_footnote_marks
from viewer.core.textimport.signoffs import is_group_heading, sign_off

PSEUDO_HEADING = 7  # a bold paragraph or a short line ending in ":" (below every <h6>)

_END_MARK = re.compile(
    r"^(?:-+\s*)?(?:ends?|end of (?:letter|statement|release|text)|-30-|###)(?:\s*-+)?\.?$",
    re.IGNORECASE,
)
_FOOTNOTE = re.compile(
    r"^(?:[*\u2020\u2021\u00a7]|\[\^?\d{1,3}\]|[\u00b9\u00b2\u00b3\u2070-\u2079]"
    r"|(?:notes?|sources?|footnotes?|references?|nb)\s*[:.])",
    re.IGNORECASE,
)
_CONTACT = re.compile(
    r"^(?:for (?:more|further) information|media (?:contact|enquiries|inquiries)"
    r"|press (?:contact|enquiries|inquiries)|contacts?\s*:|notes? to editors|about (?:the|us)\b)",
    re.IGNORECASE,
)
_BARE_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
_CJK_CHAR = re.compile(r"[\u3400-\u9fff]")
_CJK_LIST = re.compile(r"[\u3001\uff1b;]")
HANDLE = re.compile(r"@?[\w][\w.\-]{1,38}")  # a user name written alone: "a764934018"
_MISTYPED_MARKER = re.compile(r"^\d{1,5}[,;]\s+(?=\S)")
_SENTENCE_END = re.compile(r"[.!?\u3002\uff01\uff1f]$")


def is_pseudo_heading(block: Block) -> bool:
    """A paragraph that is bold as a whole, or one short line ending with a colon."""
    if block.kind != "paragraph" or "\n" in block.text:
        return False
    text = block.text.strip()
    if block.inline.strong and " ".join(block.inline.strong) == text:
        return len(text.split()) <= 12
    return text.endswith((":", "\uff1a")) and len(text.split()) <= 8


def heading_level(block: Block) -> int | None:
    """A heading's level; PSEUDO_HEADING for a bold or signatory-heading line of its own."""
    if block.kind == "heading":
        return block.level
    if is_pseudo_heading(block):
        return PSEUDO_HEADING
    if block.kind == "paragraph" and "\n" not in block.text:
        found = sign_off(block.text)
        if found is not None and found.kind == "heading":
            return PSEUDO_HEADING  # "Signatories (4)" on a line of its own
    return None


def end_reason(text: str) -> str | None:
    """Why a line cannot be an entry and ends the list (None when it may be one)."""
    text = " ".join(text.split())
    if not text:
        return None
    if _FOOTNOTE.match(text):
        return "a footnote"
    if _BARE_URL.match(text):
        return "a link"
    if _END_MARK.match(text):
        return "an end mark"
    if _CONTACT.match(text):
        return "contact details"
    return None


def is_prose(text: str) -> bool:
    """A sentence or paragraph rather than an entry of a list."""
    words = text.split()
    if len(words) >= 30:
        return True
    if len(words) >= 12 and _SENTENCE_END.search(text) and not _abbreviation(words[-1]):
        return True
    if len(text) < 12 or not _CJK_CHAR.search(text):
        return False
    cjk = len(_CJK_CHAR.findall(text))
    return cjk >= 40 or (cjk >= 12 and text.endswith(("\u3002", "\uff01", "\uff1f")))


def _abbreviation(word: str) -> bool:
    return bool(re.fullmatch(r"(?:[A-Z][a-z]{0,3}\.|(?:[A-Za-z]\.){2,})", word))


def entry_line(text: str) -> bool:
    """A line shaped like a signatory entry (or a "Role, Country" line), not like prose."""
    text = " ".join(strip_footnote_marks(text).split())
    if not text or is_prose(text) or end_reason(text):
        return False
    if split_role_line(text) is not None or HANDLE.fullmatch(text):
        return True
    return all(looks_like_name(parse_entry(p).name) for p in split_cjk(text))


def not_an_entry(text: str) -> bool:
    """A line inside a list that is plainly no signatory: prose, an end, an instruction."""
    text = " ".join(text.split())
    if not text or is_prose(text) or end_reason(text):
        return True
    words = text.split()
    lower = sum(1 for w in words if w[:1].islower())
    return len(words) >= 3 and words[0][:1].islower() and lower * 2 > len(words)


def heads_a_list(entry: Inline) -> bool:
    """A list item that is a heading over the items nested under it: a country, a group
    ("Academics:"), a known section word, or bold as a whole."""
    text = entry.text.strip()
    if "\n" in text or not text:
        return False
    bold = bool(entry.strong) and " ".join(entry.strong) == text
    return (
        is_country(text.rstrip(":\uff1a"))
        or text.endswith((":", "\uff1a"))
        or is_group_heading(text)
        or bold
    )


def split_cjk(text: str) -> list[str]:
    """Names in one line split at 、 ("王永平、方敏生"); Latin text is never split here."""
    if not _CJK_LIST.search(text) or not _CJK_CHAR.search(text):
        return [text]
    return [p.strip() for p in _CJK_LIST.split(text) if p.strip()]


def line_inlines(block: Block, skip: int = 0) -> list[Inline]:
    """A paragraph's lines as Inlines, each with its line number and its links."""
    out = []
    for k, text in enumerate(block.text.split("\n")):
        if k < skip or not text.strip():
            continue
        links = tuple(link for link in block.inline.links if link.text and link.text in text)
        line = block.line + k if block.line is not None else None
        out.append(Inline(text.strip(), line, links))
    return out


def split_mistyped_items(inline: Inline) -> list[Inline]:
    """An item with a mistyped marker on a later line ("1, Name" for "1. Name") as two.

    Markdown reads such a line as the item's continuation; the writer meant a new item.
    """
    if "\n" not in inline.text:
        return [inline]  # most items: one line
    lines = inline.text.split("\n")
    cuts = [k for k, text in enumerate(lines) if k and _MISTYPED_MARKER.match(text)]
    if not cuts:
        return [inline]
    pieces, start = [], 0
    for cut in [*cuts, len(lines)]:
        text = "\n".join(lines[start:cut])
        if start:
            text = _MISTYPED_MARKER.sub("", text, count=1)
        line = inline.line + start if inline.line is not None else None
        links = tuple(link for link in inline.links if link.text in text)
        pieces.append(Inline(text, line, links))
        start = cut
    return pieces
