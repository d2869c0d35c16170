"""Read and write the plain-text letter layout of the 2017 source.

The layout: an addressee block, a date, a salutation ("Dear ..."), paragraphs, a dash list
of demands, a closing line ("Yours sincerely,"), then the signatories, each a name line
optionally followed by a "Role, Country" line. Blank lines separate everything.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from viewer.core.countries import is_country
from viewer.core.errors import ParseError
from viewer.core.formats.decoding import without_controls
from viewer.core.formats.front_matter import PLAIN_TEXT, front_matter, own_export
from viewer.core.model import (
    Block,
    Document,
    ImportWarning,
    ItemList,
    Letter,
    Paragraph,
    Signatory,
    numbered,
)

CLOSING_RE = re.compile(
    r"^(yours\s+(sincerely|faithfully|truly|respectfully)|sincerely(\s+yours)?"
    r"|respectfully(\s+yours)?|signed(\s+by)?|with\s+(best|kind|warm)\s+regards"
    r"|(kind|best|warm)\s+regards|regards|in\s+solidarity|yours)\s*[,:.]?$",
    re.IGNORECASE,
)
SALUTATION_RE = re.compile(
    r"^(?:(dear|to whom it may concern|your (excellency|honou?r))\b"
    r"|尊敬的|敬愛的|敬爱的|親愛的|亲爱的)",
    re.I,
)
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
DATE_RE = re.compile(
    rf"^(\d{{1,2}}(st|nd|rd|th)?\s+({_MONTHS})\.?,?\s+\d{{4}}"
    rf"|({_MONTHS})\.?\s+\d{{1,2}}(st|nd|rd|th)?,?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2})$",
    re.IGNORECASE,
)
BULLET_RE = re.compile(r"^\s*[-*\u2022\u2013]\s+")
ROLE_WORDS_RE = re.compile(
    r"\b(member|members|mp|mep|mla|msp|mna|senator|senadora?|deputy|deputada?|deputado"
    r"|d[ée]put[ée]e?|representative|congress(wo)?man|congress|parliament|parliamentarian"
    r"|assembly|minister|councill?or|chair(man|woman|person)?|president|speaker|lord|baroness"
    r"|bundestag|landtag|knesset|duma|legislator|legislative|mayor|governor|diet|senate"
    r"|house)\b",
    re.IGNORECASE,
)
# Without a comma, only a line that is plainly a role counts as one (not "Lord Alton").
BARE_ROLE_RE = re.compile(
    r"^(member of .+|mp|mep|mla|msp|senator|deputy|representative|congress(wo)?man"
    r"|councill?or|member)$",
    re.IGNORECASE,
)
MAX_NAME_LENGTH = 200
DEFAULT_CLOSING = "Yours sincerely,"  # written for a letter without one: the list follows it


@dataclass(frozen=True)
class Line:
    number: int  # 1-based
    text: str  # trailing white space removed


def split_lines(text: str) -> list[Line]:
    """Lines numbered as an editor numbers them (only CR, LF and CRLF end a line)."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return [Line(i, raw.rstrip()) for i, raw in enumerate(text.split("\n"), start=1)]


@lru_cache(maxsize=65536)  # role lines repeat ("Member of Parliament, Malaysia")
def split_role_line(line: str) -> tuple[str | None, str | None] | None:
    """("Member of Parliament", "Malaysia") for a role line; None for anything else."""
    line = line.strip()
    if "," in line:
        role, _, country = line.rpartition(",")
        role, country = role.strip(), country.strip()
        if not country:
            return None
        if is_country(country):
            return (role or None, country)
        if role and ROLE_WORDS_RE.search(role) and _looks_like_place(country):
            return (role, country)
        return None
    if BARE_ROLE_RE.match(line):
        return (line, None)
    if is_country(line):
        return (None, line)
    return None


def _looks_like_place(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= 5 and not any(ch.isdigit() for ch in text) and text[0].isupper()


def parse_text_letter(text: str, path: str | None = None) -> Document:
    """Parse the plain-text layout into a Document; raise ParseError if it has no list.
    The front matter write_text_letter puts first is read as blank lines (its metadata is
    the importer's to read)."""
    lines = without_own_front_matter(split_lines(text))
    closing_at = find_closing(lines)
    if closing_at is None:
        raise ParseError(
            "No list of signatories was found. The letter should end with a closing line "
            "such as \u201cYours sincerely,\u201d followed by the signatories' names.",
            path,
        )
    warnings: list[ImportWarning] = []
    letter = parse_letter_head(lines[:closing_at], lines[closing_at].text.strip())
    signatories = parse_signatory_blocks(lines[closing_at + 1 :], warnings)
    if not signatories:
        raise ParseError(
            "The letter has a closing line but no signatory names after it.",
            path,
            lines[closing_at].number,
        )
    return Document(letter=letter, signatories=signatories, warnings=tuple(warnings))


def without_own_front_matter(lines: list[Line]) -> list[Line]:
    """The lines with the front matter write_text_letter writes blanked (numbers kept)."""
    head = "\n".join(ln.text for ln in lines[:3]) + "\n"
    if own_export(head) is None:
        return lines
    end = next((i for i in range(1, len(lines)) if lines[i].text.strip() == "---"), None)
    if end is None:
        return lines
    return [Line(ln.number, "") for ln in lines[: end + 1]] + lines[end + 1 :]


def find_closing(lines: list[Line]) -> int | None:
    """Index of the first closing line ("Yours sincerely,"), None without one."""
    for i, line in enumerate(lines):
        if CLOSING_RE.match(line.text.strip()):
            return i
    return None


def parse_letter_head(lines: list[Line], closing: str | None) -> Letter:
    """Addressee, date, salutation and body from the lines before the closing."""
    texts = [ln.text for ln in lines]
    nonblank = [i for i, t in enumerate(texts) if t.strip()]
    salutation_at = next((i for i in nonblank if SALUTATION_RE.match(texts[i].strip())), None)
    date_at = next(
        (i for i in nonblank if DATE_RE.match(texts[i].strip())
         and (salutation_at is None or i < salutation_at)),
        None,
    )  # fmt: skip
    head_end = salutation_at if salutation_at is not None else date_at
    addressee: list[str] = []
    body_start = 0
    if head_end is not None:
        addressee = [texts[i].strip() for i in nonblank if i < head_end and i != date_at]
        body_start = head_end + 1
    return Letter(
        addressee=tuple(addressee),
        date=texts[date_at].strip() if date_at is not None else None,
        salutation=texts[salutation_at].strip() if salutation_at is not None else None,
        body=tuple(_parse_body(texts[body_start:])),
        closing=closing,
    )


def _parse_body(texts: list[str]) -> list[Block]:
    """Paragraphs (consecutive lines joined) and dash lists (continuations joined)."""
    blocks: list[Block] = []
    para: list[str] = []
    items: list[str] = []

    def flush_para() -> None:
        if para:
            blocks.append(Paragraph(" ".join(para)))
            para.clear()

    def flush_items() -> None:
        if items:
            if blocks and isinstance(blocks[-1], ItemList):  # a list split by blank lines
                blocks[-1] = ItemList(blocks[-1].items + tuple(items))
            else:
                blocks.append(ItemList(tuple(items)))
            items.clear()

    for raw in texts:
        text = raw.strip()
        if not text:
            flush_para()
            continue
        if BULLET_RE.match(raw):
            flush_para()
            items.append(BULLET_RE.sub("", raw, count=1).strip())
        elif items and not para and (raw[:1].isspace() or text[:1].islower()):
            items[-1] = f"{items[-1]} {text}"  # a stray continuation such as " and"
        else:
            flush_items()
            para.append(text)
    flush_para()
    flush_items()
    return blocks


def parse_signatory_blocks(
    lines: Iterable[Line], warnings: list[ImportWarning]
) -> tuple[Signatory, ...]:
    """Signatories laid out as a name line, optionally followed by a "Role, Country" line."""
    people: list[Signatory] = []
    pending_name = False  # the last entry is a name still waiting for its role line
    for line in lines:
        text = line.text.strip()
        if not text:
            continue
        role_country = split_role_line(text)
        if role_country is not None and pending_name:
            role, country = role_country
            last = people[-1]
            people[-1] = Signatory(last.name, role, country)
            pending_name = False
        elif role_country is not None and role_country[0] is not None:
            warnings.append(
                ImportWarning(
                    line.number,
                    f"\u201c{text}\u201d looks like a role but follows no name; left out.",
                )
            )
        elif len(text) > MAX_NAME_LENGTH or not any(ch.isalpha() for ch in text):
            warnings.append(
                ImportWarning(line.number, f"\u201c{text[:60]}\u201d is not a name; left out.")
            )
        else:
            people.append(Signatory(text))
            pending_name = True
    return numbered(people)


def write_text_letter(doc: Document) -> str:
    """The document in the plain-text layout; parse_text_letter() reads it back.

    The layout holds the letter's text and each signatory's name, role and country, one
    line each (white space squeezed, control characters left out), under front matter with
    the metadata; no family names or further fields. A role and country are written only
    where they make a role line that reads back as them ("Member of Parliament, Malaysia"):
    any other would be read as the next name. What the layout cannot hold at all (a name
    that would not read as one, a paragraph that would read as the closing) is a
    ValueError saying which: the text is read back before it is returned.
    """
    people = tuple(_written_person(s) for s in doc.signatories)
    text = _layout_text(_written_letter(doc.letter), people)
    _check_reads_back(text, doc.letter, people)
    # The front matter carries the metadata, and tells the importer the text is this
    # layout as written here (read as name and role lines, not guessed at).
    return f"{front_matter(doc.metadata, PLAIN_TEXT)}\n\n{text}\n"


def _line(text: str) -> str:
    return " ".join(without_controls(text).split())


def _written_letter(letter: Letter) -> Letter:
    body: list[Block] = []
    for block in letter.body:
        if isinstance(block, Paragraph):
            body += [Paragraph(_line(block.text))] if _line(block.text) else []
        elif items := tuple(_line(i) for i in block.items if _line(i)):
            body.append(ItemList(items))
    return Letter(
        tuple(_line(a) for a in letter.addressee if _line(a)),
        _line(letter.date or "") or None,
        _line(letter.salutation or "") or None,
        tuple(body),
        _line(letter.closing or "") or None,
    )


def _written_person(person: Signatory) -> Signatory:
    """The name, and the role and country where a role line carries them."""
    role, country = (_line(v or "") or None for v in (person.role, person.country))
    line = ", ".join(p for p in (role, country) if p)
    if line and split_role_line(line) != (role, country):
        role = country = None
    return Signatory(_line(person.name), role, country, person.position)


def written_signatories(doc: Document) -> tuple[Signatory, ...]:
    """The signatories as the plain-text layout holds them (see write_text_letter)."""
    return tuple(_written_person(s) for s in doc.signatories)


def _layout_text(letter: Letter, people: tuple[Signatory, ...]) -> str:
    parts: list[str] = list(letter.addressee)
    if letter.date:
        parts.append(letter.date)
    if letter.salutation:
        parts.append(letter.salutation)
    for block in letter.body:
        if isinstance(block, Paragraph):
            parts.append(block.text)
        else:
            parts.append("\n".join(f"- {item}" for item in block.items))
    parts.append(letter.closing or DEFAULT_CLOSING)
    for person in people:
        parts.append(person.name)
        role_line = ", ".join(p for p in (person.role, person.country) if p)
        if role_line:
            parts.append(role_line)
    return "\n\n".join(parts)


def _check_reads_back(text: str, letter: Letter, people: tuple[Signatory, ...]) -> None:
    """ValueError unless parse_text_letter reads the text as this letter and these people."""
    try:
        back = parse_text_letter(text)
    except ParseError as exc:
        raise ValueError(f"The letter cannot be written in the plain-text layout: {exc}") from None
    read = [(s.name, s.role, s.country) for s in back.signatories]
    wanted = [(s.name, s.role, s.country) for s in people]
    if read != wanted:
        shorter = min(len(read), len(wanted))
        at = next((i for i in range(shorter) if read[i] != wanted[i]), shorter)
        name = wanted[at][0] if at < len(wanted) else read[at][0]
        raise ValueError(
            f"The signatories cannot be written in the plain-text layout: \u201c{name}\u201d "
            "would not be read back as that signatory."
        )
    written = _written_letter(letter)
    if back.letter != replace(written, closing=written.closing or DEFAULT_CLOSING):
        raise ValueError(
            "The letter cannot be written in the plain-text layout: its text would be read "
            "back laid out otherwise (a line that reads as a salutation, a date or a closing)."
        )
