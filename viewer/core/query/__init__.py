"""The query over a document's signatories: filter, sort and facet counts on columns."""
