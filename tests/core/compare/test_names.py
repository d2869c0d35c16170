"""Name matching rules: the exact key, and the variants that are only suggested."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from viewer.core.compare.names import (
    POSTNOMINALS,
    TITLES,
    match_key,
    name_forms,
    suggestion_reason,
)

latin_word = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéøüß", min_size=2, max_size=9).filter(
    lambda w: name_forms(w).words  # a title ("hon") is not a word of the name
)
cjk_name = st.text(alphabet="黎慶寧陳方安生李鵬飛蕭寶珍王永平", min_size=2, max_size=4)


def reason(a: str, b: str) -> str | None:
    return suggestion_reason(name_forms(a), name_forms(b))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Peter Lai", "peter  LAI"),
        ("Rößner, Anna", "ROSSNER, ANNA"),
        ("José Álvarez", "Jose Alvarez"),
        ("Ｐｅｔｅｒ Ｌａｉ", "Peter Lai"),  # full-width letters
        (" Peter Lai. ", "Peter Lai"),
    ],
)
def test_same_key_for_case_accents_width_and_spacing(a, b):
    assert match_key(a) == match_key(b)


@pytest.mark.parametrize(
    ("a", "b", "why"),
    [
        ("LAI Peter", "Peter Lai", "another order"),
        ("Peter LAI（黎慶寧）", "黎慶寧", "Chinese characters"),
        ("Peter Lai (黎慶寧)", "黎慶寧", "Chinese characters"),
        ("Peter Lai 黎慶寧", "LAI Peter（黎慶寧）", "Chinese characters"),
        ("Dr. Peter Lai", "Peter Lai", "titles"),
        ("Prof Anna Rossner PhD", "Anna Rößner", "titles"),
        ("P. Lai", "Peter Lai", "initials"),
        ("Peter Lai", "Peter K. C. Lai", "initials"),
        ("黎蕭寶珍", "蕭寶珍", "surname added"),
    ],
)
def test_variants_are_suggested(a, b, why):
    assert why in (reason(a, b) or ""), reason(a, b)
    assert reason(b, a) is not None


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Peter Lai", "Paul Lai"),
        ("Peter Lai", "Peter Chan"),
        ("P. Lai", "Q. Lai"),
        ("黎慶寧", "黎蕭寶珍"),
        ("Lai", "Peter Lai"),  # one word is too little to suggest anyone
        ("Peter Lai", "Peter Lai"),  # the same: a match, not a suggestion
    ],
)
def test_different_people_are_not_suggested(a, b):
    assert reason(a, b) is None


@given(st.lists(latin_word, min_size=2, max_size=4, unique=True), st.randoms())
def test_any_order_of_the_same_words_is_suggested(words, rnd):
    shuffled = words[:]
    rnd.shuffle(shuffled)
    a, b = " ".join(words), " ".join(shuffled).upper()
    if match_key(a) != match_key(b):
        assert reason(a, b) is not None


@given(st.lists(latin_word, min_size=1, max_size=3), cjk_name)
def test_a_chinese_name_in_parentheses_is_suggested(words, chinese):
    english = " ".join(words)
    assert reason(f"{english}（{chinese}）", chinese) is not None
    assert reason(f"{english} ({chinese})", chinese) is not None


@given(st.text(max_size=30), st.text(max_size=30))
def test_suggestions_are_symmetric(a, b):
    assert (reason(a, b) is None) == (reason(b, a) is None)


@given(st.text(max_size=40))
def test_the_key_ignores_case_and_spacing(name):
    assert match_key(name) == match_key("  " + name.upper().replace(" ", "   ") + " ")


@pytest.mark.parametrize("title", sorted(TITLES))
def test_titles_before_a_name_are_not_its_words(title):
    assert name_forms(f"{title.upper()}. Ann One").words == ("ann", "one")


@pytest.mark.parametrize("letters", sorted(POSTNOMINALS))
def test_letters_after_a_name_are_not_its_words(letters):
    assert name_forms(f"Ann One, {letters.upper()}").words == ("ann", "one")
