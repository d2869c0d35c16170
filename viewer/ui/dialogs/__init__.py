"""Dialogs: About, Keyboard Shortcuts, Review Import, the error reporter."""
