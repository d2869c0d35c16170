"""The project's own JSON format (the letter, its metadata and signatories) and the
``<name>.meta.json`` metadata sidecar; document_from_json() reads what document_to_json() writes."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any

from viewer.core.errors import ParseError
from viewer.core.formats.decoding import without_controls
from viewer.core.formats.file_bytes import decode_text, read_file_bytes
from viewer.core.limits import MAX_SIGNATORIES
from viewer.core.model import (
    Block,
    Document,
    ItemList,
    Letter,
    Metadata,
    NameParts,
    Paragraph,
    Signatory,
    numbered,
)

SCHEMA_VERSION = 1
FORMAT_NAME = "open-letter"


# DEL and the C1 controls: json.dumps writes them as they are (it escapes only C0), and the
# viewer refuses a file holding many of them as binary; escaped, they stay in the value.
_UNESCAPED_CONTROLS = re.compile("[\x7f-\x9f]")
# A value the other formats cannot hold: NUL (text files with it are refused as binary) and
# a lone surrogate (no UTF-8 for it: no file could be written).
_UNWRITABLE = re.compile("[\x00\ud800-\udfff]")


def document_to_json(
    doc: Document, verifications: Mapping[tuple[int, str], Mapping[str, str]] | None = None
) -> str:
    """The project's JSON format; document_from_json() reads it back unchanged.

    verifications: the user's status of signatories, by (position, name), as the objects to
    write under each one's "verification" (viewer.core.verification.verification_obj).
    Long values stay on one line (a JSON string cannot be wrapped): the viewer reads JSON
    without the line-length limit of text letters (viewer.core.opening.RECORD_FORMATS).
    """
    obj = _document_to_obj(doc, verifications or {})
    text = json.dumps(obj, ensure_ascii=False, indent=2) + "\n"
    return _UNESCAPED_CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _document_to_obj(
    doc: Document, verifications: Mapping[tuple[int, str], Mapping[str, str]]
) -> dict[str, Any]:
    meta = {k: v for k, v in asdict(doc.metadata).items() if v is not None}
    letter = doc.letter
    people = []
    for s in doc.signatories:
        entry: dict[str, Any] = {"name": s.name, "role": s.role, "country": s.country}
        if s.family_name:
            entry["family_name"] = s.family_name
        if s.extra:
            entry["extra"] = dict(s.extra)
        if s.name_parts:
            entry["name_parts"] = {k: v for k, v in asdict(s.name_parts).items() if v}
        if (found := verifications.get((s.position, s.name))) is not None:
            entry["verification"] = dict(found)
        people.append(entry)
    return {
        "format": FORMAT_NAME,
        "schema_version": SCHEMA_VERSION,
        "metadata": meta,
        "letter": {
            "addressee": list(letter.addressee),
            "date": letter.date,
            "salutation": letter.salutation,
            "body": [_block_to_obj(b) for b in letter.body],
            "closing": letter.closing,
        },
        "signatories": people,
    }


def _block_to_obj(block: Block) -> dict[str, Any]:
    if isinstance(block, Paragraph):
        return {"paragraph": block.text}
    return {"list": list(block.items)}


def document_from_json(text: str, path: str | None = None) -> Document:
    return document_from_json_obj(parse_json(text, path), path)


def parse_json(text: str, path: str | None = None) -> Any:
    """JSON text parsed; ParseError (with the line) for malformed JSON, and for JSON that
    holds a character no other format can (a NUL, a lone surrogate)."""
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ParseError(f"The JSON is malformed: {exc.msg}.", path, exc.lineno) from None
    except RecursionError:
        raise ParseError("The JSON is nested too deeply to be a letter.", path) from None
    except ValueError as exc:  # a number of more than 4,300 digits
        raise ParseError(f"The JSON holds a value that cannot be read ({exc}).", path) from None
    if "\\u" in text and _holds_unwritable(obj):  # only escapes can make these
        raise ParseError(
            "The JSON holds a character that is not text (a NUL or half of a surrogate "
            "pair, written as \\u0000 or \\ud800).",
            path,
        )
    return obj


def is_own_json(obj: Any) -> bool:
    """Whether parsed JSON is in this viewer's format (as document_to_json writes it)."""
    return isinstance(obj, dict) and (obj.get("format") == FORMAT_NAME or "schema_version" in obj)


def document_from_json_obj(obj: Any, path: str | None = None) -> Document:
    """The document parsed JSON in this viewer's format holds; ParseError if it is not."""
    try:
        return _document_from_obj(obj, path)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ParseError(
            f"The JSON is not a letter in this viewer's format ({_describe(exc)}).", path
        ) from None


def _holds_unwritable(obj: Any) -> bool:
    """Whether any string in the JSON value (keys too) has a character of _UNWRITABLE."""
    stack = [obj]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if _UNWRITABLE.search(item):
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def _describe(exc: Exception) -> str:
    if isinstance(exc, KeyError):
        return f"missing field {exc.args[0]!r}"
    return str(exc) or type(exc).__name__


def _document_from_obj(obj: Any, path: str | None) -> Document:
    if not isinstance(obj, dict):
        raise ValueError("the top level is not an object")
    version = obj.get("schema_version")
    if not isinstance(version, int) or version < 1:
        raise ValueError("no schema_version")
    if version > SCHEMA_VERSION:
        raise ParseError(
            f"The file was written by a newer version of this viewer (format version "
            f"{version}); this one reads up to version {SCHEMA_VERSION}.",
            path,
        )
    metadata = _metadata_from_obj(obj.get("metadata") or {})
    lo = obj.get("letter") or {}
    letter = Letter(
        addressee=tuple(_str(a, "addressee") for a in lo.get("addressee", [])),
        date=_opt_str(lo.get("date"), "date"),
        salutation=_opt_str(lo.get("salutation"), "salutation"),
        body=tuple(_block_from_obj(b) for b in lo.get("body", [])),
        closing=_opt_str(lo.get("closing"), "closing"),
    )
    people = obj["signatories"]
    if not isinstance(people, list):
        raise ValueError("signatories is not a list")
    if len(people) > MAX_SIGNATORIES:
        raise ParseError(f"More than {MAX_SIGNATORIES:,} signatories.", path)
    signatories = numbered([_signatory_from_obj(p) for p in people])
    return Document(letter=letter, signatories=signatories, metadata=metadata)


def _block_from_obj(obj: Any) -> Block:
    if "paragraph" in obj:
        return Paragraph(_str(obj["paragraph"], "paragraph"))
    return ItemList(tuple(_str(i, "list item") for i in obj["list"]))


def _signatory_from_obj(obj: Any) -> Signatory:
    if not isinstance(obj, dict):
        raise ValueError("a signatory is not an object")
    extra = obj.get("extra") or {}
    if not isinstance(extra, dict):
        raise ValueError("extra is not an object")
    name = _str(obj["name"], "name")
    if not without_controls(name).strip():  # nothing a reader of another format would see
        raise ValueError("a signatory has an empty name")
    return Signatory(
        name=name,
        role=_opt_str(obj.get("role"), "role"),
        country=_opt_str(obj.get("country"), "country"),
        family_name=_opt_str(obj.get("family_name"), "family_name"),
        # An empty value is no value, as for role and country (and in a CSV).
        extra=tuple((_str(k, "extra"), _str(v, "extra")) for k, v in extra.items() if v != ""),
        name_parts=_name_parts_from_obj(obj.get("name_parts")),
    )


def _name_parts_from_obj(obj: Any) -> NameParts | None:
    """The stated name parts ("given", "family", "particle", "suffix", "honorific")."""
    if obj is None:
        return None
    if not isinstance(obj, dict):
        raise ValueError("name_parts is not an object")
    known = set(NameParts.__dataclass_fields__)
    parts = NameParts(**{k: _opt_str(v, f"name_parts.{k}") for k, v in obj.items() if k in known})
    return parts if any(asdict(parts).values()) else None


def _str(value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{what} is not text")
    return value


def _opt_str(value: Any, what: str) -> str | None:
    return None if value is None or value == "" else _str(value, what)


_NUMBER_FIELDS = {f.name for f in fields(Metadata) if "int" in str(f.type)}


def _metadata_from_obj(obj: Any) -> Metadata:
    """Metadata of the known fields, each of its type: a count is a whole number (digits in a
    string are read as one), everything else text; an empty value is no value."""
    known = set(Metadata.__dataclass_fields__)
    return Metadata(**{k: _meta_value(v, k) for k, v in obj.items() if k in known})


def _meta_value(value: Any, what: str) -> str | int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ValueError(f"{what} is not text or a number")
    if what in _NUMBER_FIELDS:
        if isinstance(value, str) and not (value.isascii() and value.isdigit()):
            raise ValueError(f"{what} is not a whole number")
        if int(value) < 0:
            raise ValueError(f"{what} is less than nothing")
        return int(value)
    return str(value)


def read_metadata(path: str | Path) -> Metadata:
    text = decode_text(read_file_bytes(path, 1024 * 1024), str(path))
    try:
        return _metadata_from_obj(json.loads(text))
    except (json.JSONDecodeError, TypeError, ValueError, AttributeError) as exc:
        raise ParseError(f"The metadata file is not valid ({exc}).", str(path)) from None
