"""A plain one-line citation of no particular guide, for notes and e-mails.

"Abdullah Sani Abdul Hamid and 157 others, Letter to X, 4 December 2017 (Publisher, “Page
title”, URL)." The date is written day-month-year, as the letter itself writes it; more than
three authors are counted rather than listed.
"""

from __future__ import annotations

from collections.abc import Sequence

from viewer.core.cite.facts import MONTHS, DateParts, Facts, PersonName
from viewer.core.cite.locators import Paragraphs, paragraph_locator
from viewer.core.cite.rich import Rich, quoted

LISTED_UP_TO = 3


def date_text(date: DateParts | None) -> str:
    if date is None:
        return ""
    month = MONTHS[date.month - 1] if date.month else ""
    return " ".join(p for p in (str(date.day) if date.day else "", month, str(date.year)) if p)


def plain_authors(names: Sequence[PersonName]) -> str:
    if len(names) > LISTED_UP_TO:
        return f"{names[0].literal} and {len(names) - 1} others"
    written = [n.literal for n in names]
    if len(written) == LISTED_UP_TO:
        return f"{written[0]}, {written[1]} and {written[2]}"
    return " and ".join(written)


def plain(f: Facts, paragraphs: Paragraphs = None) -> Rich:
    """The one-line citation, with "para. N" after the date when given."""
    work = quoted(f.title) if f.title else f.description
    head = [plain_authors(f.authors), work, date_text(f.date), paragraph_locator(paragraphs)]
    out = Rich.text(", ".join(p for p in head if p))
    source = [
        Rich.text(f.publisher) if f.publisher and not f.organiser_is_author else Rich(),
        Rich.text(quoted(f.headline)) if f.headline and f.headline != f.title else Rich(),
        Rich.link(f.url) if f.url else Rich(),
    ]
    source = [s for s in source if s]
    if source:
        out.add(" (")
        for i, part in enumerate(source):
            out.add(", " if i else "").extend(part)
        out.add(")")
    return out.punctuate(".")
