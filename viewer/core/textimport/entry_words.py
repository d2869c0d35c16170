"""The words that tell what an entry's text is: a role, an organisation, a name particle,
a post-nominal, pronouns, a note about further signatories.

Data for viewer.core.textimport.entry_fields, kept apart so the rules there stay short.
ROLE_WORDS is a table, one row per word and language, to extend as letters in other
languages turn up; the English and Chinese role words are the PERSON_WORDS pattern.
"""

from __future__ import annotations

import re
from functools import lru_cache

from viewer.core.folding import fold
from viewer.core.formats.letter_layout import ROLE_WORDS_RE

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")


# Post-nominals that belong to the name as written: "Jr.", "III", "PhD", "MBE", ...
POST_NOMINAL = re.compile(
    r"^(?:(?:jr|sr|esq|phd|ph\.\s?d|dphil|md|ma|msc|mphil|mba|ba|bsc|llb|llm|lld|dsc|edd"
    r"|mbe|obe|cbe|kbe|dbe|ch|qc|kc|sc|frs|fba|frse|facss|frsa|frcp|fmedsci|freng|jp|rn)\.?"
    r"|i{2,3}|iv|vi{0,3})(?:[\s,]+(?:(?:phd|ma|msc|mbe|obe|cbe|qc|kc|frs|fba)\.?))*$",
    re.IGNORECASE,
)


PERSON_WORDS = re.compile(
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


ORGANISATION_WORDS = re.compile(
    r"\b(universit(y|ies|\u00e9|\u00e0|at|\u00e4t|ario|dad|ade)|college|institute|institut"
    r"|instituto|school|academy|centre|center|department|faculty|laborator(y|ies)|hospital"
    r"|foundation|trust|society|association|union|party|coalition|council|committee"
    r"|commission|ministry|league|federation|network|alliance|organi[sz]ation|ngo|charity"
    r"|campaign|company|ltd|inc|corporation|museum|library|church|collective|forum"
    r"|movement|agency|international)\b"
    "|(\u5927\u5b78|\u5927\u5b66|\u5b78\u9662|\u5b66\u9662|\u6703|\u4f1a|\u9ee8|\u515a)",
    re.IGNORECASE,
)


# Lower-case words that are part of names: "Ludwig van Beethoven", "Anwar bin Ibrahim".
PARTICLES = frozenset(
    ("de", "da", "do", "dos", "das", "del", "della", "di", "du", "des", "van", "von", "der",
     "den", "ter", "ten", "le", "la", "el", "al", "bin", "binti", "bte", "ibn", "y", "e",
     "zu", "af", "av", "dal", "dalla", "lo", "ben", "d'", "l'")
)  # fmt: skip


OTHERS_NOTE = re.compile(
    r"^(?:\.{3}|\u2026|etc\.?|(?:and|&|\+|plus|et|und|y|e|и)\s+(?:about\s+|over\s+|some\s+"
    r"|more than\s+|plus de\s+|über\s+|mehr als\s+|más de\s+|mais de\s+|oltre\s+)?"
    r"(?:\d[\d,.\s\u00a0\u202f]*\s*)?(?:many\s+|several\s+|other\s+|more\s+|weitere\s+"
    r"|autres\s+|otros\s+|outros\s+|altri\s+|другие\s+)?(?:others?|more|signatories|signers"
    r"|people|names|autres|weitere|andere|otros|otras|outros|altri|другие|других)\b.*)$"
    r"|^(?:\d[\d,.\s]*\s*)?(?:more|others|autres|weitere)\s*(?:\.{3}|\u2026)?$"
    r"|^(?:等|以及其他|及其他|ほか|他)\s*\d*\s*(?:人|名|位)?$",
    re.IGNORECASE,
)


ALIAS_RE = re.compile(r"^(?:alias|aka|a\.k\.a\.?|dit|dite|genannt|pseud\.)\s+(.+)$", re.I)


ORGANISATION_NAME = re.compile(
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


ORGANISATION_HEADING = re.compile(
    r"\b(?:organi[sz]ations?|organisationen|organizaciones|organiza[çc][õo]es|organizzazioni"
    r"|institutions|associations|groups|groupes|entidades|verb[äa]nde|companies|ngos|ong)\b"
    r"|團體|团体|団体|機構|机构|組織|组织|المنظمات|организации",
    re.IGNORECASE,
)
# A heading that says its section lists people, whatever their entries look like.
INDIVIDUALS_HEADING = re.compile(
    r"\b(?:individuals?|individual signatories|einzelpersonen|personnes|particuliers|personas"
    r"|pessoas|persone|private individuals|people)\b|個人|个人|الأفراد|частные лица",
    re.IGNORECASE,
)


SURNAME_FIRST_HEADING = re.compile(
    r"nom\s*,?\s*pr[ée]nom|surname|last name\s*,\s*first name|name\s*,\s*vorname"
    r"|apellidos?\s*,\s*nombre|cognome\s*,?\s*nome|фамилия",
    re.IGNORECASE,
)


PRONOUNS_RE = re.compile(
    r"\s*[(\[]((?:she|he|they|ze|xe|zie|ey|it|elle|il|iel|sie|er)(?:\s*/\s*(?:her|hers|him"
    r"|his|them|theirs|they|she|he|zir|hir|xem|em|its|elle|il|iel|ihr|sie|ihm|er)){1,2})[)\]]",
    re.IGNORECASE,
)


def is_person_description(text: str) -> bool:
    """True for a field that says what a person is ("Lecturer", "organiser Unite Union",
    "Professorin", "chercheuse", "教授")."""
    if PERSON_WORDS.search(text) or ROLE_WORDS_RE.search(text):
        return True
    exact, stems, phrases = _role_words()
    folded = fold(text)
    words = _WORD.findall(folded)
    return any(w in exact or w.startswith(stems) for w in words) or any(
        p in folded for p in phrases
    )


# Role words beyond English, one row per word and language: "lang|word" is the word itself,
# "lang|stem*" any word that starts so ("professor*": Professorin, professore, professora).
# Folded (no accents, no case). English and Chinese are in PERSON_WORDS above.
ROLE_WORDS = """\
de|professor*
de|dozent*
de|arzt
de|arztin
de|journalist*
de|autor*
de|schriftsteller*
de|publizist*
de|lehrer*
de|rechtsanwalt*
de|pfarrer*
de|abgeordnete*
de|vorsitzende*
de|geschaftsfuhrer*
de|direktor*
de|doktorand*
de|wissenschaftler*
de|forscher*
de|kunstler*
de|mitglied*
de|burgermeister*
de|ehemalige*
de|studentin
de|kunstlerin
fr|professeur*
fr|chercheu*
fr|maitre de conferences
fr|ingenieur*
fr|etudiant*
fr|doctorant*
fr|docteur*
fr|medecin*
fr|enseignant*
fr|journaliste*
fr|ecrivain*
fr|auteur*
fr|avocat*
fr|depute*
fr|senat*
fr|directeur*
fr|directrice*
fr|president*
fr|membre*
fr|ancien*
fr|retraite*
fr|citoyen*
fr|vulgarisat*
fr|biologiste*
fr|physicien*
fr|chimiste*
fr|pharmacien*
fr|infirmi*
fr|agriculteu*
fr|informaticien*
es|profesor*
es|investigador*
es|catedratic*
es|periodista*
es|escritor*
es|abogad*
es|diputad*
es|senador*
es|director*
es|presidente*
es|miembro*
es|estudiante*
es|medic*
es|ingenier*
es|activista*
pt|professor*
pt|pesquisador*
pt|jornalista*
pt|escritor*
pt|advogad*
pt|deputad*
pt|diretor*
pt|presidente*
pt|membro*
pt|estudante*
pt|medic*
pt|engenheir*
it|professor*
it|ricercat*
it|giornalist*
it|scrittor*
it|avvocat*
it|deputat*
it|senator*
it|direttor*
it|presidente*
it|membro*
it|student*
it|medico
it|ingegner*
ru|профессор*
ru|журналист*
ru|писател*
ru|доцент*
ru|депутат*
ru|директор*
ru|председател*
ru|член*
ru|исследовател*
ru|студент*
ru|врач*
ru|юрист*
ru|адвокат*
ja|教授
ja|准教授
ja|弁護士
ja|作家
ja|記者
ja|医師
ja|議員
ja|代表
ja|理事
ja|研究者
ar|أستاذ*
ar|صحفي*
ar|كاتب*
ar|محامي*
ar|طبيب*
ar|رئيس*
ar|عضو*
ar|باحث*
"""


_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _role_words() -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...]]:
    """(whole words, stems, phrases) of ROLE_WORDS: a row with a space ("maitre de
    conferences") or in CJK script (no spaces between words) is found anywhere in a field."""
    exact: set[str] = set()
    stems: list[str] = []
    phrases: list[str] = []
    for row in ROLE_WORDS.splitlines():
        _lang, word = row.split("|")
        if " " in word or _CJK.match(word):
            phrases.append(word.rstrip("*"))
        elif word.endswith("*"):
            stems.append(word.rstrip("*"))
        else:
            exact.add(word)
    return frozenset(exact), tuple(stems), tuple(phrases)
