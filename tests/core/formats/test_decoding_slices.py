"""Large files are decoded and checked a few megabytes at a time: the same text, the same
count of control characters and the same error line as one pass over the whole file."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from viewer.core.errors import ParseError
from viewer.core.formats import decoding
from viewer.core.formats.decoding import _CONTROL, decode_letter_bytes
from viewer.core.progress import Progress

# Letters, line breaks, controls (C0, DEL, C1) and characters whose UTF-8 starts with 0xC2.
texts = st.text(alphabet="ab\n\r\t\x0b\x1f\x7f\x80\x9f\xa0\xbfé€😀", max_size=60)


@pytest.fixture
def small_slices(monkeypatch):
    monkeypatch.setattr(decoding, "DECODE_SLICE", 4)
    monkeypatch.setattr(decoding, "LARGE_BYTES", 0)  # count on the bytes, as for a large file


def decoded(data: bytes):
    try:
        return decode_letter_bytes(data, "t.csv")
    except ParseError as exc:
        return ("error", exc.line)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=texts, bom=st.booleans())
def test_controls_counted_on_the_bytes_are_those_the_pattern_finds(small_slices, text, bom):
    data = text.encode("utf-8")
    assert decoding._utf8_controls(data) == len(_CONTROL.findall(text))
    data = codecs.BOM_UTF8 * bom + data
    result = decoded(data)
    if len(_CONTROL.findall(text)) > decoding.MAX_CONTROL_SHARE * max(len(text), 1):
        assert result[0] == "error"
    else:
        assert result.text == text and result.encoding == "utf-8"


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(alphabet="ab\né", max_size=40), bad=st.integers(0, 60))
def test_broken_utf8_is_reported_at_the_line_of_one_whole_decode(small_slices, text, bad):
    body = text.encode("utf-8")
    # A 0xFF byte somewhere in the text; the "é" after it says the file was meant as UTF-8.
    data = body[: min(bad, len(body))] + b"\xff" + body[min(bad, len(body)) :] + "é".encode()
    with pytest.raises(UnicodeDecodeError) as whole:
        data.decode("utf-8")
    assert decoded(data) == ("error", data.count(b"\n", 0, whole.value.start) + 1)


def test_decoding_reports_its_progress(small_slices):
    seen: list[float] = []
    text = "name\n" + "Anna\n" * 20
    progress = Progress(lambda _stage, fraction: seen.append(fraction))
    assert decode_letter_bytes(text.encode(), None, progress).text == text
    assert len(seen) > 5 and seen == sorted(seen) and seen[-1] == 1.0
