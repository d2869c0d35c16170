"""Words the window shows in several places, so they are spelled one way. Counts in words
("1 country", "158 signatories") are viewer.core.wording.plural."""

from __future__ import annotations

NOT_STATED_LABEL = "Not stated"
NOUNS = {"country": ("country", "countries"), "role": ("role", "roles")}


def value_label(value: str | None) -> str:
    """A facet value as shown: None is "Not stated"."""
    return NOT_STATED_LABEL if value is None else value
