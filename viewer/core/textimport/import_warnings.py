"""The warnings an import leaves on the document: what the importer assumed, in words.

Each names the line it is about, so the status bar can say "3 import warnings" and the
details panel (or a review view) can show and jump to each one.
"""

from __future__ import annotations

from viewer.core.model import ImportWarning
from viewer.core.textimport.list_layouts import BLOCKS, LAYOUT_NAMES, ListParse
from viewer.core.textimport.list_lines import heading_match, is_sign_off
from viewer.core.textimport.list_start import ListStart, starts_entries
from viewer.core.textimport.textclean import BLANK, MARKUP, TextLine, quote

MAX_LISTED = 10  # line numbers named in one warning


def list_warnings(lines: list[TextLine], start: ListStart, parse: ListParse) -> list:
    """What was assumed about where the list starts, its layout and its entries."""
    warnings = _start_warnings(lines, start, parse)
    if parse.no_comma_lines:
        warnings.append(
            _about_lines(
                parse.no_comma_lines,
                "{n} {lines} no comma between the name and the affiliation; split before the "
                "institution's name ({numbers}).",
                ("line has", "lines have"),
            )
        )
    if parse.skipped:
        warnings.append(
            _about_lines(
                parse.skipped,
                "{n} {lines} inside the list did not look like a signatory; left out ({numbers}).",
                ("line", "lines"),
            )
        )
    if parse.groups:
        warnings.append(_groups_warning(parse.groups))
    if start.stated_count is not None and start.stated_count != len(parse.rows):
        line = lines[start.heading].number if start.heading is not None else None
        message = (
            f"The heading says {start.stated_count} signatories, but {len(parse.rows)} were read."
        )
        warnings.append(ImportWarning(line, message))
    return warnings


def _start_warnings(lines: list[TextLine], start: ListStart, parse: ListParse) -> list:
    layout = LAYOUT_NAMES[parse.layout]
    if start.found_by == "run" and parse.rows:
        first = parse.rows[0].first_line
        message = (
            f"No sign-off or heading introduces the signatories; took the {len(parse.rows)} "
            f"entries from line {first} on as the list ({layout})."
        )
        return [ImportWarning(first, message)]
    if start.heading is None:
        return []
    line = lines[start.heading]
    strict = is_sign_off(line.text) and parse.layout == BLOCKS and start.found_by == "heading"
    if strict:  # the 2017 letter's own layout: nothing was assumed
        return []
    message = (
        f"Took line {line.number} ({quote(line.text)}) as the start of the signatory list "
        f"and read the list as {layout}."
    )
    return [ImportWarning(line.number, message)]


def _about_lines(numbers: list[int], template: str, verbs: tuple[str, str]) -> ImportWarning:
    n = len(numbers)
    listed = ", ".join(str(k) for k in numbers[:MAX_LISTED])
    more = f" and {n - MAX_LISTED} more" if n > MAX_LISTED else ""
    where = f"line{'s' if n > 1 else ''} {listed}{more}"
    message = template.format(n=n, lines=verbs[n > 1], numbers=where)
    return ImportWarning(numbers[0], message)


def _groups_warning(groups: list[tuple[int, tuple[str, str]]]) -> ImportWarning:
    described = [
        f"line {line} {quote(value)}" + (" (their country)" if kind == "country" else "")
        for line, (kind, value) in groups[:6]
    ]
    more = f" and {len(groups) - 6} more" if len(groups) > 6 else ""
    one = len(groups) == 1
    message = (
        f"Took {len(groups)} {'line' if one else 'lines'} as {'a heading' if one else 'headings'}"
        f" for the entries under {'it' if one else 'them'}: {', '.join(described)}{more}."
    )
    return ImportWarning(groups[0][0], message)


def end_warnings(lines: list[TextLine], parse: ListParse) -> list:
    """Say where the list stopped when text follows it."""
    if parse.last is None:
        return []
    rest = [ln for ln in lines[parse.last + 1 :] if ln.kind not in (BLANK, MARKUP)]
    if not rest:
        return []
    first = rest[0]
    later = range(first.number - 1, len(lines))
    another = any(heading_match(lines[h]) and starts_entries(lines, h + 1) for h in later)
    note = " It holds another line that could start a list; move the boundary if needed."
    message = (
        f"The signatory list ends at line {lines[parse.last].number}; the text from line "
        f"{first.number} on ({quote(first.text or first.raw)}, {len(rest)} "
        f"{'line' if len(rest) == 1 else 'lines'}) is not read as signatories."
        f"{note if another else ''}"
    )
    return [ImportWarning(first.number, message)]
