"""Text of an HTML block as a browser shows it, and the marks (links, bold, italics) in it.

A block's text arrives in pieces (text nodes, line breaks, preformatted runs). Outside
<pre> a run of white space is one space, spaces next to a line break and at the ends of
the block are not shown; a no-break space counts as a space (names are compared as text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TypeVar

from viewer.core.textimport.blocks import Inline, Link

_T = TypeVar("_T")
BREAK = "\n"  # the piece a <br> adds
_SPACES = re.compile(r"[ \t\n\r\f\v\u00a0]+")


@dataclass
class Pieces:
    """A block's text so far: pieces (text, preformatted?) and a <br> as BREAK, unjoined."""

    parts: list[tuple[str, bool]] = field(default_factory=list)
    shown: bool = False  # whether any piece shows something (text other than white space)

    def add(self, text: str, pre: bool = False) -> None:
        if text:
            self.parts.append((text, pre))
            self.shown = self.shown or pre or not text.isspace()

    def add_break(self) -> None:
        self.parts.append((BREAK, True))

    def __len__(self) -> int:
        return len(self.parts)

    def has_text(self) -> bool:
        return self.shown

    def text(self, start: int = 0) -> str:
        """The shown text of the pieces from index ``start`` on."""
        parts = self.parts
        if start == 0 and len(parts) == 1 and not parts[0][1]:  # the common case: one text
            return _SPACES.sub(" ", parts[0][0]).strip()
        return shown_text(parts[start:])


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


@dataclass
class Pending:
    """The text of the block being read, with the marks found in it so far."""

    pieces: Pieces = field(default_factory=Pieces)
    line: int | None = None
    links: list[tuple[int, Link]] = field(default_factory=list)
    strong: list[tuple[int, str]] = field(default_factory=list)
    emphasis: list[tuple[int, str]] = field(default_factory=list)

    def inline(self, line: int | None = None) -> Inline:
        return Inline(
            text=self.pieces.text(),
            line=line if line is not None else self.line,
            links=_in_order(self.links),
            strong=_in_order(self.strong),
            emphasis=_in_order(self.emphasis),
        )


def _in_order(marks: list[tuple[int, _T]]) -> tuple[_T, ...]:
    """The marks' values in the order their spans started (nested spans end first)."""
    if not marks:
        return ()
    if len(marks) > 1:
        marks = sorted(marks, key=lambda mark: mark[0])
    return tuple(value for _, value in marks)


@dataclass
class Span:
    """An open <a href>, <strong>/<b> or <em>/<i>: where in which block its text began."""

    kind: str  # "link", "strong", "emphasis"
    pending: Pending
    start: int
    url: str = ""

    def record(self) -> None:
        """Add the span's text (from its start to now) to its block's marks."""
        text = self.pending.pieces.text(self.start)
        if self.kind == "link":
            self.pending.links.append((self.start, Link(text, self.url)))
        elif text:
            marks = self.pending.strong if self.kind == "strong" else self.pending.emphasis
            marks.append((self.start, text))
