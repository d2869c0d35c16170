"""The importer for plain-text and Markdown letters: text -> ImportPlan -> Document.

``analyse(text)`` decides, and records, where the letter is, where its signatory list starts
and ends, which layout the list has, and how each entry was read. Everything it assumed is a
warning on the plan (and on the document). A "Review import" view shows the plan; the user
may move the boundary (``with_boundary``), the end (``with_list_end``) or force a layout
(``with_layout``) before ``to_document()`` makes it the document.

The 2017 letter's layout (a sign-off, then name lines each followed by a "Role, Country"
line) is read with the same functions as viewer.core.formats.letter_layout, so it comes out
exactly as the strict reader gives it, with no warnings.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from viewer.core.errors import ParseError
from viewer.core.limits import MAX_LINES
from viewer.core.model import Document, ImportWarning, Letter, Metadata, Signatory, Source
from viewer.core.textimport.entries import AFFILIATION
from viewer.core.textimport.import_warnings import end_warnings, list_warnings
from viewer.core.textimport.letter_body import (
    OWN_FORMAT,
    Body,
    metadata_from_front_matter,
    read_body,
)
from viewer.core.textimport.list_layouts import (
    LAYOUT_NAMES,
    LAYOUTS,
    ImportRow,
    ListParse,
    parse_list,
)
from viewer.core.textimport.list_start import ListStart, find_list_start, start_at
from viewer.core.textimport.textclean import FRONT, TextLine, clean_lines, quote, squeeze

NO_LIST_MESSAGE = (
    "No list of signatories was found. The letter should end with a closing line such as "
    "\u201cYours sincerely,\u201d or a heading such as \u201cSignatories\u201d, followed by "
    "the signatories' names."
)


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
    first entry when there is no heading); None when no list was found.
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
    """A document from a plain-text or Markdown letter; ParseError if it has no list."""
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
    """Decide where the letter and its signatory list are, and read both.

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
    _check_size(text, path)
    if layout is not None and layout not in LAYOUTS:
        raise ParseError(
            f"There is no list layout called {quote(str(layout))}; the layouts are "
            f"{', '.join(LAYOUTS)}.",
            path,
        )
    lines, front = clean_lines(text)
    begin = next((i for i, ln in enumerate(lines) if ln.kind != FRONT), len(lines))
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
        front_matter_end=lines[begin - 1].number if begin else None,
        corrections={k: v for k, v in overrides.items() if v is not None},
    )
    own_format = front.get("format") == OWN_FORMAT  # its metadata is complete as written
    start = _list_start(lines, begin, boundary, path)
    if start is None:
        body = read_body(lines, begin, len(lines), None)
        return _with_body(plan, body, own_format)
    forced_last = _index_of(lines, list_end, begin, path) if list_end is not None else None
    try:
        parse = parse_list(lines, start, layout, forced_last)
    except OverflowError as exc:
        raise ParseError(str(exc), path) from None
    body_end = next(i for i in (start.closing, start.heading, start.first) if i is not None)
    closing = squeeze(lines[start.closing].text) if start.closing is not None else None
    body = read_body(lines, begin, body_end, closing)
    plan = _with_body(plan, body, own_format)
    return _with_list(plan, lines, start, parse, body_end)


def _with_body(plan: ImportPlan, body: Body, own_format: bool) -> ImportPlan:
    metadata = plan.metadata
    if body.title and not metadata.title and not own_format:
        metadata = replace(metadata, title=body.title)
    return replace(
        plan,
        letter=body.letter,
        letter_start=body.first_line,
        letter_end=body.last_line,
        metadata=metadata,
        warnings=tuple(body.warnings),
    )


def _with_list(
    plan: ImportPlan, lines: list[TextLine], start: ListStart, parse: ListParse, body_end: int
) -> ImportPlan:
    warnings = [
        *plan.warnings,
        *list_warnings(lines, start, parse),
        *parse.warnings,
        *end_warnings(lines, parse),
    ]
    metadata = plan.metadata
    if start.stated_count is not None and metadata.published_count is None:
        metadata = replace(metadata, published_count=start.stated_count)
    rows = tuple(parse.rows)
    return replace(
        plan,
        layout=parse.layout,
        boundary=lines[body_end].number if body_end < len(lines) else None,
        heading=squeeze(lines[start.heading].text) if start.heading is not None else None,
        list_start=rows[0].first_line if rows else None,
        list_end=rows[-1].last_line if rows else None,
        rows=rows,
        metadata=metadata,
        warnings=tuple(sorted(warnings, key=lambda w: w.line or 0)),
        stated_count=start.stated_count,
    )


def _check_size(text: str, path: str | None) -> None:
    count = max(text.count("\n"), text.count("\r")) + 1  # old Macs end lines with CR alone
    if count > MAX_LINES:
        raise ParseError(
            f"The text has {count:,} lines; letters this viewer opens have at most {MAX_LINES:,}.",
            path,
        )


def _index_of(lines: list[TextLine], line: int, begin: int, path: str | None) -> int:
    """The index of a line a user picked; ParseError for a line the text does not have."""
    if not 1 <= line <= len(lines):
        raise ParseError(
            f"There is no line {line} in the text: its lines are numbered 1 to {len(lines)}.",
            path,
        )
    return max(line - 1, begin)


def _list_start(
    lines: list[TextLine], begin: int, boundary: int | None, path: str | None
) -> ListStart | None:
    if boundary is None:
        return find_list_start(lines, begin)
    index = _index_of(lines, boundary, begin, path)
    return start_at(lines, index) if index < len(lines) else None  # all front matter
