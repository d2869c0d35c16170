"""The block tree every letter source is read into: Markdown, HTML and plain text alike.

A reader turns its markup into these values; finding the letter and its signatories then
works on blocks, so markup never reaches a name. Text in an Inline is what a reader sees:
tags, marks and entities gone, a hard line break kept as "\\n".

The readers are this package's modules: markdown_blocks (markdown-it-py), html_blocks (lxml,
with html_block_builder, html_elements, html_text), text_blocks (plain text by blank lines
and indents), and sources, which picks one for a file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Link:
    """A link inside a block: its visible text and its target."""

    text: str
    url: str


@dataclass(frozen=True)
class Inline:
    """One block's text, with the links and emphasis that were marked inside it."""

    text: str
    line: int | None = None  # 1-based source line where the block starts
    links: tuple[Link, ...] = ()  # in order of appearance
    strong: tuple[str, ...] = ()  # texts of bold / <strong> spans, in order
    emphasis: tuple[str, ...] = ()  # texts of italic / <em> spans, in order


BlockKind = Literal["heading", "paragraph", "item", "row", "rule"]


@dataclass(frozen=True)
class Block:
    """A heading, a paragraph, a list item, a table row or a thematic break.

    ``level`` is a heading's level (1-6) or a list item's nesting depth (0 at the top);
    items of one list share ``list_id``; ``number`` is an ordered item's number as
    written; a table row's cells are in ``cells`` (its ``inline`` joins them with tabs).
    """

    kind: BlockKind
    inline: Inline
    level: int = 0
    number: int | None = None
    list_id: int | None = None
    cells: tuple[Inline, ...] = ()
    header: bool = False  # a table's header row

    @property
    def text(self) -> str:
        return self.inline.text

    @property
    def line(self) -> int | None:
        return self.inline.line
