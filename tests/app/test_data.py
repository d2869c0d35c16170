"""The bundled letter is the source byte for byte, with the facts of its README."""

import hashlib
import json

from conftest import BUNDLED_LETTER, REPO, SEED_LETTER

SHA256 = "9ff898978aef2a1cde4cd1fcf50f15f9d6b2be2377586f7b239e0e5d078b0172"


def test_bundled_letter_is_the_source_byte_for_byte():
    data = BUNDLED_LETTER.read_bytes()
    assert hashlib.sha256(data).hexdigest() == SHA256
    assert len(data) == 11_655
    if SEED_LETTER.exists():
        assert data == SEED_LETTER.read_bytes()


def test_metadata_file_holds_the_published_facts():
    meta = json.loads((REPO / "data" / "letter-2017-12-04-kem-sokha.meta.json").read_text("utf-8"))
    assert meta["date"] == "2017-12-04"
    assert meta["publisher"] == "ASEAN Parliamentarians for Human Rights"
    assert meta["url"].startswith("https://aseanmp.org/")
    assert meta["published_count"] == 158
    assert meta["headline"] == "MPs from 23 countries call for the release of Kem Sokha"
    assert "Hun Sen" in meta["addressee"]
    assert "Kem Sokha" in meta["subject"]


def test_loaded_document_carries_provenance_and_metadata(bundled):
    assert bundled.source.sha256 == SHA256
    assert bundled.source.path.endswith("letter-2017-12-04-kem-sokha.txt")
    assert bundled.metadata.publisher_short == "APHR"
    assert bundled.metadata.iso_date().isoformat() == "2017-12-04"
