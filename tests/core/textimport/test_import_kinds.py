"""Small letters of the same kinds as the real ones, with other names and languages.

They prove the rules are general: a Markdown letter with two ### sections and a Spanish
sign-off, an HTML page with navigation, two lists and a press sidebar, a German "gez."
line in HTML inside Markdown followed by blog comments, project links before the
signatories, a stated count that differs, a plain-text press release.
"""

from __future__ import annotations

from collections import Counter

import pytest

from viewer.core.errors import ParseError
from viewer.core.opening import open_document
from viewer.core.textimport.blocks.markdown_blocks import markdown_blocks
from viewer.core.textimport.blocks.sources import HTML, MARKDOWN, TEXT, source_kind
from viewer.core.textimport.blocks.text_blocks import text_blocks
from viewer.core.textimport.plan import analyse, import_text_letter


def _names(doc) -> list[str]:
    return [s.name for s in doc.signatories]


def _warnings(doc) -> str:
    return "\n".join(w.message for w in doc.warnings)


SPANISH_MD = """---
title: Carta abierta por los ríos
date: 2024-05-02
---

# Carta abierta por los ríos

Estimada ministra:

Le pedimos que proteja los ríos.

Atentamente,

### Organizaciones

1. Fundación Agua Viva
1. Red de Ríos Libres (RRL)

### Personas

<!-- añada su nombre en orden alfabético -->

1. Lucía Fernández (Universidad de Sevilla)
1. Mateo Ruiz
1. Sofía Ortega &amp; equipo

Comentarios: escríbanos a info@example.org
"""


def test_markdown_letter_with_two_sections_and_a_spanish_sign_off():
    plan = analyse(SPANISH_MD, "carta.md")
    doc = plan.to_document()
    assert _names(doc) == [
        "Fundación Agua Viva",
        "Red de Ríos Libres (RRL)",
        "Lucía Fernández",
        "Mateo Ruiz",
        "Sofía Ortega & equipo",
    ]
    groups = Counter(s.extra_value("group") for s in doc.signatories)
    assert groups == {"Organizaciones": 2, "Personas": 3}
    assert doc.letter.closing == "Atentamente,"
    assert doc.metadata.date == "2024-05-02"
    assert [s.section.heading for s in plan.sections] == ["Organizaciones", "Personas"]
    assert "2 sections" in _warnings(doc) and "not read as signatories" in _warnings(doc)


HTML_PAGE = """<!DOCTYPE html>
<html><head><title>Offener Brief</title><style>li { color: red }</style></head>
<body>
<header><nav><ul><li><a href="/">Startseite</a></li><li><a href="/presse">Presse</a></li>
<li><a href="/kontakt">Kontakt</a></li></ul></nav></header>
<main>
<h1>Offener Brief zur Forschungsfreiheit</h1>
<p>Sehr geehrte Damen und Herren,</p>
<p>wir fordern freie Forschung &amp; Lehre.</p>
<h2>Unterzeichner (5)</h2>
<p><strong>Wissenschaft</strong></p>
<ol>
  <li>Schmidt Anna - Physikerin</li>
  <li>Weber Jonas - Historiker</li>
  <li>Keller Mia - Biologin</li>
</ol>
<p><strong>Kultur</strong></p>
<ol><li>Brandt Lena - Autorin<li>Vogel Tim - Musiker</ol>
<h5>Fehler gefunden? Schreiben Sie uns.</h5>
</main>
<aside><h3>In der Presse</h3><ul><li>Tagesblatt</li><li>Radio Nord</li></ul></aside>
<footer><p>&copy; 2024 Initiative</p></footer>
</body></html>
"""


def test_html_page_with_navigation_two_lists_and_a_sidebar(tmp_path):
    path = tmp_path / "brief.htm"
    path.write_text(HTML_PAGE, encoding="utf-8")
    doc = open_document(path)
    assert _names(doc) == ["Schmidt Anna", "Weber Jonas", "Keller Mia", "Brandt Lena", "Vogel Tim"]
    assert [s.role for s in doc.signatories][:2] == ["Physikerin", "Historiker"]
    assert Counter(s.extra_value("group") for s in doc.signatories) == {
        "Wissenschaft": 3,
        "Kultur": 2,
    }
    assert doc.metadata.published_count == 5
    assert not any("says 5" in w.message for w in doc.warnings)


def test_an_html_page_is_html_by_its_content_whatever_its_name(tmp_path):
    assert source_kind(HTML_PAGE, "brief.txt") == HTML
    assert source_kind("Dear X,\n", "a.md") == MARKDOWN
    assert source_kind("Dear X,\n", "a.txt") == TEXT
    path = tmp_path / "saved-page.txt"
    path.write_text(HTML_PAGE, encoding="utf-8")
    assert len(open_document(path).signatories) == 5


BLOG_MD = """---
title: "Erklärung"
---

<div class="entry">
<p>Wir erklären uns solidarisch.
<p>gez. Marta Albrecht<br>
Dr. Jan Kowalski<br>
Prof. Ute Lang<br>
</div>

<h5 class="comments">3 Kommentare</h5>
<ol class="comments">
<li><h6 class="author">Peter Klein</h6> <span>1. April 2024</span><p>Sehr gut!</p></li>
<li><h6 class="author">Sabine</h6><p>Ich stimme zu.</p></li>
</ol>
"""


def test_sign_off_line_with_the_first_name_and_comments_after_it():
    doc = import_text_letter(BLOG_MD, "blog.md")
    assert _names(doc) == ["Marta Albrecht", "Dr. Jan Kowalski", "Prof. Ute Lang"]
    assert doc.letter.closing == "gez. Marta Albrecht"
    assert "3 Kommentare" in _warnings(doc)


LINKS_FIRST_MD = """# A message to a platform

We are developers who build free software.

## Projects we made

- [@ana/river](https://example.org/ana/river)
- [@bo/lake](https://example.org/bo/lake)
- [@cy/sea](https://example.org/cy/sea)

## Supporters

- Ana Lima from Brazil \U0001f1e7\U0001f1f7 ([ana](https://example.org/ana))
- bo-dev from Japan \U0001f1ef\U0001f1f5 ([bo-dev](https://example.org/bo-dev))
- Cy Moreau \U0001f1eb\U0001f1f7
"""


def test_list_items_before_the_signatory_part_are_not_signatories():
    doc = import_text_letter(LINKS_FIRST_MD, "message.md")
    assert _names(doc) == ["Ana Lima", "bo-dev", "Cy Moreau"]
    assert [s.country for s in doc.signatories] == ["Brazil", "Japan", "France"]


def test_a_stated_count_that_differs_is_said_plainly():
    doc = import_text_letter(
        "Nous demandons justice.\n\nCordialement,\n\nSignataires (4)\n\n"
        "1. Claire Martin, avocate\n2. Paul Durand, médecin\n3. Inès Petit, enseignante\n"
    )
    assert _names(doc) == ["Claire Martin", "Paul Durand", "Inès Petit"]
    assert "says 4 signatories, but 3 were read" in _warnings(doc)


def test_plain_text_press_release_ends_at_ends():
    doc = import_text_letter(
        "PRESS RELEASE\n\nUnions back the nurses.\n\nSigned:\n\n"
        "Ana Kowal, secretary, Nurses Union\nTed Olsen, organiser\n\nENDS\n\n"
        "Issued by the Nurses Union\nContact Jo Bloggs\n"
    )
    assert _names(doc) == ["Ana Kowal", "Ted Olsen"]
    assert "an end mark" in _warnings(doc)


def test_an_image_after_the_last_entry_ends_the_list():
    doc = import_text_letter(
        "Statement.\n\n### Signatories\n\nRiver Watch  \nOpen Rights Group (ORG)  \n\n"
        "![logos](/img/logos.png)\n",
        "s.md",
    )
    assert _names(doc) == ["River Watch", "Open Rights Group (ORG)"]


def test_markdown_blocks_keep_structure_and_drop_markup():
    front, blocks = markdown_blocks(
        "---\ntitle: T\n---\n\n## Signed\n\n3. **Ana** / Artist\n4. [Bo](https://b.example)\n"
        "\n| Name | Country |\n| --- | --- |\n| Cy | Chile |\n\n{% include x.html %}\n\n"
        "<p>Dee<br>Eve &amp; Co</p>\n"
    )
    assert front == {"title": "T"}
    kinds = [(b.kind, b.text) for b in blocks]
    assert kinds == [
        ("heading", "Signed"),
        ("item", "Ana / Artist"),
        ("item", "Bo"),
        ("row", "Name\tCountry"),
        ("row", "Cy\tChile"),
        ("paragraph", "Dee\nEve & Co"),
    ]
    assert [b.number for b in blocks[1:3]] == [3, 4]
    assert (
        blocks[1].inline.strong == ("Ana",) and blocks[2].inline.links[0].url == "https://b.example"
    )
    assert blocks[3].header and blocks[1].line == 7 and blocks[-1].line == 16


def test_text_blocks_by_blank_lines_and_indents():
    _front, blocks = text_blocks(
        "Signatories\n\n    1. Ana Lima, Lecturer,\n       University of Porto\n"
        "    2. Bo Chen\n\nJane Doe\nMember of Parliament, Kenya\n"
    )
    assert [(b.kind, b.text, b.number) for b in blocks] == [
        ("paragraph", "Signatories", None),
        ("item", "Ana Lima, Lecturer,\nUniversity of Porto", 1),
        ("item", "Bo Chen", 2),
        ("paragraph", "Jane Doe\nMember of Parliament, Kenya", None),
    ]


def test_a_user_may_start_the_list_at_a_later_section():
    plan = analyse(SPANISH_MD, "carta.md")
    personas = SPANISH_MD.split("\n").index("### Personas") + 1
    moved = plan.with_boundary(personas)
    assert [s.name for s in moved.signatories] == [
        "Lucía Fernández",
        "Mateo Ruiz",
        "Sofía Ortega & equipo",
    ]
    with pytest.raises(ParseError, match="No list"):
        analyse("Just a note.\n", "n.md").to_document()


def test_items_nested_under_a_country_item_take_it_as_their_heading():
    doc = import_text_letter(
        "Text.\n\n## Signatories\n\n- France\n  - Claire Martin, avocate\n  - Paul Durand\n"
        "- Germany\n  - Hans Meier\n- **Academics**\n  - Ann Lee, Professor\n",
        "l.md",
    )
    assert [(s.name, s.country, s.extra_value("group")) for s in doc.signatories] == [
        ("Claire Martin", "France", None),
        ("Paul Durand", "France", None),
        ("Hans Meier", "Germany", None),
        ("Ann Lee", None, "Academics"),
    ]


def test_tables_of_signatories_in_markdown_and_html():
    md = import_text_letter(
        "Text.\n\n## Signatories\n\n| Name | Country | Role |\n|---|---|---|\n"
        "| Ana Lima | Brazil | Lecturer |\n| Bo Chen | China | |\n",
        "t.md",
    )
    assert [(s.name, s.country, s.role) for s in md.signatories] == [
        ("Ana Lima", "Brazil", "Lecturer"),
        ("Bo Chen", "China", None),
    ]
    page = import_text_letter(
        "<html><body><p>Text.</p><h2>Signatories</h2><table><tr><th>Name</th><th>Country</th>"
        "</tr><tr><td>Ana Lima</td><td>Brazil</td></tr><tr><td>Bo Chen</td><td>China</td></tr>"
        "</table><footer>Site</footer></body></html>",
        "t.html",
    )
    assert [(s.name, s.country) for s in page.signatories] == [
        ("Ana Lima", "Brazil"),
        ("Bo Chen", "China"),
    ]


def test_html_names_in_a_paragraph_with_line_breaks_under_a_heading():
    doc = import_text_letter(
        "<!doctype html><main><p>We ask for peace.</p><h3>Подписавшиеся:</h3>"
        "<p>Анна Иванова<br>Пётр Смирнов<br>Ольга Петрова</p><h3>Комментарии</h3>"
        "<p>Иван<br>Спасибо</p></main>",
        None,
    )
    assert [s.name for s in doc.signatories] == ["Анна Иванова", "Пётр Смирнов", "Ольга Петрова"]


def test_a_how_to_sign_section_after_the_names_is_not_signatories():
    doc = import_text_letter(
        "Please act.\n\nSincerely,\n\n- Ana Lima\n- Bo Chen\n\n## How to sign\n\n"
        "- Fork this repository\n- Add your name to the list above\n- Open a pull request\n",
        "sign.md",
    )
    assert [s.name for s in doc.signatories] == ["Ana Lima", "Bo Chen"]
    assert "How to sign" in _warnings(doc)


def test_a_count_in_the_title_is_checked_too():
    doc = import_text_letter(
        "---\ntitle: Open letter signed by 4 scientists\n---\n\nText.\n\nSigned,\n\n"
        "- Ana Lima\n- Bo Chen\n- Cy Moreau\n",
        "t.md",
    )
    assert "says 4 signatories, but 3 were read" in _warnings(doc)


def test_plain_text_sections_of_name_dash_role_lines():
    doc = import_text_letter(
        "We urge action.\n\nSignatories:\n\nAna Lima \u2013 Professor\nBo Chen \u2013 Nurse\n\n"
        "Additional signatories:\n\nCy Moreau \u2013 Farmer\nDee Park \u2013 Student\n"
    )
    assert [(s.name, s.role, s.extra_value("group")) for s in doc.signatories] == [
        ("Ana Lima", "Professor", None),
        ("Bo Chen", "Nurse", None),
        ("Cy Moreau", "Farmer", "Additional signatories"),
        ("Dee Park", "Student", "Additional signatories"),
    ]


def test_a_blog_sidebar_after_the_names_is_not_a_section():
    doc = import_text_letter(
        "<html><body><div id='content'><p>Dear Mayor,</p><p>Fix the park.</p><p>Sincerely,</p>"
        "<div class='signer'>Ana Lima</div><div class='signer'>Bo Chen</div></div>"
        "<div id='sidebar'><h2>Recent Posts</h2><ul><li>Open Letter To The Mayor</li>"
        "<li>Park Cleanup Day</li></ul></div></body></html>",
        "blog.html",
    )
    assert _names(doc) == ["Ana Lima", "Bo Chen"]
