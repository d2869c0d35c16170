"""The signatories pane: filter field, pickers and chips, the table and its model."""
