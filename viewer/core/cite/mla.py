"""MLA Handbook, 9th edition.

Authors (2.1): one author; two joined by "and"; three or more: the first and "et al.". The
first name is inverted only where the family name is known, and the comma that MLA puts
after an inverted first name ("Burdick, Anne, et al.") is not printed after a name that is
not inverted. A source whose author is also its publisher begins with its title and gives
the organisation only as publisher (2.1.3), so the organiser mode starts with the
description. An untitled source is described in plain text, capitalised like a sentence
(2.3.3): "Letter to X.". The container (the page that published the letter) is italic and in
title case, followed by publisher, date ("4 Dec. 2017", months abbreviated except May, June,
July) and the URL without "https://" (2.6.3); an access date only where the source gives no
date (2.6.5). In-text: the author, or the shortened description, and "par." (6.20).
"""

from __future__ import annotations

from collections.abc import Sequence

from viewer.core.cite.facts import DateParts, Facts, PersonName
from viewer.core.cite.locators import Paragraphs, paragraph_locator
from viewer.core.cite.rich import Rich, join, quoted, sentences
from viewer.core.cite.titlecase import headline_case

MONTH_ABBREVIATIONS = (
    "Jan.", "Feb.", "Mar.", "Apr.", "May", "June",
    "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
)  # fmt: skip
ET_AL_FROM = 3


def date_text(date: DateParts | None) -> str:
    """The date as MLA writes it: "4 Dec. 2017", "Dec. 2017", "2017"; empty if none."""
    if date is None:
        return ""
    parts = [str(date.day) if date.day and date.month else "", "", str(date.year)]
    if date.month:
        parts[1] = MONTH_ABBREVIATIONS[date.month - 1]
    return " ".join(p for p in parts if p)


def works_cited_authors(names: Sequence[PersonName]) -> str:
    if not names:
        return ""
    first = names[0].inverted()
    comma = "," if names[0].is_inverted else ""
    if len(names) >= ET_AL_FROM:
        return f"{first}{comma} et al."
    if len(names) == 2:
        return f"{first}{comma} and {names[1].literal}"
    return first


def _title_case(f: Facts, text: str) -> str:
    return headline_case(text) if f.is_english else text


def _work(f: Facts) -> Rich:
    if f.title:
        return Rich.text(quoted(_title_case(f, f.title)))
    return Rich.text(f.description)


def _shown_url(url: str) -> str:
    for scheme in ("https://", "http://"):
        if url.lower().startswith(scheme):
            return url[len(scheme) :]
    return url


def _authors(f: Facts) -> Sequence[PersonName]:
    return () if f.organiser_is_author else f.authors


def works_cited(f: Facts) -> Rich:
    """The works-cited entry."""
    container = Rich()
    if f.headline and f.headline != f.title:
        container = Rich.text(_title_case(f, f.headline), italic=True)
    accessed = Rich()
    if f.date is None and f.accessed is not None:
        accessed = Rich.text(f"Accessed {date_text(f.accessed)}")
    return sentences(
        [
            Rich.text(works_cited_authors(_authors(f))),
            _work(f),
            join(
                [
                    container,
                    Rich.text(f.publisher or ""),
                    Rich.text(date_text(f.date)),
                    Rich.link(f.url, _shown_url(f.url)) if f.url else Rich(),
                ]
            ),
            accessed,
        ]
    )


def in_text(f: Facts, paragraphs: Paragraphs = None) -> Rich:
    """The parenthetical citation: "(X et al., par. 3)"."""
    names = _authors(f)
    if len(names) >= ET_AL_FROM:
        who = f"{names[0].surname()} et al."
    elif names:
        who = " and ".join(n.surname() for n in names)
    elif f.title:
        who = quoted(_title_case(f, f.title.split(":")[0]))
    else:
        who = f.description.split(",")[0]
    locator = paragraph_locator(paragraphs, "par")
    body = join([Rich.text(who), Rich.text(locator or "")])
    return Rich.text("(").extend(body).add(")")
