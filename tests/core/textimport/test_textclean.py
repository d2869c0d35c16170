"""Markdown and page noise removed from single lines and from front matter."""

from __future__ import annotations

import pytest

from viewer.core.textimport.textclean import (
    BLANK,
    CHROME,
    FRONT,
    HEADING,
    MARKUP,
    RULE,
    TABLE,
    TEXT,
    clean_inline,
    clean_lines,
    is_chrome,
    parse_front_matter,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Unite Union\\*", "Unite Union*"),
        ("**Jane** _Doe_ and *Ann*", "Jane Doe and Ann"),
        ("2\\*3\\*4 and snake_case_name", "2*3*4 and snake_case_name"),
        ("[Amnesty](https://amnesty.org) ![logo](x.png)", "Amnesty "),
        ("R&amp;D &#233; \\&amp;", "R&D \u00e9 &amp;"),
        ("Jane\u00a0Doe\u200b\u00ad", "Jane Doe"),
        ("a<br>b <span class='x'>c</span>", "a<br>b <span class='x'>c</span>"),  # HTML is text
        ("`code` ~~struck~~", "code struck"),
    ],
)
def test_clean_inline(text, expected):
    assert clean_inline(text) == expected


def test_line_kinds_and_numbers():
    text = (
        '---\ntitle: "A: B"\ntags:\n  - x\n---\n'  # 1-5
        "Title\n=====\n"  # 6-7
        "# Heading #\n"  # 8
        "**Bold line**  \n"  # 9
        "<figure>\n![](x)\n<!-- a\nb -->\n"  # 10-13
        "Advertisement - scroll to continue reading\n"  # 14
        "| a | b |\n"  # 15
        "***\n"  # 16
        "  Text with a hard break  \n"  # 17
        "Text with a backslash break\\\n"  # 18
        "\u00a0\n"  # 19
    )
    lines, front = clean_lines(text)
    kinds = [ln.kind for ln in lines]
    assert kinds[:5] == [FRONT] * 5
    assert kinds[5:19] == [HEADING, RULE, HEADING, HEADING, TEXT, MARKUP, TEXT, TEXT,
                           CHROME, TABLE, RULE, TEXT, TEXT, BLANK]  # fmt: skip
    assert [ln.number for ln in lines][:3] == [1, 2, 3]
    assert lines[7].text == "Heading" and lines[8].text == "Bold line"
    assert lines[16].text == "  Text with a hard break" and lines[16].hard_break
    assert lines[17].text == "Text with a backslash break" and lines[17].hard_break
    assert front == {"title": "A: B"}  # a list ("tags") is not a field this viewer uses


def test_front_matter_fields():
    fields = parse_front_matter(
        ["title: 55 Scholars", "  Signed a Letter", 'date: "2019-07-23"', "url: 'x''y'", "k: |"]
    )
    assert fields == {"title": "55 Scholars Signed a Letter", "date": "2019-07-23", "url": "x'y"}


def test_a_thematic_break_is_not_front_matter():
    lines, front = clean_lines("---\nJust text\n---\nMore\n")
    assert front == {}
    assert [ln.kind for ln in lines] == [RULE, HEADING, RULE, TEXT, BLANK]  # a setext heading


@pytest.mark.parametrize(
    "line",
    ["Advertisement", "Share this article", "\u00a9 Scoop Media", "Copyright 2020 Example",
     "Find more from Workers Party on InfoPages."],
)  # fmt: skip
def test_page_furniture(line):
    assert is_chrome(line)


@pytest.mark.parametrize(
    "line", ["Join us in calling for justice.", "Copyright law must change.", "Jane Doe"]
)
def test_letter_text_is_not_page_furniture(line):
    assert not is_chrome(line)
