"""Where the signatory list starts: after a sign-off or heading, or where entries begin.

The first sign-off or heading followed by an entry wins (a sign-off directly followed by a
heading, "Yours sincerely," then "Signatories", counts as one). Without any, the longest run
of at least MIN_RUN entry-shaped lines is taken, and the plan says so.
"""

from __future__ import annotations

from dataclasses import dataclass

from viewer.core.textimport.list_lines import (
    end_reason,
    entry_like,
    heading_match,
    is_heading_only,
    is_sign_off,
    marker,
    next_content,
)
from viewer.core.textimport.textclean import BLANK, MARKUP, TABLE, TEXT, TextLine

MIN_RUN = 3  # entries a list needs to be found without a heading


@dataclass(frozen=True)
class ListStart:
    """Where the list begins: the heading line (if any) and the first line of entries."""

    first: int  # index of the first line of the list
    heading: int | None = None  # index of the sign-off or heading line
    closing: int | None = None  # index of a sign-off ("Yours sincerely,") before the list
    inline: str | None = None  # entries written on the heading line itself ("聯署人：A、B")
    stated_count: int | None = None
    found_by: str = "heading"  # "heading", "run" (no heading) or "user"


def find_list_start(lines: list[TextLine], begin: int) -> ListStart | None:
    """The first heading or sign-off followed by an entry; else the longest run of entries."""
    headings = [i for i in range(begin, len(lines)) if heading_match(lines[i]) is not None]
    chosen: ListStart | None = None
    taken: set[int] = set()
    for i in headings:
        if i in taken:
            continue
        start = _start_after_heading(lines, i)
        taken.update(range(i, start.first))
        if starts_entries(lines, start.first) or start.inline:
            chosen = start
            break
    if chosen is None:
        return _longest_run(lines, begin)
    return chosen


def start_at(lines: list[TextLine], index: int) -> ListStart:
    """The list as a user placed it: from this line (a heading here is read as one)."""
    if heading_match(lines[index]) is not None:
        start = _start_after_heading(lines, index)
        return ListStart(
            start.first, start.heading, start.closing, start.inline, start.stated_count, "user"
        )
    return ListStart(index, found_by="user")


def _start_after_heading(lines: list[TextLine], i: int) -> ListStart:
    """Merge a sign-off directly followed by a heading ("Yours sincerely," then "Signatories")."""
    closing = i if is_sign_off(lines[i].text) else None
    heading = i
    inline, count = heading_match(lines[i]) or (None, None)
    nxt = next_content(lines, i + 1)
    while nxt is not None and (match := heading_match(lines[nxt])) is not None:
        if starts_entries(lines, nxt) and not is_heading_only(lines[nxt]):
            break
        heading = nxt
        inline, count = match[0], match[1] if match[1] is not None else count
        if closing is None and is_sign_off(lines[nxt].text):
            closing = nxt
        nxt = next_content(lines, nxt + 1)
    first = heading + 1 if inline else (nxt if nxt is not None else len(lines))
    return ListStart(first, heading, closing, inline, count)


def starts_entries(lines: list[TextLine], i: int) -> bool:
    """Whether the first content line from i on is a list item, a table row or an entry."""
    i = next_content(lines, i) if i < len(lines) else None
    if i is None:
        return False
    line = lines[i]
    if line.kind == TABLE or marker(line) is not None:
        return True
    return line.kind == TEXT and end_reason(line) is None and entry_like(line.text)


def _longest_run(lines: list[TextLine], begin: int) -> ListStart | None:
    """Without a heading: the longest run of entry-shaped lines, if it has MIN_RUN entries."""
    best: tuple[int, int] | None = None  # (entries, first index)
    run_first, run_count = None, 0
    for i in range(begin, len(lines) + 1):
        line = lines[i] if i < len(lines) else None
        if line is not None and line.kind in (BLANK, MARKUP):
            continue
        shaped = line is not None and (
            marker(line) is not None
            or (line.kind == TEXT and end_reason(line) is None and entry_like(line.text))
        )
        if shaped:
            run_first = i if run_first is None else run_first
            run_count += 1
            continue
        if (
            run_first is not None
            and run_count >= MIN_RUN
            and (best is None or run_count >= best[0])
        ):
            best = (run_count, run_first)
        run_first, run_count = None, 0
    if best is None:
        return None
    return ListStart(best[1], found_by="run")
