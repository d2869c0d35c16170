"""Which people of a comparison to show. Letters are in the order compared (earliest first,
as the caller sorts them): "joined in B" is signed B and no letter before it, "left after
B" signed B and no letter after it."""

from __future__ import annotations

from collections.abc import Callable

from viewer.core.compare.comparison import Comparison, Person

ALL = "all"
IN_ALL = "in-all"
ONLY_IN = "only-in"
JOINED_IN = "joined-in"
LEFT_AFTER = "left-after"
# filter id -> (needs a letter, label for menus with {letter} for the letter's label)
FILTERS: dict[str, tuple[bool, str]] = {
    ALL: (False, "Everyone"),
    IN_ALL: (False, "In all letters"),
    ONLY_IN: (True, "Only in {letter}"),
    JOINED_IN: (True, "Joined in {letter}"),
    LEFT_AFTER: (True, "Left after {letter}"),
}


def predicate(kind: str, letter: int | None, n_letters: int) -> Callable[[Person], bool]:
    """The test a person passes to be shown under filter kind (letter: its index)."""
    if FILTERS[kind][0] and (letter is None or not 0 <= letter < n_letters):
        raise ValueError(f"the filter {kind!r} needs one of the compared letters")
    if kind == ALL:
        return lambda p: True
    if kind == IN_ALL:
        return lambda p: all(s is not None for s in p.signed)
    assert letter is not None
    if kind == ONLY_IN:
        return lambda p: p.signed_in(letter) and sum(s is not None for s in p.signed) == 1
    if kind == JOINED_IN:
        return lambda p: p.signed_in(letter) and all(s is None for s in p.signed[:letter])
    if kind == LEFT_AFTER:
        return lambda p: p.signed_in(letter) and all(s is None for s in p.signed[letter + 1 :])
    raise ValueError(f"unknown filter {kind!r}")


def select_people(comparison: Comparison, kind: str = ALL, letter: int | None = None) -> list[int]:
    """The indexes of the people the filter keeps, in the comparison's order."""
    test = predicate(kind, letter, len(comparison.letters))
    return [i for i, person in enumerate(comparison.people) if test(person)]


def filter_label(kind: str, label: str | None = None) -> str:
    return FILTERS[kind][1].format(letter=label or "")
