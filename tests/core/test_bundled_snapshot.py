"""The bundled letter's snapshot: what the importer reads from it, kept for the start-up."""

import shutil
import subprocess
import sys

from conftest import BUNDLED_LETTER, REPO

from viewer.core.bundled import load_bundled
from viewer.core.formats.reading_snapshot import read_snapshot, snapshot_path, write_snapshot
from viewer.core.opening import open_document


def test_the_snapshot_is_what_the_importer_reads_now():
    """If this fails, the importer (or the letter) changed: `python -m viewer.core.bundled`."""
    read = open_document(BUNDLED_LETTER)
    kept = read_snapshot(BUNDLED_LETTER)
    assert kept is not None, "the snapshot is missing or was made from other files"
    assert kept == read
    assert len(kept.signatories) == 158 and kept.source.format == "text"
    assert load_bundled() == read


def _copy(tmp_path):
    for path in BUNDLED_LETTER.parent.glob(BUNDLED_LETTER.stem + ".*"):
        shutil.copy(path, tmp_path / path.name)
    return tmp_path / BUNDLED_LETTER.name


def test_an_edited_letter_is_read_again_not_taken_from_its_snapshot(tmp_path):
    letter = _copy(tmp_path)
    assert read_snapshot(letter) == open_document(letter)
    letter.write_text(letter.read_text(encoding="utf-8").replace("Dear", "Dear Sir,"), "utf-8")
    assert read_snapshot(letter) is None
    write_snapshot(letter, open_document(letter))
    assert read_snapshot(letter) == open_document(letter)


def test_an_edited_or_removed_sidecar_makes_the_snapshot_stale(tmp_path):
    letter = _copy(tmp_path)
    sidecar = letter.with_name(letter.stem + ".meta.json")
    sidecar.write_text(sidecar.read_text(encoding="utf-8").replace("2017", "2018"), "utf-8")
    assert read_snapshot(letter) is None
    sidecar.unlink()
    assert read_snapshot(letter) is None


def test_a_broken_or_missing_snapshot_is_no_snapshot(tmp_path):
    letter = _copy(tmp_path)
    snapshot_path(letter).write_text("{not json", encoding="utf-8")
    assert read_snapshot(letter) is None
    snapshot_path(letter).unlink()
    assert read_snapshot(letter) is None


def test_loading_the_bundled_letter_needs_no_text_importer():
    probe = (
        "import sys; from viewer.core.bundled import load_bundled; doc = load_bundled(); "
        "print(len(doc.signatories), 'viewer.core.textimport.plan' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["158", "False"]
