"""The forms of a signatory's name that matching compares.

``match_key`` is the exact form: folded (no case, accents or width), spaces collapsed, outer
punctuation gone. Two names with the same key are one person. The looser forms (the Latin
words without titles, in any order; the Chinese, Japanese or Korean runs, as in
"Peter LAI（黎慶寧）") only ever make suggestions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from viewer.core.folding import fold

# Words before or after a name that say what a person is, not who (folded, no dots).
TITLES = frozenset((
    "dr", "prof", "professor", "mr", "mrs", "ms", "miss", "mx", "sir", "dame", "lord", "lady",
    "hon", "honourable", "honorable", "rev", "revd", "reverend", "fr", "father", "sister", "br",
    "brother", "dott", "dottssa", "ing", "mag", "mgr",
))  # fmt: skip
POSTNOMINALS = frozenset((
    "jp", "sbs", "gbs", "bbs", "mh", "gbm", "obe", "mbe", "cbe", "kbe", "dbe", "frs", "fba",
    "phd", "dphil", "md", "mp", "mla", "qc", "kc", "sc", "jr", "sr", "ii", "iii", "esq",
))  # fmt: skip
_IDEOGRAPH = (
    "\u3040-\u30ff"  # kana
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # CJK ideographs
    "\uac00-\ud7af"  # Hangul syllables
    "\U00020000-\U0003134f"
)
_CJK_RUN = re.compile(f"[{_IDEOGRAPH}]+")
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?", re.UNICODE)
_OUTER = " \t.,;:!?\"'()[]{}*-–—·"


@dataclass(frozen=True)
class NameForms:
    """A name as matching sees it."""

    key: str  # exact form
    words: tuple[str, ...]  # Latin-script words, folded, titles and post-nominals left out
    cjk: tuple[str, ...]  # runs of CJK characters (each a whole name written without spaces)

    @property
    def word_bag(self) -> tuple[str, ...]:
        return tuple(sorted(self.words))


def match_key(name: str) -> str:
    return " ".join(fold(name).split()).strip(_OUTER)


@lru_cache(maxsize=65536)
def name_forms(name: str) -> NameForms:
    folded = fold(name)
    cjk = tuple(run for run in _CJK_RUN.findall(folded) if len(run) >= 2)
    latin = _CJK_RUN.sub(" ", folded)
    words = [w.replace("'", "") for w in _WORD.findall(latin)]
    kept = tuple(w for w in words if w not in TITLES and w not in POSTNOMINALS)
    return NameForms(match_key(name), kept, cjk)


def suggestion_reason(a: NameForms, b: NameForms) -> str | None:
    """Why two different names may be one person, or None if nothing suggests it."""
    if a.key == b.key:
        return None
    shared = set(a.cjk) & set(b.cjk)
    if shared:
        return "the same name in Chinese characters"
    if len(a.words) >= 2 and a.words == b.words:
        return "the same name with titles or other characters"
    if len(a.words) >= 2 and a.word_bag == b.word_bag:
        return "the same words in another order"
    if _surname_added(a.cjk, b.cjk) or _surname_added(b.cjk, a.cjk):
        return "a surname added in front (a married name)"
    if _initials_fit(a.words, b.words) or _initials_fit(b.words, a.words):
        return "initials or a shorter form of the name"
    return None


def _surname_added(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    """A married name written with the husband's surname first: 黎蕭寶珍 and 蕭寶珍."""
    for long in longer:
        for short in shorter:
            if len(short) >= 2 and len(long) == len(short) + 1 and long.endswith(short):
                return True
    return False


def _initials_fit(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Every word of the shorter name stands for a different word of the longer one, whole or
    as its initial, with one whole word shared: "P. Lai" and "Peter Lai", "Peter Lai" and
    "Peter Lai Hing-ling"."""
    if len(short) < 2 or len(short) > len(long) or short == long:
        return False
    left = list(long)
    whole = 0
    for word in sorted(short, key=len, reverse=True):  # whole words first, then initials
        if word in left:
            left.remove(word)
            whole += len(word) > 1
            continue
        if len(word) != 1:
            return False
        match = next((w for w in left if w.startswith(word)), None)
        if match is None:
            return False
        left.remove(match)
    return whole >= 1


def blocking_keys(forms: NameForms) -> set[str]:
    """Keys under which two names that may be suggested together share at least one."""
    keys = {f"w:{w}" for w in forms.words if len(w) > 1}
    for run in forms.cjk:
        keys.add(f"c:{run}")
        if len(run) >= 3:
            keys.add(f"c:{run[1:]}")  # 黎蕭寶珍 meets 蕭寶珍
    return keys
