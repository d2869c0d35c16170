"""Where a letter's signatory part is among its blocks: its start, its sections, its end.

The part starts at the first sign-off or signatory heading ("Signed,", "gez.", "Signataires",
"聯署人：") that entries follow; a sign-off line may carry the first entry ("gez. Henryk M.
Broder") and a sign-off paragraph the entries under it ("聯署人：\\n王永平\\n..."). Without one,
the longest run of entries is taken (and the plan says so).

After the start the part is read section by section. A heading opens a new section when
it is a signatory heading or a known group ("Organizations", "Einzelpersonen"), or when it
sits below the part's own heading (a ``<p><strong>`` over an ``<ol>`` under an ``<h2>``)
and entries follow it. Any other heading, an end mark ("ENDS"), a footnote, contact
details, or text that entries do not follow ends the part: comments, footers and a site's
sidebar are not signatories. A short note between sections (``<small>(For individual
signatures ...)</small>``) is left out, and said.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from viewer.core.countries import is_country
from viewer.core.textimport.blocks import Block, Inline
from viewer.core.textimport.entry_fields import looks_like_name, parse_entry
from viewer.core.textimport.part_lines import (
    HANDLE,
    PSEUDO_HEADING,
    end_reason,
    entry_line,
    heading_level,
    heads_a_list,
    is_pseudo_heading,
    line_inlines,
    not_an_entry,
    split_cjk,
    split_mistyped_items,
)
from viewer.core.textimport.signoffs import SignOff, is_group_heading, sign_off, stated_count

MAX_NOTES = 2  # blocks of text between a heading and its entries, or between sections
MIN_RUN = 3  # entries a list needs to be found without a sign-off or heading

# Headings of what follows a letter on a page: comments, press, notes, links.
_END_HEADING = re.compile(
    r"^\W*\d*\s*(?:comments?|kommentare?|commentaires?|comentarios?|commenti|коммент\w*|评论|評論"
    r"|コメント|reactions?|responses?|replies|antworten|réponses|leave a (?:reply|comment)"
    r"|related|share|press|in the press|dans la presse|in der presse|en la prensa|news"
    r"|footnotes?|notes?|references?|sources?|see also|links?|contacts?|about|further reading"
    r"|read more|weitere artikel|à lire aussi|recent (?:posts|comments)|archives?|categories"
    r"|tags|popular|menu|navigation|search|subscribe|follow us|newsletter|donate"
    r"|articles? (?:récents|similaires)|neueste beiträge|entradas recientes)\b",
    re.IGNORECASE,
)
_LEAD_REMARK = re.compile(r"^\s*[(\[\uff08][^)\]\uff09]*[)\]\uff09]")


@dataclass(frozen=True)
class Section:
    """One list of the signatory part, under its heading (None for the first, unheaded)."""

    heading: str | None
    heading_line: int | None
    entries: tuple[Inline, ...]  # one per entry as found: an item, a row, a line
    kinds: tuple[str, ...]  # the block kind each entry came from ("item", "row", "line")
    paragraphs: tuple[tuple[Inline, ...], ...] = ()  # multi-line paragraphs, as found
    header: Block | None = None  # a table's header row
    numbered: bool = False  # its items are numbered
    numbers: tuple[tuple[int, int], ...] = ()  # (number as written, line) of its items
    country: str | None = None  # a heading over it that is a country ("## Germany")
    group: str | None = None  # the nearest heading over it that is not a country


@dataclass
class Part:
    """The signatory part: where it starts and ends, its sections, what was left out."""

    start: int  # index of the block it starts at (the sign-off or heading, or first entry)
    sign_off: SignOff | None = None
    closing: str | None = None  # the closing line's text ("Yours sincerely,")
    heading: str | None = None  # the sign-off or heading line's text
    found_by: str = "heading"  # "heading", "run" or "user"
    sections: list[Section] = field(default_factory=list)
    notes: list[Inline] = field(default_factory=list)  # text inside the part, left out
    end: int = 0  # index of the first block after the part
    end_reason: str | None = None
    stated_count: int | None = None


def find_part(blocks: list[Block], boundary: int | None = None) -> Part | None:
    """The signatory part; ``boundary`` is a line a user chose it to start at."""
    if boundary is not None:
        at = next((i for i, b in enumerate(blocks) if (b.line or 0) >= boundary), None)
        if at is None:
            return None
        start = _start_at(blocks, at, forced=True)
        return _read(blocks, start) if start else None
    for i in range(len(blocks)):
        start = _start_at(blocks, i, forced=False)
        if start is not None:
            part = _read(blocks, start)
            if part.sections:
                return part
    return _longest_run(blocks)


def split_at_sign_offs(blocks: list[Block]) -> list[Block]:
    """Paragraphs with a sign-off on a later line ("...act now.\nSigned:") as two blocks,
    so the signatory part can start at that line."""
    out: list[Block] = []
    for block in blocks:
        if block.kind != "paragraph" or "\n" not in block.text or block.line is None:
            out.append(block)
            continue
        lines = block.text.split("\n")
        at = next((k for k in range(1, len(lines)) if sign_off(lines[k]) is not None), None)
        if at is None:
            out.append(block)
            continue
        head = replace(block.inline, text="\n".join(lines[:at]))
        tail = replace(block.inline, text="\n".join(lines[at:]), line=block.line + at)
        out += [replace(block, inline=head), replace(block, inline=tail)]
    return out


def _first_line(block: Block) -> str:
    return block.text.split("\n", 1)[0]


def _start_at(blocks: list[Block], i: int, forced: bool) -> Part | None:
    block = blocks[i]
    found = sign_off(_first_line(block)) if block.kind in ("heading", "paragraph") else None
    if found is None:
        if not forced:
            return None
        return Part(i, found_by="user")
    by = "user" if forced else "heading"
    part = Part(i, found, heading=_first_line(block).strip(), found_by=by)
    if found.kind == "closing":
        part.closing = part.heading
    part.stated_count = found.stated_count or _count_in(found.rest or "")
    return part


def _count_in(rest: str) -> int | None:
    """A count after the heading, past a remark in brackets ("(按筆畫次序）34 人")."""
    return stated_count(rest) or stated_count(_LEAD_REMARK.sub("", rest).strip())


def _read(blocks: list[Block], part: Part) -> Part:
    """Read the part's sections from its start on."""
    reader = _SectionReader(blocks, part)
    reader.run()
    return part


def _rest_entries(part: Part, line: int | None) -> list[Inline]:
    """Entries written on the sign-off line itself ("gez. Henryk M. Broder", "聯署人：A、B")."""
    rest = (part.sign_off.rest or "").strip() if part.sign_off else ""
    if not rest or rest[0] in "([\uff08" or stated_count(rest) is not None:
        return []
    pieces = split_cjk(rest)
    if not all(entry_line(p) for p in pieces):
        return []
    return [Inline(p, line) for p in pieces]


class _SectionReader:
    """Walks the blocks after the start, gathering sections until the part ends."""

    def __init__(self, blocks: list[Block], part: Part) -> None:
        self.blocks = blocks
        self.part = part
        start = blocks[part.start]
        self.top = start.level if start.kind == "heading" else None
        self.heading: str | None = None
        self.heading_line: int | None = None
        self.entries: list[Inline] = []
        self.kinds: list[str] = []
        self.paragraphs: list[tuple[Inline, ...]] = []
        self.header: Block | None = None
        self.numbered = False
        self.numbers: list[tuple[int, int]] = []
        self.nested_level: int | None = None  # items at this depth are under a heading item
        self.context: list[tuple[int, str]] = []  # (level, heading) of the open headings
        self.section_level: int | None = None
        self.pending_notes: list[tuple[int, Inline]] = []  # (block index, text)

    def run(self) -> None:
        part, blocks = self.part, self.blocks
        i = part.start
        first = blocks[i]
        if part.sign_off is not None:
            self._add_lines(_rest_entries(part, first.line), "line")
            if first.kind == "paragraph" and "\n" in first.text:
                self._paragraph(first, skip=1)
            i += 1
        while i < len(blocks):
            block = blocks[i]
            if not self._take(i, block):
                break
            i += 1
        self._close_section()
        if self.pending_notes:  # text after the last entries is after the list
            i = self.pending_notes[0][0]
        part.end = i
        if i == len(blocks):
            part.end_reason = None

    def _take(self, i: int, block: Block) -> bool:
        """Read one block; False where the part ends."""
        level = heading_level(block)
        if level is not None:
            if self._opens_section(i, block, level):
                self._close_section()
                self._flush_notes()
                self._open(block.text, block.line, level)
                self.section_level = level
                if self.part.stated_count is None and block.kind == "heading":
                    found = sign_off(block.text)
                    if found is not None and found.stated_count is not None:
                        self.part.stated_count = found.stated_count
                return True
            if not self.entries and self.part.sign_off is not None and self._is_more_heading(block):
                found = sign_off(block.text)  # "Yours sincerely," then "Signatories": one start
                if self.part.stated_count is None and found is not None:
                    self.part.stated_count = found.stated_count or _count_in(found.rest or "")
                return True
            self.part.end_reason = "a heading"
            return False
        if block.kind == "rule":
            if self._entries_follow(i + 1):
                return True
            self.part.end_reason = "a horizontal rule"
            return False
        if block.kind == "item":
            return self._item(block)
        if block.kind == "row":
            return self._row(block)
        return self._text(i, block)

    def _is_more_heading(self, block: Block) -> bool:
        found = sign_off(block.text)
        return found is not None and found.kind == "heading"

    def _opens_section(self, i: int, block: Block, level: int) -> bool:
        text = block.text.strip()
        if not self._entries_follow(i + 1) or _END_HEADING.match(text):
            return False
        found = sign_off(text)
        if (found is not None and found.kind == "heading") or is_group_heading(text):
            if found is not None and not self.entries and not self.part.sections:
                return self.heading is not None or self.top is not None
            return True
        if is_country(text):
            return True
        if self.top is None:  # after a closing line: a heading over names ("How to sign" is not)
            return self._names_follow(i + 1)
        if level > self.top:
            return self.section_level is None or level >= self.section_level
        return self.section_level is not None and level == self.section_level

    def _names_follow(self, i: int) -> bool:
        """Whether most of the next few entries after block i are names, not instructions."""
        texts: list[str] = []
        for block in self.blocks[i : i + MAX_NOTES + 6]:
            if heading_level(block) is not None or block.kind == "rule":
                break
            if block.kind in ("item", "row"):
                texts.append(block.text.split("\n", 1)[0].split("\t", 1)[0])
            elif self._is_entry_paragraph(block):
                texts += block.text.split("\n")
            if len(texts) >= 5:
                break
        named = sum(
            1 for t in texts[:5] if HANDLE.fullmatch(t) or looks_like_name(parse_entry(t).name)
        )
        return bool(texts) and named * 2 > len(texts[:5])

    def _entries_follow(self, i: int) -> bool:
        """Whether entries come within MAX_NOTES blocks from block i on."""
        notes = 0
        for block in self.blocks[i:]:
            if block.kind in ("item", "row"):
                return True
            if block.kind == "paragraph" and not is_pseudo_heading(block):
                if self._is_entry_paragraph(block):
                    return True
                notes += 1
                if notes > MAX_NOTES or end_reason(_first_line(block)):
                    return False
                continue
            return False
        return False

    def _is_entry_paragraph(self, block: Block) -> bool:
        lines = [t for t in block.text.split("\n") if t.strip()]
        if not lines:
            return False
        good = sum(1 for t in lines if entry_line(t))
        return good == len(lines) or (good >= 2 and good * 2 > len(lines))

    def _item(self, block: Block) -> bool:
        self._flush_notes()
        if block.level > 0 and self.entries and self.kinds[-1] == "item":
            last = self.entries[-1]
            if heads_a_list(last):  # "- France" over "  - Jane Doe": a heading, not a name
                self.entries.pop()
                self.kinds.pop()
                self._close_section()
                self._open(last.text, last.line, PSEUDO_HEADING + 2)
                self.nested_level = block.level
            elif self.nested_level is None or block.level > self.nested_level:
                # a nested item says more about its parent entry
                self.entries[-1] = Inline(
                    f"{last.text}\n{block.text}", last.line, last.links + block.inline.links
                )
                return True
        for piece in split_mistyped_items(block.inline):
            self.entries.append(piece)
            self.kinds.append("item")
        self.numbered = self.numbered or block.number is not None
        if block.number is not None and block.line is not None:
            self.numbers.append((block.number, block.line))
        return True

    def _row(self, block: Block) -> bool:
        self._flush_notes()
        if block.header and not self.entries:
            self.header = block
            return True
        self.entries.append(block.inline)
        self.kinds.append("row")
        return True

    def _text(self, i: int, block: Block) -> bool:
        first = _first_line(block)
        reason = end_reason(first)
        if reason is not None:
            self.part.end_reason = reason
            return False
        if self._is_entry_paragraph(block):
            self._flush_notes()
            self._paragraph(block)
            return True
        if self._entries_follow(i + 1) or self._section_follows(i + 1):
            self.pending_notes.append((i, block.inline))
            return True
        self.part.end_reason = "text that is not a list of names"
        return False

    def _section_follows(self, i: int) -> bool:
        for k in range(i, min(len(self.blocks), i + MAX_NOTES + 1)):
            block = self.blocks[k]
            level = heading_level(block)
            if level is not None:
                return self._opens_section(k, block, level)
            if block.kind != "paragraph":
                return False
        return False

    def _open(self, text: str, line: int | None, level: int) -> None:
        """A new section under this heading, inside those of lower levels above it."""
        self.heading, self.heading_line = text.strip().rstrip(":\uff1a").strip(), line
        while self.context and self.context[-1][0] >= level:
            self.context.pop()
        self.context.append((level, self.heading))

    def _paragraph(self, block: Block, skip: int = 0) -> None:
        lines = line_inlines(block, skip)
        run: list[Inline] = []
        for k, line in enumerate(lines):
            if not_an_entry(line.text):
                self.part.notes.append(line)  # "please add your name below": left out
                continue
            if k + 1 < len(lines) and is_country(line.text):  # "France" over its entries
                self._add_run(run)
                run = []
                self._close_section()
                self._open(line.text, line.line, PSEUDO_HEADING + 1)
                continue
            run.append(line)
        self._add_run(run)

    def _add_run(self, lines: list[Inline]) -> None:
        self._add_lines(lines, "line")
        if len(lines) > 1:
            self.paragraphs.append(tuple(lines))

    def _add_lines(self, lines: list[Inline], kind: str) -> None:
        for line in lines:
            for piece in split_cjk(line.text):
                self.entries.append(Inline(piece, line.line, line.links))
                self.kinds.append(kind)

    def _flush_notes(self) -> None:
        self.part.notes.extend(inline for _i, inline in self.pending_notes)
        self.pending_notes = []

    def _close_section(self) -> None:
        if self.entries:
            self.part.sections.append(
                Section(
                    self.heading,
                    self.heading_line,
                    tuple(self.entries),
                    tuple(self.kinds),
                    tuple(self.paragraphs),
                    self.header,
                    self.numbered,
                    tuple(self.numbers),
                    *self._country_and_group(),
                )
            )
        self.entries, self.kinds, self.paragraphs, self.header = [], [], [], None
        self.numbered = False
        self.numbers = []

    def _country_and_group(self) -> tuple[str | None, str | None]:
        country = next((t for _l, t in reversed(self.context) if is_country(t)), None)
        group = next((t for _l, t in reversed(self.context) if not is_country(t)), None)
        return country, group


def _longest_run(blocks: list[Block]) -> Part | None:
    """Without a sign-off or heading: the longest list, or paragraph run, of entries."""
    best: tuple[int, int] | None = None  # (entries, index)
    i = 0
    while i < len(blocks):
        count, after = _run_at(blocks, i)
        if count >= MIN_RUN and (best is None or count > best[0]):
            best = (count, i)
        i = max(after, i + 1)
    if best is None:
        return None
    part = _read(blocks, Part(best[1], found_by="run"))
    return part if part.sections else None


def _run_at(blocks: list[Block], i: int) -> tuple[int, int]:
    count = 0
    k = i
    while k < len(blocks):
        block = blocks[k]
        if block.kind in ("item", "row"):
            count += 1
        elif block.kind == "paragraph" and not is_pseudo_heading(block):
            lines = [t for t in block.text.split("\n") if t.strip()]
            if not lines or not all(entry_line(t) for t in lines):
                break
            count += len(lines)
        else:
            break
        k += 1
    return count, k


__all__ = ["Part", "Section", "find_part", "split_at_sign_offs"]
