"""Chicago Manual of Style, 17th edition, notes-bibliography system.

Authors (14.76): a note names up to three authors and gives the first "et al." from four; the
bibliography lists up to ten, and for more than ten the first seven followed by "et al.".
Only the first author of a bibliography entry is inverted, and only where the family name is
known. An untitled letter is described, not titled: "letter to X" in roman, no quotation
marks (the description starts lower case inside a note, 14.195 and 14.208 do the same for
"letter to the editor" and "comment on"). The page that published it is a titled page of a
website: its headline in quotation marks and headline style, then the site's owner (14.206),
the URL last. Dates read "December 4, 2017"; "n.d." where the letter has none (14.145); an
access date only where no other date exists (14.207).
"""

from __future__ import annotations

from collections.abc import Sequence

from viewer.core.cite.facts import DateParts, Facts, PersonName, lower_generic
from viewer.core.cite.locators import Paragraphs, paragraph_locator
from viewer.core.cite.rich import Rich, join, quoted, sentences
from viewer.core.cite.titlecase import headline_case

NOTE_ET_AL_FROM = 4
BIB_MAX_LISTED = 10
BIB_SHOWN_WHEN_MORE = 7


def date_text(date: DateParts | None) -> str:
    """The date as Chicago writes it: "December 4, 2017", "December 2017", "2017", "n.d."."""
    if date is None:
        return "n.d."
    if date.month and date.day:
        return f"{date.month_name} {date.day}, {date.year}"
    if date.month:
        return f"{date.month_name} {date.year}"
    return str(date.year)


def note_authors(names: Sequence[PersonName]) -> str:
    if len(names) >= NOTE_ET_AL_FROM:
        return f"{names[0].literal} et al."
    written = [n.literal for n in names]
    if len(written) == 3:
        return f"{written[0]}, {written[1]}, and {written[2]}"
    return " and ".join(written)


def bibliography_authors(names: Sequence[PersonName]) -> str:
    if not names:
        return ""
    first = names[0].inverted(demote_particle=True)
    rest = [n.literal for n in names[1 : BIB_MAX_LISTED + 1]]
    if len(names) > BIB_MAX_LISTED:
        return ", ".join([first, *rest[: BIB_SHOWN_WHEN_MORE - 1]]) + ", et al."
    if len(names) == 1:
        return first
    if len(names) == 2:
        comma = "," if names[0].is_inverted else ""
        return f"{first}{comma} and {rest[0]}"
    return ", ".join([first, *rest[:-1]]) + f", and {rest[-1]}"


def _title_case(f: Facts, text: str) -> str:
    return headline_case(text) if f.is_english else text


def _work(f: Facts, in_sentence: bool) -> Rich:
    if f.title:
        return Rich.text(quoted(_title_case(f, f.title)))
    return Rich.text(lower_generic(f.description) if in_sentence else f.description)


def _page(f: Facts, opener: str) -> Rich:
    if not f.headline or f.headline == f.title:
        return Rich()
    return Rich.text(f"{opener} {quoted(_title_case(f, f.headline))}")


def _accessed(f: Facts, word: str) -> Rich:
    if f.date is not None or f.accessed is None:
        return Rich()
    return Rich.text(f"{word} {date_text(f.accessed)}")


def note(f: Facts, paragraphs: Paragraphs = None) -> Rich:
    """The full note, e.g. "X et al., letter to Y, December 4, 2017, in “Z,” Site, URL."."""
    authors = note_authors(f.authors)
    locator = paragraph_locator(paragraphs)
    return join(
        [
            Rich.text(authors),
            _work(f, in_sentence=bool(authors)),
            Rich.text(date_text(f.date)),
            _page(f, "in"),
            Rich.text(f.publisher or ""),
            Rich.text(locator or ""),
            _accessed(f, "accessed"),
            Rich.link(f.url) if f.url else Rich(),
        ]
    ).punctuate(".")


def bibliography(f: Facts) -> Rich:
    """The bibliography entry; a bibliography has no place for a paragraph number."""
    page = _page(f, "In")
    source = join([page, Rich.text(f.publisher or "")])
    return sentences(
        [
            Rich.text(bibliography_authors(f.authors)),
            join([_work(f, in_sentence=False), Rich.text(date_text(f.date))]),
            source,
            _accessed(f, "Accessed"),
            Rich.link(f.url) if f.url else Rich(),
        ]
    )
