"""Country names as written, and flag emoji, to ISO codes."""

from __future__ import annotations

import pytest

from viewer.core.countries import canonical_name, country_code, flag_code


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Iran", "IR"),
        ("iran", "IR"),
        ("México", "MX"),
        ("U.S.", "US"),
        ("U.K.", "GB"),
        ("The Netherlands", "NL"),
        ("Guadeloupe", "GP"),
        ("Canary Islands", "IC"),
        ("the United States", None),  # the article is the reader's to drop, not the table's
        ("Tehran", None),
        ("Österreich", "AT"),
        ("Royaume-Uni", "GB"),
        ("Estados Unidos", "US"),
        ("Россия", "RU"),
        ("香港", "HK"),
        ("台灣", "TW"),
        ("ドイツ", "DE"),
        ("مصر", "EG"),
        ("", None),
    ],
)
def test_country_codes(written, code):
    assert country_code(written) == code


@pytest.mark.parametrize(
    ("flag", "code"),
    [
        ("\U0001f1ee\U0001f1f7", "IR"),
        ("\U0001f1fa\U0001f1f8", "US"),
        ("\U0001f1ee\U0001f1e8", "IC"),
        ("\U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f", "GB"),
        ("\U0001f1fd\U0001f1fd", None),  # no such country
        ("IR", None),
        ("\U0001f1ee", None),
    ],
)
def test_flags(flag, code):
    assert flag_code(flag) == code


def test_every_flag_code_has_a_name():
    assert canonical_name(flag_code("\U0001f1f0\U0001f1f7")) == "South Korea"


def test_no_name_stands_for_two_countries():
    from viewer.core.countries import _OTHER_LANGUAGES, _TABLE
    from viewer.core.folding import fold

    owner: dict[str, str] = {}
    for line in (_TABLE + _OTHER_LANGUAGES).splitlines():
        code, *names = line.split("|")
        for name in names:
            assert owner.setdefault(fold(name).rstrip("."), code) == code, name
