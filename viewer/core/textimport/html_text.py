"""Text of an HTML block as a browser shows it: white space collapsed, <br> a line break.

A block's text arrives in pieces (text nodes, line breaks, preformatted runs). Outside
<pre> a run of white space is one space, spaces next to a line break and at the ends of
the block are not shown; a no-break space counts as a space (names are compared as text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

BREAK = "\n"  # the piece a <br> adds
_SPACES = re.compile(r"[ \t\n\r\f\v\u00a0]+")


@dataclass
class Pieces:
    """A block's text so far: pieces (text, preformatted?) and a <br> as BREAK, unjoined."""

    parts: list[tuple[str, bool]] = field(default_factory=list)

    def add(self, text: str, pre: bool = False) -> None:
        if text:
            self.parts.append((text, pre))

    def add_break(self) -> None:
        self.parts.append((BREAK, True))

    def __len__(self) -> int:
        return len(self.parts)

    def has_text(self) -> bool:
        return any(pre or not text.isspace() for text, pre in self.parts if text != BREAK)

    def text(self, start: int = 0) -> str:
        """The shown text of the pieces from index ``start`` on."""
        return shown_text(self.parts[start:])


def shown_text(parts: list[tuple[str, bool]]) -> str:
    """Join pieces the way a browser lays them out (see the module docstring)."""
    out: list[str] = []
    space = False  # a collapsed space is pending between the last text and the next
    for text, pre in parts:
        if pre:
            if space and out and not out[-1].endswith(BREAK) and text != BREAK:
                out.append(" ")
            space = False
            out.append(text)
            continue
        collapsed = _SPACES.sub(" ", text)
        if collapsed.startswith(" "):
            space = True
            collapsed = collapsed[1:]
        if not collapsed:
            continue
        if space and out and not out[-1].endswith(BREAK):
            out.append(" ")
        space = collapsed.endswith(" ")
        out.append(collapsed.rstrip(" "))
    joined = "".join(out)
    has_pre = any(pre and text != BREAK for text, pre in parts)
    return joined.strip("\n") if has_pre else joined.strip()
