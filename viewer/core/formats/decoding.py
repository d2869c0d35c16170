"""Bytes of a letter to text: UTF-8, or a declared fallback that the document then reports.

The order is fixed and documented (README, "What opens"): a byte-order mark decides (UTF-8 or
UTF-16); otherwise strict UTF-8; otherwise, when nothing in the file is UTF-8 at all, Windows-1252
and then Latin-1, with a warning, because such files come from older Windows editors. A file
that is mostly UTF-8 with a few broken bytes is refused with the line: reading it as
Windows-1252 would garble every correct accented letter in it.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from functools import cached_property

from viewer.core.errors import ParseError
from viewer.core.progress import Progress

# Valid UTF-8 multi-byte sequences: if a file has any, it was meant to be UTF-8.
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
# Control characters that never occur in a letter (tab, line and page breaks are fine).
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
MAX_CONTROL_SHARE = 0.01


def without_controls(text: str) -> str:
    """The text without the control characters above: what a writer of a text file does with
    a value that holds them (they cannot be escaped in CSV or plain text, and a file with many
    of them would be refused as binary)."""
    return _CONTROL.sub("", text) if _CONTROL.search(text) else text


# The bytes of the controls above that are single characters in UTF-8 (C0 and DEL).
_C0_BYTES = [*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F]
LARGE_BYTES = 1 << 20  # from here the controls are counted with numpy
DECODE_SLICE = 1 << 20  # bytes decoded (and scanned) at a time: a few milliseconds each


@dataclass(frozen=True)
class Decoded:
    """Text read from bytes, the codec used and, for a fallback, what the user should know.

    A large UTF-8 file's text comes as pieces that each end at a line's end, so that a
    reader that goes a slice at a time (the CSV reader) never needs it in one string: joining
    40 MB is one call that holds the interpreter lock for 60 ms, and a copy of the text.
    """

    pieces: tuple[str, ...]
    encoding: str
    warning: str | None = None

    @cached_property
    def text(self) -> str:
        """The whole text (joined once, when first asked for)."""
        return self.pieces[0] if len(self.pieces) == 1 else "".join(self.pieces)

    @property
    def size(self) -> int:
        """The length of the text."""
        return sum(map(len, self.pieces))


def decode_letter_bytes(
    data: bytes, path: str | None = None, progress: Progress | None = None
) -> Decoded:
    """Decode a letter's bytes; ParseError for binary data or broken UTF-8.

    progress, if given, hears the fraction decoded (UTF-8 is decoded a few megabytes at a
    time) and may stop the decoding (viewer.core.progress.Cancelled).
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _checked(_decode_utf16(data, path), path)
    if b"\x00" in data:
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        raise _binary(path, line, "it contains NUL bytes")
    try:
        pieces = _decode_utf8(data, progress or Progress())
        if len(data) >= LARGE_BYTES:  # counted on the bytes: a regex over 40 MB takes 0.3 s
            return _checked(Decoded(pieces, "utf-8"), path, _utf8_controls(data))
        return _checked(Decoded(pieces, "utf-8"), path)
    except UnicodeDecodeError as exc:
        if data.startswith(codecs.BOM_UTF8) or _UTF8_SEQUENCE.search(data):
            raise ParseError(
                "The text is not valid UTF-8 (a character at this line cannot be read). "
                "Save the file as UTF-8 and open it again.",
                path,
                data.count(b"\n", 0, exc.start) + 1,
            ) from None
    for codec, label in (("cp1252", "Windows-1252"), ("latin-1", "Latin-1 (ISO 8859-1)")):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        return _checked(
            Decoded(
                (text,),
                codec,
                f"The file is not UTF-8; it was read as {label}. If accented letters look "
                "wrong, save the file as UTF-8 and open it again.",
            ),
            path,
        )
    raise AssertionError("latin-1 decodes any bytes")  # pragma: no cover


def _decode_utf16(data: bytes, path: str | None) -> Decoded:
    try:
        text = data.decode("utf-16")
    except UnicodeDecodeError as exc:
        raise ParseError(
            "The file starts like UTF-16 text but cannot be read as UTF-16; it may be damaged.",
            path,
            data[: exc.start].decode("utf-16", "replace").count("\n") + 1,
        ) from None
    if not any(ch in text for ch in "\n \u3000"):
        # Real text has spaces or line breaks; two BOM-like bytes before binary data do not.
        raise _binary(path, None)
    return Decoded(
        (text,),
        "utf-16",
        "The file is UTF-16 text (it starts with a byte-order mark), not UTF-8; it was read "
        "as UTF-16.",
    )


def _decode_utf8(data: bytes, progress: Progress) -> tuple[str, ...]:
    """data.decode("utf-8-sig"), a slice at a time: one call over 40 MB holds the interpreter
    lock for over 0.1 s, which a GUI thread waiting for it would show as a freeze."""
    view = memoryview(data)
    start = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    parts = []
    while start < len(data):
        end = data.find(b"\n", start + DECODE_SLICE)  # a newline never ends inside a character
        end = len(data) if end < 0 else end + 1
        try:
            parts.append(str(view[start:end], "utf-8"))
        except UnicodeDecodeError as exc:  # where it is in the whole file, as one decode says
            where = (start + exc.start, start + exc.end)
            raise UnicodeDecodeError("utf-8", data, *where, exc.reason) from None
        progress.report(end / len(data))
        start = end
    return tuple(parts) or ("",)


def _utf8_controls(data: bytes) -> int:
    """How many characters of _CONTROL the UTF-8 text of data holds, counted on the bytes
    with numpy: C0 controls and DEL are single bytes, C1 controls are 0xC2 0x80-0x9F."""
    import numpy as np  # here: a small letter is checked with the regular expression

    found = 0
    for lo in range(0, len(data), DECODE_SLICE):
        chunk = np.frombuffer(data, np.uint8, min(DECODE_SLICE + 1, len(data) - lo), lo)
        counts = np.bincount(chunk[:DECODE_SLICE], minlength=256)
        found += int(counts[_C0_BYTES].sum())
        if counts[0xC2]:
            after = chunk[np.flatnonzero(chunk[:-1] == 0xC2)[: int(counts[0xC2])] + 1]
            found += int(np.count_nonzero((after >= 0x80) & (after <= 0x9F)))
    return found


def _checked(decoded: Decoded, path: str | None, count: int | None = None) -> Decoded:
    """Refuse text whose share of control characters says it is really binary data.

    count: the number of control characters, if already counted.
    """
    if count is None:
        count = len(_CONTROL.findall(decoded.text))
    if count and count > MAX_CONTROL_SHARE * max(decoded.size, 1):
        text = decoded.text
        first = _CONTROL.search(text)
        line = text.count("\n", 0, first.start()) + 1 if first else None
        raise _binary(path, line)
    return decoded


def _binary(
    path: str | None, line: int | None, why: str = "it contains control bytes that text does not"
) -> ParseError:
    return ParseError(f"This looks like a binary file ({why}), not a letter.", path, line)
