"""The letter itself among the lines before its signatory list, and facts from front matter.

A page that carries a letter usually introduces it ("Below is the open letter ...",
"以下是聲明全文："): the letter starts after such a line. Without one, prose before the
salutation ("Dear ...") is an introduction too. The letter's own title ("An Open Letter to
...") becomes the document's title; advertising and markup never become paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from viewer.core.formats.letter_layout import SALUTATION_RE, Line, parse_letter_head
from viewer.core.model import ImportWarning, Letter, Metadata
from viewer.core.textimport.blocks import Block
from viewer.core.textimport.textclean import (
    BLANK,
    CHROME,
    FRONT,
    HEADING,
    MARKUP,
    RULE,
    SENTENCE_END,
    TABLE,
    TEXT,
    TextLine,
    clean_inline,
    quote,
    squeeze,
)

MAX_TITLE_WORDS = 40

_START_MARKER = re.compile(
    r"^(?:(?:below|here|following)\s+(?:is|are)\s+(?:the|our|a)\b.{0,100}"
    r"\b(?:letter|statement|petition|declaration|appeal)"
    r"|the\s+(?:full\s+)?(?:text\s+of\s+the\s+)?(?:open\s+)?(?:letter|statement)\b.{0,60}"
    r"\b(?:reads|follows|below)\b"
    r"|(?:full|complete)\s+text(?:\s+of\s+the\s+(?:open\s+)?(?:letter|statement))?\s*:?$"
    r"|read\s+the\s+(?:full\s+)?(?:open\s+)?letter\b"
    r"|(?:以下|下面|下列)(?:是|為|为|乃)?.{0,30}(?:全文|原文|聲明|声明|公開信|公开信|信件|聯署信|联署信)"
    r"|.{0,30}(?:全文|原文)如下)",
    re.IGNORECASE,
)
_TITLE_WORDS = re.compile(
    r"\b(?:open\s+letter|joint\s+letter|letter\s+to|statement|petition|declaration|appeal)\b"
    r"|公開信|公开信|聯署信|联署信|聯署聲明|联署声明|呼籲書|呼吁书",
    re.IGNORECASE,
)
_ISO_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$")
_URL_KEYS = ("url", "source-url", "source_url", "original_url", "original-url", "link",
             "permalink", "canonical_url")  # fmt: skip
OWN_FORMAT = "open-letter"


@dataclass
class Body:
    """The letter read from the lines before the list, and what was assumed doing so."""

    letter: Letter
    title: str | None = None
    first_line: int | None = None
    last_line: int | None = None
    warnings: list[ImportWarning] = field(default_factory=list)


def read_body(
    lines: list[TextLine], begin: int, end: int, closing: str | None, own: bool = False
) -> Body:
    """The letter in lines[begin:end]; ``closing`` is its sign-off line, if it has one.

    ``own``: the text is this viewer's own export, which holds the letter and nothing else
    (its title is in the front matter): no introduction, marker or title is looked for.
    """
    warnings: list[ImportWarning] = []
    start = begin if own else _after_marker(lines, begin, end, warnings)
    content = [i for i in range(start, end) if _is_content(lines[i])]
    title_at = content[0] if content and not own and _is_title(lines[content[0]]) else None
    if title_at is not None:
        content = content[1:]
    if not own:
        start = _after_introduction(lines, content, start, warnings)
    kept = [i for i in range(start, end) if i != title_at]
    body_lines = _body_lines(lines, kept)
    numbers = [ln.number for ln in body_lines if ln.text.strip()]
    letter = parse_letter_head(body_lines, closing)
    title = squeeze(lines[title_at].text) if title_at is not None else None
    first = lines[title_at].number if title_at is not None else (numbers[0] if numbers else None)
    return Body(letter, title, first, numbers[-1] if numbers else None, warnings)


def _is_content(line: TextLine) -> bool:
    return line.kind not in (BLANK, MARKUP, CHROME, RULE, FRONT) and bool(line.text.strip())


def _after_marker(lines: list[TextLine], begin: int, end: int, warnings: list) -> int:
    """The index after the last line that introduces the letter, or ``begin``."""
    markers = [
        i
        for i in range(begin, end)
        if lines[i].kind in (TEXT, HEADING) and _START_MARKER.match(squeeze(lines[i].text))
    ]
    if not markers:
        return begin
    at = markers[-1]
    first = next((lines[i].number for i in range(at + 1, end) if _is_content(lines[i])), None)
    if first is not None:
        message = (
            f"Took line {quote(lines[at].text, 60)} as the end of an introduction: the letter "
            f"is read from line {first}; the text before it is left out."
        )
        warnings.append(ImportWarning(lines[at].number, message))
    return at + 1


def _is_title(line: TextLine) -> bool:
    text = squeeze(line.text)
    words = text.split()
    if not text or SALUTATION_RE.match(text) or len(words) > MAX_TITLE_WORDS:
        return False
    if line.kind == HEADING:
        return True
    if text.endswith((".", "\u3002")):
        return False  # a sentence, not a title
    return bool(_TITLE_WORDS.search(text))


def _after_introduction(lines: list[TextLine], content: list[int], start: int, warnings) -> int:
    """With a salutation, prose paragraphs before it are an introduction, not the letter."""
    salutation = next(
        (k for k, i in enumerate(content) if SALUTATION_RE.match(lines[i].text.strip())), None
    )
    if salutation is None:
        return start
    prose = [i for i in content[:salutation] if _is_prose(lines[i].text)]
    if not prose:
        return start
    cut = prose[-1]
    warnings.append(
        ImportWarning(
            lines[cut].number,
            f"The text before line {lines[content[salutation]].number} reads like an "
            "introduction to the letter, not an address; it is left out.",
        )
    )
    return cut + 1


def _is_prose(text: str) -> bool:
    words = text.split()
    if len(words) >= 15:
        return True
    cjk = sum(1 for ch in text if "\u3400" <= ch <= "\u9fff")
    return cjk >= 30 or (len(words) >= 8 and bool(SENTENCE_END.search(text.strip())))


def _body_lines(lines: list[TextLine], indices: list[int]) -> list[Line]:
    """Lines for the plain-text head parser: markup blanked, hard breaks ending paragraphs."""
    out: list[Line] = []
    for i in indices:
        line = lines[i]
        if not _is_content(line):
            out.append(Line(line.number, ""))
            continue
        text = clean_inline(line.text) if line.kind == TABLE else line.text.rstrip()
        out.append(Line(line.number, text))
        if line.hard_break:
            out.append(Line(line.number, ""))
    return out


def metadata_from_front_matter(front: dict[str, str]) -> Metadata:
    """Facts from a page's front matter; this viewer's own Markdown maps field for field."""
    if front.get("format") == OWN_FORMAT:
        known = set(Metadata.__dataclass_fields__)
        values: dict[str, object] = {}
        for key, value in front.items():
            if key in known:
                values[key] = int(value) if key in _INT_FIELDS and value.isdigit() else value
        return Metadata(**values)  # type: ignore[arg-type]
    date = _ISO_DATE.match(front.get("date", ""))
    url = next((front[k] for k in _URL_KEYS if front.get(k)), None)
    return Metadata(
        headline=front.get("title") or None,
        description=front.get("description") or None,
        date=date.group(1) if date else None,
        url=url,
        publisher=front.get("publisher") or None,
        language=front.get("lang") or front.get("language") or None,
    )


_INT_FIELDS = {"published_count", "published_countries", "subset_of"}


def lines_of_blocks(blocks: list[Block]) -> list[TextLine]:
    """The blocks before a signatory part as lines for read_body: one a line of text, a blank
    line between blocks, list items with their markers (a letter's demands)."""
    lines: list[TextLine] = []
    for block in blocks:
        number = block.line or (lines[-1].number if lines else 1)
        if block.kind == "rule":
            lines.append(TextLine(number, "---", "", RULE))
            continue
        if block.kind == "heading":
            lines.append(TextLine(number, block.text, squeeze(block.text), HEADING))
        else:
            mark = "" if block.kind != "item" else f"{block.number}. " if block.number else "- "
            for k, text in enumerate(block.text.split("\n")):
                shown = f"{mark}{text}" if k == 0 else text
                lines.append(TextLine(number + k, shown, shown, TEXT))
        lines.append(TextLine(lines[-1].number, "", "", BLANK))
    return lines
