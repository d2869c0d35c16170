"""The chart dock: signatories per country (or role) for the current query."""
