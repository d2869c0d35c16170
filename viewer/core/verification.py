"""Whether a signatory is verified: the statuses a researcher gives, and the Status facet.

A status is the user's finding, not the letter's: it lives in the annotation store
(viewer.core.library.annotations), never in the document. The Status facet is registered
with the facet registry (viewer.core.query.facets) and added to an engine's columns once a
letter has a status (Columns.add_facet): the engine then counts it, the filter bar gives it a
picker and chips and the chart can group by it, as for any column.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from viewer.core.model import Signatory
from viewer.core.query.engine import Result
from viewer.core.query.facets import Facet, register_facet

UNCHECKED = "unchecked"
CONFIRMED = "confirmed"
DISPUTED = "disputed"
WITHDRAWN = "withdrawn"
STATUSES = (UNCHECKED, CONFIRMED, DISPUTED, WITHDRAWN)

STATUS_FACET = register_facet(
    Facet("status", "status", "Status", "status", "statuses"), default=UNCHECKED
)


@dataclass(frozen=True)
class Verification:
    """A status given to one signatory, why (note) and on what evidence (url)."""

    status: str = UNCHECKED
    note: str = ""
    url: str = ""
    changed: str = ""  # ISO time of the last change, set by the store

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise ValueError(f"unknown status {self.status!r}; one of {', '.join(STATUSES)}")

    @property
    def is_blank(self) -> bool:
        """Nothing said: unchecked, without note or source (the store keeps no row for it)."""
        return self.status == UNCHECKED and not self.note and not self.url


SignatoryKey = tuple[int, str]  # (position in the letter, name as written)


def confirmed_suffix(result: Result) -> str:
    """ " · 12 confirmed" for the shown rows once any is confirmed; "" before."""
    counts = result.visible_counts.get(STATUS_FACET.key, ())
    confirmed = next((c.count for c in counts if c.value == CONFIRMED), 0)
    return f" \u00b7 {confirmed:,} confirmed" if confirmed else ""


def status_values(
    signatories: Sequence[Signatory], given: Mapping[SignatoryKey, Verification]
) -> list[str]:
    """Each row's status for the Status facet (unchecked where none was given)."""
    if not given:
        return [UNCHECKED] * len(signatories)
    return [v.status if (v := given.get((s.position, s.name))) else UNCHECKED for s in signatories]


def verification_obj(verification: Verification) -> dict[str, str]:
    """The JSON export's "verification" of a signatory (empty fields left out)."""
    obj = {"status": verification.status}
    for name in ("note", "url", "changed"):
        if value := getattr(verification, name):
            obj[name] = value
    return obj
