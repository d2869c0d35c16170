"""Three letters of 2019 with overlapping signatories, for comparison tests.

The third is the real Hong Kong letter of 23 July 2019 (read from the shared folder, never
copied). The other two are made here, with some of the same people in other layouts and
name forms: a CSV with English names and the Chinese in parentheses, some written
"SURNAME Given"; a Markdown list with English names only for some, a married name
(黎蕭寶珍 for the list's 蕭寶珍), an initial ("A. Cheng", who is not 鄭經翰), people missing
and one added.
"""

from __future__ import annotations

from pathlib import Path

from conftest import EXTERNAL

HK_JULY = EXTERNAL / "hk_former_officials_legislators_2019-07-23.txt"

JUNE_14_CSV = """name,role
Anson CHAN（陳方安生）,Former Chief Secretary for Administration
LAI Peter（黎慶寧）,Former Secretary for Security
LEE Allen（李鵬飛）,Former Legislative Councillor
Elizabeth BOSHER（布簡瓊）,Former Secretary for Economic Services
Michael SZE（施祖祥）,Former Secretary for Constitutional Affairs
Margaret NG（吳靄儀）,Former Legislative Councillor
Albert HO（何俊仁）,Former Legislative Councillor
Albert CHENG（鄭經翰）,Former Legislative Councillor
Christine LOH（陸恭蕙）,Former Under Secretary for the Environment
"""
JUNE_14_META = '{"title": "Urgent appeal to the Chief Executive", "date": "2019-06-14"}'

JUNE_23_MD = """# Second appeal to the Chief Executive

We, former officials and legislators, repeat our appeal of 14 June.

Signed:

- Anson Chan
- Peter Lai
- Allen Lee
- Dr. Margaret Ng
- 何俊仁
- 劉慧卿
- 黎蕭寶珍
- A. Cheng
- Martin Lee
"""
JUNE_23_META = '{"title": "Second appeal to the Chief Executive", "date": "2019-06-23"}'

IN_ALL_THREE = {"陳方安生", "黎慶寧", "李鵬飛", "吳靄儀", "何俊仁"}  # in July's own words
JOINED_IN_JUNE_23 = {"劉慧卿", "黎蕭寶珍", "Martin Lee", "A. Cheng"}  # in June 23's words
EARLIER_IN_JULY = {"陳方安生", "黎慶寧", "李鵬飛", "布簡瓊", "施祖祥", "吳靄儀", "何俊仁",
                   "鄭經翰", "劉慧卿", "蕭寶珍"}  # fmt: skip
WRONG_MATCH = ("Albert CHENG（鄭經翰）", "A. Cheng")  # Andrew Cheng (鄭家富) signs as A. Cheng


NEW_IN_JULY = {"王永平", "俞宗怡", "苗學禮"}  # the article names them as the newcomers


def make_letters(folder: Path) -> list[Path]:
    """The June 14 CSV and June 23 Markdown letters (with their dates) and the July letter."""
    june14 = folder / "appeal-2019-06-14.csv"
    june14.write_text(JUNE_14_CSV, encoding="utf-8")
    (folder / "appeal-2019-06-14.meta.json").write_text(JUNE_14_META, encoding="utf-8")
    june23 = folder / "appeal-2019-06-23.md"
    june23.write_text(JUNE_23_MD, encoding="utf-8")
    (folder / "appeal-2019-06-23.meta.json").write_text(JUNE_23_META, encoding="utf-8")
    return [june14, june23, HK_JULY]


def is_wrong_match(name_a: str, name_b: str) -> bool:
    return {name_a, name_b} == set(WRONG_MATCH)
