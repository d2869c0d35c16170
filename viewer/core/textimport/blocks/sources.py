"""Which block reader a letter's text goes through: Markdown, HTML or plain text.

By the file's extension first (.md, .html, .txt); a text that is an HTML page by its
content (a doctype or an <html> tag at its start) is HTML whatever its name.
"""

from __future__ import annotations

import re
from pathlib import Path

from viewer.core.textimport.blocks import Block
from viewer.core.textimport.blocks.text_blocks import text_blocks

MARKDOWN = "markdown"
HTML = "html"
TEXT = "text"
_MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_HTML_START = re.compile(
    r"^\ufeff?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE | re.DOTALL
)


def source_kind(text: str, path: str | None) -> str:
    """markdown, html or text for this letter."""
    if is_html_page(text):
        return HTML
    suffix = Path(path).suffix.lower() if path else ""
    if suffix in _HTML_SUFFIXES:
        return HTML
    if suffix in _MARKDOWN_SUFFIXES:
        return MARKDOWN
    return TEXT


def is_html_page(text: str) -> bool:
    """A whole HTML page by its content: it opens with a doctype or an <html> tag."""
    return bool(_HTML_START.match(text[:4096]))


def read_blocks(text: str, kind: str) -> tuple[dict[str, str], list[Block]]:
    """The front matter and the blocks of a text read as ``kind``.

    The Markdown and HTML parsers (markdown-it-py, lxml) are imported on first use: a plain
    text letter, such as the bundled one, needs nothing but the standard library.
    """
    if kind == MARKDOWN:
        from viewer.core.textimport.blocks.markdown_blocks import markdown_blocks

        return markdown_blocks(text)
    if kind == HTML:
        from viewer.core.textimport.blocks.html_blocks import html_blocks

        return {}, html_blocks(text.removeprefix("\ufeff"))
    return text_blocks(text)
