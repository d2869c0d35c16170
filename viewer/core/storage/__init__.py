"""What the viewer keeps on disk: settings, window state, recent files; atomic writes."""
