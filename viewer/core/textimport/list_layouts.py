"""Reading a signatory list in its layout: blocks, paragraphs, one a line, numbered, bulleted,
a table.

Blocks are the 2017 letter's layout (a name line, then a "Role, Country" line) and are read
by viewer.core.formats.letter_layout itself, so that letter comes out exactly as the strict reader
gives it. Paragraphs are a name line followed, without a blank line, by lines about the
person ("Director, Amnesty International"). The other layouts read each entry with
viewer.core.textimport.entry_fields. Headings inside a list
("France", "**Academics:**") apply to the entries under them: a country only when it is
recognisably one; anything else is kept as a "group" field.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from viewer.core.formats.column_names import map_columns
from viewer.core.formats.letter_layout import Line, parse_signatory_blocks, split_role_line
from viewer.core.limits import MAX_SIGNATORIES
from viewer.core.model import ImportWarning, Signatory
from viewer.core.textimport.entry_fields import (
    Entry,
    is_bare_name,
    is_description,
    is_person_description,
    looks_like_name,
    parse_described,
    parse_entry,
    strip_footnote_marks,
)
from viewer.core.textimport.list_lines import (
    end_reason,
    group_heading,
    is_heading_only,
    item_text,
    marker,
    next_content,
    split_cjk_list,
)
from viewer.core.textimport.list_start import ListStart
from viewer.core.textimport.textclean import (
    BLANK,
    BULLETED,
    CHROME,
    HEADING,
    MARKUP,
    NUMBERED,
    RULE,
    TABLE,
    TEXT,
    TextLine,
    clean_inline,
    squeeze,
)

BLOCKS = "blocks"
PARAGRAPHS = "paragraphs"
LINES = "lines"
TABLE_LAYOUT = "table"
LAYOUTS = (BLOCKS, PARAGRAPHS, LINES, NUMBERED, BULLETED, TABLE_LAYOUT)
LAYOUT_NAMES = {
    BLOCKS: "a name line followed by a role line",
    PARAGRAPHS: "one paragraph a signatory (a name line, then lines about them)",
    LINES: "one signatory a line",
    NUMBERED: "a numbered list",
    BULLETED: "a bulleted list",
    TABLE_LAYOUT: "a table",
}


@dataclass(frozen=True)
class ImportRow:
    """One signatory as read, with the lines it came from (1-based, inclusive)."""

    first_line: int
    last_line: int
    source: str  # the entry's text as read (cleaned)
    signatory: Signatory


@dataclass
class ListParse:
    """What reading the list found, and what the importer should warn about."""

    layout: str
    rows: list[ImportRow] = field(default_factory=list)
    last: int | None = None  # index of the last line read as part of the list
    warnings: list[ImportWarning] = field(default_factory=list)
    no_comma_lines: list[int] = field(default_factory=list)
    skipped: list[int] = field(default_factory=list)
    groups: list[tuple[int, tuple[str, str]]] = field(default_factory=list)  # line, heading


def choose_layout(lines: list[TextLine], first: int, last: int) -> str:
    """The layout most of the lines in [first, last] follow."""
    numbered = bulleted = table = names = pairs = content = 0
    previous_was_name = False
    lead: str | None = None  # the marker kind of the first entry ("" for none)
    for line in lines[first : last + 1]:
        if line.kind in (BLANK, MARKUP):
            continue
        content += 1
        found = marker(line)
        if lead is None and line.kind != HEADING and not line.text.rstrip().endswith(":"):
            lead = found[0] if found else ""
        if line.kind == TABLE:
            table += 1
        elif found is not None:
            numbered += found[0] == NUMBERED
            bulleted += found[0] == BULLETED
        text = squeeze(strip_footnote_marks(line.text))
        if found is None and _is_role_line(text):
            pairs += previous_was_name
            previous_was_name = False
        else:
            names += 1
            # Only a bare name waits for a role line; "Jane Doe, Lecturer" is a whole entry.
            previous_was_name = found is None and is_bare_name(text)
    if table >= 2 and lines[first].kind == TABLE:
        return TABLE_LAYOUT
    if lead == NUMBERED and numbered * 2 >= content and numbered >= bulleted:
        return NUMBERED
    if lead == BULLETED and bulleted * 2 >= content:
        return BULLETED
    if pairs and pairs * 2 >= names:
        return BLOCKS
    if _described_paragraphs(lines, first, last):
        return PARAGRAPHS
    return LINES


def _is_role_line(text: str) -> bool:
    """A role line such as "Member of Parliament, Kenya"; "John Roe, Kenya" is an entry."""
    split = split_role_line(text)
    return split is not None and (split[0] is None or is_person_description(split[0]))


def _paragraphs(lines: list[TextLine], first: int, last: int) -> list[list[int]]:
    """Indices of the content lines in [first, last], grouped where blank lines divide them."""
    groups: list[list[int]] = [[]]
    for i in range(first, last + 1):
        if lines[i].kind == BLANK:
            if groups[-1]:
                groups.append([])
        elif lines[i].kind != MARKUP:
            groups[-1].append(i)
    return [g for g in groups if g]


def _described_paragraphs(lines: list[TextLine], first: int, last: int) -> bool:
    """Most paragraphs are a bare name and then one to three lines describing the person."""
    groups = _paragraphs(lines, first, last)
    described = 0
    for group in groups:
        texts = [squeeze(strip_footnote_marks(item_text(lines[i]))) for i in group]
        if len(texts) > 4 or any(marker(lines[i]) for i in group):
            return False
        if len(texts) > 1 and is_bare_name(texts[0]) and all(map(is_description, texts[1:])):
            described += 1
    return described > 0 and described * 2 >= len(groups)


def region_end(lines: list[TextLine], first: int) -> int:
    """Index of the last line before something that cannot be part of a list."""
    last = first - 1
    for i in range(first, len(lines)):
        line = lines[i]
        if line.kind in (BLANK, MARKUP):
            continue
        if end_reason(line) is not None:
            break
        last = i
    return max(last, first - 1)


def parse_list(
    lines: list[TextLine], start: ListStart, layout: str | None, forced_last: int | None
) -> ListParse:
    """Read the list from ``start`` in the given layout (or the one that fits best)."""
    source = list(lines)
    if start.inline:
        heading = lines[start.heading if start.heading is not None else start.first]
        source[start.first - 1] = TextLine(heading.number, start.inline, start.inline, TEXT)
        first = start.first - 1
    else:
        first = start.first
    last = forced_last if forced_last is not None else region_end(source, first)
    if first > min(last, len(source) - 1):
        return ListParse(layout or LINES)  # nothing after the heading
    chosen = layout or choose_layout(source, first, last)
    reader = {
        BLOCKS: _read_blocks,
        PARAGRAPHS: _read_paragraphs,
        LINES: _read_lines,
        NUMBERED: _read_items,
        BULLETED: _read_items,
        TABLE_LAYOUT: _read_table,
    }[chosen]
    parse = ListParse(chosen)
    reader(source, first, last, parse, forced_last is not None)
    if len(parse.rows) > MAX_SIGNATORIES:
        raise OverflowError(f"More than {MAX_SIGNATORIES:,} signatories.")
    return parse


def _row(parse: ListParse, first: TextLine, last: TextLine, text: str, entry: Entry) -> None:
    signatory = Signatory(entry.name, entry.role, entry.country, extra=entry.extra)
    parse.rows.append(ImportRow(first.number, last.number, text, signatory))
    if entry.split_without_comma:
        parse.no_comma_lines.append(first.number)


Group = tuple[str | None, str | None]  # the country and the label headings give entries


def _under(group: Group, heading: tuple[str, str]) -> Group:
    """A country heading starts a new country; another heading labels entries within it."""
    kind, value = heading
    return (value, None) if kind == "country" else (group[0], value)


def _with_group(entry: Entry, group: Group) -> Entry:
    country, label = group
    if country is None and label is None:
        return entry
    extra = (("group", label), *entry.extra) if label else entry.extra
    return Entry(entry.name, entry.role, entry.country or country, extra, entry.split_without_comma)


def _read_blocks(lines, first, last, parse: ListParse, forced: bool) -> None:
    if not forced:
        last = _blocks_end(lines, first, last)
    chunk = [
        Line(line.number, strip_footnote_marks(line.text))
        for line in lines[first : last + 1]
        if line.kind not in (MARKUP, RULE, CHROME)
    ]
    people = parse_signatory_blocks(chunk, parse.warnings)
    content = [line for line in chunk if line.text.strip()]
    at = 0
    for person in people:
        while at < len(content) and content[at].text.strip() != person.name:
            at += 1
        number = content[at].number if at < len(content) else chunk[-1].number
        end = number
        if (person.role or person.country) and at + 1 < len(content):
            end = content[at + 1].number
        parse.rows.append(ImportRow(number, end, person.name, person))
        at += 1
    parse.last = last


def _blocks_end(lines: list[TextLine], first: int, last: int) -> int:
    """Stop a block list at a line after a blank that is neither a name nor a role line."""
    end = first - 1
    after_blank = False
    for i in range(first, last + 1):
        line = lines[i]
        if line.kind in (BLANK, MARKUP):
            after_blank = after_blank or line.kind == BLANK
            continue
        text = squeeze(strip_footnote_marks(line.text))
        if (
            after_blank
            and end >= first
            and not (split_role_line(text) is not None or looks_like_name(text))
        ):
            break
        end = i
        after_blank = False
    return end


def _read_paragraphs(lines, first, last, parse: ListParse, forced: bool) -> None:
    for group in _paragraphs(lines, first, last):
        texts = [squeeze(strip_footnote_marks(item_text(lines[i]))) for i in group]
        entry = parse_described(texts[0], texts[1:])
        if not looks_like_name(entry.name):
            if parse.rows and not forced:
                break  # a paragraph that is no signatory: the list has ended
            parse.skipped.append(lines[group[0]].number)
            continue
        source = " / ".join(texts)
        _row(parse, lines[group[0]], lines[group[-1]], source, entry)
        parse.last = group[-1]


def _read_lines(lines, first, last, parse: ListParse, forced: bool) -> None:
    group: Group = (None, None)
    after_blank = False
    for i in range(first, last + 1):
        line = lines[i]
        if line.kind in (BLANK, MARKUP):
            after_blank = after_blank or line.kind == BLANK
            continue
        if is_heading_only(line) and i != first:
            continue  # "Co-signatories:" inside a list that a sign-off started
        heading = group_heading(line)
        if heading is not None and _entry_follows(lines, i + 1, last):
            group = _under(group, heading)
            parse.groups.append((line.number, heading))
            continue
        text = squeeze(strip_footnote_marks(item_text(line)))
        pieces = split_cjk_list(text)
        entries = [parse_entry(p) for p in pieces]
        if all(looks_like_name(e.name) for e in entries) and end_reason(line) is None:
            for piece, entry in zip(pieces, entries, strict=True):
                _row(parse, line, line, piece, _with_group(entry, group))
            parse.last = i
        elif after_blank and not forced and parse.rows:
            break
        else:
            parse.skipped.append(line.number)
        after_blank = False


def _entry_follows(lines: list[TextLine], i: int, last: int) -> bool:
    j = next_content(lines, i)
    return j is not None and j <= last and group_heading(lines[j]) is None


def _read_items(lines, first, last, parse: ListParse, forced: bool) -> None:
    group: Group = (None, None)
    current: list[TextLine] = []
    numbers: list[tuple[int, int]] = []
    after_blank = False

    def flush() -> None:
        if current:
            _item_row(parse, current, group)
            current.clear()

    for i in range(first, last + 1):
        line = lines[i]
        if line.kind in (BLANK, MARKUP):
            after_blank = after_blank or line.kind == BLANK
            continue
        found = marker(line)
        heading = group_heading(line) if found is None else None
        explicit = heading is not None and (
            line.kind == HEADING or line.text.rstrip()[-1:] in ":\uff1a"
        )
        nested = bool(current) and _indent(line) > _indent(current[0]) + 1
        if found is not None and found[0] == parse.layout and not nested:
            flush()
            current.append(line)
            if found[1] is not None:
                numbers.append((found[1], line.number))
            parse.last = i
        elif current and (nested or (not after_blank and not explicit)):
            current.append(line)  # the entry goes on over the next line (or a sub-item)
            parse.last = i
        elif heading is not None or is_heading_only(line):
            flush()
            if heading is not None:
                group = _under(group, heading)
                parse.groups.append((line.number, heading))
        elif forced:
            flush()
            parse.skipped.append(line.number)
        else:
            break
        after_blank = False
    flush()
    _check_numbering(numbers, parse)


def _indent(line: TextLine) -> int:
    return len(line.raw) - len(line.raw.lstrip())


def _item_row(parse: ListParse, item: list[TextLine], group: Group) -> None:
    head = strip_footnote_marks(item_text(item[0]))
    rest = [squeeze(strip_footnote_marks(item_text(line))) for line in item[1:]]
    if rest and "," not in head and len(rest) == 1 and split_role_line(rest[0]) is not None:
        role, country = split_role_line(rest[0]) or (None, None)
        entry = parse_entry(head)
        entry = Entry(entry.name, role, country, entry.extra)
        text = f"{head} / {rest[0]}"
    else:
        # A wrapped line goes on with a space; a sub-item ("  * Chair, ...") is another field.
        text = head
        for line, more in zip(item[1:], rest, strict=True):
            text += f", {more}" if marker(line) else f" {more}"
        text = squeeze(text)
        entry = parse_entry(text)
    if looks_like_name(entry.name):
        _row(parse, item[0], item[-1], text, _with_group(entry, group))
    else:
        parse.skipped.append(item[0].number)


def _check_numbering(numbers: list[tuple[int, int]], parse: ListParse) -> None:
    for (a, _), (b, line) in itertools.pairwise(numbers):
        if b != a + 1:
            message = f"The numbering goes from {a} to {b} here; is an entry missing or misplaced?"
            parse.warnings.append(ImportWarning(line, message))
            break


def _read_table(lines, first, last, parse: ListParse, forced: bool) -> None:
    header = _cells(lines[first].raw)
    columns = map_columns(header)
    if "name" not in columns and "given" not in columns and "family" not in columns:
        columns["name"] = 0
        first_header = header[0] if header else ""
        message = (
            f"The table has no \u201cname\u201d column; took the first column "
            f"(\u201c{first_header}\u201d) as the names."
        )
        parse.warnings.append(ImportWarning(lines[first].number, message))
    i = first + 1
    if i <= last and re.fullmatch(r"\s*\|?[\s:|-]*-[\s:|-]*\|?\s*", lines[i].raw):
        i += 1
    for j in range(i, last + 1):
        line = lines[j]
        if line.kind != TABLE:
            if line.kind in (BLANK, MARKUP):
                continue
            break
        cells = _cells(line.raw)
        person = _table_row(cells, header, columns)
        if person is None:
            parse.skipped.append(line.number)
            continue
        parse.rows.append(ImportRow(line.number, line.number, squeeze(line.text), person))
        parse.last = j


def _cells(raw: str) -> list[str]:
    body = raw.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") and not body.endswith("\\|") else body
    parts = re.split(r"(?<!\\)\|", body)
    return [squeeze(clean_inline(p)) for p in parts]


def _table_row(cells: list[str], header: list[str], columns: dict[str, int]) -> Signatory | None:
    def cell(key: str) -> str | None:
        idx = columns.get(key)
        return cells[idx] or None if idx is not None and idx < len(cells) else None

    family = cell("family")
    name = cell("name") or squeeze(f"{cell('given') or ''} {family or ''}") or None
    if name is None:
        return None
    used = set(columns.values())
    extra = tuple(
        (header[k], cells[k])
        for k in range(min(len(header), len(cells)))
        if k not in used and cells[k] and header[k]
    )
    return Signatory(name, cell("role"), cell("country"), family_name=family, extra=extra)
