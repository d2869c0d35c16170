"""Saved views as queries: a Query and grouping kept by name, and a view run on its letter.

The window (viewer/ui/annotations/saved_views.py) and ``letter-viewer list --view NAME``
read views the same way, with the letter's statuses in the Status facet.
"""

from __future__ import annotations

from collections.abc import Callable

from viewer.core.library.annotations import AnnotationStore, SavedView
from viewer.core.model import Document
from viewer.core.query.engine import Query, QueryEngine, Result
from viewer.core.query.facets import is_facet_key
from viewer.core.verification import STATUS_FACET, UNCHECKED, status_values


def view_of(name: str, query: Query, grouping: str) -> SavedView:
    """The saved form of a query and the chart's grouping."""
    facets = {key: _ordered(values) for key, values in query.facets}
    return SavedView(name, query.text, facets, query.sort_column, query.descending, grouping)


def _ordered(values: frozenset[str | None]) -> tuple[str | None, ...]:
    return tuple(sorted(values, key=lambda v: (v is None, v or "")))


def query_of(view: SavedView, can_sort_by: Callable[[str], bool]) -> Query:
    """The query a view asks for; a sort this letter cannot do falls back to its order, a
    facet key this viewer cannot read is left out."""
    facets = {k: v for k, v in view.facets.items() if is_facet_key(k)}
    sortable = view.sort_column == "position" or can_sort_by(view.sort_column)
    return Query(
        text=view.text,
        facets=facets,
        sort_column=view.sort_column if sortable else "position",
        descending=view.descending and sortable,
    )


def annotated_engine(doc: Document, store: AnnotationStore) -> QueryEngine:
    """A query engine over doc with the statuses the user gave its signatories."""
    engine = QueryEngine(doc)
    engine.columns.add_facet(STATUS_FACET, UNCHECKED)
    if doc.source.sha256:
        given = store.verifications(doc.source.sha256)
        engine.columns.set_values(STATUS_FACET.key, status_values(doc.signatories, given))
    return engine


def run_view(doc: Document, name: str, store: AnnotationStore) -> Result:
    """The rows the letter's saved view name shows; KeyError listing its views if none."""
    views = store.views(doc.source.sha256) if doc.source.sha256 else {}
    if name not in views:
        known = ", ".join(views) or "none saved"
        raise KeyError(f"this letter has no saved view {name!r} (its views: {known})")
    engine = annotated_engine(doc, store)
    return engine.run(query_of(views[name], engine.can_sort_by))
