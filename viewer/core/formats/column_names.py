"""Column names of signatory tables (CSV files, Markdown tables) and what each one holds.

Matching is on the header as written, trimmed and lower-cased. Columns that are not a name,
role or country (affiliation, institution, party, ...) are kept as extra columns under their
own header, so nothing in the file is dropped.
"""

from __future__ import annotations

import hashlib

NAME_COLUMNS = (
    "name", "full name", "fullname", "full_name", "signatory", "signatories", "signed by",
    "signer", "signee", "person", "names", "姓名", "名字", "聯署人", "联署人", "签名人", "簽名人",
)  # fmt: skip
ROLE_COLUMNS = (
    "role", "title", "position", "job title", "job_title", "office", "occupation",
    "designation", "function", "job", "profession", "職位", "职位", "職銜", "职衔",
)  # fmt: skip
COUNTRY_COLUMNS = (
    "country", "nationality", "country/region", "state", "country of residence", "nation",
    "country_name", "國家", "国家", "國籍", "国籍",
)  # fmt: skip
GIVEN_NAME_COLUMNS = ("first name", "first_name", "firstname", "given name", "given_name",
                      "forename")  # fmt: skip
FAMILY_NAME_COLUMNS = ("last name", "last_name", "lastname", "surname", "family name",
                       "family_name")  # fmt: skip


def folded_header(cell: str) -> str:
    """A header cell as it is matched: spaces squeezed, lower case."""
    return " ".join(cell.split()).lower()


def find_column(header: list[str], names: tuple[str, ...]) -> int | None:
    """Index of the first header cell that is one of ``names`` (case and spaces ignored)."""
    folded = [folded_header(h) for h in header]
    return next((i for i, h in enumerate(folded) if h in names), None)


def map_columns(header: list[str]) -> dict[str, int]:
    """Which column holds name, given/family name, role and country (those present).

    Given names are only read where there is no name column (the name is then made of the
    given and family names); beside a name column, a "first name" column is a further
    column like any other, not dropped.
    """
    found = {
        "name": find_column(header, NAME_COLUMNS),
        "given": find_column(header, GIVEN_NAME_COLUMNS),
        "family": find_column(header, FAMILY_NAME_COLUMNS),
        "role": find_column(header, ROLE_COLUMNS),
        "country": find_column(header, COUNTRY_COLUMNS),
    }
    if found["name"] is not None:
        found["given"] = None
    return {key: idx for key, idx in found.items() if idx is not None}


def distinct_keys(keys: list[str]) -> list[str]:
    """Keys of further columns made distinct: a key met again gets " (2)", " (3)", ... (a
    signatory's field is found by its key, so a second "note" column would never be shown)."""
    seen: set[str] = set()
    out = []
    for key in keys:
        unique, n = key, 1
        while unique in seen:
            n += 1
            unique = f"{key} ({n})"
        seen.add(unique)
        out.append(unique)
    return out


def extra_column_title(key: str) -> str:
    """A further column's header as the table shows it: "party" -> "Party".

    A header written all in lower case gets capitals at its words' starts; any other is kept
    as written ("ORCID", "Home institution"), since its writer chose those capitals.
    """
    if key != key.lower():
        return key
    return " ".join(word[:1].upper() + word[1:] for word in key.split(" "))


def column_set_key(keys: tuple[str, ...]) -> str:
    """A short, stable name for a set of table columns in order (to remember its layout)."""
    digest = hashlib.sha256("\x1f".join(keys).encode("utf-8", "surrogatepass")).hexdigest()
    return digest[:16]
