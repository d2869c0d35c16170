"""A BibTeX @misc entry (the entry type biblatex's standard styles also use for letters).

Names: a name whose family name the document states is written "{Family}, Given" (with
", Suffix" between where there is one); every other name is one braced unit, {Lim Kit
Siang}, which BibTeX never splits or abbreviates. After MAX_AUTHORS names the list ends with
"and others", which every BibTeX and biblatex style prints as "et al.". Ten, because the
longest author list any common style prints from a .bib entry is Chicago's bibliography
(up to ten names; beyond ten, seven and "et al.", which ten names plus "others" still
produce), and because classic styles such as plain.bst build the formatted name list in a
global string variable, which BibTeX 0.99d limits to 1,000 characters: 158 names overflow
it. RIS and CSL-JSON, which have no such limits, carry every name.

Every value is escaped: the ten characters LaTeX treats specially become commands, so the
entry's braces always balance; line breaks and tabs become spaces. The date is classic
BibTeX's year and month (month as the three-letter macro, unbraced), which biblatex reads
too; the day has no field in classic BibTeX.
"""

from __future__ import annotations

from collections.abc import Sequence

from viewer.core.cite.facts import Facts, PersonName

MAX_AUTHORS = 10
MONTH_MACROS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_ESCAPES = {
    "\\": r"\textbackslash{}",
    # BibTeX counts every brace, escaped or not, so \{ would unbalance the entry.
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "$": r"\$",
    "&": r"\&",
    "%": r"\%",
    "#": r"\#",
    "_": r"\_",
    "^": r"\textasciicircum{}",
    "~": r"\textasciitilde{}",
}
# Characters a URL cannot hold unencoded, and which would break the entry's braces.
_URL_ESCAPES = {"{": "%7B", "}": "%7D", "\\": "%5C", " ": "%20"}


def escape(text: str) -> str:
    """A value safe inside a braced BibTeX field: specials escaped, on one line."""
    text = " ".join(text.split())
    return "".join(_ESCAPES.get(c, c) for c in text)


def escape_url(url: str) -> str:
    url = " ".join(url.split())
    return "".join(_URL_ESCAPES.get(c, c) for c in url)


def bibtex_name(name: PersonName) -> str:
    """A name as written in braces, {Lim Kit Siang}; "{Santiago}, Charles" where stated."""
    if not (name.family and name.given):
        return "{" + escape(name.literal) + "}"
    given = escape(name.given)
    if " and " in f" {given.lower()} " or "," in given:
        given = "{" + given + "}"
    parts = ["{" + escape(name.family_name or name.family) + "}"]
    if name.suffix:
        parts.append("{" + escape(name.suffix) + "}")
    return ", ".join([*parts, given])


def author_field(names: Sequence[PersonName]) -> str:
    listed = [bibtex_name(n) for n in names[:MAX_AUTHORS]]
    if len(names) > MAX_AUTHORS:
        listed.append("others")
    return " and ".join(listed)


def entry(f: Facts) -> str:
    """The @misc entry, one field a line, fields aligned."""
    fields: list[tuple[str, str]] = []
    if f.authors:
        fields.append(("author", "{" + author_field(f.authors) + "}"))
    fields.append(("title", "{{" + escape(f.title or f.description) + "}}"))
    if f.publisher:
        fields.append(("howpublished", "{" + escape(f.publisher) + "}"))
    if f.headline and f.headline != f.title:
        fields.append(("note", "{Published in ``" + escape(f.headline) + "''}"))
    if f.date:
        fields.append(("year", "{" + str(f.date.year) + "}"))
        if f.date.month:
            fields.append(("month", MONTH_MACROS[f.date.month - 1]))
    if f.url:
        fields.append(("url", "{" + escape_url(f.url) + "}"))
    if f.accessed:
        d = f.accessed
        iso = "-".join(f"{p:02d}" for p in (d.year, d.month, d.day) if p)
        fields.append(("urldate", "{" + iso + "}"))
    width = max(len(k) for k, _ in fields)
    body = "".join(f"  {k.ljust(width)} = {v},\n" for k, v in fields)
    return f"@misc{{{f.key},\n{body}}}"
