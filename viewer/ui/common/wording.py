"""Words the window shows in several places, so they are spelled one way. Counts in words
("1 country", "158 signatories") are viewer.core.wording.plural."""

from __future__ import annotations

NOT_STATED_LABEL = "Not stated"


def value_label(value: str | None) -> str:
    """A facet value as shown: None is "Not stated"."""
    return NOT_STATED_LABEL if value is None else value


def capitalized(text: str) -> str:
    """The first letter in capitals, the rest as written ("parties" -> "Parties")."""
    return text[:1].upper() + text[1:]


def literal(text: str) -> str:
    """Text from a file as a button or menu caption: an "&" is shown, not made a shortcut."""
    return text.replace("&", "&&")
