"""A file's bytes and their first checks: size, binary data, UTF-8, line lengths, SHA-256.

Every check raises ParseError (file, line, a plain sentence).
"""

from __future__ import annotations

import codecs
import hashlib
from pathlib import Path

from viewer.core.errors import ParseError
from viewer.core.formats.decoding import Decoded
from viewer.core.limits import MAX_FILE_BYTES, MAX_LINE_CHARS
from viewer.core.progress import Progress

READ_CHUNK = 1 << 20


def read_file_bytes(
    path: str | Path,
    limit: int = MAX_FILE_BYTES,
    progress: Progress | None = None,
) -> bytes:
    """The file's bytes, after checking its size; OSError becomes ParseError.

    With ``progress``, the file is read a megabyte at a time, the fraction read reported
    after each (which raises Cancelled there once the read was cancelled).
    """
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > limit:
            raise _too_large(size, limit, p)
        if progress is None:
            return p.read_bytes()
        return _read_chunks(p, size, limit, progress)
    except ParseError:
        raise
    except IsADirectoryError:
        raise ParseError("This is a folder, not a file.", str(p)) from None
    except FileNotFoundError:
        raise ParseError("The file does not exist (it may have been moved).", str(p)) from None
    except PermissionError:
        raise ParseError("You do not have permission to read this file.", str(p)) from None
    except OSError as exc:
        raise ParseError(f"The file could not be read ({exc.strerror}).", str(p)) from None


def _too_large(size: int, limit: int, path: Path) -> ParseError:
    return ParseError(
        f"The file is {size / 1e6:,.0f} MB; letters this viewer opens are at most "
        f"{limit / 1e6:,.0f} MB.",
        str(path),
    )


def _read_chunks(path: Path, size: int, limit: int, progress: Progress) -> bytes:
    """The file read a chunk at a time (each read with the interpreter lock released), the
    chunks joined at the end. bytes.join copies with the lock released too (above 1 MB),
    where growing one buffer copies it with the lock held each time it outgrows its
    block: 114 ms in one piece, the window frozen, when a 42 MB buffer had to move
    within the heap that the last open had freed (faulthandler's watchdog caught it
    there); a buffer of the file's size filled first, bytearray(size), zeroes fresh
    memory with the lock held (90 ms for 127 MB)."""
    chunks: list[bytes] = []
    got = 0
    with path.open("rb", buffering=0) as handle:
        while chunk := handle.read(READ_CHUNK):
            chunks.append(chunk)
            got += len(chunk)
            if got > limit:  # it grew, or is a device with no size
                raise _too_large(got, limit, path)
            progress.report(got / size if got < size else 1.0)
    return b"".join(chunks)


def decode_text(data: bytes, path: str | None = None) -> str:
    """UTF-8 text (BOM allowed), refusing binary data and over-long lines."""
    if b"\x00" in data[:65536] or b"\x00" in data:
        raise ParseError(
            "This looks like a binary file (it contains NUL bytes), not a letter.",
            path,
            data.count(b"\n", 0, data.index(b"\x00")) + 1,
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ParseError(
            "The text is not valid UTF-8 (a character at this line cannot be read). "
            "Save the file as UTF-8 and open it again.",
            path,
            line,
        ) from None
    check_line_lengths(text, path)
    return text


def check_line_lengths(text: str, path: str | None) -> None:
    """ParseError naming the first line longer than MAX_LINE_CHARS."""
    if len(text) <= MAX_LINE_CHARS or _longest_line_bytes(text) <= MAX_LINE_CHARS:
        return  # the usual case, with no loop per line
    start = 0
    line = 1
    length = len(text)
    while start < length:
        end = text.find("\n", start)
        if end == -1:
            end = length
        if end - start > MAX_LINE_CHARS:
            raise ParseError(
                f"This line is {end - start:,} characters long; lines of a letter are at "
                f"most {MAX_LINE_CHARS:,}. The file is probably not a letter.",
                path,
                line,
            )
        start = end + 1
        line += 1


def check_decoded_lines(decoded: Decoded, data: bytes, path: str | None) -> None:
    """check_line_lengths for decoded text; a UTF-8 file's lines are measured on its bytes
    (the text itself is only needed to name a line that is too long)."""
    if len(data) <= MAX_LINE_CHARS:  # no line can be longer (a character is a byte or more)
        return
    measured = data if decoded.encoding == "utf-8" else decoded.text
    if _longest_line_bytes(measured, 1 << 20) > MAX_LINE_CHARS:
        check_line_lengths(decoded.text, path)


def _longest_line_bytes(text: str | bytes | bytearray, slice_chars: int = 1 << 22) -> int:
    """The UTF-8 length of the longest line (at least its length in characters), found
    with numpy a few megabytes at a time: a Python loop per line takes 0.4 s on a million
    lines, and one split of the whole text would hold the GIL and the memory at once.
    text may be given as its UTF-8 bytes."""
    import numpy as np  # here: reading a small letter needs no numpy

    longest, start = 0, 0
    newline = "\n" if isinstance(text, str) else b"\n"
    if not isinstance(text, str) and text.startswith(codecs.BOM_UTF8):
        start = len(codecs.BOM_UTF8)  # not part of the text
    while start <= len(text):
        end = text.find(newline, start + slice_chars)  # type: ignore[arg-type]
        end = len(text) if end < 0 else end
        piece = text[start:end]
        if isinstance(piece, str):
            piece = piece.encode("utf-8", "surrogatepass")
        data = np.frombuffer(piece, dtype=np.uint8)
        edges = np.concatenate(([-1], np.flatnonzero(data == 10), [data.size]))
        longest = max(longest, int(np.diff(edges).max()) - 1)
        start = end + 1
    return longest


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
