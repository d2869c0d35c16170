"""The letter pane: the letter as plain text, and find in it."""
