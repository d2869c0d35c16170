"""Shared parts of the window: the view state, palette, theme, zoom, wording, the worker."""
