"""HTML -> blocks (viewer/core/textimport/blocks/html_blocks.py): each element kind, nesting,
entities, broken markup, source lines, chrome dropped, and two real pages."""

from __future__ import annotations

import html
import re
import time

import pytest
from conftest import EXTERNAL
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.core.errors import ParseError
from viewer.core.textimport.blocks import Block, Link
from viewer.core.textimport.blocks.html_blocks import html_blocks, html_to_text
from viewer.core.textimport.blocks.html_elements import DROPPED


def shown(markup: str) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in html_blocks(markup)]


def only(markup: str) -> Block:
    (block,) = html_blocks(markup)
    return block


# ---- element kinds ---------------------------------------------------------------------


@pytest.mark.parametrize("level", range(1, 7))
def test_headings_have_their_level(level):
    block = only(f"<h{level}>Signatories</h{level}>")
    assert (block.kind, block.text, block.level) == ("heading", "Signatories", level)


@pytest.mark.parametrize(
    "markup",
    [
        "<p>Ann Lee</p>",
        "<div>Ann Lee</div>",
        "<blockquote>Ann Lee</blockquote>",
        "<dl><dt>Ann Lee</dt></dl>",
        "<dl><dd>Ann Lee</dd></dl>",
        "<section>Ann Lee</section>",
        "Ann Lee",
    ],
)
def test_paragraph_elements_and_loose_text_are_paragraphs(markup):
    assert shown(markup) == [("paragraph", "Ann Lee")]


def test_loose_text_between_blocks_is_a_paragraph_of_its_own():
    markup = "<div><p>Dear all,</p>\nWe ask <b>you</b> to act.\n<ul><li>Ann</li></ul>Thanks</div>"
    assert shown(markup) == [
        ("paragraph", "Dear all,"),
        ("paragraph", "We ask you to act."),
        ("item", "Ann"),
        ("paragraph", "Thanks"),
    ]


def test_br_breaks_the_line_inside_one_block():
    assert shown("<p>Ann Lee<br>Bob Roe <br/> Carl Poe<br></p>") == [
        ("paragraph", "Ann Lee\nBob Roe\nCarl Poe")
    ]


def test_hr_is_a_rule_between_blocks():
    assert shown("<p>Letter</p><hr><p>Ann</p>") == [
        ("paragraph", "Letter"),
        ("rule", ""),
        ("paragraph", "Ann"),
    ]


def test_list_items_carry_depth_numbers_and_their_list():
    markup = """
    <ol start="3">
      <li>Ann</li>
      <li>Bob
        <ul><li>Bob's lab</li><li>Bob's team</li></ul>
      </li>
      <li value="10">Carl</li>
      <li>Dee</li>
    </ol>
    <ul><li>Eve</li></ul>
    """
    items = [b for b in html_blocks(markup) if b.kind == "item"]
    assert [(b.text, b.level, b.number) for b in items] == [
        ("Ann", 0, 3),
        ("Bob", 0, 4),
        ("Bob's lab", 1, None),
        ("Bob's team", 1, None),
        ("Carl", 0, 10),
        ("Dee", 0, 11),
        ("Eve", 0, None),
    ]
    outer, inner, last = items[0].list_id, items[2].list_id, items[-1].list_id
    assert len({outer, inner, last}) == 3
    assert [b.list_id for b in items] == [outer, outer, inner, inner, outer, outer, last]


def test_reversed_list_counts_down():
    items = html_blocks('<ol reversed start="3"><li>a<li>b<li>c</ol>')
    assert [b.number for b in items] == [3, 2, 1]


def test_an_item_stays_one_block_whatever_boxes_it_holds():
    markup = "<ul><li><p>Ann Lee</p><div>Lecturer, <i>Leeds</i></div></li><li>Bob</li></ul>"
    first, second = html_blocks(markup)
    assert (first.kind, first.text, first.inline.emphasis) == (
        "item",
        "Ann Lee\nLecturer, Leeds",
        ("Leeds",),
    )
    assert (second.kind, second.text) == ("item", "Bob")


def test_text_after_a_nested_list_is_not_a_second_item():
    blocks = html_blocks("<ul><li>Ann<ul><li>sub</li></ul>and more</li></ul>")
    assert [(b.kind, b.text) for b in blocks] == [
        ("item", "Ann"),
        ("item", "sub"),
        ("paragraph", "and more"),
    ]


def test_table_rows_have_cells_and_header_rows_are_marked():
    markup = """<table>
      <thead><tr><th>Name</th><th>Role</th></tr></thead>
      <tr><td>Ann <b>Lee</b></td><td><a href="https://ann.example">site</a></td></tr>
      <tr><th>Bob</th><td></td></tr>
    </table>"""
    head, ann, bob = html_blocks(markup)
    assert (head.kind, head.header, [c.text for c in head.cells]) == ("row", True, ["Name", "Role"])
    assert (ann.header, ann.text, [c.text for c in ann.cells]) == (
        False,
        "Ann Lee\tsite",
        ["Ann Lee", "site"],
    )
    assert ann.cells[0].strong == ("Lee",)
    assert ann.cells[1].links == (Link("site", "https://ann.example"),)
    assert ann.inline.links == ann.cells[1].links
    assert (bob.header, [c.text for c in bob.cells]) == (False, ["Bob", ""])


def test_a_cell_keeps_its_paragraphs_as_lines():
    row = only("<table><tr><td>Ann Lee<p>Leeds</p></td><td>UK</td></tr></table>")
    assert [c.text for c in row.cells] == ["Ann Lee\nLeeds", "UK"]


def test_a_table_laid_out_as_a_page_gives_its_boxes_not_one_row():
    page = """<table><tr><td>Menu</td>
      <td><h1>Open letter</h1><p>Dear all,</p><ol><li>Ann</li><li>Bob</li></ol>Thanks</td>
      <td>Sidebar</td></tr></table>"""
    assert shown(page) == [
        ("row", "Menu\t"),
        ("heading", "Open letter"),
        ("paragraph", "Dear all,"),
        ("item", "Ann"),
        ("item", "Bob"),
        ("paragraph", "Thanks"),
        ("paragraph", "Sidebar"),
    ]


def test_a_data_table_inside_a_layout_table_gives_its_rows():
    page = "<table><tr><td><table><tr><td>Ann</td><td>UK</td></tr></table></td></tr></table>"
    assert [[c.text for c in b.cells] for b in html_blocks(page)] == [["Ann", "UK"]]


def test_a_th_only_row_outside_thead_is_a_header_row():
    assert only("<table><tr><th>Name</th><th>Country</th></tr></table>").header


def test_links_strong_and_emphasis_are_marked_in_order():
    block = only(
        '<p><a href="/a">Ann</a> and <a href="https://b.org">Bob <b>Roe</b></a>, '
        "<strong>both</strong> <em>very</em> <i>much</i>; <a name='x'>anchor</a></p>"
    )
    assert block.text == "Ann and Bob Roe, both very much; anchor"
    assert block.inline.links == (Link("Ann", "/a"), Link("Bob Roe", "https://b.org"))
    assert block.inline.strong == ("Roe", "both")
    assert block.inline.emphasis == ("very", "much")


def test_a_strong_only_paragraph_stays_a_paragraph_all_strong():
    block = only("<p><strong>Signataires post-publication</strong></p>")
    assert (block.kind, block.text, block.inline.strong) == (
        "paragraph",
        "Signataires post-publication",
        ("Signataires post-publication",),
    )


def test_a_span_across_a_line_break_is_one_mark():
    assert only("<p><b>Ann<br>Lee</b></p>").inline.strong == ("Ann\nLee",)


# ---- text: entities, white space ---------------------------------------------------------


def test_entities_are_decoded():
    block = only(
        "<p>Tom &amp; Jerry&nbsp;Ltd &eacute;t&eacute; &#8211; &#x41;&lt;b&gt; &copy 2019</p>"
    )
    assert block.text == "Tom & Jerry Ltd été – A<b> © 2019"


def test_white_space_collapses_as_in_a_browser_but_not_in_pre():
    assert only("<p>\n   Ann \t\n  Lee   </p>").text == "Ann Lee"
    assert only("<p>Ann<span> Lee</span> <b> Roe </b>!</p>").text == "Ann Lee Roe !"
    assert only("<pre>  Ann\n    Lee</pre>").text == "  Ann\n    Lee"


def test_empty_input_and_markup_without_text_give_no_blocks():
    for markup in ("", "   \n", "<!-- only a comment -->", "<div><p> </p><br></div>", "</li>"):
        assert html_blocks(markup) == []


# ---- broken markup -------------------------------------------------------------------------


def test_unclosed_paragraphs_as_on_the_german_blog_page():
    assert shown("<p>gez.<p>Henryk M. Broder<br>\nUwe Tellkamp<br>\nDr. Thilo Sarrazin<br>\n") == [
        ("paragraph", "gez."),
        ("paragraph", "Henryk M. Broder\nUwe Tellkamp\nDr. Thilo Sarrazin"),
    ]


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("<ul><li>Ann<li>Bob</ul>", [("item", "Ann"), ("item", "Bob")]),
        ("<ol><li>Ann<li>Bob", [("item", "Ann"), ("item", "Bob")]),
        ("<ul><li>Ann <b>Lee</li><li>Bob</ul>", [("item", "Ann Lee"), ("item", "Bob")]),
        ("<table><tr><td>a<td>b<tr><td>c</table>", [("row", "a\tb"), ("row", "c")]),
        ("<h2>Signatories<p>Ann</p>", [("heading", "Signatories"), ("paragraph", "Ann")]),
        ("<div>Ann<div>Bob</div>Carl</div>", [("paragraph", x) for x in ("Ann", "Bob", "Carl")]),
        ("<p>Ann<!-- a note left open <b>x</b>", [("paragraph", "Ann")]),
        ("<p>Ann</p><!--->Bob", [("paragraph", "Ann"), ("paragraph", "Bob")]),
        ("<?php echo 1; ?><p>Ann</p>", [("paragraph", "Ann")]),
        ("<li>Ann<li>Bob", [("item", "Ann"), ("item", "Bob")]),
        ("<p>Ann</p foo><P CLASS=x>Bob</P>", [("paragraph", "Ann"), ("paragraph", "Bob")]),
        ("<p>a < b, <3</p>", [("paragraph", "a < b, <3")]),
    ],
)
def test_broken_markup_is_read_as_a_browser_shows_it(markup, expected):
    assert shown(markup) == expected


def test_items_outside_a_list_form_one_list_until_another_block():
    blocks = html_blocks("<li>Ann<li>Bob</li><p>gap</p><li>Carl")
    items = [b for b in blocks if b.kind == "item"]
    assert items[0].list_id == items[1].list_id != items[2].list_id


def test_nesting_too_deep_for_libxml2_is_a_parse_error_not_lost_text():
    with pytest.raises(ParseError, match="nests its elements too deeply") as raised:
        html_blocks("<p>Letter</p>\n" + "<div>" * 3000 + "Ann Lee", first_line=40)
    assert raised.value.line == 41
    assert only("<div>" * 1000 + "Ann Lee").text == "Ann Lee"  # deep, but within the limit


def test_an_xml_declaration_or_meta_charset_in_the_text_is_not_obeyed():
    page = '<?xml version="1.0" encoding="iso-8859-1"?><html><head><meta charset="koi8-r"></head>'
    assert shown(page + "<body><p>Łódź – Zoë</p></body></html>") == [("paragraph", "Łódź – Zoë")]


# ---- chrome ------------------------------------------------------------------------------


@pytest.mark.parametrize("tag", sorted(DROPPED - {"head", "title"}))
def test_chrome_and_code_elements_are_dropped_with_their_text(tag):
    markup = f"<body><p>Before</p><{tag}>chrome text</{tag}><p>After</p></body>"
    assert shown(markup) == [("paragraph", "Before"), ("paragraph", "After")]


def test_head_title_comments_and_scripts_are_not_text():
    page = """<html><head><title>Site</title><style>p {}</style></head>
    <body><!-- <p>hidden</p> --><script>var s = "<p>x</p>";</script><p>Letter</p></body></html>"""
    assert shown(page) == [("paragraph", "Letter")]


def test_page_header_and_footer_are_dropped_but_an_articles_are_kept():
    page = """<body><header><h1>Site name</h1></header>
    <article><header><h1>Open letter</h1></header><p>Text</p><footer>Posted 2019</footer></article>
    <footer>© Site</footer></body>"""
    assert shown(page) == [
        ("heading", "Open letter"),
        ("paragraph", "Text"),
        ("paragraph", "Posted 2019"),
    ]


@pytest.mark.parametrize(
    "attrs", ['role="navigation"', 'role="banner"', "hidden", 'style="display: none"']
)
def test_elements_marked_as_chrome_or_hidden_are_dropped(attrs):
    assert shown(f"<div {attrs}><ul><li>Home</li></ul></div><p>Letter</p>") == [
        ("paragraph", "Letter")
    ]


def test_an_emoji_image_keeps_its_emoji_other_images_show_nothing():
    markup = '<li>Ann from Iran <img class="emoji" alt="🇮🇷" src="x.svg"> <img alt="photo"></li>'
    assert only(markup).text == "Ann from Iran 🇮🇷"


# ---- lines -------------------------------------------------------------------------------


def test_each_block_has_the_line_where_it_starts():
    page = "\n".join(
        [
            "<html>",  # 1
            "<body>",  # 2
            '<h2 class="x">Title</h2>',  # 3
            "<p>",  # 4
            "  Dear all,",  # 5
            "</p>",  # 6
            "<!-- a comment",  # 7
            "over two lines -->",  # 8
            "loose text",  # 9
            "<ul>",  # 10
            "  <li>Ann</li>",  # 11
            "  <li>",  # 12
            "    Bob</li>",  # 13
            "</ul>",  # 14
            "<table><tr><td>a</td></tr>",  # 15
            "<tr>",  # 16
            "<td>b</td></tr></table><hr>",  # 17
            "</body></html>",
        ]
    )
    lines = [(b.kind, b.text, b.line) for b in html_blocks(page)]
    assert lines == [
        ("heading", "Title", 3),
        ("paragraph", "Dear all,", 4),
        ("paragraph", "loose text", 9),
        ("item", "Ann", 11),
        ("item", "Bob", 12),
        ("row", "a", 15),
        ("row", "b", 16),
        ("rule", "", 17),
    ]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_lines_count_every_kind_of_line_break(newline):
    page = newline.join(["<body>", "<p>Ann</p>", "", "loose", "<ul><li>Bob</li>", "</ul>"])
    assert [(b.text, b.line) for b in html_blocks(page)] == [("Ann", 2), ("loose", 4), ("Bob", 5)]


def test_first_line_offsets_a_fragments_lines():
    blocks = html_blocks("<p>gez.\n<p>Henryk M. Broder<br>\nUwe Tellkamp", first_line=28)
    assert [b.line for b in blocks] == [28, 29]
    assert [c.line for c in only("<table><tr><td>a<td>\nb</table>").cells] == [1, 1]


def test_lines_past_65535_are_counted_on():
    # libxml2 keeps element lines in 16 bits; past that html_blocks counts from the text.
    page = "<p>top</p>" + "\n" * 70_000 + "<ul>\n<li>Ann</li>\n<!--\n-->\n<li>Bob</li></ul>"
    assert [b.line for b in html_blocks(page)] == [1, 70_002, 70_005]


# ---- html_to_text ---------------------------------------------------------------------


def test_html_to_text_gives_the_blocks_one_a_line():
    assert html_to_text("<h3>Signed</h3><p>Ann &amp; Bob<br>Carl</p><hr><ul><li>Dee</ul>") == (
        "Signed\nAnn & Bob\nCarl\nDee"
    )


# ---- properties ----------------------------------------------------------------------------

_TAGS = ["p", "div", "li", "ul", "ol", "b", "i", "a", "span", "h2", "td", "tr", "table",
         "blockquote", "strong", "em", "pre", "section", "dd", "small"]  # fmt: skip
# Text as a page could hold it: no control characters (HTML forbids them), no surrogates.
_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Co", "Cn")), max_size=30)


_PLAIN = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Co", "Cn"), blacklist_characters="<"),
    max_size=30,
)


@st.composite
def _fragments(draw, depth: int = 0) -> tuple[str, str]:
    """Well-formed markup: nested elements from _TAGS around escaped text; and that text."""
    parts, texts = [], []
    for _ in range(draw(st.integers(0, 3))):
        if depth < 4 and draw(st.booleans()):
            tag = draw(st.sampled_from(_TAGS))
            attrs = ' href="https://x.org/?a=1&amp;b=2"' if tag == "a" else ""
            inner, text = draw(_fragments(depth + 1))
            parts.append(f"<{tag}{attrs}>{inner}</{tag}>")
            texts.append(text)
        else:
            text = draw(_PLAIN)
            parts.append(html.escape(text))
            texts.append(text)
        if draw(st.booleans()):
            parts.append("<br>")
    return "".join(parts), "".join(texts)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200), st.integers(1, 10_000))
def test_any_text_gives_blocks_without_failing(text, first_line):
    blocks = html_blocks(text, first_line)
    assert all(isinstance(b, Block) for b in blocks)
    assert all(b.line is None or b.line >= first_line for b in blocks)


@settings(max_examples=300, deadline=None)
@given(_fragments())
def test_well_formed_markup_leaves_no_tag_and_loses_no_text(fragment):
    markup, text = fragment
    blocks = html_blocks(markup)
    assert not any("<" in block.text for block in blocks)  # the text itself has none
    shown_text = "".join("".join(block.text for block in blocks).split())
    if re.search(r"<t[rd]>", markup):  # text loose in a row is shown before it, as browsers do
        assert sorted(shown_text) == sorted("".join(text.split()))
    else:
        assert shown_text == "".join(text.split())


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_escaped_text_in_a_paragraph_comes_back_collapsed(text):
    words = re.split(r"[ \t\n\r\f\u00a0]+", text.replace("\x0c", " "))
    expected = " ".join(w for w in words if w).strip()  # other spaces stay, but not at the ends
    assert shown(f"<p>{html.escape(text)}</p>") == ([("paragraph", expected)] if expected else [])


# ---- real pages --------------------------------------------------------------------------

needs_letters = pytest.mark.skipif(
    not EXTERNAL.is_dir(), reason=f"the shared external letters are not at {EXTERNAL}"
)
FRENCH = "fr_nofakescience_signataires_2019.html"
GERMAN = "de_gemeinsame_erklaerung_2018-03-15.md"


def _ol_items(page: str) -> list[list[tuple[int, str]]]:
    """Each <ol>'s <li> texts and lines, by regex: test data independent of the parser."""
    lists = []
    for match in re.finditer(r"<ol>(.*?)</ol>", page, re.S):
        first_line = page.count("\n", 0, match.start(1)) + 1
        items = []
        for li in re.finditer(r"<li>(.*?)</li>", match.group(1), re.S):
            line = first_line + match.group(1).count("\n", 0, li.start())
            items.append((line, html.unescape(re.sub(r"\s+", " ", li.group(1)).strip())))
        lists.append(items)
    return lists


@needs_letters
def test_french_page_gives_its_three_lists_and_no_chrome_in_under_a_second():
    page = (EXTERNAL / FRENCH).read_text(encoding="utf-8")
    start = time.perf_counter()
    blocks = html_blocks(page)
    seconds = time.perf_counter() - start
    expected = _ol_items(page)
    assert [len(items) for items in expected] == [20, 230, 5134]  # the README's hand count
    items = [b for b in blocks if b.kind == "item"]
    by_list: dict[int | None, list[Block]] = {}
    for item in items:
        by_list.setdefault(item.list_id, []).append(item)
    assert [[(b.line, b.text) for b in group] for group in by_list.values()] == expected
    assert [b.number for b in items[:3]] == [1, 2, 3] and items[-1].number == 5134
    assert all(b.level == 0 for b in items)
    assert "&amp;" in page and any("&" in b.text for b in items)
    # the <nav> menu's <li><a> items (counted by regex) and the press sidebar are dropped
    nav = re.search(r"<nav.*?</nav>", page, re.S).group(0)
    nav_items = [
        re.sub(r"<[^>]+>|\s+", " ", li).strip() for li in re.findall(r"<li>.*?</a>", nav, re.S)
    ]
    assert len(nav_items) == 8 and "Foire Aux Questions" in nav_items
    assert len(re.findall(r"<li[\s>]", page)) == len(items) + len(
        nav_items
    )  # every <li> of the page is one
    assert not set(nav_items) & {b.text for b in items}
    assert not any(b.text in ("Dans la presse", "Le Monde") for b in blocks)
    # the list headings are strong-only paragraphs, in order before their lists
    strong = [b.text for b in blocks if b.kind == "paragraph" and b.inline.strong == (b.text,)]
    assert strong == ["Rédacteurs NoFakeScience", "Signataires", "Signataires post-publication"]
    assert seconds < 1.0


@needs_letters
def test_german_fragment_keeps_the_sign_off_line_and_one_name_a_line():
    lines = (EXTERNAL / GERMAN).read_text(encoding="utf-8").splitlines()
    start = next(n for n, line in enumerate(lines) if "gez." in line)
    end = next(n for n in range(start, len(lines)) if not lines[n].strip())
    fragment = "\n".join(lines[start:end])  # what Markdown hands over as one HTML block
    gez, names = html_blocks(fragment, first_line=start + 1)
    # test data by regex: what follows "gez.<p ...>", cut at the <br> tags
    raw = re.split(r"gez\.<p[^>]*>", fragment)[1]
    expected = [part.strip() for part in re.split(r"<br\s*/?>", raw) if part.strip()]
    assert (gez.kind, gez.text, gez.line) == ("paragraph", "gez.", start + 1)
    assert (names.kind, names.line) == ("paragraph", start + 1)
    assert names.text.split("\n") == expected
    assert expected[0] == "Henryk M. Broder" and len(expected) == 32
