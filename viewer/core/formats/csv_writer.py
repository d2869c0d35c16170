"""CSV of signatories: header name, role, country and any further columns."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

from viewer.core.model import Signatory


def neutralise_formula(value: str) -> str:
    """Prefix an apostrophe where a spreadsheet would run the cell as a formula."""
    if value and value[0] in "=+-@\t\r":
        return "'" + value
    return value


def signatories_to_csv(signatories: tuple[Signatory, ...], safe: bool = False) -> str:
    """CSV with header name,role,country and any extra columns; safe= neutralises formulas."""
    extra_keys = list(dict.fromkeys(k for s in signatories for k, _ in s.extra))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["name", "role", "country", *extra_keys])
    cell: Callable[[str], str] = neutralise_formula if safe else (lambda v: v)
    for s in signatories:
        row = [s.name, s.role or "", s.country or ""]
        row += [s.extra_value(k) or "" for k in extra_keys]
        writer.writerow([cell(v) for v in row])
    return out.getvalue()
