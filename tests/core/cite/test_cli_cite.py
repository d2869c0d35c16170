"""`letter-viewer cite`: the letter's citation, and signatory lines before it."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import REPO
from test_cite import (
    APA_ORGANISER,
    CHICAGO_NOTE,
    CHICAGO_NOTE_ORGANISER,
    FIRST,
    GERMANS,
    MLA_ORGANISER,
    check_ris,
)

from viewer import cli
from viewer.core.cite import STYLE_IDS, cite_letter


def run(capsys, *args: str) -> tuple[int, str, str]:
    try:
        rc = cli.main(list(args))
    except SystemExit as exc:  # argparse exits for bad arguments
        rc = exc.code
    out, err = capsys.readouterr()
    return rc, out, err


def test_cite_prints_the_chicago_note_by_default(capsys):
    # The organiser (APHR) is the default author where the letter names one (issue 17).
    assert run(capsys, "cite") == (0, CHICAGO_NOTE_ORGANISER + "\n", "")
    assert run(capsys, "cite", "--authors", "signatories") == (0, CHICAGO_NOTE + "\n", "")


def test_cite_style_and_authors(capsys):
    assert run(capsys, "cite", "--style", "apa", "--authors", "organiser")[1] == (
        APA_ORGANISER + "\n"
    )
    rc, out, _ = run(capsys, "cite", "--style", "ris")
    assert rc == 0
    check_ris(out.rstrip("\n"))


@pytest.mark.parametrize("style", STYLE_IDS)
def test_every_style_is_offered(capsys, bundled, style):
    rc, out, err = run(capsys, "cite", "--style", style)
    assert (rc, err) == (0, "") and out == cite_letter(bundled, style) + "\n"


def test_signatories_of_a_country_then_the_citation(capsys):
    rc, out, _ = run(capsys, "cite", "--signatories", "--country", "Germany", "--style", "mla")
    lines = [f"{n}, {r}, Germany" for n, r in GERMANS]
    share = "11 of 158 signatories of:\n"  # some of the letter's signatories (issue 17)
    assert rc == 0 and out == "\n".join(lines) + "\n\n" + share + MLA_ORGANISER + "\n"
    # the filters alone imply --signatories
    assert run(capsys, "cite", "--country", "Germany", "--style", "mla")[1] == out


def test_signatory_filters(capsys):
    out = run(capsys, "cite", "--search", "santiago", "--no-citation")[1]
    assert out == "Charles Santiago, Member of Parliament, Malaysia\n"
    out = run(capsys, "cite", "--country", "not stated", "--no-citation")[1]
    assert len(out.splitlines()) == 6 and "," not in out  # name only: nothing else is stated
    out = run(capsys, "cite", "--role", "Senator", "--search", "france", "--no-citation")[1]
    assert out == "André Gattolin, Senator, France\n"


def test_no_match_says_so_and_still_cites(capsys):
    rc, out, err = run(capsys, "cite", "--country", "Atlantis")
    assert rc == 0 and out == CHICAGO_NOTE_ORGANISER + "\n" and "no signatory matches" in err


@pytest.mark.parametrize(
    "args",
    [("cite", "--style", "harvard"), ("cite", "--authors", "editors"), ("cite", "/no/such.txt")],
)
def test_bad_arguments_exit_2_with_one_line(capsys, args):
    rc, out, err = run(capsys, *args)
    assert rc == 2 and out == "" and len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_cite_a_user_letter_without_metadata(capsys, tmp_path, source_text):
    path = tmp_path / "their-letter.txt"
    path.write_text(source_text, encoding="utf-8")
    out = run(capsys, "cite", str(path))[1]
    assert out == (
        f"{FIRST} et al., letter to His Excellency Samdech Techo Hun Sen, December 4, 2017.\n"
    )
    csv = tmp_path / "people.csv"
    csv.write_text("name,role,country\nAna Gomes,MEP,Portugal\nJulie Ward,MEP,\n", "utf-8")
    assert run(capsys, "cite", str(csv), "--style", "apa")[1] == (
        # Ana Gomes (Portugal) by the rules; Julie Ward as written: the list states
        # countries, but not hers.
        "Gomes, A., & Julie Ward. (n.d.). [Letter].\n"
    )
    assert run(capsys, "cite", str(csv), "--signatories", "--style", "mla")[1] == (
        "Ana Gomes, MEP, Portugal\nJulie Ward, MEP\n\nGomes, Ana, and Julie Ward. Letter.\n"
    )


PROBE = """
import io, sys, contextlib
from viewer import cli
for argv in (["cite"], ["cite", "--style", "csl-json", "--country", "Spain"]):
    with contextlib.redirect_stdout(io.StringIO()):
        assert cli.main(argv) == 0
gui = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "pyqtgraph"))
print("GUI:" + ",".join(gui))
"""


def test_cite_runs_as_a_command_without_qt():
    proc = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, cwd=REPO, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "GUI:"
    proc = subprocess.run(
        [sys.executable, "-m", "viewer", "cite", "--style", "bibtex"],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
    )
    assert proc.returncode == 0 and proc.stdout.startswith("@misc{aphr2017,\n")
