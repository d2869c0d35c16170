"""Markdown -> (front matter, blocks), with markdown-it-py's CommonMark parser.

Tables and YAML front matter come from mdit-py-plugins' rules (``table`` is markdown-it's
own GFM rule, ``front_matter`` the plugin). HTML inside the Markdown, as blogs and GitHub
pages keep it (``<p>gez.<p>Henryk M. Broder<br>``, ``<small>``, comments), is read by
html_blocks, so a tag never reaches a name. Liquid template tags (``{% include ... %}``)
are page machinery, not text, and are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from viewer.core.textimport.blocks import Block, Inline, Link
from viewer.core.textimport.blocks.html_blocks import html_blocks
from viewer.core.textimport.textclean import parse_front_matter

_LIQUID = re.compile(r"\{%.*?%\}|\{\{.*?\}\}", re.DOTALL)
_BREAK_TAG = re.compile(r"^<br\s*/?>$", re.IGNORECASE)
_PARSER = MarkdownIt("commonmark").enable("table").use(front_matter_plugin)
# A link's target is kept as written (a field, shown as text), never percent-encoded for a
# browser: that costs a third of the parse of a list of 764 linked names. validateLink
# stays: javascript: and the like are never links.
_PARSER.normalizeLink = _PARSER.normalizeLinkText = lambda url: url  # type: ignore[method-assign]


def markdown_blocks(text: str) -> tuple[dict[str, str], list[Block]]:
    """The front matter's fields and the document's blocks, in order."""
    tokens = _PARSER.parse(text)
    front: dict[str, str] = {}
    reader = _Reader()
    for token in tokens:
        if token.type == "front_matter":
            front = parse_front_matter(token.content.split("\n"))
        else:
            reader.take(token)
    return front, reader.blocks


@dataclass
class _Reader:
    """Walks markdown-it's flat token stream, keeping the list and table context."""

    blocks: list[Block] = field(default_factory=list)
    lists: list[tuple[int, bool, int]] = field(default_factory=list)  # id, ordered, next no.
    items: list[int] = field(default_factory=list)  # index in blocks of open items' first block
    next_list: int = 0
    pending: str | None = None  # "heading:2", "paragraph", "item", "cell"
    heading_level: int = 0
    cells: list[Inline] = field(default_factory=list)
    row_line: int | None = None
    in_head: bool = False

    def take(self, token: Token) -> None:
        kind = token.type
        line = token.map[0] + 1 if token.map else None
        if kind in ("bullet_list_open", "ordered_list_open"):
            start = int(token.attrGet("start") or 1) if kind == "ordered_list_open" else 0
            self.lists.append((self.next_list, kind == "ordered_list_open", start))
            self.next_list += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            self.lists.pop()
        elif kind == "list_item_open":
            self.items.append(-1)
            self.pending = "item"
            if token.info.isdigit() and self.lists and self.lists[-1][1]:
                list_id, ordered, _next = self.lists[-1]
                self.lists[-1] = (list_id, ordered, int(token.info))  # the number as written
        elif kind == "list_item_close":
            self.items.pop()
            if self.pending == "item":  # an empty item ("- "): no text came for it
                self.pending = None
        elif kind == "heading_open":
            self.pending, self.heading_level = "heading", int(token.tag[1])
        elif kind == "paragraph_open":
            if self.pending != "item":
                self.pending = "paragraph"
        elif kind in ("thead_open", "thead_close"):
            self.in_head = kind == "thead_open"
        elif kind == "tr_open":
            self.cells, self.row_line = [], line
        elif kind in ("th_open", "td_open"):
            self.pending = "cell"
        elif kind == "tr_close":
            self._row()
        elif kind == "hr":
            self.blocks.append(Block("rule", Inline("", line)))
        elif kind in ("html_block", "code_block", "fence"):
            self._raw(token, line)
        elif kind == "inline":
            self._inline(token, line)

    def _inline(self, token: Token, line: int | None) -> None:
        inline = read_inline(token.children or [], line)
        pending, self.pending = self.pending, None
        if pending == "cell":
            self.cells.append(inline)
            return
        if pending == "item":
            self._item(inline)
            return
        if self.items and self.items[-1] >= 0:  # a further paragraph of an open item
            self._extend_item(inline)
            return
        if not inline.text.strip():
            return  # a paragraph of a Liquid tag or an image only
        if pending == "heading":
            self.blocks.append(Block("heading", inline, level=self.heading_level))
        else:
            self.blocks.append(Block("paragraph", inline))

    def _item(self, inline: Inline) -> None:
        list_id, ordered, number = self.lists[-1]
        if ordered:
            self.lists[-1] = (list_id, ordered, number + 1)
        level = len(self.lists) - 1
        block = Block("item", inline, level, number if ordered else None, list_id)
        self.items[-1] = len(self.blocks)
        self.blocks.append(block)

    def _extend_item(self, inline: Inline) -> None:
        at = self.items[-1]
        old = self.blocks[at]
        text = f"{old.inline.text}\n{inline.text}".strip("\n")
        merged = Inline(
            text,
            old.inline.line,
            old.inline.links + inline.links,
            old.inline.strong + inline.strong,
            old.inline.emphasis + inline.emphasis,
        )
        self.blocks[at] = Block("item", merged, old.level, old.number, old.list_id)

    def _row(self) -> None:
        text = "\t".join(c.text for c in self.cells)
        links = tuple(link for c in self.cells for link in c.links)
        inline = Inline(text, self.row_line, links)
        self.blocks.append(Block("row", inline, cells=tuple(self.cells), header=self.in_head))

    def _raw(self, token: Token, line: int | None) -> None:
        if token.type != "html_block":  # code is shown as written: one paragraph
            text = token.content.rstrip("\n")
            if text.strip():
                self.blocks.append(Block("paragraph", Inline(text, line)))
            return
        content = _LIQUID.sub("", token.content)
        found = html_blocks(content, line or 1)
        if self.items and self.items[-1] >= 0:
            for block in found:
                self._extend_item(block.inline)
            return
        self.blocks.extend(found)


def read_inline(children: list[Token], line: int | None) -> Inline:
    """An inline token's children as plain text with its links, strong and emphasis spans."""
    parts: list[str] = []
    links: list[Link] = []
    strong: list[str] = []
    emphasis: list[str] = []
    opened: list[tuple[str, int, str | None]] = []  # (kind, start in parts, href)
    for child in children:
        kind = child.type
        if kind in ("text", "code_inline"):
            parts.append(_LIQUID.sub("", child.content))
        elif kind in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif kind == "html_inline":
            if _BREAK_TAG.match(child.content.strip()):
                parts.append("\n")
        elif kind in ("link_open", "strong_open", "em_open"):
            href = child.attrGet("href") if kind == "link_open" else None
            opened.append((kind, len(parts), str(href) if href is not None else None))
        elif kind in ("link_close", "strong_close", "em_close") and opened:
            what, start, href = opened.pop()
            span = "".join(parts[start:]).strip()
            if what == "link_open" and href is not None:
                links.append(Link(span, href))
            elif what == "strong_open" and span:
                strong.append(span)
            elif what == "em_open" and span:
                emphasis.append(span)
    text = "\n".join(" ".join(piece.split()) for piece in "".join(parts).split("\n"))
    return Inline(text.strip("\n"), line, tuple(links), tuple(strong), tuple(emphasis))
