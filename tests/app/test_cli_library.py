"""`letter-viewer library` and `letter-viewer compare`, run as a user runs them.

The subprocess inherits the test's private XDG folders (tests/conftest.py), so the library
it reads is the one the test wrote.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import letters_2019 as hk
from conftest import REPO

from viewer.core.library.letters import open_library
from viewer.core.opening import open_document


def run(*args: str, rc: int = 0) -> subprocess.CompletedProcess:
    proc = subprocess.run(
        [sys.executable, "-m", "viewer", *args], capture_output=True, text=True, cwd=REPO,
        timeout=60,
    )  # fmt: skip
    assert proc.returncode == rc, proc.stderr
    return proc


def test_library_lists_what_the_viewer_opened(tmp_path):
    assert "The library is empty" in run("library").stdout
    paths = hk.make_letters(tmp_path)
    library = open_library()
    for path in paths:
        library.record(open_document(path))
    paths[1].unlink()
    library.close()
    table = run("library", "--sort", "date").stdout
    lines = table.splitlines()
    assert lines[0].split() == ["Title", "Date", "Signatories", "Last", "opened", "State", "Path"]
    assert lines[2].startswith("Urgent appeal to the Chief Executive  2019-06-14  9")
    assert "missing" in lines[3] and str(paths[1]) in lines[3]
    assert "1 of these files are no longer where they were opened." in table
    rows = json.loads(run("library", "--format", "json").stdout)
    assert {r["path"]: r["status"] for r in rows} == {
        str(paths[0]): "present",
        str(paths[1]): "missing",
        str(paths[2]): "present",
    }
    assert {r["signatories"] for r in rows} == {9, 34}
    assert all(len(r["sha256"]) == 64 for r in rows)


def test_compare_prints_a_column_per_letter_and_suggestions(tmp_path):
    june14, june23, july = map(str, hk.make_letters(tmp_path))
    out = run("compare", july, june23, june14).stdout  # sorted by date: June 14 is A
    assert out.splitlines()[0].split() == ["Person", "A", "B", "C"]
    assert "Possible matches" in out and "A: LAI Peter（黎慶寧）  ~  B: Peter Lai" in out
    assert "A  9 signatories  " in out and "C  34 signatories  " in out
    only = run("compare", june14, june23, july, "--only-in", june14).stdout
    people = [line.split("  ")[0] for line in only.splitlines()[1:] if line.endswith("-")]
    assert "Christine LOH（陸恭蕙）" in people  # in no other letter, even by suggestion
    assert "王永平" not in people and "陳方安生" not in people
    assert (
        only.splitlines()[len(people) + 1] == "9 of 50 people"
    )  # nothing confirmed yet: each June 14 name stands alone


def test_compare_uses_the_verdicts_the_library_keeps(tmp_path):
    paths = hk.make_letters(tmp_path)
    docs = [open_document(p) for p in paths]
    from viewer.core.compare.run import compare_with_verdicts

    library = open_library()
    for s in compare_with_verdicts(docs, library.decisions).suggestions:
        library.decisions.decide(*s.sides, same=not hk.is_wrong_match(s.name_a, s.name_b))
    library.close()
    out = run("compare", *map(str, paths), "--in-all", "--format", "csv").stdout
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0][:4] == [
        "Person",
        "A: Urgent appeal to the Chief Executive",
        "B: Second appeal to the Chief Executive",
        "C: 前高官議員再聯署　倡獨立調查官警民",
    ]
    table = rows[1 : rows.index([])]
    assert all(r[1:4] == ["yes", "yes", "yes"] for r in table)
    assert len(table) == len(hk.IN_ALL_THREE)
    assert [r[0] for r in rows[-3:]] == ["Letter A", "Letter B", "Letter C"]
    assert "2019" in rows[-1][1]  # the July letter's citation line
    joined = run("compare", *map(str, paths), "--joined-in", "C", "--format", "tsv").stdout
    names = {line.split("\t")[0] for line in joined.splitlines()[1:] if "\tyes" in line}
    assert names >= hk.NEW_IN_JULY and "黎慶寧" not in names


def test_compare_says_what_is_wrong_in_one_line(tmp_path):
    june14, june23, _july = map(str, hk.make_letters(tmp_path))
    assert "two or more" in run("compare", june14, rc=2).stderr
    bad = run("compare", june14, june23, "--only-in", "Z", rc=2).stderr
    assert bad.strip() == "letter-viewer: Z is not one of the compared letters (use A to B)"
