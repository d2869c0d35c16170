"""What each HTML element means to the block reader: dropped, a block, void, implied ends.

Tables of tag names only, so the rules read as data and are easy to extend. The names are
those of the HTML Living Standard; the reader lower-cases tags before looking them up.
"""

from __future__ import annotations

# Elements whose whole content is not letter text: the document head, code, embedded
# content, forms and the site's chrome (navigation, banners, sidebars). Their text is
# dropped with them.
DROPPED = frozenset(
    {
        "head",
        "title",
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "math",
        "canvas",
        "iframe",
        "object",
        "nav",
        "aside",
        "form",
        "button",
        "select",
        "textarea",
        "datalist",
    }
)

# A page's banner and footer are chrome only at the page level: inside an article, a main
# or a section they are that part's own header or footer (its title, its date), as the
# ARIA mapping of HTML has it (banner / contentinfo only outside sectioning content).
PAGE_CHROME = frozenset({"header", "footer"})
SECTIONING = frozenset({"article", "main", "section"})

# ARIA landmark roles of chrome, for pages that mark a <div> instead of using <nav> etc.
CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search"})

# Elements that have no end tag and no content.
VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    }
)

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
LISTS = frozenset({"ul", "ol", "menu", "dir"})
CELLS = frozenset({"td", "th"})
STRONG = frozenset({"strong", "b"})
EMPHASIS = frozenset({"em", "i"})

# Elements whose start and end separate the text before from the text after (a browser
# lays them out as boxes of their own). Inline elements (span, a, small, ...) do not.
BLOCK_LEVEL = frozenset(
    {
        "address",
        "article",
        "blockquote",
        "body",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "hgroup",
        "hr",
        "html",
        "legend",
        "li",
        "main",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "tfoot",
        "thead",
        "tr",
        *HEADINGS,
        *LISTS,
        *CELLS,
        *PAGE_CHROME,
    }
)

# Blocks whose line is that of their start tag (the text of a <div> may start far below it).
LINE_OF_START_TAG = frozenset({"p", "li", "dt", "dd", "pre", "blockquote", "caption", *HEADINGS})

# A start tag of one of these ends an open <p> (the HTML parsing rules' "close a p element").
CLOSES_P = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "center",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "header",
        "hgroup",
        "hr",
        "li",
        "dd",
        "dt",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "ul",
        *HEADINGS,
    }
)

# A start tag of the key ends the open elements in the value, up to (not past) the nearest
# element of the boundary set: <li> ends an open <li> of the same list, <tr> an open row
# (and the cell open in it).
_SECTIONS = frozenset({"thead", "tbody", "tfoot"})
IMPLIED_ENDS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "li": (frozenset({"li"}), LISTS),
    "dt": (frozenset({"dt", "dd"}), frozenset({"dl"})),
    "dd": (frozenset({"dt", "dd"}), frozenset({"dl"})),
    "tr": (frozenset({"tr"}), frozenset({"table", "thead", "tbody", "tfoot"})),
    "td": (CELLS, frozenset({"tr", "table"})),
    "th": (CELLS, frozenset({"tr", "table"})),
    **dict.fromkeys(("thead", "tbody", "tfoot"), (_SECTIONS, frozenset({"table"}))),
    **{h: (HEADINGS, frozenset({"body", "div", "li", "td", "th"})) for h in HEADINGS},
}
