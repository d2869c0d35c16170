"""The command line, run as a user runs it."""

import json
import subprocess
import sys

import pytest
from conftest import REPO

from viewer.core.folding import sort_key


def run(*args: str, check_rc: int | None = 0) -> subprocess.CompletedProcess:
    proc = subprocess.run(
        [sys.executable, "-m", "viewer", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
    )
    if check_rc is not None:
        assert proc.returncode == check_rc, proc.stderr
    return proc


def test_list_json_is_the_158_in_source_order(bundled):
    rows = json.loads(run("list", "--format", "json").stdout)
    assert len(rows) == 158
    assert rows == [
        {"name": s.name, "role": s.role, "country": s.country} for s in bundled.signatories
    ]
    assert rows[0] == {
        "name": "Abdullah Sani Abdul Hamid",
        "role": "Member of Parliament",
        "country": "Malaysia",
    }
    assert sum(r["country"] is None for r in rows) == 6


def test_stats_json():
    stats = json.loads(run("stats", "--format", "json").stdout)
    assert len(stats) == 24
    assert stats["Malaysia"] == 60 and stats["not stated"] == 6
    assert sum(stats.values()) == 158


def test_stats_by_role_table():
    out = run("stats", "--by", "role").stdout
    assert "Member of Parliament" in out and "total" in out


def test_list_filters_and_sort():
    rows = json.loads(
        run(
            "list",
            "--country",
            "Germany",
            "--country",
            "Spain",
            "--sort",
            "name",
            "--format",
            "json",
        ).stdout
    )
    assert len(rows) == 16
    assert [r["name"] for r in rows] == sorted((r["name"] for r in rows), key=sort_key)
    assert rows[9]["name"] == "Ramón Jáuregui Atondo"  # ó sorts as o: "jauregui" < "tremosa"
    rows = json.loads(run("list", "--search", "senator france", "--format", "json").stdout)
    assert [r["name"] for r in rows] == ["André Gattolin"]
    rows = json.loads(run("list", "--country", "not stated", "--format", "json").stdout)
    assert len(rows) == 6


def test_list_csv_and_table():
    csv_out = run("list", "--format", "csv", "--search", "rossner").stdout
    assert csv_out.splitlines() == [
        "name,role,country",
        "Tabea Rößner,Member of the Bundestag,Germany",
    ]
    assert "Teddy Baguilat, Jr." in run("list").stdout


@pytest.mark.parametrize(
    "args",
    [
        ("list", "/no/such/file.txt"),
        ("list", "--sort", "age"),
        ("stats", "--by", "age"),
        ("list", "--bogus"),
    ],
)
def test_errors_exit_2_with_one_line(args):
    proc = run(*args, check_rc=2)
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert "Traceback" not in proc.stderr


def test_unreadable_letter_exit_2(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00garbage")
    proc = run("stats", str(bad), check_rc=2)
    assert "bad.txt" in proc.stderr and "binary" in proc.stderr


def test_version():
    assert run("--version").stdout.startswith("letter-viewer ")


def test_list_explain_prints_every_decision_with_its_line(tmp_path):
    letter = tmp_path / "letter.md"
    letter.write_text(
        "# Letter\n\nPlease act.\n\nSincerely,\n\n### Organisations\n\n- River Watch\n"
        "- Open Rights Group\n\n### Individuals\n\n1. Ana Lima (Porto)\n2. Bo Chen\n\n"
        "## Comments\n\nNice letter!\n",
        encoding="utf-8",
    )
    out = run("list", "--explain", str(letter)).stdout
    assert out.splitlines()[0].endswith("4 signatories, read as Markdown, in 2 sections:")
    assert "  Organisations: 2, bulleted" in out and "  Individuals: 2, numbered" in out
    assert "line 5: Took line 5 (\u201cSincerely,\u201d) as the start" in out
    assert "line 17: The signatory list ends at line 15" in out  # the comments are not read
    assert "Nothing was assumed." in run("list", "--explain").stdout  # the bundled letter


PARTY_CSV = (
    "name,role,country,party\n"
    "Ana,MP,Spain,Labour\n"
    "Ben,MP,Spain,Green\n"
    "Cleo,Senator,Chile,Labour\n"
    "Dan,MP,,Labour\n"
    "Eve,MP,Chile,\n"
    "Fay,Senator,Spain,Green\n"
)


@pytest.fixture
def party_csv(tmp_path):
    path = tmp_path / "parties.csv"
    path.write_text(PARTY_CSV, encoding="utf-8")
    return str(path)


def test_list_by_a_further_facet(party_csv):
    rows = json.loads(run("list", party_csv, "--facet", "party=Labour", "--format", "json").stdout)
    assert [r["name"] for r in rows] == ["Ana", "Cleo", "Dan"]
    both = run("list", party_csv, "--facet", "Party=Labour", "--country", "Spain", "--format",
               "json").stdout  # fmt: skip
    assert [r["name"] for r in json.loads(both)] == ["Ana"]
    either = run("list", party_csv, "--facet", "party=Green", "--facet", "party=not stated",
                 "--format", "json").stdout  # fmt: skip
    assert [r["name"] for r in json.loads(either)] == ["Ben", "Eve", "Fay"]
    # --country is --facet country=...
    short = run("list", party_csv, "--country", "Chile", "--format", "json").stdout
    long = run("list", party_csv, "--facet", "country=Chile", "--format", "json").stdout
    assert short == long and [r["name"] for r in json.loads(long)] == ["Cleo", "Eve"]


def test_stats_by_a_further_facet(party_csv):
    stats = json.loads(run("stats", party_csv, "--by", "party", "--format", "json").stdout)
    assert stats == {"Labour": 3, "Green": 2, "not stated": 1}
    table = run("stats", party_csv, "--by", "party").stdout.splitlines()
    assert table[0].split() == ["Party", "Signatories"]
    assert table[2].split() == ["Labour", "3"] and table[-1].split() == ["total", "6"]


@pytest.mark.parametrize(
    "args",
    [
        ("stats", "--by", "shoe size"),
        ("list", "--facet", "party=Labour"),  # the 2017 letter has no party column
        ("list", "--facet", "Labour"),
    ],
)
def test_unknown_facets_exit_2_naming_the_letters_facets(args):
    proc = run(*args, check_rc=2)
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert "country" in lines[0] or "NAME=VALUE" in lines[0]
