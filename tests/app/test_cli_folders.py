"""The command line on folders of signer files and on JSON/YAML lists, run as a user runs it."""

from __future__ import annotations

import csv
import json

from test_cli import run

PEOPLE = [("Ana Gomes", "Portugal"), ("Bob Blackman", "United Kingdom"), ("Cécile Duflot", None),
          ("Dee Dee", "Portugal")]  # fmt: skip


def signer_folder(tmp_path):
    folder = tmp_path / "signed"
    folder.mkdir()
    for n, (name, country) in enumerate(PEOPLE):
        text = f"name: {name}\nlink: https://example.org/{n}\n"
        text += f"country: {country}\n" if country else ""
        (folder / f"{n}.yaml").write_text(text, encoding="utf-8")
    (folder / "broken.yaml").write_text("name: [oops\n", encoding="utf-8")
    return folder


def test_list_dir_prints_every_signer_in_path_order(tmp_path):
    rows = json.loads(run("list", str(signer_folder(tmp_path)), "--format", "json").stdout)
    assert rows == [{"name": n, "role": None, "country": c} for n, c in PEOPLE]


def test_list_dir_as_a_table_and_filtered(tmp_path):
    out = run("list", str(signer_folder(tmp_path)), "--country", "Portugal").stdout
    assert "Ana Gomes" in out and "Dee Dee" in out and "Bob Blackman" not in out


def test_stats_dir(tmp_path):
    stats = json.loads(run("stats", str(signer_folder(tmp_path)), "--format", "json").stdout)
    assert stats == {"Portugal": 2, "United Kingdom": 1, "not stated": 1}


def test_export_dir_keeps_the_files_fields(tmp_path):
    out = tmp_path / "out.csv"
    proc = run("export", str(signer_folder(tmp_path)), "--to", str(out))
    assert "Wrote 4 of 4 signatories" in proc.stdout
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [r["name"] for r in rows] == [n for n, _ in PEOPLE]
    assert rows[0]["link"] == "https://example.org/0"


def test_a_folder_without_signers_is_one_line_on_stderr(tmp_path):
    (tmp_path / "notes.txt").write_text("Some notes\nover two lines\n", encoding="utf-8")
    proc = run("list", str(tmp_path), check_rc=2)
    assert proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and "no signer files" in proc.stderr


def test_list_of_a_yaml_list(tmp_path):
    path = tmp_path / "signers.yml"
    path.write_text("signatories:\n  - name: Ana\n    affiliation: EP\n  - name: Bob\n",
                    encoding="utf-8")  # fmt: skip
    rows = json.loads(run("list", str(path), "--format", "json").stdout)
    assert [r["name"] for r in rows] == ["Ana", "Bob"]
