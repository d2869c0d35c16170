"""One signatory entry as a line of text: "Name, Role, Institution", "Name - Role", ...

The rules: the name comes first and keeps its titles and generational suffixes as written
("Dr. Sarah Abel", "Teddy Baguilat, Jr."); a country is taken only when it is recognisably
one (viewer.core.countries), never guessed from a city or a university; the first fields
that describe a person (a role word such as "Lecturer" or "organiser") are the role; the
fields after them ("University of Leeds", "SOAS", "Greenpeace") are the affiliation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from viewer.core.countries import is_country
from viewer.core.formats.letter_layout import ROLE_WORDS_RE
from viewer.core.textimport.textclean import squeeze

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
_PRONOUNS = re.compile(
    r"\s*[(\[]((?:she|he|they|ze|xe|zie|ey|it)(?:\s*/\s*(?:her|hers|him|his|them|theirs|they"
    r"|she|he|zir|hir|xem|em|its)){1,2})[)\]]",
    re.IGNORECASE,
)
_DASH_SEPARATOR = re.compile(r"\s+[-\u2013\u2014|]\s+")
_BIRTH_NAME = re.compile(r"\s*(n[ée]e|born|geb\.|formerly)\b", re.IGNORECASE)
_PAREN_TAIL = re.compile(r"^(.*?)\s*[(\uff08]([^()\uff08\uff09]+)[)\uff09]$")
# Post-nominals that belong to the name as written: "Jr.", "III", "PhD", "MBE", ...
_POST_NOMINAL = re.compile(
    r"^(?:(?:jr|sr|esq|phd|ph\.\s?d|dphil|md|ma|msc|mphil|mba|ba|bsc|llb|llm|lld|dsc|edd"
    r"|mbe|obe|cbe|kbe|dbe|ch|qc|kc|sc|frs|fba|frse|facss|frsa|frcp|fmedsci|freng|jp|rn)\.?"
    r"|i{2,3}|iv|vi{0,3})(?:[\s,]+(?:(?:phd|ma|msc|mbe|obe|cbe|qc|kc|frs|fba)\.?))*$",
    re.IGNORECASE,
)
_PERSON_WORDS = re.compile(
    r"\b(professor|prof|lecturer|reader|fellow|researcher|scientist|scholar|student"
    r"|candidate|doctoral|postdoc(toral)?|director|head|dean|chair|chairman|chairwoman"
    r"|chairperson|president|president-elect|vice-president|secretary|treasurer|leader"
    r"|co-leader|spokesperson|spokesman|spokeswoman|organiser|organizer|delegate|officer"
    r"|manager|coordinator|co-ordinator|editor|journalist|writer|author|columnist|activist"
    r"|campaigner|teacher|educator|lawyer|barrister|solicitor|attorney|judge|physician"
    r"|nurse|artist|founder|co-founder|ceo|trustee|advis[oe]r|consultant|analyst|emerit(us|a)"
    r"|instructor|tutor|principal|rector|chancellor|provost|pastor|priest|bishop|rabbi"
    r"|imam|reverend|economist|historian|sociologist|anthropologist|philosopher"
    r"|psychologist|engineer|architect|curator|librarian|archivist|unionist|volunteer"
    r"|retired|former|member|mp|mep|msp|mla|senator|councill?or|mayor|minister|deputy"
    r"|representative|legislator|parliamentarian|speaker|governor|ambassador|diplomat"
    r"|composer|musician|poet|novelist|filmmaker|photographer|actor|actress|doctor"
    r"|practitioner|clinician|midwife|worker|staff|employee|partner|expert|specialist"
    r"|commissioner|ombudsman|clerk)\b"
    "|(議員|议员|局長|局长|司長|司长|署長|署长|主席|教授|講師|讲师|總監|总监|會長|会长|委員|委员"
    "|律師|律师|醫生|医生|主任|院長|院长|校長|校长|社長|社长|部長|部长|記者|记者|作家|學者|学者)",
    re.IGNORECASE,
)
_ORGANISATION_WORDS = re.compile(
    r"\b(universit(y|ies|\u00e9|\u00e0|at|\u00e4t|ario|dad|ade)|college|institute|institut"
    r"|instituto|school|academy|centre|center|department|faculty|laborator(y|ies)|hospital"
    r"|foundation|trust|society|association|union|party|coalition|council|committee"
    r"|commission|ministry|league|federation|network|alliance|organi[sz]ation|ngo|charity"
    r"|campaign|company|ltd|inc|corporation|museum|library|church|collective|forum"
    r"|movement|agency|international)\b"
    "|(\u5927\u5b78|\u5927\u5b66|\u5b78\u9662|\u5b66\u9662|\u6703|\u4f1a|\u9ee8|\u515a)",
    re.IGNORECASE,
)
# Where an institution starts in a line that lacks the comma after the name.
_INSTITUTION_START = re.compile(
    r"\s((?:[A-Z][\w'&.-]*\s){0,3}?(?:University|College|Institute|School|Academy|Centre"
    r"|Center|Hospital|Foundation|Union|Party|Council|Society|Association)\b.*)$"
)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_CJK_NOT_NAME = re.compile("[的了是請请嗎吗呢：:，,。！？；]")
# Lower-case words that are part of names: "Ludwig van Beethoven", "Anwar bin Ibrahim".
_PARTICLES = frozenset(
    ("de", "da", "do", "dos", "das", "del", "della", "di", "du", "des", "van", "von", "der",
     "den", "ter", "ten", "le", "la", "el", "al", "bin", "binti", "bte", "ibn", "y", "e",
     "zu", "af", "av")
)  # fmt: skip


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
    return "," not in text or all(_POST_NOMINAL.match(f) for f in split_fields(text)[1:])


def is_person_description(text: str) -> bool:
    """True for a field that says what a person is ("Lecturer", "organiser Unite Union")."""
    return bool(_PERSON_WORDS.search(text) or ROLE_WORDS_RE.search(text))


def is_description(text: str) -> bool:
    """A line about a person rather than a name: "Director, Amnesty", "University of Ghana"."""
    first = split_fields(text)[:1]
    return bool(first) and bool(
        is_person_description(first[0]) or _ORGANISATION_WORDS.search(first[0])
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
    lowercase = [w for w in words if w[:1].islower() and w.lower() not in _PARTICLES]
    return len(lowercase) <= max(0, len(words) // 3)


def parse_entry(text: str) -> Entry:
    """Split one entry's text (list marker already removed) into name, role, country, extra."""
    text = squeeze(strip_footnote_marks(text)).strip(" ,;")
    extra: list[tuple[str, str]] = []
    pronouns = _PRONOUNS.search(text)
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
    dash = _DASH_SEPARATOR.search(text)
    if dash and "," not in text[: dash.start()]:
        return squeeze(text[: dash.start()]), split_fields(text[dash.end() :]), False
    fields = split_fields(text)
    if not fields:
        return "", [], False
    # After the name, a spaced dash separates fields too: "Senator \u2014 Philippines".
    name, rest = fields[0], [p for f in fields[1:] for p in _DASH_SEPARATOR.split(f) if p]
    while rest and _POST_NOMINAL.match(rest[0]):
        name = f"{name}, {rest.pop(0)}"
    if not rest and not _PAREN_TAIL.match(name):
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
    return name, institution


def _name_and_parenthesis(name: str) -> tuple[str, list[str]]:
    """("Jane Doe", ["Kenya"]) for "Jane Doe (Kenya)"; "(MP, Kenya)" gives both fields."""
    match = _PAREN_TAIL.match(name)
    if not match or not match.group(1).strip() or _BIRTH_NAME.match(match.group(2)):
        return name, []
    return match.group(1).strip(), split_fields(match.group(2))


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
