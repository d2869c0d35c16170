"""Citation text with italics and links, rendered as plain text or as escaped HTML.

The human styles build a Rich from runs, join elements with the guides' punctuation (a comma
or period that follows a closing quotation mark moves inside it, as Chicago, APA and MLA all
require) and end each element with exactly one period.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass

TERMINAL = ".?!"
_CLOSE_QUOTE = "\u201d"


@dataclass(frozen=True)
class Run:
    text: str
    italic: bool = False
    href: str | None = None  # a URL to link in HTML (only http and https are linked)


class Rich:
    """A short run of formatted text; build with add(), read with .plain or .html()."""

    def __init__(self, *runs: Run) -> None:
        self.runs: list[Run] = [r for r in runs if r.text]

    @classmethod
    def text(cls, text: str, italic: bool = False) -> Rich:
        return cls(Run(text, italic))

    @classmethod
    def link(cls, url: str, shown: str | None = None) -> Rich:
        return cls(Run(shown if shown is not None else url, href=url))

    def add(self, text: str, italic: bool = False) -> Rich:
        if text:
            self.runs.append(Run(text, italic))
        return self

    def extend(self, other: Rich) -> Rich:
        self.runs.extend(other.runs)
        return self

    def __bool__(self) -> bool:
        return bool(self.runs)

    @property
    def plain(self) -> str:
        return "".join(r.text for r in self.runs)

    def html(self) -> str:
        """Escaped HTML: <i> for italics, <a> for http(s) links, nothing else interpreted."""
        return "".join(_run_html(r) for r in self.runs)

    def ends_with(self, chars: str) -> bool:
        plain = self.plain
        return bool(plain) and plain[-1] in chars

    def punctuate(self, mark: str) -> Rich:
        """Append a comma or period, inside a closing quotation mark where there is one."""
        if not self.runs:
            return self
        last = self.runs[-1]
        if last.text.endswith(_CLOSE_QUOTE) and last.href is None:
            inner = last.text[:-1]
            if not (mark == "." and inner and inner[-1] in TERMINAL):
                inner += mark
            self.runs[-1] = Run(inner + _CLOSE_QUOTE, last.italic)
        elif not (mark == "." and self.ends_with(TERMINAL)):
            self.runs.append(Run(mark))
        return self


def _run_html(run: Run) -> str:
    text = html.escape(run.text, quote=False)
    if run.href and run.href.lower().startswith(("https://", "http://")):
        return f'<a href="{html.escape(run.href, quote=True)}">{text}</a>'
    return f"<i>{text}</i>" if run.italic else text


def join(elements: Iterable[Rich], sep: str = ", ") -> Rich:
    """Elements joined with sep (", " or ". "), its mark moving inside closing quotes."""
    out = Rich()
    for element in (e for e in elements if e):
        if out:
            out.punctuate(sep.rstrip())
            out.add(sep[len(sep.rstrip()) :])
        out.extend(element)
    return out


def sentences(elements: Iterable[Rich]) -> Rich:
    """Each element closed with one period, joined by spaces (a bibliography entry)."""
    out = Rich()
    for element in (e for e in elements if e):
        if out:
            out.add(" ")
        out.extend(element.punctuate("."))
    return out


def closed(element: Rich) -> Rich:
    return element.punctuate(".")


def curly_inner(text: str) -> str:
    """Double quotation marks inside a quoted text become single ones (‘ ’)."""
    out = []
    opening = True
    for i, c in enumerate(text):
        if c == "\u201c":
            out.append("\u2018")
        elif c == "\u201d":
            out.append("\u2019")
        elif c == '"':
            before = text[i - 1] if i else " "
            opening = before.isspace() or before in "([{\u2014\u2013-/"
            out.append("\u2018" if opening else "\u2019")
        else:
            out.append(c)
    return "".join(out)


def quoted(text: str) -> str:
    return f"\u201c{curly_inner(text)}\u201d"
