"""The one query state every view reads: the current Query and its Result.

The table, the chart, the status line and the pickers listen to ``changed``; user intent
(typing, choosing a country, clicking a bar or a header) comes back as a new Query through
the methods here, never as a poke into another widget.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from viewer.core.model import Document
from viewer.core.query.engine import Query, QueryEngine, Result
from viewer.core.query.facets import Facet, facet_for_key, registered_default


class ViewState(QObject):
    """Holds the document, its query engine, the current Query and its Result."""

    changed = Signal(object)  # Result
    facets_changed = Signal()  # a facet of the user's was added (the first status given)
    document_changed = Signal(object)  # Document

    def __init__(self, document: Document, parent: QObject | None = None):
        super().__init__(parent)
        self.document = document
        self.engine = QueryEngine(document)
        self.query = Query()
        self.result: Result = self.engine.run(self.query)

    # -- intent -------------------------------------------------------------------------------

    def set_query(self, query: Query) -> None:
        """Run query and tell every view, unless it is the query already shown."""
        if query == self.query:
            return
        self.query = query
        self.result = self.engine.run(query)
        self.changed.emit(self.result)

    def set_text(self, text: str) -> None:
        self.set_query(self.query.with_text(text))

    def toggle(self, facet: str, value: str | None) -> None:
        """Add a value of a facet (by key) to its filter, or remove it if it is there."""
        self.set_query(self.query.toggled(facet, value))

    def set_facet(self, facet: str, values: frozenset[str | None]) -> None:
        self.set_query(self.query.with_facet(facet, values))

    def sort_by(self, column: str, descending: bool = False) -> None:
        self.set_query(self.query.sorted_by(column, descending))

    def clear_filters(self) -> None:
        """Show every signatory again, keeping the sort."""
        q = self.query
        self.set_query(Query(sort_column=q.sort_column, descending=q.descending))

    def set_facet_values(self, facet: Facet, values: list[str | None]) -> None:
        """New values for a registered facet (the user's status of each signatory), one per
        row; the query is run again and every view told.

        The facet joins the document's the first time (a letter nobody has checked shows no
        Status picker): facets_changed tells the pickers and the chart.
        """
        columns = self.engine.columns
        added = columns.facet(facet.key) is None
        if added:
            columns.add_facet(facet, registered_default(facet.key) or "")
        columns.set_values(facet.key, values)
        self.result = self.engine.run(self.query)
        if added:
            self.facets_changed.emit()
        self.changed.emit(self.result)

    def set_document(self, document: Document, engine: QueryEngine | None = None) -> None:
        """Show another document; the sort is kept, filters are cleared.

        ``engine`` is the document's query engine when a worker has built it already.
        """
        self.document = document
        self.engine = engine if engine is not None else QueryEngine(document)
        q = self.query
        # A sort by a further column the new document lacks falls back to source order.
        if self.engine.can_sort_by(q.sort_column):
            self.query = Query(sort_column=q.sort_column, descending=q.descending)
        else:
            self.query = Query()
        self.result = self.engine.run(self.query)
        self.document_changed.emit(document)
        self.changed.emit(self.result)

    # -- reading --------------------------------------------------------------------------------

    @property
    def facets(self) -> tuple[Facet, ...]:
        """The document's facets: country, role, then its categorical further columns."""
        return self.engine.facets

    def facet(self, key: str) -> Facet:
        """The facet of a key, with its shortcut in this document if it has one."""
        return self.engine.columns.facet(key) or facet_for_key(key)

    @property
    def extra_keys(self) -> tuple[str, ...]:
        """The document's further fields (table columns after Country), in first-seen order."""
        return self.engine.columns.extra_keys

    def present_values(self, facet: str, values: frozenset[str | None]) -> frozenset[str | None]:
        """Those of values that occur in the document (a restored filter may name others)."""
        category = self.engine.columns.category.get(facet)
        known = set(category.labels) if category is not None else set()
        return frozenset(v for v in values if v in known)
