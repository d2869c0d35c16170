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
  as None, and a warning says so.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from viewer.core.countries import canonical_name, country_code, flag_code, is_country
from viewer.core.entries import (
    AFFILIATION,
    PRONOUNS,
    is_person_description,
    looks_like_name,
    parse_described,
    parse_entry,
    split_fields,
    strip_footnote_marks,
)
from viewer.core.folding import fold
from viewer.core.model import ImportWarning
from viewer.core.textimport.blocks import Inline, Link

URL = "url"
HANDLE = "handle"
COUNTRIES = "countries"
FROM_PLACE = "from"
MAX_LISTED = 10  # line numbers named in one warning
MIN_SHARE = 0.4  # share of a section's entries that makes a separator the section's own
MAX_PROSE_WORDS = 30

# Layouts, in the words the plan and the warnings use.
COMMA, DASH, SLASH, STRONG, LINK, FROM, PAREN, LINES, CELLS, BARE = (
    "Name, Role, Institution", "Name - Role", "Name / Role", "**Name** / Role",
    "[Name](url)", "Name from Country", "Name (Affiliation)", "Name, then Role on the next line",
    "Name, then a cell per field", "Name",
)  # fmt: skip

_DASHES = "-\u2013\u2014"
_SPACED_DASH = re.compile(r"\s+([\-\u2013\u2014|])\s+")
_SPACED_SLASH = re.compile(r"\s+/\s+")
_OPENERS = re.compile('[(\\[\uff08\u201c"]')
_SHORTCODE = re.compile(r":([a-z][a-z_]{1,30}):")
_FLAG = re.compile(r"[\U0001F1E6-\U0001F1FF]{2}|\U0001F3F4[\U000E0061-\U000E007A]+\U000E007F")
_TRAILING_PAREN = re.compile(r"\s*[(\uff08]([^()\uff08\uff09]*)[)\uff09]?\s*$")
_BARE_URL = re.compile(r"^(?:<?(?:https?://|www\.)\S+>?|\S+@\S+\.\w+)$", re.IGNORECASE)
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~<>])")
_MARKUP = re.compile(r"\*\*|__|`|<[^>]*>|\[(?=[^\]]*\]\()|\]\([^)]*\)")
_LEADING_MARK = re.compile(r"^(?:[-*+\u2022\u00b7]\s+|\d{1,5}[.)]\s+)")
_OTHERS = re.compile(
    r"^(?:\.{3}|\u2026|etc\.?|(?:and|&|\+|plus|et|und|y|e|и)\s+(?:about\s+|over\s+|some\s+"
    r"|more than\s+|plus de\s+|über\s+|mehr als\s+|más de\s+|mais de\s+|oltre\s+)?"
    r"(?:\d[\d,.\s\u00a0\u202f]*\s*)?(?:many\s+|several\s+|other\s+|more\s+|weitere\s+"
    r"|autres\s+|otros\s+|outros\s+|altri\s+|другие\s+)?(?:others?|more|signatories|signers"
    r"|people|names|autres|weitere|andere|otros|otras|outros|altri|другие|других)\b.*)$"
    r"|^(?:\d[\d,.\s]*\s*)?(?:more|others|autres|weitere)\s*(?:\.{3}|\u2026)?$"
    r"|^(?:等|以及其他|及其他|ほか|他)\s*\d*\s*(?:人|名|位)?$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?\u3002\uff01\uff1f]$")
_FROM = re.compile(r"^(?P<name>.+?)[\s,]+(?P<word>from|form|aus)(?:\s+(?P<where>.*))?$", re.I)
_THE = re.compile(r"^(?:the|la|le|les|el|los|die|der)\s+", re.IGNORECASE)
_AND = re.compile(r"\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b)\s*", re.IGNORECASE)
_ACRONYM = re.compile(r"^[A-Z0-9][A-Z0-9&.\-]{1,9}$")
_ORGANISATION = re.compile(
    r"\b(universit(?:y|ies|é|à|at|ät|ario|dad|ade)|college|institut[eo]?|istituto|school"
    r"|academy|acad[ée]mie|centre|center|centro|department|laborator(?:y|ies)|laboratoire"
    r"|hospital|foundation|fundaci[oó]n|funda[çc][ãa]o|fondation|fondazione|stiftung|trust"
    r"|society|soci[ée]t[ée]|association|associa[çc][ãa]o|asociaci[oó]n|associazione"
    r"|verein|verband|union|party|parti|partei|partido|coalition|council|committee|comit[ée]"
    r"|comitato|commission|ministry|league|federation|f[ée]d[ée]ration|network|r[ée]seau"
    r"|rede|red|alliance|organi[sz]ation|organiza[çc][ãa]o|organizaci[oó]n|ngo|ong|charity"
    r"|campaign|company|ltd|inc|gmbh|corporation|museum|library|church|collective|collectif"
    r"|coletivo|colectivo|forum|f[oó]rum|movement|movimiento|movimento|agency|international"
    r"|internacional|watch|project|initiative|observatory|observatorio|observatoire|group"
    r"|groupe|grupo|press|media|news|lab|labs|foundation|cooperative|coop|syndicat"
    r"|sindicato|gewerkschaft|digital|rights|derechos|direitos|droits)\b"
    "|(大學|大学|學院|学院|協會|协会|協会|基金會|基金会|組織|组织|團體|团体|団体|聯盟|联盟|黨|党)",
    re.IGNORECASE,
)
_ORGANISATION_HEADING = re.compile(
    r"organi[sz]ations?|organisationen|organizaciones|organiza[çc][õo]es|organizzazioni"
    r"|institutions|associations|groups|groupes|entidades|verb[äa]nde|companies|ngos|ong"
    r"|團體|团体|団体|機構|机构|組織|组织|المنظمات|организации",
    re.IGNORECASE,
)
_SURNAME_FIRST_HEADING = re.compile(
    r"nom\s*,?\s*pr[ée]nom|surname|last name\s*,\s*first name|name\s*,\s*vorname"
    r"|apellidos?\s*,\s*nombre|cognome\s*,?\s*nome|фамилия",
    re.IGNORECASE,
)
_PARTICLES = frozenset(
    ("de", "da", "do", "dos", "das", "del", "della", "di", "du", "des", "van", "von", "der",
     "den", "ter", "ten", "le", "la", "el", "al", "bin", "ibn", "zu", "af", "av", "dal",
     "dalla", "lo", "mac", "ben", "d'", "l'")
)  # fmt: skip
_POST_NOMINAL = re.compile(r"^(?:jr|sr|i{2,3}|iv|phd|md|mp|mep|qc|kc|obe|mbe|cbe)\.?$", re.I)


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


def read_section(items: Sequence[Inline], heading: str | None = None) -> SectionFields:
    """Decide the section's field layout from all its items, then read each item in it."""
    prepared = [_prepare(item) for item in items]
    live = [p for p in prepared if p.skip is None]
    layout = _decide(live, heading)
    notes: dict[str, list[int | None]] = {}
    entries: list[EntryFields | None] = []
    for item in prepared:
        if item.skip is not None:
            notes.setdefault(item.skip, []).append(item.line)
            entries.append(None)
            continue
        entry = _read(item, layout, notes)
        if entry is None:
            notes.setdefault("no name is left once its other fields are read", []).append(item.line)
        entries.append(entry)
    return SectionFields(tuple(entries), _describe(layout), _warnings(notes))


# --- preparing an item ------------------------------------------------------------------


def _prepare(inline: Inline) -> _Item:
    text = _MD_ESCAPE.sub(r"\1", inline.text.replace("\u00a0", " ").replace("\r", ""))
    lines = [" ".join(strip_footnote_marks(ln).split()) for ln in text.split("\n")]
    text = "\n".join(ln for ln in lines if ln).strip()
    text = _LEADING_MARK.sub("", text) if _LEADING_MARK.match(text) and " " in text else text
    strong = next((s.strip() for s in inline.strong[:1] if s.strip()), None)
    item = _Item(text, inline.line, inline.links, None)
    if strong and text.startswith(strong) and len(text) > len(strong):
        item.strong = strong
    item.skip = _skip_reason(text, inline.links)
    return item


def _skip_reason(text: str, links: tuple[Link, ...]) -> str | None:
    """Why an item is not a signatory (None when it may be one)."""
    bare = _FLAG.sub("", text).strip(" .,;:-\u2013\u2014*_()[]")
    if not bare:
        return "an empty item"
    if _BARE_URL.match(bare) or any(bare == link.url for link in links):
        return "a link, not a name"
    if _OTHERS.match(bare):
        return "a note about further signatories"
    if not any(ch.isalnum() for ch in bare):
        return "no name in it"
    words = bare.split()
    if len(words) >= MAX_PROSE_WORDS or (len(words) >= 14 and _SENTENCE_END.search(bare)):
        return "a sentence, not an entry"
    return None


# --- deciding the section's layout ------------------------------------------------------


def _decide(items: list[_Item], heading: str | None) -> _Layout:
    counts: Counter[str] = Counter(_separator_of(item) for item in items)
    total = max(1, len(items))
    separator = BARE
    for kind, n in counts.most_common():
        if kind != BARE and n / total >= MIN_SHARE:
            separator = kind
            break
    heads = [_head(item, separator) for item in items]
    organisations = bool(heading and _ORGANISATION_HEADING.search(heading)) or (
        sum(_looks_like_organisation(h) for h in heads) / total > 0.5
    )
    capitals = sum(_capital_surname(h) is not None for h in heads)
    leading, middle = _particle_positions(heads)
    surname_first = not organisations and (
        bool(heading and _SURNAME_FIRST_HEADING.search(heading))
        or (capitals / total > 0.5 and all(_caps_first(h) for h in heads if _capital_surname(h)))
        or (leading >= 3 and leading > 2 * middle)
    )
    from_section = counts[FROM] / total >= MIN_SHARE
    role_starts: Counter[str] = Counter()
    if separator in (DASH, SLASH):
        for item in items:
            parts = _split_top(item.text, _separator_re(separator))
            if len(parts) > 1 and parts[1].split():
                role_starts[fold(parts[1].split()[0])] += 1
    words = [len(h.split()) for h in heads if h]
    return _Layout(
        separator,
        organisations,
        surname_first,
        capitals / total > 0.5,
        from_section,
        role_starts,
        statistics.median(words) if words else 0.0,
    )


def _separator_of(item: _Item) -> str:
    """The separator this item's fields use, most telling first."""
    text = item.text
    if "\t" in text:
        return CELLS
    if item.strong:
        return STRONG
    if item.links and text.startswith(item.links[0].text) and item.links[0].text.strip():
        return LINK
    if _FLAG.search(text) or _FROM.match(_drop_link_paren(item)):
        return FROM
    if "\n" in text:
        return LINES
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
    if _ORGANISATION.search(text):
        return True
    paren = _TRAILING_PAREN.search(text)
    if paren and _ACRONYM.match(paren.group(1).strip()):
        return True  # "Gulf Centre for Human Rights (GCHR)"
    return bool(_ACRONYM.match(bare)) and sum(ch.isalpha() for ch in bare) >= 2


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
    if len(run) == 1 and _POST_NOMINAL.match(run[0]):
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
        if len(words) >= 3 and words[0] in _PARTICLES and words[1] not in _PARTICLES:
            leading += 1
        elif any(w in _PARTICLES for w in words[1:-1]):
            middle += 1
    return leading, middle


def _describe(layout: _Layout) -> str:
    words = layout.separator
    if layout.surname_first:
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
    dash = _separator_re(DASH if layout.separator != SLASH else SLASH)
    parts = _split_top(text, dash)
    if layout.separator in (DASH, SLASH) and len(parts) > 1:
        name, role = _name_and_role(parts, text, dash, layout)
        if name != parts[0]:
            notes.setdefault(
                "kept whole as a name: it holds the separator itself (a pseudonym)", []
            ).append(item.line)
        return _described(name, [role], keep_role=True)
    other = _split_top(text, _separator_re(SLASH if layout.separator != SLASH else DASH))
    for pieces in (parts, other):
        if len(pieces) > 1 and _describes_person(pieces[-1]) and looks_like_name(pieces[0]):
            return _described(pieces[0], [" - ".join(pieces[1:])], keep_role=True)
    if len(parts) > 1 or len(other) > 1:
        return EntryFields(text)  # "Idec - Instituto Brasileiro ...": one name
    entry = parse_entry(text)
    if entry.split_without_comma:
        notes.setdefault(
            "no comma between the name and the affiliation; split before the institution", []
        ).append(item.line)
    return EntryFields(entry.name, entry.role, entry.country, extra=entry.extra)


def _organisation(text: str) -> EntryFields:
    """An organisation keeps its whole name; only a stated country comes off."""
    paren = _TRAILING_PAREN.search(text)
    if paren and is_country(paren.group(1)) and text[: paren.start()].strip():
        return EntryFields(text[: paren.start()].strip(), country=paren.group(1).strip())
    fields = split_fields(text)
    if len(fields) > 1 and is_country(fields[-1]):
        return EntryFields(", ".join(fields[:-1]), country=fields[-1])
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
        role, country = _trailing_country(role)
        entry = parse_entry(name) if _TRAILING_PAREN.search(name) else None
        if entry is not None:
            return EntryFields(entry.name, role or entry.role, country or entry.country,
                               extra=entry.extra)  # fmt: skip
        return EntryFields(name.strip(), role or None, country)
    entry = parse_described(name, descriptions)
    return EntryFields(entry.name, entry.role, entry.country, extra=entry.extra)


def _trailing_country(role: str) -> tuple[str, str | None]:
    """("Professeur, Université de Strasbourg", "France") for "..., Université de Strasbourg
    (France)"; a country as the last comma field too ("Member of Parliament, Kenya")."""
    paren = _TRAILING_PAREN.search(role)
    if paren and is_country(paren.group(1)):
        return role[: paren.start()].strip(" ,"), paren.group(1).strip()
    fields = split_fields(role)
    if len(fields) > 1 and is_country(fields[-1]):
        return role[: role.rindex(fields[-1])].strip(" ,"), fields[-1]
    if is_country(role):
        return "", role.strip()
    return role, None


def _finish(
    entry: EntryFields, item: _Item, layout: _Layout, country: str | None
) -> EntryFields | None:
    name = _clean_name(entry.name)
    if not name:
        return None
    extra = [*entry.extra, *item.extra]
    if country is None and entry.country is None and item.flags:
        country = _flag_country(item.flags[0])
    country = entry.country or country
    family = None if layout.organisations else _family_name(name, layout)
    return EntryFields(name, entry.role, country, family, tuple(dict.fromkeys(extra)))


def _clean_name(name: str) -> str:
    name = _MARKUP.sub("", name)
    return " ".join(name.split()).strip(" ,;:/|" + _DASHES + "*_")


def _family_name(name: str, layout: _Layout) -> str | None:
    capitals = _capital_surname(name)
    if capitals is not None:
        return capitals
    if not layout.surname_first or layout.capital_surnames:
        return None
    words = name.split()
    lead = 0
    while lead < len(words) - 2 and fold(words[lead]) in _PARTICLES:
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
    for flag in _FLAG.findall(text):
        code = flag_code(flag)
        if code:
            item.flags.append(code)
    text = _FLAG.sub(" ", text)
    for match in _SHORTCODE.finditer(text):
        code = _code_of(match.group(1).replace("_", " "))
        if code:
            item.flags.append(code)
            text = text.replace(match.group(0), " ")
    return " ".join(text.split())


def _code_of(written: str) -> str | None:
    """A country's code from its name or its two-letter code as written ("IR", "sn")."""
    found = country_code(written)
    if found is None and len(written) == 2 and canonical_name(written):
        found = written.upper()
    return found


def _flag_country(code: str) -> str | None:
    return canonical_name(code)


def _take_pronouns(text: str) -> tuple[str, str | None]:
    match = _PRONOUN_RE.search(text)
    if not match:
        return text, None
    return " ".join((text[: match.start()] + text[match.end() :]).split()), match.group(1)


_PRONOUN_RE = re.compile(
    r"\s*[(\[]((?:she|he|they|ze|xe|zie|ey|it|elle|il|iel|sie|er)(?:\s*/\s*(?:her|hers|him"
    r"|his|them|theirs|they|she|he|zir|hir|xem|em|its|elle|il|iel|ihr|sie|ihm|er)){1,2})[)\]]",
    re.IGNORECASE,
)


def _take_from(item: _Item, text: str, layout: _Layout) -> tuple[str, str | None]:
    """("Jane Doe", "Iran") for "Jane Doe from Iran"; "form Iran" in a section that writes
    "from"; "Jane Doe Iran" where a flag says so; the text unchanged otherwise. In a section
    that writes "from", a place that is no country is kept as a field, not in the name."""
    match = _FROM.match(text)
    if match and (match.group("word").lower() != "form" or layout.from_section):
        name = match.group("name").strip()
        where = _without_code(_THE.sub("", (match.group("where") or "").strip(" ,;")))
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


# --- warnings -----------------------------------------------------------------------------


def _warnings(notes: dict[str, list[int | None]]) -> tuple[ImportWarning, ...]:
    out = []
    for reason, lines in notes.items():
        n = len(lines)
        known = [str(k) for k in lines if k is not None]
        where = ""
        if known:
            more = f" and {len(known) - MAX_LISTED} more" if len(known) > MAX_LISTED else ""
            where = f" (line{'s' if len(known) > 1 else ''} {', '.join(known[:MAX_LISTED])}{more})"
        what = "1 entry" if n == 1 else f"{n} entries"
        if reason.startswith(("kept whole", "no comma")):
            message = f"{what}: {reason}{where}."
        else:
            message = f"{what} left out: {reason}{where}."
        first = next((k for k in lines if k is not None), None)
        out.append(ImportWarning(first, message[0].upper() + message[1:]))
    return tuple(out)


__all__ = ["AFFILIATION", "EntryFields", "SectionFields", "read_section"]
