"""Sign-offs, signatory headings and stated counts, by language, from the phrase table."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from viewer.core.textimport.signoffs import (
    SignOff,
    is_group_heading,
    phrases,
    sign_off,
    stated_count,
)

CLOSING = SignOff("closing", None, None)
HEADING = SignOff("heading", None, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # English
        ("Yours sincerely,", CLOSING),
        ("Sincerely,", CLOSING),
        ("Respectfully,", CLOSING),
        ("Signed:", CLOSING),
        ("Signed,", CLOSING),
        ("In solidarity,", CLOSING),
        ("Best,", CLOSING),
        ("Thank you,", CLOSING),
        ("Initiators:", HEADING),
        ("Signed by", HEADING),
        ("### Signatories", HEADING),
        ("**Cosignatories**", HEADING),
        ("Co-signatories:", HEADING),
        ("The undersigned:", HEADING),
        ("Undersigned", HEADING),
        ("List of signatories", HEADING),
        ("Initial signatories", HEADING),
        ("Supporters (list sorted alphabetically)", HEADING),
        ("COSIGNATORIES (This list is arranged according to alphabetical order)", HEADING),
        ("COSIGNATORIES (55)", SignOff("heading", None, 55)),
        ("Signatories (in alphabetical order): 55", SignOff("heading", None, 55)),
        ("Signatories (2019)", HEADING),  # a year
        ("Signatories (2019 names)", SignOff("heading", None, 2019)),
        ("聯署人：(按筆畫次序）34 人", SignOff("heading", None, 34)),  # past a remark
        ("聯署人（按筆畫次序）：王永平、俞宗怡", SignOff("heading", "王永平、俞宗怡", None)),
        ("Signed: Jane Doe", SignOff("closing", "Jane Doe", None)),
        ("3,081 signatures", SignOff("heading", None, 3081)),
        ("signed by 158 parliamentarians", SignOff("heading", None, 158)),
        # German: gez. carries the first name
        ("gez.", CLOSING),
        ("gez. Henryk M. Broder", SignOff("closing", "Henryk M. Broder", None)),
        ("Mit freundlichen Grüßen", CLOSING),
        ("Unterzeichner", HEADING),
        ("Unterzeichner*innen:", HEADING),
        ("Erstunterzeichner:innen", HEADING),
        ("UnterzeichnerInnen", HEADING),
        ("Initiator*innen", HEADING),
        ("Erstunterzeichner:", HEADING),
        ("Weitere Unterzeichnerinnen und Unterzeichner", HEADING),
        # French
        ("Signataires", HEADING),
        ("Premiers signataires", HEADING),
        ("Signataires post-publication", HEADING),
        ("5 384 signataires", SignOff("heading", None, 5384)),
        ("Cordialement,", CLOSING),
        ("Veuillez agréer, Madame, l'expression de nos salutations distinguées.", CLOSING),
        # Spanish, Portuguese, Italian
        ("Firmantes:", HEADING),
        ("Firmado,", CLOSING),
        ("Atentamente,", CLOSING),
        ("Assinam:", HEADING),
        ("Signatários", HEADING),
        ("Firmatari", HEADING),
        ("Primi firmatari:", HEADING),
        # Russian
        ("Подписавшиеся:", HEADING),
        ("Подписали:", HEADING),
        ("С уважением,", CLOSING),
        # Chinese, both scripts
        ("聯署人：", HEADING),
        ("签名人：", HEADING),
        ("倡议人：", HEADING),
        ("联署人", HEADING),
        ("聯署人（34人）", SignOff("heading", None, 34)),
        ("聯署人：王永平、俞宗怡", SignOff("heading", "王永平、俞宗怡", None)),
        ("此致", CLOSING),
        # Japanese
        ("署名", HEADING),
        ("賛同者", HEADING),
        ("呼びかけ人：", HEADING),
        ("敬具", CLOSING),
        # Arabic
        ("الموقعون", HEADING),
        ("الموقعون:", HEADING),
    ],
)
def test_sign_offs_and_headings(text, expected):
    assert sign_off(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "We, the undersigned, believe in the necessity of digital autonomy.",
        "Signatures are being collected until Friday",
        "Signed Kiran Graefenstedt",  # an entry that starts with the word
        "Thank you for your attention to this matter.",
        "Best practice guidelines",
        "Signatory states shall report to the committee every year.",
        "署名運動について",  # "about the signature campaign": the phrase runs on
        "聯署聲明",  # "joint statement"
        "Organizations",  # a section heading, not a start of the list
        "Dear Sir or Madam,",
        "Jane Doe, Lecturer",
        "",
        "   ",
    ],
)
def test_not_sign_offs(text):
    assert sign_off(text) is None


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Organizations", True),
        ("### Individuals", True),
        ("Organisations (61)", True),
        ("Einzelpersonen:", True),
        ("個人", True),
        ("Signatories", False),
        ("Jane Doe", False),
    ],
)
def test_group_headings(text, group):
    assert is_group_heading(text) is group


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("3,081 signatures", 3081),
        ("So far 1.250 Unterschriften have arrived", 1250),
        ("COSIGNATORIES (55)", 55),
        ("Signatories: 120", 120),
        ("signed by 158 parliamentarians from 12 countries", 158),
        ("5 384 signataires", 5384),
        ("5\u202f384 signataires", 5384),
        ("34 人", 34),
        ("（共120人）", 120),
        ("他們共34人今天再就調查委員會職責範圍發聯署聲明", 34),
        ("聯署人（34人）", 34),
        ("賛同者 120名", 120),
        ("٣٤ توقيع", 34),
        ("The letter of 4 March 2021", None),
        ("有3人受傷，當局正在調查", None),  # "3 people hurt": a count, but not of signers
        ("Signatories", None),
        ("", None),
    ],
)
def test_stated_counts(text, count):
    assert stated_count(text) == count


def test_table_rows_are_well_formed():
    kinds = {"closing", "heading", "group", "prefix", "unit", "stop"}
    languages = {p.language for p in phrases()}
    assert {"en", "fr", "de", "es", "pt", "it", "ru", "zh", "ja", "ar"} <= languages
    assert all(p.kind in kinds and p.text == p.text.strip() and p.text for p in phrases())
    seen = [(p.kind, p.language, p.text) for p in phrases()]
    assert len(seen) == len(set(seen))


@given(st.text(max_size=300))
def test_never_raises(text):
    found = sign_off(text)
    assert found is None or found.kind in ("closing", "heading")
    count = stated_count(text)
    assert count is None or count >= 0
