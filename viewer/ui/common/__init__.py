"""Shared parts of the window: the view state, palette, theme, zoom, wording, the one worker
for long work, the one action helper and the one status-message helper."""
