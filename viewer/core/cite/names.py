"""How a signatory's name is cited: its parts, and how they were decided.

In order: the parts the document states (a signatory's name_parts, its family_name from a
JSON field or a CSV "last name" column, or a family name written in capitals, "HUANG
Xueqin"); then a small, fixed set of rules for names whose order is not in doubt (Latin
script, "Given Family", with particles such as van, de, von, da kept with the family name);
otherwise the name stays as written. Titles before a name ("Dr.", "Professor", "Sir") and
post-nominals after it ("MP", "PhD", "OBE") are taken off in every case: no style cites them.
Generational suffixes ("Jr.", "III") are kept as the suffix.

The rules leave as written: names not in Latin script; one-word names; names with a
patronymic or a Malay title (bin, binti, a/l, anak, Abdul, Haji, Datuk ...); names of
signatories from countries where "Given Family" is not the rule for names in Latin script
(Malaysia, Singapore, Indonesia, China, Hungary, Iceland ...: the name's order, or whether
it has a family name at all, depends on the person); names with two Spanish surnames (three
words or more, from a Spanish-speaking country); a given name like "Cheuk-yan" (a romanised
Chinese given name after the family name); and, where the list states countries, a signatory
whose country it does not state.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from viewer.core.model import NameParts, Signatory

DOCUMENT = "stated in the document"
RULE = "Given Family (rule)"
AS_WRITTEN = "as written"

_TITLES = (
    "dr", "prof", "professor", "mr", "mrs", "ms", "miss", "mx", "sir", "dame", "lord", "lady",
    "rev", "revd", "reverend", "hon", "honourable", "honorable", "rt hon", "rt. hon", "cllr",
    "councillor", "senator", "datuk", "dato", "dato'", "datin", "tun", "yb", "tan sri",
    "puan sri", "toh puan", "datuk seri", "dato' seri", "yang berhormat", "priv.-doz",
    "dipl.-ing", "assoc. prof", "associate professor", "emeritus professor", "professor emeritus",
    "prof. dr", "prof. em", "dr. h.c",
)  # fmt: skip
_POST_NOMINALS = (
    "MP", "MEP", "MSP", "MLA", "MPP", "MNA", "MHA", "TD", "PhD", "Ph.D.", "DPhil", "D.Phil.",
    "MD", "M.D.", "OBE", "MBE", "CBE", "KBE", "DBE", "FRS", "FBA", "FRSE", "FRSA", "QC",
    "KC", "Esq", "Esq.", "MA", "MSc", "BA", "BSc", "LLM", "LLB", "JP", "PC",
)  # fmt: skip
_SUFFIXES = ("Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV", "Jnr", "Snr")
PARTICLES = (
    "van", "von", "de", "da", "di", "du", "del", "della", "der", "den", "dos", "das", "do",
    "la", "le", "ter", "ten", "zu", "af", "av", "st", "st.",
)  # fmt: skip
# A token that makes a name patronymic (no family name) or marks a Malay title.
PATRONYMIC = (
    "bin", "binti", "bte", "bt", "b.", "a/l", "a/p", "anak", "ibn", "bint", "abdul", "abd",
    "haji", "hajah", "hajjah", "syed", "sharifah", "wan", "nik", "tengku", "raja", "mohd", "md",
    "shaik", "shaikh", "sheikh",
)  # fmt: skip
# Countries whose names in Latin script are not "Given Family" as a rule.
NOT_GIVEN_FAMILY = (
    "malaysia", "singapore", "brunei", "indonesia", "cambodia", "myanmar", "burma", "thailand",
    "laos", "vietnam", "viet nam", "china", "taiwan", "hong kong", "macau", "macao", "japan",
    "korea", "south korea", "north korea", "republic of korea", "mongolia", "hungary",
    "iceland", "bhutan", "afghanistan", "eritrea", "ethiopia", "somalia",
)  # fmt: skip
TWO_SURNAMES = (
    "spain", "mexico", "argentina", "chile", "colombia", "peru", "venezuela", "ecuador",
    "bolivia", "paraguay", "uruguay", "cuba", "guatemala", "honduras", "el salvador",
    "nicaragua", "costa rica", "panama", "dominican republic", "puerto rico",
)  # fmt: skip

_TITLE_SET = frozenset(_TITLES)
_TITLE_FIRST = frozenset(t.split()[0].rstrip(".") for t in _TITLES)  # a quick first look
# Matched as written: "MA" is a post-nominal, "Ma" a family name; "II" a suffix, "Ii" not.
_POST_SET = frozenset(_POST_NOMINALS)
_SUFFIX_SET = frozenset(_SUFFIXES)
_PARTICLE_SET = frozenset(PARTICLES)
_PATRONYMIC_SET = frozenset(PATRONYMIC)
_LATIN_WORD = re.compile(r"^[\"“‘'(]?[^\W\d_][\w'’.\-]*[\"”’')]?$")
_NICKNAME = re.compile(r"^[\"“‘'(].*[\"”’')]$")


@dataclass(frozen=True)
class CitedName:
    """A name as the styles use it: its parts (None where undecided), how they were decided."""

    literal: str  # the name as written, without titles and post-nominals
    parts: NameParts
    how: str  # DOCUMENT, RULE or AS_WRITTEN
    reason: str  # why: a plain phrase for the "Names" review and the README
    family_first: bool = False  # written family name first ("Chong Chieng Jen")


def cited_name(s: Signatory, countries_stated: bool = False) -> CitedName:
    """The parts of s's name, decided as the module docstring says."""
    honorific, core, suffix = split_titles(" ".join(s.name.split()))
    if s.name_parts and s.name_parts.family:
        return _stated(with_suffix(core, suffix), s.name_parts, honorific, suffix)
    if s.family_name:
        found = _split_at(core, " ".join(s.family_name.split()), honorific, suffix)
        if found:
            return found
        kept = NameParts(honorific=honorific, suffix=suffix)
        return CitedName(with_suffix(core, suffix), kept, AS_WRITTEN,
                         "the stated family name is not in the name")  # fmt: skip
    capitals = _capital_family(core)
    if capitals:
        found = _split_at(core, capitals, honorific, suffix, title_case=True)
        if found:
            return found
    return _by_rule(core, honorific, suffix, s.country, countries_stated)


def split_titles(name: str) -> tuple[str | None, str, str | None]:
    """(titles and post-nominals, the name, suffix): "Dr. Sarah Abel" -> ("Dr.", "Sarah Abel",
    None); "Teddy Baguilat, Jr." -> (None, "Teddy Baguilat", "Jr.")."""
    words = name.replace(",", " , ").split()
    before: list[str] = []
    while len(words) > 1 and _is_title(words, before):
        pass
    after: list[str] = []
    suffix = None
    while len(words) > 1:
        last = words[-1].rstrip(",")
        if last == "":
            words.pop()
        elif last in _POST_SET:
            after.insert(0, words.pop())
        elif last in _SUFFIX_SET and suffix is None:
            suffix = words.pop()
        else:
            break
    core = " ".join(words).replace(" , ", ", ").strip(" ,")
    honorific = " ".join([*before, *after]) or None
    return honorific, core or name, suffix


def with_suffix(core: str, suffix: str | None) -> str:
    """The name as cited when not inverted: "Teddy Baguilat, Jr."."""
    return f"{core}, {suffix}" if suffix else core


def _is_title(words: list[str], before: list[str]) -> bool:
    """Move one title (of one to three words) from the start of words to before."""
    if words[0].lower().rstrip(".") not in _TITLE_FIRST:
        return False
    for n in (3, 2, 1):
        if len(words) <= n:
            continue
        head = " ".join(words[:n])
        key = head.lower().rstrip(".")
        if key in _TITLE_SET or head.lower() in _TITLE_SET:
            before.append(head)
            del words[:n]
            return True
    return False


def _stated(core: str, p: NameParts, honorific: str | None, suffix: str | None) -> CitedName:
    parts = NameParts(
        given=p.given,
        family=p.family,
        particle=p.particle,
        suffix=p.suffix or suffix,
        honorific=p.honorific or honorific,
    )
    family_first = (
        bool(p.given) and core.startswith(p.family or "") and not core.startswith(p.given or "")
    )
    return CitedName(core, parts, DOCUMENT, "name parts stated in the document", family_first)


def _split_at(
    core: str, family: str, honorific: str | None, suffix: str | None, title_case: bool = False
) -> CitedName | None:
    """The name split at its stated family name; None where the family name is not in it."""
    m = re.search(rf"(?:^|(?<=[\s,])){re.escape(family)}(?=$|[\s,])", core)
    if not m:
        return None
    before = core[: m.start()].strip().rstrip(",").strip()
    after = core[m.end() :].strip()
    shown = _capitalised(family) if title_case else family
    literal = core[: m.start()] + shown + core[m.end() :] if title_case else core
    reason = "family name in capitals" if title_case else "family name stated in the document"
    if after.startswith(","):  # "Santiago, Jr" with a suffix the list does not know
        suffix, after = suffix or after[1:].strip() or None, ""
    else:
        literal = with_suffix(literal, suffix)
    if before and after:
        return None  # the family name in the middle: no safe split
    given = before or after or None
    parts = NameParts(given=given, family=shown, suffix=suffix, honorific=honorific)
    return CitedName(literal, parts, DOCUMENT, reason, family_first=bool(after))


def _capital_family(core: str) -> str | None:
    """A family name written in capitals at the start or end of a mixed-case name."""
    words = core.split()
    if len(words) < 2:
        return None
    caps = [_is_capitals(w) for w in words]
    if all(caps) or not any(caps):
        return None
    if caps[0] and not any(caps[1:]):
        return words[0]
    if caps[-1] and not any(caps[:-1]):
        return words[-1]
    return None


def _is_capitals(word: str) -> bool:
    # str.isupper: every cased letter a capital (and one at least); two letters, no initial
    return word.isupper() and "." not in word and sum(c.isalpha() for c in word) >= 2


def _capitalised(word: str) -> str:
    return "-".join(p[:1].upper() + p[1:].lower() for p in word.split("-"))


def _by_rule(
    core: str,
    honorific: str | None,
    suffix: str | None,
    country: str | None,
    countries_stated: bool,
) -> CitedName:
    kept = NameParts(honorific=honorific, suffix=suffix)
    reason = _undecidable(core, country, countries_stated)
    if reason:
        return CitedName(with_suffix(core, suffix), kept, AS_WRITTEN, reason)
    words = core.split()
    i = len(words) - 1
    while i > 1 and words[i - 1].lower() in _PARTICLE_SET:
        i -= 1
    particle = " ".join(words[i:-1]) or None
    parts = NameParts(
        given=" ".join(words[:i]), family=words[-1], particle=particle, suffix=suffix,
        honorific=honorific,
    )  # fmt: skip
    return CitedName(with_suffix(core, suffix), parts, RULE, "Latin-script name, given name first")


def _undecidable(core: str, country: str | None, countries_stated: bool) -> str | None:
    """Why the rules cannot decide the name's order; None when they can."""
    words = core.split()
    folded = (country or "").strip().lower()
    if not core.isascii() and not all(map(_is_latin, core)):
        return "not in Latin script"
    if len(words) < 2:
        return "one name only"
    if not all(_LATIN_WORD.match(w) for w in words) or "," in core:
        return "not a plain given and family name"
    if any(w.lower() in _PATRONYMIC_SET for w in words):
        return "a patronymic name or a Malay title"
    if folded in NOT_GIVEN_FAMILY:
        return f"names from {country} are not Given Family as a rule"
    if countries_stated and not folded:
        return "no country stated"
    if folded in TWO_SURNAMES and len(words) > 2:
        return "two surnames possible"
    if any(w.islower() and w.lower() not in _PARTICLE_SET for w in words):
        return "a word in lower case"
    if len(words) == 2 and re.search(r"-[a-z]", words[1]):  # "Lee Cheuk-yan"
        return "a romanised Chinese given name"
    if _NICKNAME.match(words[-1]) or words[-1].endswith("."):
        return "ends in a nickname or an initial"
    return None


@cache
def _is_latin(char: str) -> bool:
    """Whether char is no letter or a Latin one (cached: names repeat their letters)."""
    if char.isascii() or not char.isalpha():
        return True
    try:
        return "LATIN" in unicodedata.name(char)
    except ValueError:
        return False
