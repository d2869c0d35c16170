"""Find in the letter, GUI-free part: folding with origins, spans in the original text."""

from __future__ import annotations

import itertools
import re

from hypothesis import given
from hypothesis import strategies as st

from viewer.core.folding import fold
from viewer.core.query.text_find import (
    find_spans,
    fold_query,
    fold_with_origins,
    match_label,
    utf16_positions,
)


def _collapsed(text: str) -> str:
    return re.sub(r"\s+", " ", fold(text))


def test_sharp_s_is_found_by_ss_and_maps_back_to_one_character():
    text = "Frau Tabea Rößner (Bundestag) und ROSSNER"
    spans = find_spans(text, "rossner")
    assert [text[s:e] for s, e in spans] == ["Rößner", "ROSSNER"]
    assert find_spans(text, "rößner") == spans  # the accented query finds the plain one too


def test_positions_after_a_longer_fold_stay_right():
    # "ß" folds to two letters and "Æ" to two: every later match must still land on its word.
    text = "Straße, Ærø, Kem Sokha; straße again, kem sokha"
    assert [text[s:e] for s, e in find_spans(text, "KEM SOKHA")] == ["Kem Sokha", "kem sokha"]
    assert [text[s:e] for s, e in find_spans(text, "aero")] == ["Ærø"]
    assert [text[s:e] for s, e in find_spans(text, "strasse")] == ["Straße", "straße"]


def test_a_combining_accent_stays_with_its_letter():
    text = "Jose\u0301 and Jose"  # the first written as e + combining acute accent
    spans = find_spans(text, "josé")
    assert [text[s:e] for s, e in spans] == ["Jose\u0301", "Jose"]


def test_part_of_an_expanded_letter_selects_the_whole_letter():
    text = "Rößner"
    assert find_spans(text, "s") == [(2, 3)]  # both folded "s" come from the one "ß"
    assert find_spans(text, "sn") == [(2, 4)]


def test_whitespace_runs_and_line_breaks_match_one_space():
    text = "release\u2028Kem   Sokha\nnow"
    assert [text[s:e] for s, e in find_spans(text, "release kem  sokha")] == [
        "release\u2028Kem   Sokha"
    ]
    assert find_spans(text, "   ") == []
    assert find_spans(text, "") == []


def test_matches_do_not_overlap():
    assert find_spans("aaaa", "aa") == [(0, 2), (2, 4)]


def test_utf16_positions_count_astral_characters_twice():
    text = "a\U0001f600b\U0001f600c"
    to16 = utf16_positions(text)
    assert [to16(i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 6, 7]
    assert utf16_positions("abc")(2) == 2


def test_match_label():
    assert match_label(2, 7) == "3 of 7"
    assert match_label(None, 0) == "No matches"
    assert match_label(None, 1) == "1 match"
    assert match_label(0, 1_234) == "1 of 1,234"


texts = st.text(
    alphabet=st.sampled_from(list("abcsSßÆæøØéE\u0301 \n\u2028\u00a8ﬁİıK\U0001f600-–")), max_size=40
)


@given(texts)
def test_folding_one_character_at_a_time_is_folding_the_whole(text):
    folded = fold_with_origins(text)
    assert folded.folded == _collapsed(text)
    assert len(folded.origin) == len(folded.folded)
    assert list(folded.origin) == sorted(folded.origin)


@given(texts, st.data())
def test_every_span_holds_the_query_and_spans_are_ordered(text, data):
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    query = text[a:b]
    spans = find_spans(text, query)
    if fold_query(query):
        assert spans, "a piece of the text is always found in it"
    for s, e in spans:
        assert 0 <= s < e <= len(text)
        assert fold_query(query) in _collapsed(text[s:e])
    assert all(e1 <= s2 for (_, e1), (s2, _) in itertools.pairwise(spans))
