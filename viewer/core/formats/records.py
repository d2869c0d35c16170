"""Signatories kept as data: a JSON or YAML list of objects with a name, one per signer.

``[{"name": ..., "affiliation": ...}, ...]``, ``{"signatories": [...]}`` and the per-signer
files of a folder (viewer.core.formats.signer_folder) are read the same way: the key that
holds the name is chosen for the whole list (the name-like key most entries have), a role and
a country are taken from keys that say so (the CSV reader's column names), and every other
plain value is kept as a further field under its own key ("link", "affiliation").
"""

from __future__ import annotations

import datetime as _dt
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from viewer.core.errors import ParseError
from viewer.core.formats.column_names import (
    COUNTRY_COLUMNS,
    FAMILY_NAME_COLUMNS,
    GIVEN_NAME_COLUMNS,
    ROLE_COLUMNS,
)
from viewer.core.limits import MAX_SIGNATORIES
from viewer.core.model import Document, ImportWarning, Metadata, Signatory, numbered

# Keys that name the signer, best first. The strong ones name a person wherever they stand;
# the weak ones (a page's title, a commit's author, a login) only when the whole list uses them.
STRONG_NAME_KEYS = ("name", "full name", "fullname", "signatory", "signer", "signee",
                    "signed by", "display name", "person", "nom", "nombre", "имя",
                    "姓名")  # fmt: skip
WEAK_NAME_KEYS = ("author", "title", "username", "user", "login", "handle", "nickname")
NAME_KEYS = STRONG_NAME_KEYS + WEAK_NAME_KEYS
# Keys under which a document keeps its list of signatories, best first.
LIST_KEYS = ("signatories", "signatures", "signers", "signees", "signed", "supporters",
             "people", "names", "members", "entries", "records", "items", "data")  # fmt: skip
MAX_LISTED = 8  # entry numbers or file names named in one warning


def normal_key(key: object) -> str:
    """A key as compared with the known ones: "Full_Name" -> "full name"."""
    text = str(key).replace("_", " ").replace("-", " ")
    return " ".join(text.split()).casefold()


def _known(names: tuple[str, ...]) -> frozenset[str]:
    return frozenset(normal_key(n) for n in names)


ROLE_KEYS = _known(ROLE_COLUMNS)
COUNTRY_KEYS = _known(COUNTRY_COLUMNS)
GIVEN_KEYS = _known(GIVEN_NAME_COLUMNS)
FAMILY_KEYS = _known(FAMILY_NAME_COLUMNS)


def scalar_text(value: Any) -> str | None:
    """A plain value as text (a list of plain values joined by commas); None for nested
    data or an empty value."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, _dt.date | _dt.datetime):
        return value.isoformat()
    if isinstance(value, str | int | float):
        text = " ".join(str(value).split())
        return text or None
    if isinstance(value, list | tuple) and all(
        isinstance(v, str | int | float) and not isinstance(v, bool) for v in value
    ):
        return ", ".join(t for t in (scalar_text(v) for v in value) if t) or None
    return None


def best_name_key(record: Mapping, keys: tuple[str, ...] = NAME_KEYS) -> str | None:
    """The best name-like key of a record that holds a name (normalised)."""
    present = {normal_key(k) for k, v in record.items() if scalar_text(v)}
    return next((k for k in keys if k in present), None)


def choose_name_key(records: Sequence[Mapping]) -> str | None:
    """The name key of a list: the one most records name their signer with (ties: the
    better key). None when no record has one."""
    counts = Counter(best_name_key(r) for r in records)
    counts.pop(None, None)
    if not counts:
        return None
    return min(counts, key=lambda k: (-counts[k], NAME_KEYS.index(k)))


@dataclass(frozen=True)
class Record:
    """One record's fields; ``name`` is None when it has no name the list accepts."""

    name: str | None
    signatory: Signatory | None
    nested: tuple[str, ...] = ()  # keys left out because they hold nested data


def read_record(record: Mapping, name_key: str | None) -> Record:
    """A record as a signatory: the list's name key, else a strong name key of its own,
    else given and family names."""
    by_key = {normal_key(k): k for k in record}
    listed_key = name_key if name_key in by_key and scalar_text(record[by_key[name_key]]) else None
    own_key = best_name_key(record, STRONG_NAME_KEYS)
    # The list's key, unless it is a weak one and the record names its signer better.
    key = own_key if name_key in WEAK_NAME_KEYS and own_key else (listed_key or own_key)
    given = _value(record, by_key, GIVEN_KEYS)
    family = _value(record, by_key, FAMILY_KEYS)
    if key is not None:
        name = scalar_text(record[by_key[key]])
    else:
        name = " ".join(p for p in (given, family) if p) or None
    if not name:
        return Record(None, None)
    used = {key} if key else GIVEN_KEYS | FAMILY_KEYS
    role_key = next((k for k in by_key if k in ROLE_KEYS and k not in used), None)
    country_key = next((k for k in by_key if k in COUNTRY_KEYS and k not in used), None)
    used |= {role_key, country_key}
    extra, nested = [], []
    for norm, original in by_key.items():
        if norm in used:
            continue
        text = scalar_text(record[original])
        if text is not None:
            extra.append((str(original), text))
        elif record[original] not in (None, "", [], {}):
            nested.append(str(original))
    signatory = Signatory(
        name=name,
        role=scalar_text(record[by_key[role_key]]) if role_key else None,
        country=scalar_text(record[by_key[country_key]]) if country_key else None,
        family_name=family if key is None and given and family else None,
        extra=tuple(extra),
    )
    return Record(name, signatory, tuple(nested))


def _value(record: Mapping, by_key: dict[str, Any], keys: frozenset[str]) -> str | None:
    key = next((k for k in by_key if k in keys), None)
    return scalar_text(record[by_key[key]]) if key else None


# -- a document that is a list of records ---------------------------------------------------


def find_records(obj: Any) -> tuple[list | None, Mapping | None]:
    """The list of signatory records in parsed JSON or YAML, and the object around it."""
    if isinstance(obj, list):
        return (obj if _is_record_list(obj) else None), None
    if not isinstance(obj, Mapping):
        return None, None
    by_key = {normal_key(k): v for k, v in obj.items()}
    for key in LIST_KEYS:
        if isinstance(by_key.get(key), list) and _is_record_list(by_key[key]):
            return by_key[key], obj
    if best_name_key(obj, STRONG_NAME_KEYS):
        return [obj], None  # one signer's record
    lists = [v for v in obj.values() if isinstance(v, list) and _is_record_list(v)]
    return (lists[0], obj) if len(lists) == 1 else (None, None)


def _is_record_list(items: list) -> bool:
    """Objects (or names as plain text), at least one of them with a name."""
    if not items:
        return False
    if all(isinstance(i, str) for i in items):
        return True
    return any(isinstance(i, Mapping) and has_name(i) for i in items[:1000])


def has_name(record: Mapping) -> bool:
    """Whether a record has a name-like key, or a given or family name."""
    keys = {normal_key(k) for k in record}
    return best_name_key(record) is not None or bool(keys & (GIVEN_KEYS | FAMILY_KEYS))


def records_document(obj: Any, path: str | None = None, kind: str = "JSON") -> Document:
    """The document a parsed JSON or YAML list of signatories gives; ParseError if it holds
    no such list."""
    items, container = find_records(obj)
    if items is None:
        raise ParseError(
            f"This {kind} file holds no list of signatories: a list of entries that each "
            'have a name ("name", "full_name", "signatory", ...).',
            path,
        )
    if len(items) > MAX_SIGNATORIES:
        raise ParseError(f"More than {MAX_SIGNATORIES:,} signatories.", path)
    mappings = [i for i in items if isinstance(i, Mapping)]
    name_key = choose_name_key(mappings)
    signatories, unnamed, nested = [], [], Counter()
    for number, item in enumerate(items, start=1):
        record = _read_item(item, name_key)
        if record.signatory is None:
            unnamed.append(str(number))
            continue
        signatories.append(record.signatory)
        nested.update(record.nested)
    if not signatories:
        raise ParseError(f"None of the {len(items):,} entries in this {kind} has a name.", path)
    warnings = _record_warnings(unnamed, nested)
    return Document(
        signatories=numbered(signatories),
        metadata=_container_metadata(container),
        warnings=warnings,
    )


def _read_item(item: Any, name_key: str | None) -> Record:
    """An entry of a list: an object, or a name alone as plain text."""
    if isinstance(item, Mapping):
        return read_record(item, name_key)
    name = " ".join(item.split()) if isinstance(item, str) else ""
    return Record(name, Signatory(name=name)) if name else Record(None, None)


def _record_warnings(unnamed: list[str], nested: Counter) -> tuple[ImportWarning, ...]:
    warnings = []
    if unnamed:
        warnings.append(
            ImportWarning(
                None,
                f"{len(unnamed):,} entr{'ies' if len(unnamed) != 1 else 'y'} without a name "
                f"{'were' if len(unnamed) != 1 else 'was'} left out: {listed(unnamed)}.",
            )
        )
    for key, count in nested.items():
        warnings.append(
            ImportWarning(
                None, f"The field \u201c{key}\u201d holds nested data and is left out "
                f"({count:,} entr{'ies' if count != 1 else 'y'})."
            )
        )  # fmt: skip
    return tuple(warnings)


def listed(names: Sequence[str]) -> str:
    """The first few of ``names`` joined, and how many more there are."""
    shown = ", ".join(names[:MAX_LISTED])
    more = len(names) - MAX_LISTED
    return f"{shown} and {more:,} more" if more > 0 else shown


def _container_metadata(container: Mapping | None) -> Metadata:
    """A title, date and address the object around the list states about the letter."""
    if not container:
        return Metadata()
    by_key = {normal_key(k): scalar_text(v) for k, v in container.items()}
    return Metadata(
        title=by_key.get("title") or by_key.get("name"),
        date=by_key.get("date"),
        url=by_key.get("url") or by_key.get("link"),
    )


def parse_yaml(text: str, path: str | None = None, first_line: int = 1) -> Any:
    """YAML text parsed (safe_yaml); ParseError with the line for malformed YAML.
    first_line is the line of the text's start in its file (front matter starts at 2)."""
    import yaml

    try:
        return safe_yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + first_line if mark is not None else None
        problem = getattr(exc, "problem", None) or "it is not valid YAML"
        raise ParseError(f"The YAML cannot be read ({problem}).", path, line) from None
    except RecursionError:
        raise ParseError("The YAML is nested too deeply.", path) from None
    except (ValueError, TypeError, OverflowError) as exc:  # a value its tag cannot be: 2021-02-30
        raise ParseError(f"The YAML holds a value that cannot be read ({exc}).", path) from None


def safe_yaml(text: str) -> Any:
    """YAML parsed with PyYAML's safe loader (plain data only: no Python objects are ever
    made), in its C version where the wheel has it: ten times faster on a long list."""
    import yaml  # here: a text or JSON letter needs no YAML library

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
