"""HTML -> blocks: whole pages (.html/.htm) and HTML fragments inside Markdown alike.

The page is tokenized by the standard library's HTML parser (html.parser): it decodes
entities, skips comments, reads <script>/<style> as raw text, and reports the source
line of every tag and text run, so each block knows where it starts. The tokens drive
html_block_builder.BlockBuilder, which applies the ends HTML implies (<p>gez.<p>Name,
<li> without </li>) and decides what each box becomes. The choice of parser was measured:
benchmarks/bench_html_parsers.py.
"""

from __future__ import annotations

from html.parser import HTMLParser

from viewer.core.textimport.blocks import Block
from viewer.core.textimport.html_block_builder import BlockBuilder


class _Tokens(HTMLParser):
    """Hands the tokenizer's events, with their lines, to a BlockBuilder."""

    def __init__(self, builder: BlockBuilder) -> None:
        super().__init__(convert_charrefs=True)
        self._builder = builder

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._builder.start(tag, dict(attrs), self.getpos()[0])

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # <br/>, <hr/>, <img/> are void anyway; <div/> in HTML is a start tag alone.
        self._builder.start(tag, dict(attrs), self.getpos()[0])

    def handle_endtag(self, tag: str) -> None:
        self._builder.end(tag)

    def handle_data(self, data: str) -> None:
        self._builder.text(data, self.getpos()[0])


def html_blocks(text: str, first_line: int = 1) -> list[Block]:
    """The blocks of an HTML page or fragment; ``first_line`` is the line ``text`` starts on.

    Never fails on bad markup: like a browser, it reads what it can.
    """
    builder = BlockBuilder(first_line)
    tokens = _Tokens(builder)
    tokens.feed(text)
    tokens.close()
    return builder.finish()


def html_to_text(fragment: str) -> str:
    """The plain text of an HTML fragment, its blocks one a line (as a browser shows it)."""
    return "\n".join(block.text for block in html_blocks(fragment) if block.kind != "rule")
