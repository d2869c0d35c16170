"""An RIS record: one "TAG  - value" line each, TY first and ER last.

TY is PCOMM, RIS's type for letters and other personal communications (Zotero reads it as a
Letter). Every author has an AU line. RIS reads "Family, Given, Suffix" from an AU value, so a
name whose family name is unknown must not contain a comma: the comma of "Teddy Baguilat,
Jr." is left out there. Values never contain a line break (they are put on one line); the
date is PY (year) and DA ("2017/12/04/").
"""

from __future__ import annotations

from viewer.core.cite.facts import DateParts, Facts, PersonName


def ris_name(name: PersonName) -> str:
    if name.family and name.given:
        parts = [name.family_name, name.given] + ([name.suffix] if name.suffix else [])
        return ", ".join(" ".join(p.replace(",", " ").split()) for p in parts if p)
    return " ".join(name.literal.replace(",", " ").split())


def ris_date(date: DateParts) -> str:
    month = f"{date.month:02d}" if date.month else ""
    day = f"{date.day:02d}" if date.day and date.month else ""
    return f"{date.year}/{month}/{day}/"


def record(f: Facts) -> str:
    """The record's lines, ending with "ER  - "."""
    lines = [("TY", "PCOMM")]
    lines += [("AU", ris_name(n)) for n in f.authors]
    lines.append(("TI", f.title or f.description))
    if f.headline and f.headline != f.title:
        lines.append(("T2", f.headline))
    if f.publisher:
        lines.append(("PB", f.publisher))
    if f.date:
        lines += [("PY", str(f.date.year)), ("DA", ris_date(f.date))]
    if f.accessed:
        lines.append(("Y2", ris_date(f.accessed)))
    if f.url:
        lines.append(("UR", f.url))
    if f.language:
        lines.append(("LA", f.language))
    out = [f"{tag}  - {' '.join(value.split())}" for tag, value in lines if value.strip()]
    return "\n".join([*out, "ER  - "])
