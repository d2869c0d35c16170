"""HTML -> blocks: whole pages (.html/.htm) and HTML fragments inside Markdown alike.

The page is parsed by lxml.html (libxml2's HTML parser, which recovers from broken markup
as browsers do, decodes entities and keeps each element's source line) and its tree is
walked in document order to drive html_block_builder.BlockBuilder, which decides what
each box becomes and drops the site's chrome. The choice of parser was measured:
benchmarks/bench_html_parsers.py (the README has the table).
"""

from __future__ import annotations

from lxml import etree, html

from viewer.core.errors import ParseError
from viewer.core.textimport.blocks import Block
from viewer.core.textimport.blocks.html_block_builder import BlockBuilder
from viewer.core.textimport.blocks.html_elements import VOID

# libxml2 keeps source lines in 16 bits: from this line on, sourceline says 65535 and the
# builder counts lines on from the text instead (exact unless a tag spans lines).
_LAST_EXACT_LINE = 65534
_EVENTS = ("start", "end", "comment", "pi")


def html_blocks(text: str, first_line: int = 1) -> list[Block]:
    """The blocks of an HTML page or fragment; ``first_line`` is the line ``text`` starts on.

    Bad markup is read as a browser reads it; ParseError only where libxml2 stops reading
    (elements nested over 2,048 deep).
    """
    builder = BlockBuilder(first_line)
    root = _parse(text, first_line)
    if root is not None:
        _walk(root, builder)
    return builder.finish()


def html_to_text(fragment: str) -> str:
    """The plain text of an HTML fragment, its blocks one a line (as a browser shows it)."""
    return "\n".join(block.text for block in html_blocks(fragment) if block.kind != "rule")


def _parse(text: str, first_line: int) -> etree._Element | None:
    if not text or text.isspace():
        return None
    # HTML reads CR LF and a lone CR as a line break; libxml2 counts only LF in its lines.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Bytes with the encoding stated: a str may carry its own <?xml encoding?> or <meta
    # charset>, which lxml refuses or would obey; the text is decoded already.
    data = text.encode("utf-8", errors="replace")
    parser = html.HTMLParser(encoding="utf-8", huge_tree=True)  # huge_tree: no 10 MB limit
    try:
        root = etree.fromstring(data, parser)
    except (etree.ParserError, etree.XMLSyntaxError) as error:
        raise ParseError(f"The HTML could not be read ({error}).", line=first_line) from error
    _check_complete(parser.error_log, first_line)
    return root


def _check_complete(log: etree._ListErrorLog, first_line: int) -> None:
    """Raise ParseError where libxml2 gave up (it recovers from anything else): the rest of
    the page would be missing without a word."""
    fatal = [entry for entry in log if entry.level == etree.ErrorLevels.FATAL]
    if not fatal:
        return
    line = fatal[0].line + first_line - 1 if fatal[0].line else first_line
    if fatal[0].type == etree.ErrorTypes.ERR_RESOURCE_LIMIT:
        message = "The page nests its elements too deeply (over 2,048 levels) to be read."
    else:
        message = f"The HTML could not be read past this line ({fatal[0].message.strip()})."
    raise ParseError(message, line=line)


def _walk(root: etree._Element, builder: BlockBuilder) -> None:
    """Hand the tree to the builder as the events a tokenizer would give, in source order."""
    for event, node in etree.iterwalk(root, events=_EVENTS):
        if event == "start":
            line = node.sourceline
            tag = node.tag.lower()
            builder.start(tag, node.attrib, line if line <= _LAST_EXACT_LINE else None)
            if node.text:
                builder.text(node.text)
            continue
        if event == "end":
            if node.tag in VOID:  # the tree closes <br>; an end tag </br> would read as <br>
                _tail(node, builder)
                continue
            builder.end(node.tag.lower())
        else:  # a comment (or what HTML reads as one: <?php ... ?>)
            builder.skip(node.text or "")
        _tail(node, builder)


def _tail(node: etree._Element, builder: BlockBuilder) -> None:
    if node.tail:
        builder.text(node.tail)
