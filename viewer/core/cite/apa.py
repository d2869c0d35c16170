"""APA Style, 7th edition (Publication Manual, chapters 8-10).

Authors (9.8): up to 20 are listed, an ampersand before the last; from 21 on, the first 19,
an ellipsis (". . .", no ampersand) and the last author. Commas separate the authors (and a
comma follows initials even before the "&" of two authors; two names written out in full
are joined by "&" alone). Names are inverted with initials
only where the family name is known; otherwise a name stands as written (APA has no rule
that lets a program find a surname). The date is "(2017, December 4)" or "(n.d.)" (9.17).
A work without a title gets a description in square brackets in the title position, a titled
one its form in brackets after the title, "[Letter]" (9.21).
The letter was published within a titled web page: "In" and the page's title in italics,
then the site's name, omitted when it is the author (10.16), then the URL with no period
after it (9.35). In-text citations name one or two authors, or the first "et al." from
three (8.17), and locate a quotation with "para." where there are no pages (8.28).
"""

from __future__ import annotations

from collections.abc import Sequence

from viewer.core.cite.facts import DateParts, Facts, PersonName
from viewer.core.cite.locators import Paragraphs, paragraph_locator
from viewer.core.cite.rich import Rich, sentences

MAX_LISTED = 20
SHOWN_BEFORE_ELLIPSIS = 19
IN_TEXT_ET_AL_FROM = 3


def reference_authors(names: Sequence[PersonName]) -> str:
    if len(names) > MAX_LISTED:
        shown = [n.with_initials() for n in names[:SHOWN_BEFORE_ELLIPSIS]]
        return ", ".join(shown) + ", . . . " + names[-1].with_initials()
    written = [n.with_initials() for n in names]
    if len(written) <= 1:
        return "".join(written)
    if len(written) == 2 and written[0] == names[0].literal:
        # The comma before "&" of two authors follows the first one's initials (9.8);
        # a name written out in full has none: "Ana Gomes & Julie Ward".
        return f"{written[0]} & {written[1]}"
    return ", ".join(written[:-1]) + ", & " + written[-1]


def date_text(date: DateParts | None) -> str:
    """The date element: "(2017, December 4)", "(2017, December)", "(2017)" or "(n.d.)"."""
    if date is None:
        return "(n.d.)"
    if date.month and date.day:
        return f"({date.year}, {date.month_name} {date.day})"
    if date.month:
        return f"({date.year}, {date.month_name})"
    return f"({date.year})"


def _work(f: Facts) -> Rich:
    if f.title:  # a titled letter: the title, then what it is in brackets (9.21)
        return Rich.text(f.title, italic=True).add(" [Letter]")
    return Rich.text(f"[{f.description}]")


def reference(f: Facts) -> Rich:
    """The reference-list entry."""
    authors = reference_authors(f.authors)
    head = [Rich.text(authors), Rich.text(date_text(f.date)), _work(f)]
    if not authors:  # no author: the title moves to the author position (9.12)
        head = [_work(f), Rich.text(date_text(f.date))]
    page = Rich()
    if f.headline and f.headline != f.title:
        page = Rich.text("In ").add(f.headline, italic=True)
    site = f.publisher if f.publisher and not f.organiser_is_author else ""
    entry = sentences([*head, page, Rich.text(site)])
    if f.url:
        entry.add(" ").extend(Rich.link(f.url))
    return entry


def _short_work(f: Facts) -> Rich:
    if f.title:
        return Rich.text(f.title.split(":")[0], italic=True)
    return Rich.text(f"[{f.description.split(',')[0]}]")


def in_text(f: Facts, paragraphs: Paragraphs = None) -> Rich:
    """The parenthetical citation: "(X et al., 2017, para. 3)"."""
    if len(f.authors) >= IN_TEXT_ET_AL_FROM:
        who = Rich.text(f"{f.authors[0].surname()} et al.")
    elif f.authors:
        who = Rich.text(" & ".join(n.surname() for n in f.authors))
    else:
        who = _short_work(f)
    year = str(f.date.year) if f.date else "n.d."
    out = Rich.text("(").extend(who).add(f", {year}")
    locator = paragraph_locator(paragraphs)
    if locator:
        out.add(f", {locator}")
    return out.add(")")
