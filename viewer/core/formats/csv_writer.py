"""CSV of signatories: header name, role, country (family_name where one is stated) and any
further columns, written so that viewer.core.formats.csv_reader reads the same signatories."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable

from viewer.core.formats.column_names import FAMILY_NAME_COLUMNS, folded_header
from viewer.core.formats.decoding import without_controls
from viewer.core.model import Signatory

FORMULA_START = "=+-@\t\r"  # a spreadsheet runs a cell starting with one of these
# A cell the reader takes an apostrophe from: the apostrophe a writer put before a formula.
# The writer puts one before any cell of this shape too, so a value that starts with an
# apostrophe already ("'=x") keeps it.
NEUTRALISED = re.compile(r"'+[=+\-@\t\r]")
FAMILY_COLUMN = "family_name"


def neutralise_formula(value: str) -> str:
    """Prefix an apostrophe where a spreadsheet would run the cell as a formula (and where
    the cell starts with apostrophes before such a character, so that reading gives it back)."""
    if value and value[0] in FORMULA_START:
        return "'" + value
    return keep_apostrophes(value)


def keep_apostrophes(value: str) -> str:
    """The value, with one more apostrophe where the reader would take one away ("'=x")."""
    return "'" + value if value[:1] == "'" and NEUTRALISED.match(value) else value


def signatories_to_csv(signatories: tuple[Signatory, ...], safe: bool = False) -> str:
    """CSV with header name,role,country[,family_name] and any extra columns; safe=
    neutralises formulas. Control characters are left out (CSV cannot escape them)."""
    extra_keys = list(dict.fromkeys(_value(k) for s in signatories for k, _ in s.extra))
    extra_keys = [k for k in extra_keys if k]  # the reader keeps no column without a header
    family = any(s.family_name for s in signatories) or any(
        folded_header(k) in FAMILY_NAME_COLUMNS for k in extra_keys
    )  # an extra "surname" column would otherwise be read as the family names
    header = ["name", "role", "country", *([FAMILY_COLUMN] if family else []), *extra_keys]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    cell: Callable[[str], str] = neutralise_formula if safe else keep_apostrophes
    _write_row(out, writer, [cell(_value(h)) for h in header])
    for s in signatories:
        row = [s.name, s.role or "", s.country or ""]
        row += [s.family_name or ""] if family else []
        extra = {_value(k): v for k, v in reversed(s.extra)}  # the first of a key wins
        row += [extra.get(k) or "" for k in extra_keys]
        _write_row(out, writer, [cell(_value(v)) for v in row])
    return out.getvalue()


def _value(text: str) -> str:
    """A value as the reader will give it back: trimmed (the reader trims every cell, as
    spreadsheets pad them), without control characters."""
    return without_controls(text).strip()


def _write_row(out: io.StringIO, writer, row: list[str]) -> None:
    """One row, every cell holding a line break quoted. (csv quotes a cell that holds a
    character of its lineterminator, "\n" here; a lone "\r" would end the row on reading.
    A row with one is written with "\r\n" as the terminator, then ended in "\n".)"""
    if not any("\r" in v for v in row):
        writer.writerow(row)
        return
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(row)
    out.write(buffer.getvalue().removesuffix("\r\n") + "\n")
