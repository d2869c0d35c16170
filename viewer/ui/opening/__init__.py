"""Opening files: File > Open, recent files, drops, the worker's progress, import notices."""
