"""The importer for text, Markdown and HTML letters: source -> blocks -> ImportPlan -> Document.

``analyse(text)`` reads the text into blocks (sources.read_blocks), finds the signatory part
on them (signatory_part), reads each of its sections in the layout that fits it
(section_rows) and the letter before it (letter_body). Everything it assumed is a warning on
the plan (and on the document). A "Review import" view shows the plan; the user may move
the boundary (``with_boundary``), the end (``with_list_end``) or force a layout
(``with_layout``) before ``to_document()`` makes it the document.

The 2017 letter's layout (a sign-off, then name lines each followed by a "Role, Country"
line) is read with the same functions as viewer.core.formats.letter_layout, so it comes out
exactly as the strict reader gives it, with no warnings.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from viewer.core.errors import ParseError
from viewer.core.formats.front_matter import PLAIN_TEXT
from viewer.core.formats.front_matter import own_export as exported_as
from viewer.core.limits import MAX_LINES, MAX_SIGNATORIES
from viewer.core.model import Document, ImportWarning, Letter, Metadata, Signatory, Source
from viewer.core.textimport.blocks import Block
from viewer.core.textimport.blocks.sources import MARKDOWN, read_blocks, source_kind
from viewer.core.textimport.entry_fields import AFFILIATION
from viewer.core.textimport.letter_body import (
    OWN_FORMAT,
    lines_of_blocks,
    metadata_from_front_matter,
    read_body,
)
from viewer.core.textimport.own_text import own_text_rows
from viewer.core.textimport.part_warnings import part_warnings
from viewer.core.textimport.section_rows import (
    BLOCKS,
    GROUP,
    LAYOUT_NAMES,
    LAYOUTS,
    ImportRow,
    SectionRows,
    choose_layout,
    read_rows,
)
from viewer.core.textimport.signatory_part import Part, find_part, split_at_sign_offs
from viewer.core.textimport.signoffs import sign_off, stated_count

OWN_SIGNATORIES_HEADING = "Signatories"  # above the table of this viewer's own Markdown

NO_LIST_MESSAGE = (
    "No list of signatories was found. The letter should end with a closing line such as "
    "\u201cYours sincerely,\u201d or a heading such as \u201cSignatories\u201d, followed by "
    "the signatories' names."
)

__all__ = ["LAYOUTS", "LAYOUT_NAMES", "FileContext", "ImportPlan", "ImportRow", "analyse"]


@dataclass(frozen=True)
class FileContext:
    """Where a plan's text came from: the file, warnings from reading it, sidecar metadata."""

    source: Source
    warnings: tuple[ImportWarning, ...] = ()
    metadata: Metadata | None = None  # from a <name>.meta.json beside the file


@dataclass(frozen=True)
class ImportPlan:
    """What the importer decided about a text, before it becomes a Document.

    Line numbers are 1-based, as an editor shows them. ``boundary`` is the line where the
    letter's body ends and the signatory part begins (the sign-off or heading line, or the
    first entry when there is no heading); None when no list was found. ``sections`` are
    the signatory part's lists, each with its heading, layout and rows.
    """

    text: str
    path: str | None
    layout: str | None
    boundary: int | None
    heading: str | None
    list_start: int | None
    list_end: int | None
    letter_start: int | None
    letter_end: int | None
    rows: tuple[ImportRow, ...]
    letter: Letter
    metadata: Metadata
    warnings: tuple[ImportWarning, ...]
    stated_count: int | None = None
    front_matter_end: int | None = None
    corrections: dict[str, int | str] = field(default_factory=dict, compare=False)
    context: FileContext | None = None
    sections: tuple[SectionRows, ...] = ()
    source_kind: str = "text"  # which reader read it: text, markdown or html

    @property
    def signatories(self) -> tuple[Signatory, ...]:
        """The rows' signatories, numbered in list order."""
        return tuple(
            Signatory(s.name, s.role, s.country, i, s.family_name, s.extra)
            for i, s in enumerate((row.signatory for row in self.rows), start=1)
        )

    @property
    def layout_name(self) -> str:
        """The layout in words, for the review view ("a numbered list")."""
        return LAYOUT_NAMES.get(self.layout or "", "no list")

    @property
    def extra_columns(self) -> tuple[str, ...]:
        """Keys of extra fields the rows carry (affiliation first), for optional columns."""
        keys = dict.fromkeys(k for row in self.rows for k, _ in row.signatory.extra)
        return tuple(sorted(keys, key=lambda k: k != AFFILIATION))  # stable: else as found

    def with_boundary(self, line: int) -> ImportPlan:
        """The plan with the list starting at this line (a heading on it is read as one)."""
        return self._again(boundary=line, list_end=None)

    def with_list_end(self, line: int | None) -> ImportPlan:
        """The plan with the list ending at this line (None: wherever the importer decides)."""
        return self._again(list_end=line)

    def with_layout(self, layout: str | None) -> ImportPlan:
        """The plan with the list read in this layout (None: the one that fits best)."""
        return self._again(layout=layout)

    def _again(self, **changes) -> ImportPlan:
        options = {**self.corrections, **changes}
        return analyse(self.text, self.path, context=self.context, **options)

    def to_document(self) -> Document:
        """The document this plan describes; ParseError when it has no signatories."""
        if not self.rows:
            raise ParseError(NO_LIST_MESSAGE, self.path, self.boundary)
        return Document(
            letter=self.letter,
            signatories=self.signatories,
            metadata=self.metadata,
            source=self.context.source if self.context else Source(),
            warnings=self.warnings,
        )


def import_text_letter(text: str, path: str | None = None) -> Document:
    """A document from a text, Markdown or HTML letter; ParseError if it has no list."""
    return analyse(text, path).to_document()


def analyse(
    text: str,
    path: str | None = None,
    *,
    boundary: int | None = None,
    list_end: int | None = None,
    layout: str | None = None,
    context: FileContext | None = None,
) -> ImportPlan:
    """Decide where the letter and its signatory part are, and read both.

    ``boundary``, ``list_end`` and ``layout`` are a user's corrections (see
    ImportPlan.with_boundary and friends): the line the list starts at, the line it ends
    at, the layout to read it in. ``context`` says which file the text came from.
    """
    plan = _analyse(text, path, boundary, list_end, layout)
    if context is None:
        return plan
    return replace(
        plan,
        context=context,
        metadata=context.metadata or plan.metadata,
        warnings=context.warnings + plan.warnings,
    )


def _analyse(
    text: str, path: str | None, boundary: int | None, list_end: int | None, layout: str | None
) -> ImportPlan:
    count = _check_size(text, path)
    if layout is not None and layout not in LAYOUTS:
        raise ParseError(
            f"There is no list layout called \u201c{layout}\u201d; the layouts are "
            f"{', '.join(LAYOUTS)}.",
            path,
        )
    for line, what in ((boundary, "start"), (list_end, "end")):
        if line is not None and not 1 <= line <= count:
            raise ParseError(
                f"The list cannot {what} at line {line}: the text's lines are numbered 1 to "
                f"{count}.",
                path,
            )
    own_export = exported_as(text)  # this viewer's export: read as what it is, by any name
    kind = MARKDOWN if own_export == "markdown" else source_kind(text, path)
    front, blocks = read_blocks(text, kind)
    overrides = {"boundary": boundary, "list_end": list_end, "layout": layout}
    plan = ImportPlan(
        text=text,
        path=path,
        layout=None,
        boundary=None,
        heading=None,
        list_start=None,
        list_end=None,
        letter_start=None,
        letter_end=None,
        rows=(),
        letter=Letter(),
        metadata=metadata_from_front_matter(front),
        warnings=(),
        front_matter_end=_front_matter_end(text) if front else None,
        corrections={k: v for k, v in overrides.items() if v is not None},
        source_kind=kind,
    )
    if list_end is not None:
        blocks = cut_at(blocks, list_end)
    if boundary is not None:
        blocks = split_at_line(blocks, boundary)
    blocks = split_at_sign_offs(blocks)
    own_format = front.get("format") == OWN_FORMAT  # its metadata is complete as written
    if own_format and boundary is None:
        boundary = own_boundary(blocks)
    if own_export == PLAIN_TEXT and not plan.corrections:
        read = own_text_rows(text)
        if read is not None:
            return _own_text_plan(plan, *read)
    part = find_part(blocks, boundary)
    plan = _with_body(plan, blocks[: part.start] if part else blocks, part, own_format)
    if part is None:
        return plan
    return _with_part(plan, blocks, part, layout, list_end)


def _with_body(plan: ImportPlan, before: list[Block], part: Part | None, own: bool) -> ImportPlan:
    closing = part.closing if part else None
    if own and before and before[0].kind == "heading":
        before = before[1:]  # the "# title" the export writes (the title is in the front matter)
    if own and closing is None and before and _is_closing(before[-1]):
        closing, before = before[-1].text, before[:-1]  # the export's closing, above the table
    lines = lines_of_blocks(before)
    body = read_body(lines, 0, len(lines), closing, own=own)
    metadata = plan.metadata
    if body.title and not metadata.title and not own:
        metadata = replace(metadata, title=body.title)
    return replace(
        plan,
        letter=body.letter,
        letter_start=body.first_line,
        letter_end=body.last_line,
        metadata=metadata,
        warnings=tuple(body.warnings),
    )


def _with_part(
    plan: ImportPlan, blocks: list[Block], part: Part, forced: str | None, list_end: int | None
) -> ImportPlan:
    if part.stated_count is None:  # "Open letter from 120 scientists" in the title
        title = plan.metadata.title or plan.metadata.headline or ""
        part.stated_count = stated_count(title) if title else None
    several = len(part.sections) > 1
    sections = tuple(read_rows(s, forced or choose_layout(s), several) for s in part.sections)
    rows = tuple(row for s in sections for row in s.rows)
    if len(rows) > MAX_SIGNATORIES:
        raise ParseError(
            f"More than {MAX_SIGNATORIES:,} signatories: the list has {len(rows):,}.",
            plan.path,
        )
    warnings = [*plan.warnings, *part_warnings(blocks, part, sections, rows, list_end)]
    metadata = plan.metadata
    if part.stated_count is not None and metadata.published_count is None:
        metadata = replace(metadata, published_count=part.stated_count)
    start = blocks[part.start]
    return replace(
        plan,
        layout=sections[0].layout if sections else None,
        boundary=start.line,
        heading=part.heading,
        list_start=min((r.first_line for r in rows), default=None),
        list_end=max((r.last_line for r in rows), default=None),
        rows=rows,
        metadata=metadata,
        warnings=tuple(sorted(warnings, key=lambda w: w.line or 0)),
        stated_count=part.stated_count,
        sections=sections,
    )


def _own_text_plan(
    plan: ImportPlan, letter: Letter, closing_line: int, rows: tuple[ImportRow, ...]
) -> ImportPlan:
    """The plan of a plain-text letter this viewer wrote, read strictly (own_text)."""
    numbers = [n for n, line in enumerate(plan.text.split("\n")[: closing_line - 1], 1)
               if line.strip() and n > (plan.front_matter_end or 0)]  # fmt: skip
    return replace(
        plan,
        layout=BLOCKS,
        boundary=closing_line,
        heading=letter.closing,
        list_start=rows[0].first_line if rows else None,
        list_end=rows[-1].last_line if rows else None,
        letter_start=numbers[0] if numbers else None,
        letter_end=numbers[-1] if numbers else None,
        rows=rows,
        letter=letter,
    )


def own_boundary(blocks: list[Block]) -> int | None:
    """Where the signatories start in this viewer's own Markdown (viewer.core.export): at
    the "Signatories" heading it writes before the table. The letter's text above may hold
    anything (a paragraph "Signed:", a list of names), so the part is not looked for: the
    writer says where it is."""
    at = next(
        (
            i
            for i in range(len(blocks) - 1, -1, -1)
            if blocks[i].kind == "heading" and blocks[i].text.strip() == OWN_SIGNATORIES_HEADING
        ),
        None,
    )
    if at is None:
        return None
    return blocks[at].line


def _is_closing(block: Block) -> bool:
    """A one-line paragraph that is a sign-off ("Yours sincerely,", "gez. Henryk M. Broder")."""
    if block.kind != "paragraph" or "\n" in block.text:
        return False
    found = sign_off(block.text)
    return found is not None and found.kind == "closing"


def cut_at(blocks: list[Block], last_line: int) -> list[Block]:
    """The blocks up to a line a user chose as the list's end (a paragraph cut there)."""
    kept: list[Block] = []
    for block in blocks:
        if block.line is None or block.line > last_line:
            break
        lines = block.text.split("\n")
        keep = last_line - block.line + 1
        if len(lines) > keep and block.kind in ("paragraph", "item"):
            inline = replace(block.inline, text="\n".join(lines[:keep]))
            block = replace(block, inline=inline)
        kept.append(block)
    return kept


def split_at_line(blocks: list[Block], line: int) -> list[Block]:
    """The blocks with the paragraph or item holding this line cut before it (a user's start
    inside a paragraph of names)."""
    out: list[Block] = []
    for block in blocks:
        lines = block.text.split("\n")
        start = block.line
        if start is None or not start < line < start + len(lines) or block.kind == "row":
            out.append(block)
            continue
        at = line - start
        head = replace(block.inline, text="\n".join(lines[:at]))
        tail = replace(block.inline, text="\n".join(lines[at:]), line=line)
        out += [replace(block, inline=head), replace(block, inline=tail)]
    return out


def _check_size(text: str, path: str | None) -> int:
    count = max(text.count("\n"), text.count("\r")) + 1  # old Macs end lines with CR alone
    if count > MAX_LINES:
        raise ParseError(
            f"The text has {count:,} lines; letters this viewer opens have at most {MAX_LINES:,}.",
            path,
        )
    return count


def _front_matter_end(text: str) -> int | None:
    """The line of the front matter's closing fence."""
    lines = text.removeprefix("\ufeff").split("\n", 400)
    fence = lines[0].strip()
    for i in range(1, len(lines)):
        if lines[i].strip() in (fence, "..."):
            return i + 1
    return None


__all__ += ["GROUP"]
