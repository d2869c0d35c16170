"""The filter in force, said in words (for a printout's header and body)."""

from __future__ import annotations

from viewer.core.query.engine import Query

NOT_STATED = "not stated"
_SORT_NAMES = {"name": "name", "role": "role", "country": "country"}


def _values(values: frozenset[str | None]) -> str:
    stated = sorted(v for v in values if v is not None)
    return ", ".join(stated + ([NOT_STATED] if None in values else []))


def describe_sort(query: Query) -> str:
    """ "in the letter's order", "sorted by name (Z\u2013A)" ..."""
    if query.sort_column == "position":
        return "in reverse letter order" if query.descending else "in the letter's order"
    direction = "Z\u2013A" if query.descending else "A\u2013Z"
    return f"sorted by {_SORT_NAMES[query.sort_column]} ({direction})"


def filter_terms(query: Query) -> str | None:
    """The filter alone, for an export's provenance: 'country = Germany, Spain'; None if none."""
    parts = []
    if query.countries:
        parts.append(f"country = {_values(query.countries)}")
    if query.roles:
        parts.append(f"role = {_values(query.roles)}")
    text = " ".join(query.text.split())
    if text:
        parts.append(f"text matching \u201c{text}\u201d")
    return "; ".join(parts) or None


def describe_filter(query: Query) -> str:
    """The filter and sort in one line: 'Matching "rossner"; countries: Germany; sorted by ...'.

    With no filter: "All signatories, in the letter's order".
    """
    parts = []
    text = " ".join(query.text.split())
    if text:
        parts.append(f"matching \u201c{text}\u201d")
    if query.countries:
        noun = "country" if len(query.countries) == 1 else "countries"
        parts.append(f"{noun}: {_values(query.countries)}")
    if query.roles:
        noun = "role" if len(query.roles) == 1 else "roles"
        parts.append(f"{noun}: {_values(query.roles)}")
    if not parts:
        return f"All signatories, {describe_sort(query)}"
    summary = "; ".join(parts)
    return f"{summary[0].upper()}{summary[1:]}; {describe_sort(query)}"
