"""Sign-offs and signatory headings, as a table of phrases per language, and stated counts.

A letter's signatories follow a closing ("Yours sincerely,", "gez.", "此致") or a heading
("Signatories", "Unterzeichner", "聯署人："). Each phrase is one row of PHRASES:

    kind | language | phrase | flags

kind is "closing" or "heading" (what sign_off() returns), "group" (a section inside a
signatory part, "Organizations", "Einzelpersonen": not a start of the list by itself),
"prefix" (a word that may stand before a heading: "List of", "Premiers", "Weitere") or
"unit" (a noun a count is stated in: "3,081 signatures", "34 人") or "stop" (a word that
makes the words after a heading a sentence: "Signatures are ..."). Flags: "name" (the
phrase carries the first name on its line: "gez. Henryk M. Broder"), "open" (the phrase
opens a longer closing sentence: "Veuillez agréer, Madame, ...").

Matching ignores case and accents (viewer.core.folding.fold) and markup left around the
text ("**", "#", ":"). A phrase matches at the start of the line and must end at a word
boundary (CJK phrases: at a separator, a count or the end).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from viewer.core.folding import fold

# kind | language | phrase | flags
PHRASES = """\
closing|en|yours sincerely
closing|en|yours faithfully
closing|en|yours truly
closing|en|yours respectfully
closing|en|sincerely yours
closing|en|sincerely
closing|en|respectfully yours
closing|en|respectfully submitted
closing|en|respectfully
closing|en|with best regards
closing|en|with kind regards
closing|en|with warm regards
closing|en|best regards
closing|en|kind regards
closing|en|warm regards
closing|en|regards
closing|en|in solidarity
closing|en|with solidarity
closing|en|yours
closing|en|signed
closing|en|sig.|name
closing|en|best
closing|en|best wishes
closing|en|thank you
closing|en|thanks
closing|en|warmly
closing|en|with gratitude
closing|en|with thanks
closing|en|yours in solidarity
heading|en|signed by
heading|en|signatories
heading|en|signatory
heading|en|co-signatories
heading|en|cosignatories
heading|en|co-signers
heading|en|cosigners
heading|en|signers
heading|en|signees
heading|en|signatures
heading|en|undersigned
heading|en|endorsers
heading|en|endorsements
heading|en|endorsed by
heading|en|supporters
heading|en|supported by
heading|en|sign-ons
heading|en|initiators
heading|en|initiated by
heading|en|organisers
heading|en|organizers
group|en|organizations
group|en|organisations
group|en|individuals
group|en|institutions
group|en|groups
group|en|companies
group|en|people
group|en|persons
prefix|en|list of
prefix|en|the
prefix|en|our
prefix|en|initial
prefix|en|first
prefix|en|original
prefix|en|founding
prefix|en|additional
prefix|en|further
prefix|en|other
prefix|en|more
prefix|en|new
prefix|en|late
prefix|en|all
prefix|en|current
prefix|en|individual
prefix|en|organizational
prefix|en|organisational
prefix|en|institutional
prefix|en|group
unit|en|signatures
unit|en|signatories
unit|en|signers
unit|en|names
unit|en|co-signatories
unit|en|cosignatories
unit|en|supporters
stop|en|are
stop|en|is
stop|en|was
stop|en|were
stop|en|will
stop|en|have
stop|en|has
stop|en|can
stop|en|may
stop|en|must
stop|en|should
stop|en|please
stop|en|below
stop|en|here
stop|en|welcome
stop|en|needed
closing|fr|cordialement
closing|fr|bien cordialement
closing|fr|salutations distinguees
closing|fr|respectueusement
closing|fr|veuillez agreer|open
closing|fr|signe
closing|fr|en toute solidarite
closing|fr|bien a vous
closing|fr|salutations
closing|fr|avec nos salutations
heading|fr|signe par
heading|fr|signataires
heading|fr|cosignataires
heading|fr|co-signataires
heading|fr|premiers signataires
heading|fr|premieres signataires
heading|fr|liste des signataires
heading|fr|signatures
heading|fr|soutiens
heading|fr|initiateurs
heading|fr|initiatrices et initiateurs
heading|fr|a l'initiative de
group|fr|organisations
group|fr|associations
group|fr|personnalites
group|fr|particuliers
group|fr|individus
prefix|fr|les
prefix|fr|autres
prefix|fr|nouveaux
prefix|fr|tous les
unit|fr|signataires
unit|fr|signatures
stop|fr|sont
stop|fr|est
stop|fr|ont
stop|fr|peuvent
stop|fr|ici
closing|de|mit freundlichen grussen
closing|de|mit solidarischen grussen
closing|de|mit besten grussen
closing|de|viele grusse
closing|de|hochachtungsvoll
closing|de|herzliche grusse
closing|de|beste grusse
closing|de|freundliche grusse
closing|de|mit freundlichem gruss
closing|de|gez.|name
closing|de|gezeichnet|name
heading|de|unterzeichnet von
heading|de|unterzeichner
heading|de|unterzeichnerinnen und unterzeichner
heading|de|unterzeichnende
heading|de|erstunterzeichner
heading|de|erstunterzeichnerinnen und erstunterzeichner
heading|de|erstunterzeichnende
heading|de|unterzeichner*innen
heading|de|unterzeichner:innen
heading|de|unterzeichner_innen
heading|de|unterzeichnerinnen
heading|de|erstunterzeichner*innen
heading|de|erstunterzeichner:innen
heading|de|erstunterzeichnerinnen
heading|de|initiatoren
heading|de|initiator*innen
heading|de|unterschriften
heading|de|unterstutzer
heading|de|unterstutzerinnen und unterstutzer
heading|de|liste der unterzeichner
group|de|organisationen
group|de|verbande
group|de|einzelpersonen
group|de|personen
prefix|de|die
prefix|de|weitere
prefix|de|alle
prefix|de|erste
unit|de|unterschriften
unit|de|unterzeichner
unit|de|unterzeichnende
stop|de|sind
stop|de|ist
stop|de|werden
stop|de|haben
stop|de|konnen
stop|de|hier
closing|es|atentamente
closing|es|cordialmente
closing|es|saludos cordiales
closing|es|firmado
closing|es|firman
closing|es|saludos
closing|es|un saludo
closing|es|sinceramente
heading|es|firmado por
heading|es|firmantes
heading|es|primeros firmantes
heading|es|lista de firmantes
heading|es|firmas
heading|es|adhesiones
heading|es|suscriben
heading|es|promotores
heading|es|impulsores
group|es|organizaciones
group|es|entidades
group|es|personas
prefix|es|los
prefix|es|otros
prefix|es|primeros
unit|es|firmas
unit|es|firmantes
stop|es|son
stop|es|estan
stop|es|pueden
stop|es|aqui
closing|pt|atenciosamente
closing|pt|cordialmente
closing|pt|assinado
closing|pt|saudacoes
closing|pt|sinceramente
heading|pt|assinado por
heading|pt|assinam
heading|pt|assinantes
heading|pt|signatarios
heading|pt|primeiros signatarios
heading|pt|subscrevem
heading|pt|assinaturas
heading|pt|subscritores
heading|pt|promotores
group|pt|organizacoes
group|pt|entidades
group|pt|pessoas
prefix|pt|os
prefix|pt|outros
unit|pt|assinaturas
unit|pt|signatarios
stop|pt|sao
stop|pt|estao
stop|pt|podem
closing|it|cordiali saluti
closing|it|distinti saluti
closing|it|in fede
closing|it|firmato
closing|it|saluti
closing|it|cordialmente
heading|it|firmatari
heading|it|primi firmatari
heading|it|hanno firmato
heading|it|sottoscrittori
heading|it|aderenti
heading|it|adesioni
heading|it|firme
heading|it|promotori
group|it|organizzazioni
group|it|associazioni
group|it|persone
prefix|it|i
prefix|it|altri
unit|it|firme
unit|it|firmatari
stop|it|sono
stop|it|possono
closing|ru|с уважением
closing|ru|искренне ваш
closing|ru|искренне ваша
closing|ru|искренне ваши
closing|ru|искренне
closing|ru|с наилучшими пожеланиями
heading|ru|подписавшиеся
heading|ru|подписали
heading|ru|подписанты
heading|ru|список подписантов
heading|ru|подписи
heading|ru|инициаторы
group|ru|организации
group|ru|частные лица
prefix|ru|первые
unit|ru|подписей
unit|ru|подписантов
unit|ru|человек
closing|zh|此致
closing|zh|敬禮
closing|zh|敬礼
closing|zh|此致敬禮
closing|zh|此致敬礼
closing|zh|謹啟
closing|zh|谨启
heading|zh|聯署人
heading|zh|联署人
heading|zh|聯署者
heading|zh|联署者
heading|zh|聯署人士
heading|zh|联署人士
heading|zh|聯署名單
heading|zh|联署名单
heading|zh|聯署團體
heading|zh|联署团体
heading|zh|聯署機構
heading|zh|联署机构
heading|zh|聯署
heading|zh|联署
heading|zh|連署人
heading|zh|联名人
heading|zh|聯名人
heading|zh|簽署人
heading|zh|签署人
heading|zh|簽名人
heading|zh|签名人
heading|zh|簽名
heading|zh|签名
heading|zh|倡議人
heading|zh|倡议人
heading|zh|發起人
heading|zh|发起人
heading|zh|署名
group|zh|團體
group|zh|团体
group|zh|個人
group|zh|个人
group|zh|機構
group|zh|机构
group|zh|組織
group|zh|组织
unit|zh|人
unit|zh|名
unit|zh|位
closing|ja|敬具
closing|ja|以上
closing|ja|草々
heading|ja|賛同者
heading|ja|賛同人
heading|ja|呼びかけ人
heading|ja|呼び掛け人
heading|ja|署名者
heading|ja|発起人
heading|ja|賛同団体
heading|ja|賛同者一覧
heading|ja|署名者一覧
group|ja|団体
group|ja|個人
unit|ja|名
unit|ja|人
closing|ar|مع خالص التحية
closing|ar|مع التحية
closing|ar|وتفضلوا بقبول فائق الاحترام|open
heading|ar|الموقعون
heading|ar|الموقعين
heading|ar|الموقعات والموقعون
heading|ar|قائمة الموقعين
heading|ar|التوقيعات
group|ar|المنظمات
group|ar|الأفراد
unit|ar|توقيع
unit|ar|موقع
"""

Kind = Literal["closing", "heading"]
MAX_LINE = 200  # longer text is prose, never a sign-off
MAX_HEADING_WORDS = 8  # a heading with its qualifiers ("Signatories to this letter")
MAX_QUALIFIER_WORDS = 4
YEARS = (1900, 2100)  # a bare number in this range after a heading is a year, not a count

_SEPARATORS = ":\uff1a-\u2013\u2014"
_MARKUP_EDGES = " \t*_#>|`~=\u00a0\u3000"
_NUMBER = r"\d{1,3}(?:[,.\u00a0\u202f\u2009 ]\d{3})+(?!\d)|\d+"
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")
_SENTENCE_END = re.compile(r"[.!?\u3002\uff01\uff1f]$")
_BRACKETED = re.compile(r"^[(\[\uff08](?P<inner>[^)\]\uff09]*)[)\]\uff09]?")


@dataclass(frozen=True)
class Phrase:
    """One row of the table."""

    kind: str
    language: str
    text: str  # folded
    carries_name: bool = False
    opens_sentence: bool = False


@dataclass(frozen=True)
class SignOff:
    """A line that closes a letter or introduces its signatories."""

    kind: Kind  # "Yours sincerely," / "gez." vs "Signatories" / "Unterzeichner"
    rest: str | None  # text after it on the same line ("gez. Henryk M. Broder")
    stated_count: int | None  # a count in it: "COSIGNATORIES (55)", "聯署人（34人）"


@lru_cache(maxsize=1)
def phrases() -> tuple[Phrase, ...]:
    """The table, longest phrases first (so "signed by" wins over "signed")."""
    rows = []
    for line in PHRASES.splitlines():
        kind, language, text, *flags = line.split("|")
        rows.append(
            Phrase(kind, language, fold(text), "name" in flags, "open" in flags)
        )  # fmt: skip
    return tuple(sorted(rows, key=lambda p: -len(p.text)))


@lru_cache(maxsize=16)
def _of_kind(*kinds: str) -> tuple[Phrase, ...]:
    return tuple(p for p in phrases() if p.kind in kinds)


def sign_off(text: str) -> SignOff | None:
    """The closing or heading this line is, with what follows it and any count it states."""
    text = _clean(text)
    if not text or len(text) > MAX_LINE:
        return None
    folded, index = _fold_with_index(text)
    body, lead_count = _after_prefixes(folded)
    for phrase in _of_kind("closing", "heading"):
        if not folded.startswith(phrase.text, body) or not _ends_word(folded, body, phrase):
            continue
        if body and phrase.kind != "heading":
            continue  # prefixes ("List of") and counts only stand before headings
        end = body + len(phrase.text)
        rest = text[index[end] :] if end < len(folded) else ""
        found = _read_rest(phrase, rest, lead_count)
        if found is not None:
            return found
    return None


def is_group_heading(text: str) -> bool:
    """A section heading inside a signatory part: "Organizations", "Einzelpersonen", "個人"."""
    text = _clean(text).rstrip(_SEPARATORS + " ")
    if not text or len(text) > MAX_LINE:
        return False
    folded, _ = _fold_with_index(text)
    body, _count = _after_prefixes(folded)
    for phrase in _of_kind("group"):
        if folded.startswith(phrase.text, body) and _ends_word(folded, body, phrase):
            tail = folded[body + len(phrase.text) :].strip()
            if not tail or _BRACKETED.match(tail) or len(tail.split()) <= 2:
                return True
    return False


def stated_count(text: str) -> int | None:
    """A count of signatories the text states: "3,081 signatures", "COSIGNATORIES (55)",
    "signed by 158 parliamentarians", "5 384 signataires", "34 人", "（共120人）"."""
    if not text or not any(ch.isdigit() for ch in text):
        return None
    folded = fold(text)
    for pattern in _count_patterns():
        for match in pattern.finditer(folded):
            n = _number(match.group("n"))
            if not (pattern is _count_patterns()[1] and _is_year(n, match.group("n"))):
                return n  # "Signatories (2019)" is a year; "Signatories (2019 names)" is not
    return None


def _is_year(n: int, written: str) -> bool:
    return written.isdigit() and YEARS[0] <= n <= YEARS[1]


@lru_cache(maxsize=1)
def _count_patterns() -> tuple[re.Pattern[str], ...]:
    """Patterns in order of trust: a number before a count noun, a number after a signing
    phrase, then the CJK counters (人, 名, 位) where a heading or a total states them."""
    latin_units = [p.text for p in _of_kind("unit") if not _CJK.search(p.text)]
    cjk_units = [p.text for p in _of_kind("unit") if _CJK.search(p.text)]
    signing = [p.text for p in _of_kind("heading") if not _CJK.search(p.text)]
    cjk_signing = [p.text for p in _of_kind("heading") if _CJK.search(p.text)]
    alt = lambda words: "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    number = rf"(?<![\d.,])(?P<n>{_NUMBER})"
    return (
        re.compile(rf"{number}\s*(?:{alt(latin_units)})(?!\w)"),
        re.compile(rf"(?<!\w)(?:{alt(signing)})\s*[(\[:\uff1a\u2013-]?\s*{number}(?!\d)"),
        re.compile(rf"(?:{alt(cjk_signing)})\s*[(\uff08]?\s*共?\s*{number}\s*(?:{alt(cjk_units)})"),
        re.compile(rf"[(\uff08]\s*(?:共|合計|合计|计|計)?\s*{number}\s*(?:{alt(cjk_units)})\s*[)\uff09]"),
        re.compile(rf"(?:共|合計|合计|總計|总计)\s*{number}\s*(?:{alt(cjk_units)})"),
        re.compile(rf"^\s*{number}\s*(?:{alt(cjk_units)})\s*$"),
    )  # fmt: skip


def _number(written: str) -> int:
    return int(re.sub(r"\D", "", written))


def _clean(text: str) -> str:
    """The line without markup around it and without white space runs."""
    return " ".join(text.split()).strip(_MARKUP_EDGES)


def _fold_with_index(text: str) -> tuple[str, list[int]]:
    """fold(text) char by char, with the index in text of every folded position (and the end)."""
    folded: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        piece = fold(ch)
        folded.append(piece)
        index.extend([i] * len(piece))
    index.append(len(text))
    return "".join(folded), index


def _after_prefixes(folded: str) -> tuple[int, int | None]:
    """Where the phrase starts after prefix words and a count ("The 55", "Premiers")."""
    pos, count = 0, None
    for _ in range(3):
        number = re.match(rf"({_NUMBER})\s+", folded[pos:])
        if number and count is None:
            count = _number(number.group(1))
            pos += number.end()
            continue
        for prefix in _of_kind("prefix"):
            if folded.startswith(prefix.text + " ", pos):
                pos += len(prefix.text) + 1
                break
        else:
            break
    return pos, count


def _ends_word(folded: str, start: int, phrase: Phrase) -> bool:
    end = start + len(phrase.text)
    if end >= len(folded):
        return True
    nxt = folded[end]
    if _CJK.search(phrase.text[-1]):
        # "聯署人：" or "聯署人（34人）" or "署名 120名"; not "署名運動について".
        return not _CJK.match(nxt) or bool(re.match(r"\s*\d", folded[end:]))
    return not (nxt.isalnum() or (phrase.text[-1].isalnum() and nxt in "-'"))


def _read_rest(phrase: Phrase, rest: str, lead_count: int | None) -> SignOff | None:
    """Whether what follows the phrase leaves it a sign-off, and what it carries: remarks in
    brackets and separators are passed over ("聯署人：（按筆畫次序）34 人", "Signatories (in
    alphabetical order): 55"); a count is kept; names after a separator are the rest."""
    kind: Kind = "heading" if phrase.kind == "heading" else "closing"
    stripped = rest.strip(" ,.;" + _MARKUP_EDGES)
    count = lead_count if lead_count is not None else _count_after(phrase, stripped)
    if phrase.opens_sentence:
        return SignOff(kind, None, count)
    separated = False
    while stripped:
        bracket = _BRACKETED.match(stripped)
        if bracket:  # "COSIGNATORIES (This list is arranged ...)", "(55)", "（34人）"
            count = count if count is not None else _count_of(bracket.group("inner"))
            stripped = stripped[bracket.end() :].strip(" ,." + _MARKUP_EDGES)
        elif stripped[0] in _SEPARATORS:
            separated = True
            stripped = stripped.lstrip(_SEPARATORS).strip()
        else:
            break
    if not stripped:
        return SignOff(kind, None, count)
    if _is_count_only(stripped):
        return SignOff(kind, None, count if count is not None else _count_of(stripped))
    if separated or phrase.carries_name:
        return SignOff(kind, stripped, count)
    if kind == "heading" and _is_qualifier(stripped):
        return SignOff(kind, None, count)
    return None


def _count_of(text: str) -> int | None:
    """The count a bare "55", "34 人" or "共120人" states; None for a remark or a year."""
    if not _is_count_only(text):
        return None
    written = re.search(_NUMBER, text).group(0)
    n = _number(written)
    bare = text.strip(" ()[]\uff08\uff09:\uff1a") == written
    return None if bare and _is_year(n, written) else n


def _count_after(phrase: Phrase, rest: str) -> int | None:
    return stated_count(f"{phrase.text} {rest}") if rest else None


def _is_count_only(text: str) -> bool:
    """ "(55)", "55", "34 人", "（共120人）", "3,081 signatures"."""
    bare = text.strip(" ()[]\uff08\uff09:\uff1a")
    return bool(re.fullmatch(rf"(?:共\s*)?(?:{_NUMBER})\s*\w{{0,12}}", bare)) and (
        any(ch.isdigit() for ch in bare)
    )


def _is_qualifier(text: str) -> bool:
    """Short words after a heading ("to this letter", "post-publication"), not a sentence."""
    words = fold(text).split()
    stops = {p.text for p in _of_kind("stop")}
    return (
        len(words) <= MAX_QUALIFIER_WORDS
        and stops.isdisjoint(words)
        and not _SENTENCE_END.search(text)
        and not _CJK.match(text)
    )
