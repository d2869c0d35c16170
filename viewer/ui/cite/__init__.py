"""Copying with citations: the Cite button, its style menu, the clipboard's formats."""
