"""Reading a large CSV a slice at a time gives exactly the rows of reading it whole."""

import csv
import io

from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.core.formats.csv_reader import csv_lines

cells = st.text(alphabet='ab,"\r\n \u2028\x85\x00é', max_size=30)


def parsed(lines):
    """The rows, or the error the reader stopped at (and where)."""
    reader = csv.reader(lines)
    try:
        return list(reader)
    except csv.Error as exc:
        return ("error", str(exc), reader.line_num)


@settings(max_examples=300, deadline=None)
@given(text=cells, chunk=st.integers(1, 8))
def test_sliced_lines_parse_like_the_whole_text(text, chunk):
    assert parsed(csv_lines(text, chunk=chunk)) == parsed(io.StringIO(text, newline=""))
    assert "".join(csv_lines(text, chunk=chunk)) == text


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="ab\n\ré\u2028", max_size=40), slice_chars=st.integers(1, 6))
def test_longest_line_is_measured_in_utf8_bytes(text, slice_chars):
    from viewer.core.formats.file_bytes import _longest_line_bytes

    longest = max(len(line.encode()) for line in text.split("\n"))
    assert _longest_line_bytes(text, slice_chars) == longest
