"""Folders of one file per signer, made in tmp_path as the letters on GitHub keep them."""

from __future__ import annotations

import json

import pytest

from viewer.core.errors import ParseError
from viewer.core.formats import signer_folder
from viewer.core.formats.signer_folder import SOURCE_FILE, read_signer_folder
from viewer.core.opening import open_document, open_folder
from viewer.core.progress import Cancelled, Progress


def write(folder, files: dict[str, str | bytes]):
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder


def names(document) -> list[str]:
    return [s.name for s in document.signatories]


def messages(document) -> str:
    return "\n".join(w.message for w in document.warnings)


def test_yaml_signer_files_as_rms_support_letter_keeps_them(tmp_path):
    signed = tmp_path / "_data" / "signed"
    write(signed, {f"{n:03}.yaml": f"name: Signer {n}\nlink: https://example.org/{n}\n"
                   for n in range(1, 41)})  # fmt: skip
    document = open_document(tmp_path)
    assert len(document.signatories) == 40
    first = document.signatories[0]
    assert (first.name, first.position) == ("Signer 1", 1)
    assert first.extra_value("link") == "https://example.org/1"
    assert first.extra_value(SOURCE_FILE) == "_data/signed/001.yaml"
    assert names(document)[-1] == "Signer 40"
    assert document.source.format == "folder" and document.source.sha256
    assert document.warnings == ()


def test_markdown_front_matter_json_and_one_line_files(tmp_path):
    write(tmp_path / "md", {
        "a.md": "---\nfull_name: Ana Gomes\ncountry: Portugal\nrole: MEP\n---\nI sign.\n",
        "b.md": "---\nsignatory: Bob Blackman\n---\n",
    })  # fmt: skip
    write(tmp_path / "json", {"c.json": json.dumps({"name": "Carlos Zarate", "party": "Bayan"})})
    write(tmp_path / "signed", {"0f3a": "Андрей Беляк | Sr.SWE, Celare\n",
                                "9b1c.txt": "Попов Пётр | C++ Developer, Geomage"})  # fmt: skip
    document = open_folder(tmp_path)
    by_name = {s.name: s for s in document.signatories}
    assert list(by_name) == [
        "Carlos Zarate",
        "Ana Gomes",
        "Bob Blackman",
        "Андрей Беляк",
        "Попов Пётр",
    ]  # fmt: skip  (sorted by path: json/, md/, signed/)
    assert (by_name["Ana Gomes"].role, by_name["Ana Gomes"].country) == ("MEP", "Portugal")
    assert by_name["Carlos Zarate"].extra_value("party") == "Bayan"
    assert by_name["Андрей Беляк"].role == "Sr.SWE, Celare"


def test_the_letter_beside_the_signer_files_becomes_the_letter(tmp_path):
    write(tmp_path, {
        "README.md": "# An open letter in support of someone\n\nWe, the undersigned, write "
                     "to say that we support this person in every way that we can.\n\n"
                     "Yours sincerely,\n",
        "signed/alice.yaml": "name: Alice\n",
        "signed/bob.yaml": "name: Bob\n",
        "signed/README.md": "How to sign: add a file with your name to this folder, please.\n",
    })  # fmt: skip
    document = open_folder(tmp_path)
    assert names(document) == ["Alice", "Bob"]
    assert any("We, the undersigned" in p for p in document.letter.paragraphs)
    assert "The letter is read from README.md." in messages(document)
    assert "signed/README.md" in messages(document)  # not a signer, and said so


def test_bad_files_are_warnings_with_their_names(tmp_path):
    write(tmp_path, {
        "a.yaml": "name: Alice\n",
        "b.yaml": "name: [unclosed\n",
        "c.json": "{\"name\": ",
        "d.yaml": "",
        "e.yaml": "link: https://example.org/no-name\n",
        "f.yaml": b"name: \xff\xfe\x00binary\n",
        "_config.yml": "title: The site\ntheme: minima\n",
    })  # fmt: skip
    document = open_folder(tmp_path)
    assert names(document) == ["Alice"]
    said = messages(document)
    assert "b.yaml, line 2" in said and "c.json, line 1" in said and "f.yaml" in said
    assert "d.yaml" in said  # empty
    assert "_config.yml, e.yaml" in said  # no "name" like the others


def test_a_folder_where_no_file_names_a_signer_is_a_parse_error(tmp_path):
    write(tmp_path, {"a.yaml": "link: x\n", "b.yaml": "- [1, 2]\n", "notes.pdf": b"%PDF-1.4"})
    with pytest.raises(ParseError, match="None of the 2 files") as caught:
        open_folder(tmp_path)
    assert caught.value.path == str(tmp_path)


def test_an_empty_folder_is_a_parse_error(tmp_path):
    write(tmp_path, {".hidden.yaml": "name: Hidden\n", ".git/x.yaml": "name: Git\n"})
    with pytest.raises(ParseError, match="no signer files"):
        open_folder(tmp_path)


def test_encoded_names_in_files_and_file_names(tmp_path):
    write(tmp_path, {
        "José Ñúñez.yaml": "name: José Ñúñez\n",
        "wang.yaml": 'name: "\\u738b\\u6c38\\u5e73"\n',
        "latin1.yaml": "name: Müller-Gemmeke\n".encode("cp1252"),
        "bom.json": "\ufeff{\"name\": \"Zoë\"}".encode(),
        "宋.yaml": "name: 宋小莊\n",
    })  # fmt: skip
    document = open_folder(tmp_path)
    assert sorted(names(document)) == sorted(
        ["José Ñúñez", "王永平", "Müller-Gemmeke", "Zoë", "宋小莊"]
    )
    assert [w.message.split(":")[0] for w in document.warnings] == ["latin1.yaml"]


def test_a_folder_larger_than_the_signatory_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(signer_folder, "MAX_SIGNATORIES", 10)
    write(tmp_path, {f"s{n}.yaml": f"name: S{n}\n" for n in range(11)})
    with pytest.raises(ParseError, match="more than 10 files"):
        open_folder(tmp_path)


def test_files_holding_lists_count_against_the_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(signer_folder, "MAX_SIGNATORIES", 10)
    write(tmp_path, {"all.yaml": "".join(f"- name: S{n}\n" for n in range(11))})
    with pytest.raises(ParseError, match="More than 10 signatories"):
        open_folder(tmp_path)


def test_progress_per_file_and_cancel(tmp_path):
    write(tmp_path, {f"s{n:02}.yaml": f"name: S{n}\n" for n in range(20)})
    seen: list[float] = []
    read_signer_folder(tmp_path, Progress(lambda _stage, fraction: seen.append(fraction)))
    assert len(seen) == 20 and seen == sorted(seen) and seen[-1] == 1.0
    cancelled = Progress(lambda _stage, fraction: seen.append(fraction))
    cancelled.cancel()
    with pytest.raises(Cancelled):
        read_signer_folder(tmp_path, cancelled)
    assert len(seen) == 20  # not one file reported once cancelled


def test_the_same_folder_reads_the_same_way_twice(tmp_path):
    write(tmp_path, {"b/x.yaml": "name: X\n", "a/y.yaml": "name: Y\n", "a/B.yaml": "name: B\n"})
    first, second = open_folder(tmp_path), open_folder(tmp_path)
    assert names(first) == names(second) == ["B", "Y", "X"]
    assert first.source.sha256 == second.source.sha256
    (tmp_path / "a" / "y.yaml").write_text("name: Y2\n", encoding="utf-8")
    assert open_folder(tmp_path).source.sha256 != first.source.sha256


def test_a_whole_letter_repository_opened_at_its_root(tmp_path):
    """As the rms-support-letter site keeps it: the letter in index.md, the site's files
    around it, the signers under _data/signed."""
    write(tmp_path, {
        "_config.yml": "---\ntheme: minima\n",
        "index.md": "*2021-03-23*\n\nWe, the undersigned, ask the board to consider the "
                    "arguments objectively and to understand the meaning of his words.\n\n"
                    "To sign, please submit a pull request.\n\nSigned,\n\n"
                    "[First Signer](https://example.org/first)\n",
        "README.md": "To sign the letter, add a file with your name and a link to your page "
                     "under _data/signed and open a pull request.\n",
        "Gemfile": "source 'https://rubygems.org'\ngem 'github-pages'\n",
        "CNAME": "letter.example.org\n",
        "404.html": "<h1>Not found</h1>\n",
        ".github/workflows/check.yml": "name: Check signatures\non: pull_request\n",
        "_data/emoji.yaml": "smile: ':)'\nsad: ':('\n",
        "_data/signed/alice.yaml": "name: Alice\nlink: https://example.org/alice\n",
        "_data/signed/bob.yml": "name: Bob\n",
    })  # fmt: skip
    document = open_folder(tmp_path)
    assert names(document) == ["Alice", "Bob"]
    assert any("ask the board to consider" in p for p in document.letter.paragraphs)
    said = messages(document)
    assert "The letter is read from index.md." in said
    assert "README.md" in said and "_config.yml" in said and "_data/emoji.yaml" in said
    assert "CNAME" not in said and "check.yml" not in said
