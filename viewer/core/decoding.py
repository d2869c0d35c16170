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

from viewer.core.errors import ParseError

# Valid UTF-8 multi-byte sequences: if a file has any, it was meant to be UTF-8.
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
# Control characters that never occur in a letter (tab, line and page breaks are fine).
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
MAX_CONTROL_SHARE = 0.01


@dataclass(frozen=True)
class Decoded:
    """Text read from bytes, the codec used and, for a fallback, what the user should know."""

    text: str
    encoding: str
    warning: str | None = None


def decode_letter_bytes(data: bytes, path: str | None = None) -> Decoded:
    """Decode a letter's bytes; ParseError for binary data or broken UTF-8."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _checked(_decode_utf16(data, path), path)
    if b"\x00" in data:
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        raise _binary(path, line, "it contains NUL bytes")
    try:
        return _checked(Decoded(data.decode("utf-8-sig"), "utf-8"), path)
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
                text,
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
        text,
        "utf-16",
        "The file is UTF-16 text (it starts with a byte-order mark), not UTF-8; it was read "
        "as UTF-16.",
    )


def _checked(decoded: Decoded, path: str | None) -> Decoded:
    """Refuse text whose share of control characters says it is really binary data."""
    text = decoded.text
    controls = _CONTROL.findall(text)
    if controls and len(controls) > MAX_CONTROL_SHARE * max(len(text), 1):
        first = _CONTROL.search(text)
        line = text.count("\n", 0, first.start()) + 1 if first else None
        raise _binary(path, line)
    return decoded


def _binary(
    path: str | None, line: int | None, why: str = "it contains control bytes that text does not"
) -> ParseError:
    return ParseError(f"This looks like a binary file ({why}), not a letter.", path, line)
