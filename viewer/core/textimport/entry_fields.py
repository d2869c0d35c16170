"""One section's entries read into fields: the layout decided for the section, then each item.

A section is the list of items under one heading ("Signatories", "Organizations"). Its field
layout is decided from all its items first: which separator most of them use (" - ", " / ",
", ", a bold name, a link, "from Country", a parenthesis, a second line, table cells), whether
it lists organisations, whether surnames come first. Each item is then read in that layout:

- the name comes first and keeps its titles as written ("Dr. Sarah Abel"); footnote marks,
  markup and pronouns ("(she/her)", kept as a field) are not part of it;
- a separator the section does not use splits an item only where what follows describes a
  person ("Jane Doe - Senator"); otherwise the item is one name ("Idec - Instituto ...");
  a list of organisations keeps every item whole ("Committee for the ... (CPJ)");
- a country is taken only where the entry states it: a field that is a country, "from X",
  a flag emoji, a parenthesis ("Jane Doe (Kenya)"); never from a city or an institution;
- the family name only where the entry marks it: a surname in capitals ("DUPONT Jean"), or
  a section that puts surnames first (shown by its particles: "de La Roche ...", "Van den
  Bossche Kevin") where the given name is one word;
- items that are not signatories (a bare link, "and 200 others", an empty item) come back
  as None, and a warning says so, as do entries that break the section's layout.

Within one entry's text (parse_entry, the rules of the plain-text importer too): the first
comma fields that describe a person (a role word of entry_words, "Lecturer", "Professorin")
are the role, the fields after them ("University of Leeds", "Greenpeace") the affiliation;
post-nominals stay with the name ("Teddy Baguilat, Jr."); a trailing parenthesis holds
fields ("Jane Doe (MP, Kenya)"), a birth name stays in the name ("(née Smith)").
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from viewer.core.countries import canonical_name, country_code, flag_code, is_country
from viewer.core.folding import fold
from viewer.core.model import ImportWarning
from viewer.core.textimport.blocks import Inline, Link
from viewer.core.textimport.entry_words import (
    ALIAS_RE,
    INDIVIDUALS_HEADING,
    ORGANISATION_HEADING,
    ORGANISATION_NAME,
    ORGANISATION_WORDS,
    OTHERS_NOTE,
    PARTICLES,
    POST_NOMINAL,
    PRONOUNS_RE,
    SURNAME_FIRST_HEADING,
    is_person_description,
)
from viewer.core.textimport.textclean import squeeze

URL = "url"
HANDLE = "handle"
COUNTRIES = "countries"
FROM_PLACE = "from"
ALIAS = "alias"
MAX_LISTED = 10  # line numbers named in one warning
LEFT_OUT = "left out: "  # a note about items that are not entries
PSEUDONYM = "a name (a pseudonym) that holds the separator"
NO_COMMA = "no comma between the name and the affiliation; split before the institution's name"
MIN_SHARE = 0.5  # more than this share of a section's entries makes a separator its own
MAX_PROSE_WORDS = 30
MIN_PARTICLE_NAMES = 3  # names opening with "de", "van", "Le" that show surnames come first

# Layouts, in the words the plan and the warnings use.
COMMA, DASH, SLASH, STRONG, LINK, FROM, PAREN, LINES, CELLS, BARE = (
    "Name, Role, Institution", "Name - Role", "Name / Role", "**Name** / Role",
    "[Name](url)", "Name from Country", "Name (Affiliation)", "Name, then Role on the next line",
    "Name, then a cell per field", "Name",
)  # fmt: skip
CJK_SPACE = "Name Role (CJK, a space between)"

MAX_NAME_WORDS = 10
MAX_NAME_CHARS = 200

AFFILIATION = "affiliation"
PRONOUNS = "pronouns"

# A footnote mark stuck to a word ("Union*", "Sussex†", "Leeds¹", "Smith[2]").
_FOOTNOTE_MARKS = re.compile(
    r"(?<=[\w).\]])(?:[*†‡§¶]+|[\u00b9\u00b2\u00b3\u2070-\u2079]+|\[\^?\d{1,3}\])(?=[\s,;:.)]|$)"
)
_FOOTNOTE_CHARS = frozenset(
    "*\u2020\u2021\u00a7\u00b6[\u00b9\u00b2\u00b3\u2070\u2074\u2075\u2076\u2077\u2078\u2079"
)
_DASH_SEPARATOR = re.compile(r"\s+[-\u2013\u2014|]\s+")
_BIRTH_NAME = re.compile(r"\s*(n[ée]e|born|geb\.|formerly)\b", re.IGNORECASE)
_PAREN_TAIL = re.compile(r"^(.*?)\s*[(\uff08]([^()\uff08\uff09]+)[)\uff09]$")
# Where an institution starts in a line that lacks the comma after the name.
_INSTITUTION_START = re.compile(
    r"\s((?:[A-Z][\w'&.-]*\s){0,3}?(?:University|College|Institute|School|Academy|Centre"
    r"|Center|Hospital|Foundation|Union|Party|Council|Society|Association)\b.*)$"
)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_CJK_NOT_NAME = re.compile("[的了是請请嗎吗呢：:，,。！？；]")


_DASHES = "-\u2013\u2014"
_SPACED_DASH = re.compile(r"\s+([\-\u2013\u2014|])\s+")
_SPACED_SLASH = re.compile(r"\s+/\s+")
_OPENERS = re.compile('[(\\[\uff08\u201c"]')
_SHORTCODE = re.compile(r":([a-z][a-z_]{1,30}):")
_FLAG = re.compile(r"[\U0001F1E6-\U0001F1FF]{2}|\U0001F3F4[\U000E0061-\U000E007A]+\U000E007F")
_TRAILING_PAREN = re.compile(r"\s*[(\uff08]([^()\uff08\uff09]*)[)\uff09]?\s*$")
_BARE_URL = re.compile(r"^(?:<?(?:https?://|www\.)\S+>?|\S+@\S+\.\w+)$", re.IGNORECASE)
_MARKUP_CHARS = re.compile(r"[*_`<\]]")
# "陳方安生　前政務司司長": a CJK name of two to five characters, a space, a CJK role.
_CJK_NAME_ROLE = re.compile(
    r"^([\u3400-\u9fff\uf900-\ufaff]{2,5})[ \u3000]+([\u3040-\u30ff\u3400-\u9fff].*)$"
)
_AT_HANDLE = re.compile(r"@[\w.\-]{1,40}")
_MD_LINK = re.compile(r"\[([^\[\]]*)\]\(([^()\s]*)\)")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~<>])")
# Markup a reader left in (never inside a word: "u/Im__Joseph" is a handle).
_MARKUP = re.compile(r"\*\*|(?<!\w)__|__(?!\w)|`|</?[A-Za-z][^>]*>|\[(?=[^\]]*\]\()|\]\([^)]*\)?")
_LEADING_MARK = re.compile(r"^(?:[-*+\u2022\u00b7]\s+|\d{1,5}[.)]\s+)")
_SENTENCE_END = re.compile(r"[.!?\u3002\uff01\uff1f]$")
# The place after "from" starts with a letter: "Aa From - Professor" is a name and a role.
_FROM = re.compile(
    r"^(?P<name>.+?)[\s,]+(?P<word>from|form|aus)(?:\s+(?P<where>[^\W\d_].*))?$", re.I
)
_THE = re.compile(r"^(?:the|la|le|les|el|los|die|der)\s+", re.IGNORECASE)
_AND = re.compile(r"\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b)\s*", re.IGNORECASE)
_ACRONYM = re.compile(r"^[A-Z0-9][A-Z0-9&.\-]{1,9}$")


@dataclass(frozen=True)
class EntryFields:
    """One signatory as the entry states it."""

    name: str
    role: str | None = None
    country: str | None = None
    family_name: str | None = None  # only where the entry states it (NOM Prénom, SURNAME)
    extra: tuple[tuple[str, str], ...] = ()  # ("affiliation", ..), ("url", ..), ("pronouns", ..)


@dataclass(frozen=True)
class SectionFields:
    """A section's entries, the layout they were read in and what was assumed."""

    entries: tuple[EntryFields | None, ...]  # one per item given; None = not an entry
    layout: str  # the field layout in words, e.g. "Name - Role"
    warnings: tuple[ImportWarning, ...]


@dataclass
class _Item:
    """An item's text made ready to read: markup and footnote marks gone, links set aside."""

    text: str
    line: int | None
    links: tuple[Link, ...]
    strong: str | None  # the bold part at the start, if the item opens with one
    skip: str | None = None  # why this is not an entry
    extra: list[tuple[str, str]] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)  # ISO codes of the flag emoji, in order


@dataclass(frozen=True)
class _Layout:
    """What was decided for the whole section."""

    separator: str
    organisations: bool
    surname_first: bool
    capital_surnames: bool
    from_section: bool
    role_starts: Counter[str]
    name_words: float
    inverted: bool = False  # "Doe, Jane, Lecturer": the surname, a comma, the given name


def read_section(items: Sequence[Inline], heading: str | None = None) -> SectionFields:
    """Decide the section's field layout from all its items, then read each item in it."""
    prepared = [_prepare(item) for item in items]
    live = [p for p in prepared if p.skip is None]
    layout = _decide(live, heading)
    notes: dict[str, list[int | None]] = {}
    entries: list[EntryFields | None] = []
    for item in prepared:
        if item.skip is not None:
            _note(notes, LEFT_OUT + item.skip, item.line)
            entries.append(None)
            continue
        entry = _read(item, layout, notes)
        if entry is None:
            _note(notes, LEFT_OUT + "no name is left once its other fields are read", item.line)
        else:
            _note_exception(notes, item, entry, layout)
        entries.append(entry)
    return SectionFields(tuple(entries), _describe(layout), _warnings(notes))


def _note(notes: dict[str, list[int | None]], reason: str, line: int | None) -> None:
    notes.setdefault(reason, []).append(line)


def _note_exception(notes: dict, item: _Item, entry: EntryFields, layout: _Layout) -> None:
    """Entries that do not follow the section's layout, so the user can check them."""
    if layout.separator == FROM and entry.country is None:
        _note(notes, "states|state no country", item.line)
    elif (
        layout.separator in (DASH, SLASH, COMMA)
        and not layout.organisations
        and entry.role is None
        and not entry.extra
        and _separator_of(item) == BARE
    ):
        sign = {DASH: "-", SLASH: "/", COMMA: ","}[layout.separator]
        _note(notes, f"has|have no \u201c{sign}\u201d as the others do; read as a name", item.line)


# --- preparing an item ------------------------------------------------------------------


def _prepare(inline: Inline) -> _Item:
    """The item's text cleaned (escapes, footnote marks, white space, a list marker a reader
    left), Markdown links left as text taken as links, and why it is no entry, if it is not."""
    text = _MD_ESCAPE.sub(r"\1", inline.text.replace("\u00a0", " ").replace("\r", ""))
    lines = [
        "\t".join(" ".join(cell.split()) for cell in strip_footnote_marks(ln).split("\t"))
        for ln in text.split("\n")
    ]
    text = "\n".join(ln for ln in lines if ln).strip()
    text = _LEADING_MARK.sub("", text) if _LEADING_MARK.match(text) and " " in text else text
    links = inline.links
    if "](" in text:  # Markdown a reader left as text: "[Jane Doe](https://...)"
        links = links + tuple(Link(t, u) for t, u in _MD_LINK.findall(text))
        text = _MD_LINK.sub(r"\1", text)
    strong = next((s.strip() for s in inline.strong[:1] if s.strip()), None)
    item = _Item(text, inline.line, links, None)
    if strong and text.startswith(strong) and len(text) > len(strong):
        item.strong = strong
    item.skip = _skip_reason(text, links)
    return item


def _skip_reason(text: str, links: tuple[Link, ...]) -> str | None:
    """Why an item is not a signatory (None when it may be one)."""
    bare = _FLAG.sub("", text).strip(" .,;:-\u2013\u2014*_()[]")
    if not bare:
        return "an empty item"
    if _BARE_URL.match(bare) or any(bare == link.url for link in links):
        return "a link, not a name"
    if OTHERS_NOTE.match(bare):
        return "a note about further signatories"
    if not any(ch.isalnum() for ch in bare):
        return "no name in it"
    words = bare.split()
    if len(words) >= MAX_PROSE_WORDS or (len(words) >= 14 and _SENTENCE_END.search(bare)):
        return "a sentence, not an entry"
    return None


# --- deciding the section's layout ------------------------------------------------------


def _decide(items: list[_Item], heading: str | None) -> _Layout:
    """The section's layout: its separator, whether it lists organisations, where surnames
    stand, from the items that are entries."""
    counts: Counter[str] = Counter(_separator_of(item) for item in items)
    total = max(1, len(items))
    separator = next(
        (k for k, n in counts.most_common() if k != BARE and n / total > MIN_SHARE), BARE
    )
    heads = [_head(item, separator) for item in items]
    organisations = _lists_organisations(heads, heading)
    capitals = sum(_capital_surname(h) is not None for h in heads) / total > 0.5
    inverted = (
        separator == COMMA
        and not organisations
        and sum(_inverted_name(item.text) is not None for item in items) / total > MIN_SHARE
    )
    words = [len(h.split()) for h in heads if h]
    return _Layout(
        separator,
        organisations,
        not organisations and (inverted or _surnames_first(heads, heading, capitals)),
        capitals,
        counts[FROM] / total > MIN_SHARE,
        _role_starts(items, separator),
        statistics.median(words) if words else 0.0,
        inverted,
    )


def _lists_organisations(heads: list[str], heading: str | None) -> bool:
    """A heading that says so ("Organizations"), or most names look like organisations'
    (unless the heading says the section lists individuals)."""
    if heading and ORGANISATION_HEADING.search(heading):
        return True
    if heading and INDIVIDUALS_HEADING.search(heading):
        return False
    return sum(_looks_like_organisation(h) for h in heads) / max(1, len(heads)) > 0.5


def _surnames_first(heads: list[str], heading: str | None, capitals: bool) -> bool:
    """A heading that says so ("Nom Prénom"), most names opening with a surname in capitals,
    or names opening with particles ("de La Roche ...") where other lists hold them inside."""
    if heading and SURNAME_FIRST_HEADING.search(heading):
        return True
    if capitals and all(_caps_first(h) for h in heads if _capital_surname(h)):
        return True
    leading, middle = _particle_positions(heads)
    return leading >= MIN_PARTICLE_NAMES and leading > 2 * middle


def _role_starts(items: list[_Item], separator: str) -> Counter[str]:
    """How often each word opens the part after the separator (the section's roles)."""
    starts: Counter[str] = Counter()
    if separator in (DASH, SLASH):
        for item in items:
            parts = _split_top(item.text, _separator_re(separator))
            if len(parts) > 1 and parts[1].split():
                starts[fold(parts[1].split()[0])] += 1
    return starts


def _inverted_name(text: str) -> tuple[str, str, list[str]] | None:
    """("Doe", "Jane", rest) for "Doe, Jane, Lecturer": a one-word first field, then a short
    field that is a given name (no role, organisation, country or post-nominal)."""
    fields = split_fields(_top_level_paren_free(text))
    if len(fields) < 2 or len(fields[0].split()) != 1 or not 1 <= len(fields[1].split()) <= 3:
        return None
    given = fields[1]
    if not given[:1].isupper() or not looks_like_name(given) or is_person_description(given):
        return None
    if ORGANISATION_NAME.search(given) or is_country(given) or POST_NOMINAL.match(given):
        return None
    return fields[0], given, fields[2:]


def _separator_of(item: _Item) -> str:
    """The separator this item's fields use, most telling first."""
    text = item.text
    if "\t" in text:
        return CELLS
    if item.strong:
        return STRONG
    if item.links and text.startswith(item.links[0].text) and item.links[0].text.strip():
        return LINK
    found = _FROM.match(_drop_link_paren(item))
    if _FLAG.search(text) or (found and _names_a_country(found)):
        return FROM
    if "\n" in text:
        return LINES
    if _CJK_NAME_ROLE.match(text):
        return CJK_SPACE
    top = _top_level(text)
    if _SPACED_DASH.search(top):
        return DASH
    if _SPACED_SLASH.search(top):
        return SLASH
    if "," in top or "\uff0c" in top:
        return COMMA
    if _TRAILING_PAREN.search(text) and not text.startswith(("(", "\uff08")):
        return PAREN
    return BARE


def _head(item: _Item, separator: str) -> str:
    """The part of the item the name is in, for deciding the section's layout."""
    text = item.text.split("\n")[0].split("\t")[0]
    if item.strong:
        return item.strong
    if separator in (DASH, SLASH):
        return _split_top(text, _separator_re(separator))[0]
    first = split_fields(_top_level_paren_free(text))
    return first[0] if first else text


def _looks_like_organisation(text: str) -> bool:
    bare = _TRAILING_PAREN.sub("", text).strip()
    if ORGANISATION_NAME.search(text):
        return True
    paren = _TRAILING_PAREN.search(text)
    if paren and _ACRONYM.match(paren.group(1).strip()):
        return True  # "Gulf Centre for Human Rights (GCHR)"
    return bool(_ACRONYM.match(bare)) and sum(ch.isalpha() for ch in bare) >= 2


@lru_cache(maxsize=8192)
def _capital_surname(name: str) -> str | None:
    """The surname a name writes in capitals ("DUPONT" in "DUPONT Jean", "ZEGAI" in "Houari
    ZEGAI"); None when all or none of its words are capitals."""
    name = name.split(",")[0]  # "Clare Walsh, MA": post-nominals are no surname
    words = [w for w in name.split() if any(ch.isalpha() for ch in w)]
    caps = [_is_caps(w) for w in words]
    if len(words) < 2 or all(caps) or not any(caps):
        return None
    runs = [i for i, c in enumerate(caps) if c]
    if runs != list(range(runs[0], runs[-1] + 1)):
        return None  # "Jean DE LA Fontaine X": not one run
    if runs[0] != 0 and runs[-1] != len(words) - 1:
        return None
    run = [words[i] for i in runs]
    if len(run) == 1 and POST_NOMINAL.match(run[0]):
        return None
    if not all(w[:1].isupper() for i, w in enumerate(words) if not caps[i]):
        return None  # "meysam gheysaryan IR": no name written in capitals and capitals
    return " ".join(run)


def _caps_first(name: str) -> bool:
    words = name.split()
    return bool(words) and _is_caps(words[0])


def _is_caps(word: str) -> bool:
    return word.isupper() and sum(ch.isalpha() for ch in word) >= 2


def _particle_positions(names: list[str]) -> tuple[int, int]:
    """(names that open with a particle and go on for two words, names with one inside)."""
    leading = middle = 0
    for name in names:
        words = [fold(w) for w in name.split()]
        lead = 0
        while lead < len(words) and words[lead] in PARTICLES:
            lead += 1
        if lead and len(words) - lead >= 2:
            leading += 1
        elif any(w in PARTICLES for w in words[1:-1]):
            middle += 1
    return leading, middle


def _describe(layout: _Layout) -> str:
    words = layout.separator
    if layout.inverted:
        words = words.replace("Name", "Surname, Given name", 1)
    elif layout.surname_first:
        surname = "SURNAME" if layout.capital_surnames else "Surname"
        words = words.replace("Name", f"{surname} Given name", 1)
    if layout.organisations:
        words = words.replace("Name", "Organisation", 1)
    return words


# --- reading one item ---------------------------------------------------------------------


def _read(item: _Item, layout: _Layout, notes: dict) -> EntryFields | None:
    text = _take_handles(item)
    text = _take_flags(item, text)
    text, pronouns = _take_pronouns(text)
    if pronouns:
        item.extra.append((PRONOUNS, pronouns))
    text, country = _take_from(item, text, layout)
    if item.strong or (item.links and layout.separator == LINK and _starts_with_link(item, text)):
        name, rest = _split_known_name(item, text)
        entry = _described(name, [rest] if rest else [])
    elif "\t" in text:
        cells = [c.strip() for c in text.split("\t") if c.strip()]
        entry = _described(cells[0], [", ".join(cells[1:])] if len(cells) > 1 else [])
    elif "\n" in text:
        first, *more = text.split("\n")
        entry = _described(first, more)
    else:
        entry = _read_line(text, item, layout, notes)
    if entry is None:
        return None
    return _finish(entry, item, layout, country)


def _read_line(text: str, item: _Item, layout: _Layout, notes: dict) -> EntryFields | None:
    """One line of text in the section's layout."""
    if layout.organisations:
        return _organisation(text)
    own = _separator_re(layout.separator)
    parts = _split_top(text, own)
    if layout.separator in (DASH, SLASH) and len(parts) > 1:
        name, role = _name_and_role(parts, text, own, layout)
        if name != parts[0]:
            _note(notes, f"was|were kept whole: {PSEUDONYM}", item.line)
        return _described(name, [role], keep_role=True)
    spaced = _spaced_separator(text)
    if spaced is not None:
        return spaced
    cjk = _CJK_NAME_ROLE.match(text) if layout.separator == CJK_SPACE else None
    if cjk:  # "李鵬飛 前立法局議員": in a section that writes so, the space separates
        return _described(cjk.group(1), [cjk.group(2)], keep_role=True)
    if layout.inverted and (inverted := _inverted_name(text)) is not None:
        return _inverted_entry(text, *inverted)
    entry = parse_entry(text)
    if entry.split_without_comma:
        _note(notes, f"has|have {NO_COMMA}", item.line)
    return EntryFields(entry.name, entry.role, entry.country, extra=entry.extra)


def _spaced_separator(text: str) -> EntryFields | None:
    """A " - " or " / " the section does not use: a split before a role ("Ann Lee - Senator"),
    else one name that holds it ("Idec - Instituto Brasileiro ..."); None without either."""
    found = False
    for pattern in (_SPACED_DASH, _SPACED_SLASH):
        pieces = _split_top(text, pattern)
        if len(pieces) < 2:
            continue
        found = True
        if _describes_person(pieces[-1]) and looks_like_name(pieces[0]):
            cut = pattern.search(_top_level(text))
            return _described(text[: cut.start()], [text[cut.end() :]], keep_role=True)
    return _whole_name(text) if found else None


def _inverted_entry(text: str, surname: str, given: str, rest: list[str]) -> EntryFields:
    """ "Doe, Jane, Lecturer (Kenya)": the name as written, its surname stated."""
    name, aside = _name_and_parenthesis(text)
    role, country, affiliation = _assign_fields(rest + (aside if name != text else []))
    extra = ((AFFILIATION, affiliation),) if affiliation else ()
    return EntryFields(f"{surname}, {given}", role, country, surname, extra)


def _whole_name(text: str) -> EntryFields:
    """A name that holds a separator ("Soni L. / SoniEx2 (GAnarchy)"): only a parenthesis
    at its end comes off, as the fields it holds."""
    name, aside = _name_and_parenthesis(text)
    if not aside:
        return EntryFields(text)
    role, country, affiliation = _assign_fields(aside)
    return EntryFields(
        name, role, country, extra=((AFFILIATION, affiliation),) if affiliation else ()
    )


def _organisation(text: str) -> EntryFields:
    """An organisation keeps its whole name; only a stated country comes off."""
    paren = _TRAILING_PAREN.search(text)
    if paren and is_country(paren.group(1)) and text[: paren.start()].strip():
        return EntryFields(text[: paren.start()].strip(), country=paren.group(1).strip())
    fields = split_fields(text)
    if len(fields) > 1 and is_country(fields[-1]):
        return EntryFields(", ".join(fields[:-1]), country=fields[-1])
    parts = _split_top(text, _SPACED_DASH)
    if len(parts) > 1 and is_country(parts[-1]):  # "Derechos Digitales - Chile"
        return EntryFields(text[: text.rindex(parts[-1])].rstrip(" " + _DASHES), country=parts[-1])
    return EntryFields(text)


def _name_and_role(
    parts: list[str], text: str, separator: re.Pattern[str], layout: _Layout
) -> tuple[str, str]:
    """Split at the first separator, unless the name would be one word where the section's
    names have more and the next part does not start like the section's roles (a pseudonym
    "Peha - Un Monde Riant - Vulgarisateur ...")."""
    cut = 1
    while (
        cut < len(parts) - 1
        and len(" ".join(parts[:cut]).split()) == 1
        and layout.name_words >= 2
        and not _starts_like_role(parts[cut], layout)
    ):
        cut += 1
    spans = [m for m in separator.finditer(_top_level(text))]
    if cut > len(spans):
        return parts[0], " - ".join(parts[1:])
    at = spans[cut - 1]
    return text[: at.start()].strip(), text[at.end() :].strip()


def _starts_like_role(part: str, layout: _Layout) -> bool:
    words = part.split()
    return bool(words) and (layout.role_starts[fold(words[0])] >= 2 or is_person_description(part))


def _describes_person(text: str) -> bool:
    fields = split_fields(text)
    return bool(fields) and (is_person_description(fields[0]) or is_country(fields[-1]))


def _described(name: str, descriptions: list[str], keep_role: bool = False) -> EntryFields:
    """A name and the text that describes the person; a role stays as written."""
    descriptions = [d for d in descriptions if d.strip()]
    if keep_role:
        role = " - ".join(descriptions)
        role, country = _role_and_country(role)
        entry = parse_entry(name) if _TRAILING_PAREN.search(name) else None
        if entry is not None:
            return EntryFields(entry.name, role or entry.role, country or entry.country,
                               extra=entry.extra)  # fmt: skip
        return EntryFields(name.strip(), role or None, country)
    entry = parse_described(name, descriptions)
    return EntryFields(entry.name, entry.role, entry.country, extra=entry.extra)


def _role_and_country(role: str) -> tuple[str, str | None]:
    """("Professeur, Université de Strasbourg", "France") for "..., Université de Strasbourg
    (France)"; a country as the last comma field too ("Member of Parliament, Kenya")."""
    paren = _TRAILING_PAREN.search(role) if role.endswith((")", "\uff09")) else None
    if paren and is_country(paren.group(1)):
        return role[: paren.start()].strip(" ,"), paren.group(1).strip()
    fields = split_fields(role)
    if len(fields) > 1 and is_country(fields[-1]):
        return role[: role.rindex(fields[-1])].strip(" ,"), fields[-1]
    if is_country(role):
        return "", role.strip()
    parts = _split_top(role, _SPACED_DASH)
    if len(parts) > 1 and is_country(parts[-1]):  # "Periodista – España"
        cut = list(_SPACED_DASH.finditer(_top_level(role)))[-1]
        return role[: cut.start()].strip(), parts[-1]
    return role, None


def _finish(
    entry: EntryFields, item: _Item, layout: _Layout, country: str | None
) -> EntryFields | None:
    name = _clean_name(entry.name)
    if not name:
        return None
    extra = [kv for k, v in (*entry.extra, *item.extra) for kv in _handles(*_alias(k, v))]
    if country is None and entry.country is None and item.flags:
        country = _flag_country(item.flags[0])
    country = entry.country or country
    family = entry.family_name or (None if layout.organisations else _family_name(name, layout))
    return EntryFields(name, entry.role, country, family, tuple(dict.fromkeys(extra)))


def _handles(key: str, value: str) -> list[tuple[str, str]]:
    """("handle", "@ucko") and ("affiliation", "Debian Developer") for the affiliation
    "@ucko, Debian Developer": a field that is an @-handle is kept as one."""
    if key != AFFILIATION or "@" not in value:
        return [(key, value)]
    fields = split_fields(value)
    handles = [f for f in fields if _AT_HANDLE.fullmatch(f)]
    rest = [f for f in fields if not _AT_HANDLE.fullmatch(f)]
    out = [(HANDLE, ", ".join(handles))] if handles else []
    return out + ([(AFFILIATION, ", ".join(rest))] if rest else [])


def _alias(key: str, value: str) -> tuple[str, str]:
    """("alias", "Monsieur Phi") for the affiliation "alias Monsieur Phi"."""
    match = ALIAS_RE.match(value) if key == AFFILIATION else None
    return (ALIAS, match.group(1)) if match else (key, value)


def _clean_name(name: str) -> str:
    if _MARKUP_CHARS.search(name):
        name = _MARKUP.sub("", name)
    name = " ".join(name.split())
    return name.strip(" ,;:/|" + _DASHES + "*_").rstrip(" ([{\uff08")  # "Freemor ((FSF ...)"


def _family_name(name: str, layout: _Layout) -> str | None:
    capitals = _capital_surname(name)
    if capitals is not None:
        return capitals
    if not layout.surname_first or layout.capital_surnames:
        return None
    words = name.split()
    lead = 0
    while lead < len(words) - 2 and fold(words[lead]) in PARTICLES:
        lead += 1
    if len(words) - lead != 2:
        return None  # "Sauvage Jean Pierre": where the surname ends is not stated
    return " ".join(words[:-1])


# --- links, flags, pronouns, "from" -------------------------------------------------------


def _take_handles(item: _Item) -> str:
    """Links that are not the name ("([1995parham](https://github.com/1995parham))") become
    a handle and a url field; a link that is the name ("[Jane Doe](url)") keeps its url."""
    text = item.text
    urls = [link.url for link in item.links if link.url]
    for i, url in enumerate(urls):
        item.extra.append((URL if i == 0 else f"{URL} {i + 1}", url))
    texts = [link.text.strip() for link in item.links if link.text.strip()]
    if not texts:
        return text
    paren = _TRAILING_PAREN.search(text)
    inner = paren.group(1).strip() if paren else ""
    if paren and paren.start() > 0 and inner and _only_links(inner, texts):
        item.extra.insert(0, (HANDLE, inner))
        return text[: paren.start()].rstrip()
    last = texts[-1]
    if text.endswith(last) and len(text) > len(last) and not _starts_with_link(item, text):
        item.extra.insert(0, (HANDLE, last))
        return text[: -len(last)].rstrip()
    # "Wilson Flores [wilsson](url) from Peru": a one-word link just before "from"
    for t in texts:
        before_from = re.search(rf"\s{re.escape(t)}(?=\s+(?:from|form)\b)", text, re.I)
        if " " not in t and before_from and before_from.start() > 0:
            item.extra.insert(0, (HANDLE, t))
            return text[: before_from.start()] + text[before_from.end() :]
    return text


def _only_links(inner: str, texts: list[str]) -> bool:
    """Whether a parenthesis holds nothing but link texts ("parnmatt GitLab, parnmatt GitHub")."""
    rest = inner
    for t in texts:
        if t not in rest:
            continue
        rest = rest.replace(t, "", 1)
    return rest != inner and not rest.strip(" ,;/|")


def _starts_with_link(item: _Item, text: str) -> bool:
    first = item.links[0].text.strip() if item.links else ""
    return bool(first) and text.startswith(first)


def _split_known_name(item: _Item, text: str) -> tuple[str, str]:
    """The bold part or the first link's text is the name; the rest describes."""
    name = item.strong or item.links[0].text.strip()
    rest = text[len(name) :] if text.startswith(name) else text.replace(name, "", 1)
    return name, rest.strip(" ,;:/|" + _DASHES + "\u2013")


def _take_flags(item: _Item, text: str) -> str:
    """Flag emoji, and the shortcodes GitHub draws as flags (":iran:", ":sn:"), set aside."""
    if ":" not in text and not _FLAG.search(text):
        return text
    for flag in _FLAG.findall(text):
        code = flag_code(flag)
        if code:
            item.flags.append(code)
    before = text
    text = _FLAG.sub(" ", text)
    for match in _SHORTCODE.finditer(text):
        code = _code_of(match.group(1).replace("_", " "))
        if code:
            item.flags.append(code)
            text = text.replace(match.group(0), " ")
    if text == before:
        return text
    return "\n".join(" ".join(line.split()) for line in text.split("\n"))


def _code_of(written: str) -> str | None:
    """A country's code from its name or its two-letter code as written ("IR", "sn")."""
    found = country_code(written)
    if found is None and len(written) == 2 and canonical_name(written):
        found = written.upper()
    return found


def _flag_country(code: str) -> str | None:
    return canonical_name(code)


def _take_pronouns(text: str) -> tuple[str, str | None]:
    match = PRONOUNS_RE.search(text) if "/" in text else None
    if not match:
        return text, None
    return " ".join((text[: match.start()] + text[match.end() :]).split()), match.group(1)


def _names_a_country(found: re.Match[str]) -> bool:
    """Whether "from X" names a country ("from Iran", "from the United States"): "Anna From",
    "Aa From Aa - Professor" are names that hold the word."""
    if found.group("word").lower() == "form":
        return False
    words = _THE.sub("", found.group("where") or "").split()
    return any(country_code(" ".join(words[:n]).strip(" ,;")) for n in (1, 2, 3))


def _take_from(item: _Item, text: str, layout: _Layout) -> tuple[str, str | None]:
    """("Jane Doe", "Iran") for "Jane Doe from Iran"; "form Iran" in a section that writes
    "from"; "Jane Doe Iran" where a flag says so; the text unchanged otherwise. In a section
    that writes "from", a place that is no country is kept as a field, not in the name."""
    lower = text.lower()
    stated = "from" in lower or "form" in lower or "aus" in lower
    match = _FROM.match(text) if stated else None
    if match and (match.group("word").lower() != "form" or layout.from_section):
        name = match.group("name").strip()
        where = _without_code((match.group("where") or "").strip(" ,;"))
        if where.startswith("the ") or not country_code(where):
            where = _THE.sub("", where)  # "the United States"; "The Netherlands" is a name
        codes = [_code_of(c) for c in _AND.split(where) if c] if where else []
        if codes and all(codes):
            if len(codes) > 1:
                item.extra.append((COUNTRIES, where))
            first = _AND.split(where)[0]
            return name, first if country_code(first) else canonical_name(codes[0] or "")
        if item.flags or layout.from_section:
            if where:
                item.extra.append((FROM_PLACE, where))
            return name, _flag_country(item.flags[0]) if item.flags else None
    if item.flags:
        words = text.split()
        for n in (3, 2, 1):  # "Bofei Wang China 🇨🇳"
            if len(words) > n and country_code(" ".join(words[-n:])) == item.flags[0]:
                return " ".join(words[:-n]), " ".join(words[-n:])
    return text, None


def _without_code(where: str) -> str:
    """ "Belgium" for "Belgium BE": a country followed by its own two-letter code."""
    head, _, code = where.rpartition(" ")
    if head and len(code) == 2 and country_code(head) == code.upper():
        return head
    return where


def _drop_link_paren(item: _Item) -> str:
    paren = _TRAILING_PAREN.search(item.text)
    return item.text[: paren.start()] if paren and item.links else item.text


# --- separators outside brackets ----------------------------------------------------------


def _separator_re(kind: str) -> re.Pattern[str]:
    return _SPACED_SLASH if kind == SLASH else _SPACED_DASH


@lru_cache(maxsize=4096)
def _top_level(text: str) -> str:
    """The text with bracketed and quoted parts blanked out (same length), so separators
    inside "(@cl - dbatools creator)" are not seen."""
    if not _OPENERS.search(text):
        return text
    out = []
    depth = 0
    quote = False
    for ch in text:
        if ch in "([\uff08\u201c" or (ch == '"' and not quote):
            depth += 1
            quote = quote or ch == '"'
            out.append(ch)
        elif ch in ")]\uff09\u201d" or (ch == '"' and quote):
            depth = max(0, depth - 1)
            quote = quote and ch != '"'
            out.append(ch)
        else:
            out.append("\u2591" if depth else ch)
    return "".join(out)


def _top_level_paren_free(text: str) -> str:
    paren = _TRAILING_PAREN.search(text)
    return text[: paren.start()] if paren and paren.start() > 0 else text


@lru_cache(maxsize=8192)
def _split_top(text: str, separator: re.Pattern[str]) -> list[str]:
    """The text split at separators outside brackets (a new list each time is not needed:
    callers only read it)."""
    parts, start = [], 0
    for match in separator.finditer(_top_level(text)):
        parts.append(text[start : match.start()].strip())
        start = match.end()
    parts.append(text[start:].strip())
    return [p for p in parts if p]


# --- one line of text: the rules for a single entry -------------------------------
@dataclass(frozen=True)
class Entry:
    """One parsed entry; ``split_without_comma`` says a name/affiliation split was guessed."""

    name: str
    role: str | None = None
    country: str | None = None
    extra: tuple[tuple[str, str], ...] = ()
    split_without_comma: bool = False


def strip_footnote_marks(text: str) -> str:
    """Footnote marks removed: "Unite Union* (Auckland)" -> "Unite Union (Auckland)"."""
    if _FOOTNOTE_CHARS.isdisjoint(text):
        return text
    return _FOOTNOTE_MARKS.sub("", text)


def split_fields(text: str) -> list[str]:
    """Comma-separated fields, ignoring commas inside brackets or quotes."""
    if not any(ch in text for ch in '([\uff08"\uff0c'):
        return [squeeze(f) for f in text.split(",") if f.strip()]
    fields: list[str] = []
    depth = 0
    quote = False
    start = 0
    for i, ch in enumerate(text):
        if ch in "([\uff08":
            depth += 1
        elif ch in ")]\uff09":
            depth = max(0, depth - 1)
        elif ch == '"':
            quote = not quote
        elif ch in ",\uff0c" and depth == 0 and not quote:
            fields.append(text[start:i])
            start = i + 1
    fields.append(text[start:])
    return [squeeze(f) for f in fields if f.strip()]


def is_bare_name(text: str) -> bool:
    """A name with nothing after it but post-nominals ("Teddy Baguilat, Jr.")."""
    return "," not in text or all(POST_NOMINAL.match(f) for f in split_fields(text)[1:])


def is_description(text: str) -> bool:
    """A line about a person rather than a name: "Director, Amnesty", "University of Ghana"."""
    first = split_fields(text)[:1]
    return bool(first) and bool(
        is_person_description(first[0]) or ORGANISATION_WORDS.search(first[0])
    )


def looks_like_name(text: str) -> bool:
    """A plausible name: short, with letters, mostly capitalised words (or CJK script)."""
    text = text.strip()
    if not text or len(text) > MAX_NAME_CHARS or not any(ch.isalpha() for ch in text):
        return False
    if _CJK.search(text):
        # Chinese, Japanese and Korean names are short and hold no grammatical particles.
        return len(text) <= 30 and text.count(" ") <= 2 and not _CJK_NOT_NAME.search(text)
    words = text.split()
    if len(words) > MAX_NAME_WORDS:
        return False
    lowercase = [w for w in words if w[:1].islower() and w.lower() not in PARTICLES]
    return len(lowercase) <= max(0, len(words) // 3)


def parse_entry(text: str) -> Entry:
    """Split one entry's text (list marker already removed) into name, role, country, extra."""
    text = squeeze(strip_footnote_marks(text)).strip(" ,;")
    extra: list[tuple[str, str]] = []
    pronouns = PRONOUNS_RE.search(text)
    if pronouns:
        extra.append((PRONOUNS, squeeze(pronouns.group(1))))
        text = squeeze(text[: pronouns.start()] + text[pronouns.end() :])
    name, rest, split_guess = _split_name(text)
    name, aside = _name_and_parenthesis(name)
    if aside and rest:  # "Jane Doe (Labour), MP for Leeds": the parenthesis says more
        role, country, affiliation = _assign_fields(rest)
        for item in aside:
            if is_country(item) and country is None:
                country = item
            elif is_person_description(item):
                role = ", ".join(filter(None, (item, role)))
            else:
                affiliation = ", ".join(filter(None, (item, affiliation)))
    else:
        role, country, affiliation = _assign_fields(aside or rest)
    if affiliation:
        extra.insert(0, (AFFILIATION, affiliation))
    return Entry(name, role, country, tuple(extra), split_guess)


def parse_described(name_line: str, descriptions: list[str]) -> Entry:
    """A name line followed by lines describing the person ("Director, Amnesty")."""
    entry = parse_entry(name_line)
    fields = [f for line in descriptions for f in split_fields(strip_footnote_marks(line))]
    role, country, affiliation = _assign_fields(fields)
    role = ", ".join(filter(None, (entry.role, role))) or None
    extra = list(entry.extra)
    if affiliation:
        before = dict(extra).get(AFFILIATION)
        extra = [(k, v) for k, v in extra if k != AFFILIATION]
        extra.insert(0, (AFFILIATION, ", ".join(filter(None, (before, affiliation)))))
    return Entry(entry.name, role, entry.country or country, tuple(extra))


def _split_name(text: str) -> tuple[str, list[str], bool]:
    """(name, the other fields, whether the split had to be guessed)."""
    dash = _DASH_SEPARATOR.search(_top_level(text))  # not inside "(@cl - dbatools)"
    if dash and "," not in text[: dash.start()]:
        return squeeze(text[: dash.start()]), split_fields(text[dash.end() :]), False
    fields = split_fields(text)
    if not fields:
        return "", [], False
    # After the name, a spaced dash separates fields too: "Senator \u2014 Philippines".
    name, rest = fields[0], [p for f in fields[1:] for p in _DASH_SEPARATOR.split(f) if p]
    while rest and POST_NOMINAL.match(rest[0]):
        name = f"{name}, {rest.pop(0)}"
    if not rest and not trailing_group(name):
        guessed = _split_before_institution(name)
        if guessed:
            return guessed[0], [guessed[1]], True
    return name, rest, False


def _split_before_institution(text: str) -> tuple[str, str] | None:
    """Split "Dr Megan Clayton University of Canterbury" before "University"."""
    match = _INSTITUTION_START.search(text)
    if not match:
        return None
    name, institution = text[: match.start()].strip(), match.group(1).strip()
    keyword = re.search(r"\b(University|College|Institute|School|Academy|Centre|Center"
                        r"|Hospital|Foundation|Union|Party|Council|Society|Association)\b",
                        institution)  # fmt: skip
    if keyword and keyword.start() > 0 and not institution[keyword.end() :].startswith(" of"):
        # "Jane Doe Durham University": one word of the institution's name goes with it.
        words = text[: match.start() + 1 + keyword.start()].split()
        if len(words) >= 3:
            name = " ".join(words[:-1])
            institution = f"{words[-1]} {institution[keyword.start() :]}"
        else:
            return None
    elif keyword and keyword.start() > 0:
        name = text[: match.start() + 1 + keyword.start()].strip()
        institution = institution[keyword.start() :]
    if len(name.split()) < 2 or not looks_like_name(name) or name.count("(") != name.count(")"):
        return None
    if len(institution.split()) < 2:  # "Anna Lee Center": a lone "Center" names nothing
        return None
    return name, institution


def _name_and_parenthesis(name: str) -> tuple[str, list[str]]:
    """("Jane Doe", ["Kenya"]) for "Jane Doe (Kenya)"; "(MP, Kenya)" gives both fields;
    "(née Smith)" stays part of the name."""
    asides: list[str] = []
    while (group := trailing_group(name)) and group[0] and not _BIRTH_NAME.match(group[1]):
        name = group[0]  # "Federico Hernandez (@recollir) (taskwarrior alumni)": both
        asides.insert(0, group[1])
    return name, [f for aside in asides for f in split_fields(aside)]


def trailing_group(text: str) -> tuple[str, str] | None:
    """("Jane Doe", "MEP (Piratpartiet), hobbyist") for "Jane Doe (MEP (Piratpartiet),
    hobbyist)": the text before a closing parenthesis group and what it holds, nested
    parentheses included."""
    text = text.rstrip()
    if not text.endswith((")", "\uff09")):
        return None
    while text.endswith(")") and text.count(")") > text.count("("):
        text = text[:-1]  # "Jaime Zhang (@TomorJM))": one closed too many
    depth = 0
    for i in range(len(text) - 1, -1, -1):
        ch = text[i]
        if ch in ")\uff09":
            depth += 1
        elif ch in "(\uff08":
            depth -= 1
            if depth == 0:
                inner = text[i + 1 : -1].strip()
                return (text[:i].strip(), inner) if inner else None
    return None


def _assign_fields(fields: list[str]) -> tuple[str | None, str | None, str | None]:
    """(role, country, affiliation) from the fields after the name."""
    fields = list(fields)
    country = None
    for i in range(len(fields) - 1, -1, -1):  # the last field that is (or ends in) a country
        country, rest = _trailing_country(fields[i])
        if country is not None:
            fields[i : i + 1] = [rest] if rest else []
            break
    role_fields: list[str] = []
    # A field is a role only when it says what a person is; an unknown word ("Greenpeace",
    # "Atlantis") is more often an organisation than a role, and is kept as written.
    while fields and is_person_description(fields[0]):
        role_fields.append(fields.pop(0))
    role = ", ".join(role_fields) or None
    affiliation = ", ".join(fields) or None
    return role, country, affiliation


def _trailing_country(field: str) -> tuple[str | None, str]:
    """("Kenya", "") for "Kenya"; ("Kenya", "MP") for "MP (Kenya)"; (None, field) otherwise."""
    if is_country(field):
        return field.strip(), ""
    match = _PAREN_TAIL.match(field)
    if match and is_country(match.group(2)):
        return match.group(2).strip(), match.group(1).strip()
    return None, field


# --- warnings -----------------------------------------------------------------------------


def _warnings(notes: dict[str, list[int | None]]) -> tuple[ImportWarning, ...]:
    """One warning per reason, naming the lines (the first ten) it is about."""
    out = []
    for reason, lines in notes.items():
        known = [str(k) for k in lines if k is not None]
        where = ""
        if known:
            more = f" and {len(known) - MAX_LISTED} more" if len(known) > MAX_LISTED else ""
            listed = ", ".join(known[:MAX_LISTED])
            where = f" (line{'s' if len(known) > 1 else ''} {listed}{more})"
        what = "1 entry" if len(lines) == 1 else f"{len(lines)} entries"
        if reason.startswith(LEFT_OUT):
            message = f"{what} left out: {reason.removeprefix(LEFT_OUT)}{where}."
        else:  # "has|have no comma ...": the verb agrees with the count
            one, _, many = reason.partition(" ")[0].partition("|")
            verb = one if len(lines) == 1 else many
            message = f"{what} {verb} {reason.partition(' ')[2]}{where}."
        first = next((k for k in lines if k is not None), None)
        out.append(ImportWarning(first, message))
    return tuple(out)


__all__ = [
    "AFFILIATION", "ALIAS", "COUNTRIES", "FROM_PLACE", "HANDLE", "PRONOUNS", "URL",
    "Entry", "EntryFields", "SectionFields",
    "is_bare_name", "is_description", "is_person_description", "looks_like_name",
    "parse_described", "parse_entry", "read_section", "split_fields", "strip_footnote_marks",
    "trailing_group",
]  # fmt: skip
