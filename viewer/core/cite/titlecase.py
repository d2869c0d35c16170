"""Headline-style capitalisation of English titles (Chicago 8.159; MLA's title case).

Only capitals are added: a word written with a capital or a digit anywhere ("MPs", "iPhone",
"23") is left exactly as written, so acronyms and names survive. Articles, prepositions, the
coordinating conjunctions and, but, for, or, nor, and "to" and "as" stay lower case unless
they open or close the title or follow a colon. A program cannot tell a preposition used as
an adverb ("Look Up") from a preposition, so such words stay lower case.
"""

from __future__ import annotations

import re

_ARTICLES_CONJUNCTIONS = ("a", "an", "the", "and", "but", "for", "or", "nor", "as", "to")
_PREPOSITIONS = (
    "about above across after against along amid among around at before behind below beneath "
    "beside between beyond by despite down during except from in inside into like near of off "
    "on onto out outside over past per since than through throughout till toward towards under "
    "underneath until unto up upon via versus vs with within without"
)
MINOR_WORDS = frozenset(_ARTICLES_CONJUNCTIONS) | frozenset(_PREPOSITIONS.split(" "))
# A prefix that cannot stand alone leaves the rest of its compound lower case ("Non-binding").
_PREFIXES = "anti co de inter intra mid multi non post pre pro re semi sub un"
PREFIXES = frozenset(_PREFIXES.split(" "))
_WORD_RE = re.compile(r"\S+")
_BREAK_BEFORE = (":", "\u2014", "?", "!")


def headline_case(title: str) -> str:
    """The title in headline style: "MPs from 23 countries call" -> "MPs from 23 Countries Call"."""
    words = list(_WORD_RE.finditer(title))
    out = []
    last_end = 0
    for i, m in enumerate(words):
        word = m.group()
        prev = words[i - 1].group() if i else ""
        force = i == 0 or i == len(words) - 1 or prev.endswith(_BREAK_BEFORE)
        out.append(title[last_end : m.start()])
        out.append(_cap_compound(word, force))
        last_end = m.end()
    out.append(title[last_end:])
    return "".join(out)


def _cap_compound(word: str, force: bool) -> str:
    parts = word.split("-")
    first = _cap_word(parts[0], force)
    if len(parts) == 1:
        return first
    if _core(parts[0]).lower() in PREFIXES:
        return "-".join([first, *parts[1:]])
    return "-".join([first, *(_cap_word(p, False) for p in parts[1:])])


def _core(word: str) -> str:
    return word.strip("\"'“”‘’()[]{}.,;:!?")


def _cap_word(word: str, force: bool) -> str:
    core = _core(word)
    if not core or any(c.isupper() or c.isdigit() for c in core):
        return word
    if core.lower() in MINOR_WORDS and not force:
        return word
    i = next((k for k, c in enumerate(word) if c.isalpha()), None)
    if i is None:
        return word
    return word[:i] + word[i].upper() + word[i + 1 :]
