"""The filter in force, said in words (for a printout's header and body)."""

from __future__ import annotations

from viewer.core.query.engine import Query, extra_sort_key
from viewer.core.query.facets import facet_for_key, further_facet, in_reading_order

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
    further = extra_sort_key(query.sort_column)
    column = _SORT_NAMES[query.sort_column] if further is None else further_facet(further).one
    return f"sorted by {column} ({direction})"


def filter_terms(query: Query) -> str | None:
    """The filter alone, for an export's provenance: 'country = Germany, Spain'; None if none."""
    chosen = query.chosen
    parts = [
        f"{facet_for_key(key).noun(1)} = {_values(chosen[key])}" for key in in_reading_order(chosen)
    ]
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
    chosen = query.chosen
    for key in in_reading_order(chosen):
        values = chosen[key]
        parts.append(f"{facet_for_key(key).noun(len(values))}: {_values(values)}")
    if not parts:
        return f"All signatories, {describe_sort(query)}"
    summary = "; ".join(parts)
    return f"{summary[0].upper()}{summary[1:]}; {describe_sort(query)}"
