"""Export of the shown signatories, atomic writes, and `letter-viewer export`."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

import pytest
from conftest import EXTERNAL, REPO

from viewer.core.export import (
    default_export_name,
    export_file,
    export_format_for,
    export_text,
    markdown_letter,
)
from viewer.core.formats.csv_reader import signatories_from_csv
from viewer.core.formats.json_document import document_from_json
from viewer.core.model import Document, Letter, Paragraph, Signatory, numbered
from viewer.core.opening import open_document
from viewer.core.query.engine import Query, QueryEngine
from viewer.core.storage.atomic import write_atomic
from viewer.core.textimport.plan import analyse, import_text_letter


def _shown(doc: Document, query: Query) -> list[Signatory]:
    result = QueryEngine(doc).run(query)
    return [doc.signatories[i] for i in result.rows]


@pytest.mark.parametrize("fmt", ["csv", "json", "md"])
def test_bundled_letter_round_trips_through_every_format(bundled, tmp_path, fmt):
    path = export_file(bundled, bundled.signatories, tmp_path / f"out.{fmt}")
    back = open_document(path)
    assert back.signatories == bundled.signatories
    assert len(back.signatories) == 158
    if fmt in ("json", "md"):  # these carry the letter and its metadata too
        assert back.letter == bundled.letter
        assert back.metadata == bundled.metadata


def test_json_export_is_the_whole_document(bundled):
    again = document_from_json(export_text(bundled, bundled.signatories, "json"))
    assert again == Document(bundled.letter, bundled.signatories, bundled.metadata)


def test_markdown_is_a_readable_letter_with_a_table(bundled):
    text = markdown_letter(bundled, bundled.signatories)
    assert text.startswith('---\nformat: "open-letter"\n')
    assert "\n# MPs from 23 countries call for the release of Kem Sokha\n" in text
    assert "\nDear Prime Minister Hun Sen,\n" in text
    assert "\n- Immediately and unconditionally release Kem Sokha" in text
    assert "\nYours sincerely,\n\n## Signatories\n\n| Name | Role | Country |\n" in text
    assert "| Teddy Baguilat, Jr. | Member of the House of Representatives | Philippines |" in text
    assert "| Zairil Khir Johari |  |  |" in text  # not stated stays empty, never guessed


def test_markdown_escapes_what_markdown_would_read_as_markup():
    people = numbered(
        [
            Signatory("Jane *Doe*", "MP | whip", None, extra=(("note", "<b>x</b> & [y]"),)),
            Signatory("1. Not a number", None, "Kenya"),
        ]
    )
    letter = Letter(body=(Paragraph("# not a heading"), Paragraph("- not a list")))
    doc = Document(letter=letter, signatories=people)
    text = markdown_letter(doc, people)
    back = analyse(text)
    assert back.signatories == people
    assert back.letter.paragraphs[0] == "# not a heading"


def test_csv_export_neutralises_formulas():
    people = numbered([Signatory('=HYPERLINK("http://x")', "+1", "@home")])
    text = export_text(Document(signatories=people), people, "csv")
    cells = next(csv.reader(io.StringIO(text.splitlines()[1])))
    assert cells == ['\'=HYPERLINK("http://x")', "'+1", "'@home"]


def test_export_writes_the_shown_rows_in_the_shown_order(bundled, tmp_path):
    query = Query(facets={"country": frozenset({"Germany", "Spain"})}).sorted_by(
        "name", descending=True
    )
    shown = _shown(bundled, query)
    path = export_file(bundled, shown, tmp_path / "shown.csv")
    names = [s.name for s in signatories_from_csv(path.read_text(encoding="utf-8")).signatories]
    assert names == [s.name for s in shown]
    assert len(names) == 16 and {s.country for s in shown} == {"Germany", "Spain"}
    md = import_text_letter(markdown_letter(bundled, shown))
    assert [s.name for s in md.signatories] == names


def test_export_refuses_to_replace_unless_asked(bundled, tmp_path):
    path = tmp_path / "out.json"
    path.write_text("keep me", encoding="utf-8")
    with pytest.raises(FileExistsError):
        export_file(bundled, bundled.signatories, path)
    assert path.read_text(encoding="utf-8") == "keep me"
    export_file(bundled, bundled.signatories[:3], path, overwrite=True)
    assert len(json.loads(path.read_text(encoding="utf-8"))["signatories"]) == 3


def test_format_from_the_file_name_and_default_names(bundled):
    assert [export_format_for(n) for n in ("a.CSV", "b.json", "c.md", "d.markdown")] == [
        "csv",
        "json",
        "md",
        "md",
    ]
    with pytest.raises(ValueError, match=r"\.csv, \.json or \.md"):
        export_format_for("a.xlsx")
    assert default_export_name(bundled, "csv") == "letter-2017-12-04-kem-sokha-signatories.csv"
    untitled = Document(letter=Letter(addressee=("The Minister",)))
    assert default_export_name(untitled, "md") == "letter-to-the-minister-signatories.md"


def test_atomic_write_leaves_the_old_file_when_the_write_fails(tmp_path, monkeypatch):
    path = tmp_path / "settings.json"
    write_atomic(path, "old")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="No space"):
        write_atomic(path, "new")
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]  # no temp file left


def test_atomic_write_keeps_permissions_and_refuses_existing(tmp_path):
    path = tmp_path / "out.csv"
    write_atomic(path, b"one")
    os.chmod(path, 0o640)
    write_atomic(path, "two")
    assert path.read_bytes() == b"two" and (path.stat().st_mode & 0o777) == 0o640
    with pytest.raises(FileExistsError):
        write_atomic(path, "three", overwrite=False)
    fresh = write_atomic(tmp_path / "new.csv", "x", overwrite=False)
    assert fresh.read_text(encoding="utf-8") == "x"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.csv", "out.csv"]


# -- the command line ------------------------------------------------------------------------


def run(*args: str, rc: int = 0) -> subprocess.CompletedProcess:
    proc = subprocess.run(
        [sys.executable, "-m", "viewer", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
    )
    assert proc.returncode == rc, proc.stderr
    return proc


def test_cli_export_with_filters_and_force(tmp_path):
    out = tmp_path / "de.csv"
    proc = run("export", "--country", "Germany", "--sort", "name", "--to", str(out))
    assert "Wrote 11 of 158 signatories" in proc.stdout
    rows = out.read_text(encoding="utf-8").splitlines()
    assert rows[0] == "name,role,country" and len(rows) == 12
    again = run("export", "--to", str(out), rc=2)
    assert again.stderr.strip().splitlines() == [
        f"letter-viewer: {out} already exists; add --force to replace it"
    ]
    run("export", "--search", "senator", "--to", str(out), "--force")
    assert all("Senator" in row for row in out.read_text(encoding="utf-8").splitlines()[1:])


def test_cli_export_unknown_extension_is_one_line(tmp_path):
    proc = run("export", "--to", str(tmp_path / "out.xlsx"), rc=2)
    assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr
    assert not (tmp_path / "out.xlsx").exists()


@pytest.mark.skipif(not EXTERNAL.is_dir(), reason=f"the shared letters are not at {EXTERNAL}")
def test_cli_list_stats_and_export_take_imported_letters(tmp_path):
    letter = str(EXTERNAL / "uk_feminist_scholars_huang_xueqin_2022.txt")
    rows = json.loads(run("list", letter, "--format", "json").stdout)
    assert len(rows) == 55 and rows[0]["name"] == "Dr. Sarah Abel"
    stats = json.loads(run("stats", letter, "--format", "json").stdout)
    assert stats == {"not stated": 55}
    out = tmp_path / "uk.md"
    run("export", letter, "--search", "sussex", "--to", str(out))
    back = open_document(out)
    assert back.signatories and all(
        "Sussex" in " ".join(filter(None, (s.name, s.role, *(v for _, v in s.extra))))
        for s in back.signatories
    )
