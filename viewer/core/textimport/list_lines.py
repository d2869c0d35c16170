"""What a line in the signatory part of a letter is: a heading, a list item, an entry, an end.

These predicates are shared by the code that finds the list (list_start) and the code that
reads it (list_layouts). The headings they know: sign-offs ("Yours sincerely,", "Signed:"),
"Signatories", "COSIGNATORIES (...)", "Signed by", "聯署人：" and their kin; the ends: rules,
footnotes, bare links, a press release's "ENDS", contact details, page furniture, prose.
"""

from __future__ import annotations

import re

from viewer.core.countries import is_country
from viewer.core.formats.letter_layout import CLOSING_RE, split_role_line
from viewer.core.textimport.entry_fields import looks_like_name, parse_entry, strip_footnote_marks
from viewer.core.textimport.textclean import (
    BLANK,
    CHROME,
    FRONT,
    HEADING,
    MARKUP,
    RULE,
    SENTENCE_END,
    TEXT,
    TextLine,
    squeeze,
)

_HEADING_WORDS = re.compile(
    r"^(?:the\s+)?(?:list\s+of\s+|initial\s+|first\s+|additional\s+|other\s+|more\s+)?"
    r"(?:(?:co-?\s?)?(?:signator(?:y|ies)|signers|signees)|undersigned|endorsers|endorsements"
    r"|supporters|signed(?:\s+by)?|endorsed\s+by|supported\s+by|signatures)(?![\w-])"
    r"(?P<rest>.*)$",
    re.IGNORECASE,
)
_CJK_HEADING = re.compile(
    r"^(?:聯署|联署|簽名|签名|簽署|签署|連署|联名|聯名|署名)"
    r"(?:人士|人|者|名單|名单|團體|团体|機構|机构)?(?:名單|名单|列表)?"
    r"\s*(?P<paren>[(\uff08][^)\uff09]*[)\uff09])?\s*(?P<sep>[：:])?(?P<rest>.*)$"
)
_SIGN_WORD = re.compile(r"sign|undersigned|endorse|聯署|联署|簽名|签名|簽署|签署|連署", re.I)
_COUNT = re.compile(r"(?<![\d.])(\d{1,3}(?:,\d{3})+|\d{1,7})(?![\d.])")
_FOOTNOTE_LINE = re.compile(
    r"^(?:[*\u2020\u2021\u00a7]|\[\^?\d{1,3}\]|[\u00b9\u00b2\u00b3\u2070-\u2079]"
    r"|(?:notes?|sources?|footnotes?|references?|nb)\s*[:.])",
    re.IGNORECASE,
)
_BARE_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_END_MARKER = re.compile(
    r"^(?:-+\s*)?(?:ends?|end of (?:letter|statement|release|text)|-30-)(?:\s*-+)?\.?$",
    re.IGNORECASE,
)
_CONTACT = re.compile(
    r"^(?:for (?:more|further) information|media (?:contact|enquiries|inquiries)"
    r"|press (?:contact|enquiries|inquiries)|contacts?\s*:|notes? to editors|about (?:the|us)\b)",
    re.IGNORECASE,
)
_NOT_A_GROUP = re.compile(
    r"^(?:notes?|footnotes?|references?|sources?|about|contacts?|related|comments?|share"
    r"|links?|see also)\b",
    re.IGNORECASE,
)
_CJK_CHAR = re.compile(r"[\u3400-\u9fff]")
_CJK_LIST_SEPARATOR = re.compile(r"[\u3001\uff1b;]")


def is_sign_off(text: str) -> bool:
    """A closing line such as "Yours sincerely," or "Signed:"."""
    return bool(CLOSING_RE.match(text.strip()))


def heading_match(line: TextLine) -> tuple[str | None, int | None] | None:
    """(entries written after the heading, the count it states) for a list heading."""
    if line.kind not in (TEXT, HEADING):
        return None
    text = squeeze(line.text)
    if not text or len(text) > 160:
        return None
    if is_sign_off(text):
        return (None, None)
    cjk = _CJK_HEADING.match(text)
    if cjk:
        return _cjk_heading(cjk.group("paren"), cjk.group("sep"), cjk.group("rest").strip())
    words = _HEADING_WORDS.match(text)
    if words:
        return _rest_of_heading(words.group("rest"), text)
    if (
        text.endswith((":", "\uff1a"))
        and len(text.split()) <= 15
        and _SIGN_WORD.search(text)
        and not text.lower().startswith(("below", "here", "以下", "下面"))
    ):
        return (None, _stated_count(text))
    return None


def _rest_of_heading(rest: str, text: str) -> tuple[str | None, int | None] | None:
    rest = rest.strip()
    bare = rest.strip(" :\uff1a.,-\u2013\u2014")
    count = _stated_count(bare)
    if not bare or bare.startswith(("(", "\uff08", "[")) or _COUNT.fullmatch(bare.strip("()")):
        return (None, count)
    if text.endswith((":", "\uff1a")) and len(bare.split()) <= 8:
        return (None, count)
    return None


def _cjk_heading(
    paren: str | None, sep: str | None, rest: str
) -> tuple[str | None, int | None] | None:
    if not sep:
        return (None, _stated_count(paren or "")) if not rest else None
    bare = re.sub(r"^[(\uff08][^)\uff09]*[)\uff09]", "", rest).strip()
    count = _stated_count(f"{paren or ''} {rest}")
    if not bare or re.fullmatch(r"\d+\s*(?:人|名|位)?", bare):
        return (None, count)
    if _CJK_LIST_SEPARATOR.search(bare) or looks_like_name(bare):
        return (bare, count)
    return None


def _stated_count(text: str) -> int | None:
    counts = _COUNT.findall(text)
    return int(counts[0].replace(",", "")) if len(counts) == 1 else None


def is_heading_only(line: TextLine) -> bool:
    """A list heading with no entries written on the same line."""
    match = heading_match(line)
    return match is not None and match[0] is None


def next_content(lines: list[TextLine], i: int) -> int | None:
    """Index of the first line from i on that is neither blank nor markup."""
    while i < len(lines) and lines[i].kind in (BLANK, MARKUP):
        i += 1
    return i if i < len(lines) else None


def entry_like(text: str) -> bool:
    """Text shaped like a signatory entry (or a "Role, Country" line), not like prose."""
    text = squeeze(strip_footnote_marks(text))
    if not text or is_prose(text):
        return False
    if split_role_line(text) is not None:
        return True
    pieces = split_cjk_list(text)
    return all(looks_like_name(parse_entry(p).name) for p in pieces)


def marker(line: TextLine) -> tuple[str, int | None] | None:
    """(NUMBERED, n) or (BULLETED, None) for a list item, else None."""
    return line.marker


def item_text(line: TextLine) -> str:
    """A line's text without its list marker, cleaned."""
    return line.item if line.marker is not None or line.item else squeeze(line.text)


def end_reason(line: TextLine) -> str | None:
    """Why this line cannot belong to a signatory list (None when it can)."""
    if line.kind == RULE:
        return "a horizontal rule"
    if line.kind == CHROME:
        return "page furniture"
    if line.kind == FRONT:
        return "front matter"
    text = squeeze(line.text)
    if not text:
        return None
    if marker(line) is None and _FOOTNOTE_LINE.match(text):
        return "a footnote"
    if _BARE_URL.match(text):  # a line that is a link (a name may quote one: shown as text)
        return "a link"
    if _END_MARKER.match(text):
        return "an end mark"
    if _CONTACT.match(text):
        return "contact details"
    if is_prose(item_text(line)):
        return "a paragraph of text"
    return None


def is_prose(text: str) -> bool:
    """A sentence or paragraph rather than an entry of a list."""
    words = text.split()
    if len(words) >= 30:
        return True
    if len(words) >= 12 and SENTENCE_END.search(text) and not _ends_with_abbreviation(text):
        return True
    if len(text) < 12 or not _CJK_CHAR.search(text):
        return False
    cjk = len(_CJK_CHAR.findall(text))
    return cjk >= 40 or (cjk >= 12 and text.endswith(("\u3002", "\uff01", "\uff1f")))


def _ends_with_abbreviation(text: str) -> bool:
    last = text.split()[-1]
    return bool(re.fullmatch(r"(?:[A-Z][a-z]{0,3}\.|(?:[A-Za-z]\.){2,})", last))


def split_cjk_list(text: str) -> list[str]:
    """Names in one line split at 、 ("王永平、方敏生"); Latin text is never split here."""
    if not _CJK_LIST_SEPARATOR.search(text) or not re.search(r"[\u3400-\u9fff]", text):
        return [text]
    return [p.strip() for p in _CJK_LIST_SEPARATOR.split(text) if p.strip()]


def group_heading(line: TextLine) -> tuple[str, str] | None:
    """("country", "France") or ("group", "Academics") for a heading inside a list."""
    text = squeeze(line.text).rstrip(":\uff1a").strip()
    if not text or marker(line) is not None or len(text.split()) > 8:
        return None
    if line.kind == HEADING or line.text.rstrip().endswith((":", "\uff1a")):
        if _NOT_A_GROUP.match(text) or text.endswith("?"):
            return None
        return ("country", text) if is_country(text) else ("group", text)
    if is_country(text):
        return ("country", text)
    return None
