"""Copying signatories: one line each, then the letter's citation; as text, HTML and TSV."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from viewer.core.cite.facts import DEFAULT_AUTHORS, clean, facts_for
from viewer.core.cite.styles import DEFAULT_STYLE, get_style, human_citation, record_text
from viewer.core.formats.column_names import extra_column_title
from viewer.core.formats.csv_writer import neutralise_formula
from viewer.core.model import Document, Signatory

TSV_HEADER = ("Name", "Role", "Country")


@dataclass(frozen=True)
class Clipping:
    """What goes on the clipboard together: text/plain, text/html and a tab-separated form."""

    text: str
    html: str
    tsv: str


def signatory_line(s: Signatory) -> str:
    """One line: "Charles Santiago, Member of Parliament, Malaysia"; unstated parts left out."""
    return ", ".join(p for p in (clean(s.name), clean(s.role), clean(s.country)) if p)


def signatory_names(signatories: Iterable[Signatory]) -> str:
    """The names alone, one a line ("Copy names only")."""
    return "".join(f"{clean(s.name) or ''}\n" for s in signatories)


def share_line(doc: Document, chosen: int) -> str | None:
    """ "11 of 158 signatories of:" for a copy of some of them (of the original letter's
    count, for an export of a subset); None for all of them or none."""
    total = max(doc.metadata.subset_of or 0, len(doc.signatories))
    if not 0 < chosen < total:
        return None
    return f"{chosen:,} of {total:,} signatories of:"


def _tsv_cell(value: str | None) -> str:
    # Neutralise first, so a leading tab or CR is caught before it becomes a space.
    return " ".join(neutralise_formula(value or "").replace("\t", " ").splitlines())


def cite_signatories(
    doc: Document,
    signatories: Iterable[Signatory],
    style: str = DEFAULT_STYLE,
    include_citation: bool = True,
    authors: str = DEFAULT_AUTHORS,
    extra_keys: Sequence[str] = (),
) -> Clipping:
    """The chosen signatories, one line each, followed by the letter's citation.

    The TSV form has a header row and one row a signatory (formula prefixes neutralised),
    with a column for each of extra_keys (further fields the table shows) after Country;
    the citation follows after an empty row in one cell, on one line: a record style
    (BibTeX, RIS, CSL-JSON) cannot live in one cell, so the plain style stands in for it.
    A human style's citation of some of the letter's signatories is preceded by a line
    saying how many ("11 of 158 signatories of:"); a record is left as it is, to paste.
    """
    people = list(signatories)
    lines = [signatory_line(s) for s in people]
    items = "".join(f"<li>{html.escape(line, quote=False)}</li>\n" for line in lines)
    parts_text = ["\n".join(lines)] if lines else []
    parts_html = [f"<ul>\n{items}</ul>"] if lines else []
    header = (*TSV_HEADER, *(extra_column_title(k) for k in extra_keys))
    rows = ["\t".join(_tsv_cell(h) for h in header)]
    rows += [
        "\t".join(
            _tsv_cell(v)
            for v in (s.name, s.role, s.country, *(s.extra_value(k) for k in extra_keys))
        )
        for s in people
    ]
    if include_citation:
        f = facts_for(doc, authors)
        if get_style(style).record:  # a record is pasted into a reference manager as it is
            record = record_text(f, style)
            parts_text.append(record)
            parts_html.append(f"<pre>{html.escape(record, quote=False)}</pre>")
            rows += ["", _tsv_cell(human_citation(f, "plain").plain)]
        else:
            # Some of the letter's signatories: a line says so, just before the citation.
            share = share_line(doc, len(people))
            rich = human_citation(f, style)
            lead = f"{share}\n" if share else ""
            parts_text.append(lead + rich.plain)
            lead = f"{html.escape(share, quote=False)}<br>\n" if share else ""
            parts_html.append(f"<p>{lead}{rich.html()}</p>")
            rows += ["", *([_tsv_cell(share)] if share else []), _tsv_cell(rich.plain)]
    return Clipping(
        text="\n\n".join(parts_text) + "\n",
        html="\n".join(parts_html) + "\n",
        tsv="\n".join(rows) + "\n",
    )
