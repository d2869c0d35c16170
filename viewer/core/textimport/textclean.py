"""Letter text as found on the web, line by line, without its Markdown and page noise.

Letters are copied from press-release archives, campaign sites and news pages. What comes
with them is not letter text: YAML front matter, Markdown marks (hard breaks, escapes,
emphasis, links, headings), no-break spaces, advertising and site footers. HTML is not
interpreted: a tag in a file is text and is shown as written.
``clean_lines`` keeps every line (so line numbers stay those of the file) and says what
each one is; ``clean_inline`` cleans one piece of text.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass

# A line's kind: what the importer may do with it.
TEXT = "text"
BLANK = "blank"
HEADING = "heading"  # a Markdown heading or a line that is bold as a whole
RULE = "rule"  # a thematic break (---) or a setext underline
MARKUP = "markup"  # HTML, images, comments: never letter text
CHROME = "chrome"  # advertising, share buttons, copyright lines, CSS
FRONT = "front"  # YAML front matter
TABLE = "table"  # a row of a Markdown table

MAX_FRONT_MATTER_LINES = 300

# List markers: "12. ", "12) ", "(12) ", "12、" and bullets "- ", "* ", "• ".
NUMBERED = "numbered"
BULLETED = "bulleted"
_NUMBER = re.compile(r"^\s*(?:\((\d{1,6})\)\s+|(\d{1,6})\\?[.)]\s+|(\d{1,6})[\uff0e\u3001]\s*)")
_MAY_BE_MARKER = re.compile(r"[\d(\-*+\u2022\u2013\u00b7\u25cf\u25aa]")
_BULLET = re.compile(r"^\s*[-*+\u2022\u2013\u00b7\u25cf\u25aa]\s+")

_SPACES = str.maketrans(
    {
        "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2000": " ", "\u2001": " ",
        "\u2002": " ", "\u2003": " ", "\u2004": " ", "\u2005": " ", "\u2006": " ",
        "\u2008": " ", "\u2009": " ", "\u200a": " ", "\u205f": " ", "\t": " ",
        "\u200b": None, "\u200c": None, "\u200d": None, "\u2060": None, "\ufeff": None,
        "\u00ad": None,
    }
)  # fmt: skip
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# CommonMark: a backslash escapes any ASCII punctuation character.
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_PROTECT_BASE = 0xF0000  # escaped characters hide in a private-use plane while marks go
_CODE = re.compile(r"`+([^`]+?)`+")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
SENTENCE_END = re.compile(r"[.!?\u3002\uff01\uff1f]$")  # Latin and CJK full stops
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_AUTOLINK = re.compile(r"<((?:https?|mailto|ftp):[^<>\s]+)>")
_EMPHASIS = (
    re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*"),
    re.compile(r"(?<!\w)__(?=\S)(.+?)(?<=\S)__(?!\w)"),
    re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])"),
    re.compile(r"(?<!\w)_(?=[^\s_])(.+?)(?<=[^\s_])_(?!\w)"),
    re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"),
)

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-{2,})[ \t]*$")
_THEMATIC = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_BLOCKQUOTE = re.compile(r"^(\s*>)+\s?")
_BOLD_LINE = re.compile(r"^\s*(\*\*|__)(?=\S)(.+?)(?<=\S)\1\s*$")
_IMAGE_LINE = re.compile(r"^\s*(!\[[^\]]*\]\([^)]*\)\s*)+$")
_TABLE_LINE = re.compile(r"^\s*\|.*\|\s*$")
_HARD_BREAK = re.compile(r"( {2,}|\\)$")
_FRONT_KEY = re.compile(r"^([A-Za-z_][\w -]*?)\s*:\s?(.*)$")

# Lines of page furniture: advertising, sharing, copyright, subscription prompts, CSS.
_CHROME = re.compile(
    r"^(advertisement\b.*|.*\bscroll to continue reading\b.*|sponsored( content)?\b.*"
    r"|(share|tweet|email|print)( this)?( (article|page|story|post))?( on \w+)?\s*:?"
    r"|©.*|(\(c\)|copyright)\s*(©\s*)?\d{4}\b.*|.*\ball rights reserved\b.*"
    r"|(read more|related( articles| stories| posts)?|more from|find more from|see also)\b.*"
    r"|(tags?|categories|filed under|posted (in|on|by))\s*:.*"
    r"|(subscribe|sign up|log ?in)\b.{0,80}|join (pro|now|today)\b.{0,80}"
    r"|using \S+ for work\?|back to top|skip to (main )?content)$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class TextLine:
    """One line of the file: its number, what it is, and its cleaned text.

    ``text`` keeps the line's indentation (a continuation line of a list is indented) and
    any list marker; ``raw`` is the line as in the file without its line break.
    """

    number: int
    raw: str
    text: str
    kind: str
    hard_break: bool = False
    marker: tuple[str, int | None] | None = None  # (NUMBERED, n) or (BULLETED, None)
    item: str = ""  # the text after a list marker, cleaned and squeezed

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def clean_inline(text: str) -> str:
    """Markdown and HTML marks removed, escapes resolved, odd spaces made plain."""
    protected = "\\" in text
    if protected:
        text = _ESCAPE.sub(lambda m: chr(_PROTECT_BASE + ord(m.group(1))), text)
    if "`" in text:
        text = _CODE.sub(r"\1", text)
    if "[" in text:
        text = _IMAGE.sub("", text)
        text = _LINK.sub(r"\1", text)
        text = _REF_LINK.sub(r"\1", text)
    if "<" in text:  # a Markdown autolink; HTML itself is text and stays as written
        text = _AUTOLINK.sub(r"\1", text)
    if "*" in text or "_" in text or "~" in text:
        for pattern in _EMPHASIS:
            text = pattern.sub(r"\1", text)
    if "&" in text:  # a character reference is Markdown for that character; shown as text
        text = _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
    if protected:
        text = "".join(
            chr(ord(ch) - _PROTECT_BASE) if _PROTECT_BASE <= ord(ch) < _PROTECT_BASE + 128 else ch
            for ch in text
        )
    text = text.translate(_SPACES)
    return _CONTROLS.sub("", text)


def squeeze(text: str) -> str:
    """Runs of white space as one space, none at either end."""
    return " ".join(text.split())


def quote(text: str, limit: int = 50) -> str:
    """Text in curly quotes for a message, cut with an ellipsis past ``limit`` characters."""
    text = squeeze(text)
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "\u2026"
    return f"\u201c{text}\u201d"


def is_chrome(text: str) -> bool:
    """True for a line of page furniture (advertising, share buttons, copyright, CSS)."""
    stripped = text.strip()
    return bool(stripped) and len(stripped) < 300 and bool(_CHROME.match(stripped))


def front_matter_end(raw_lines: list[str]) -> int | None:
    """Index of the line closing YAML (---) or TOML (+++) front matter, if the text has some."""
    if not raw_lines or raw_lines[0].strip() not in ("---", "+++"):
        return None
    fence = raw_lines[0].strip()
    closers = (fence, "...") if fence == "---" else (fence,)
    for i in range(1, min(len(raw_lines), MAX_FRONT_MATTER_LINES)):
        if raw_lines[i].strip() in closers:
            inner = raw_lines[1:i]
            keyed = any(_FRONT_KEY.match(s) or s.lstrip().startswith("- ") for s in inner)
            return i if keyed or not inner else None
    return None


def parse_front_matter(raw_lines: list[str]) -> dict[str, str]:
    """Top-level ``key: value`` pairs of simple YAML, folded continuation lines joined."""
    fields: dict[str, str] = {}
    key: str | None = None
    for raw in raw_lines:
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        match = None if raw[:1].isspace() else _FRONT_KEY.match(raw)
        if match:
            key = match.group(1).strip().lower()
            fields[key] = match.group(2).strip()
        elif key is not None and raw[:1].isspace() and not raw.lstrip().startswith("- "):
            fields[key] = f"{fields[key]} {raw.strip()}".strip()
    return {k: _unquote(v) for k, v in fields.items() if v and not v.startswith(("|", ">"))}


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] == '"':
        try:
            decoded = json.loads(value)  # YAML's double-quoted strings escape as JSON does
        except ValueError:
            decoded = None
        if isinstance(decoded, str):
            return decoded
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        inner = value[1:-1]
        if value[0] == '"':
            inner = inner.replace('\\"', '"').replace("\\\\", "\\")
        else:
            inner = inner.replace("''", "'")
        return inner
    return value


def clean_lines(text: str) -> tuple[list[TextLine], dict[str, str]]:
    """Every line of the text classified and cleaned, and the front matter's fields."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    raws = text.split("\n")
    end = front_matter_end(raws)
    front = parse_front_matter(raws[1:end]) if end is not None else {}
    lines: list[TextLine] = []
    for i, raw in enumerate(raws):
        number = i + 1
        if end is not None and i <= end:
            lines.append(TextLine(number, raw, "", FRONT))
            continue
        lines.append(_classify(number, raw, lines[-1] if lines else None))
        if lines[-1].kind == RULE and _SETEXT.match(raw) and _underlines(lines, -2):
            prev = lines[-2]
            lines[-2] = TextLine(prev.number, prev.raw, prev.text.strip(), HEADING)
    return lines, front


def _underlines(lines: list[TextLine], index: int) -> bool:
    """A setext underline only counts under a line of plain text."""
    return len(lines) >= 2 and lines[index].kind == TEXT and not lines[index].blank


def _classify(number: int, raw: str, previous: TextLine | None) -> TextLine:
    stripped = raw.strip()
    if not stripped:
        return TextLine(number, raw, "", BLANK)
    first = stripped[0]  # cheap guards: most lines are plain text and skip every pattern
    if first in "-*_=" and (
        _THEMATIC.match(raw)
        or (_SETEXT.match(raw) and previous is not None and previous.kind == TEXT)
    ):
        return TextLine(number, raw, "", RULE)
    if first == "!" and _IMAGE_LINE.match(raw):
        return TextLine(number, raw, "", MARKUP)
    atx = _ATX.match(raw) if first == "#" else None
    if atx:
        heading = squeeze(clean_inline(atx.group(2) or ""))
        return TextLine(number, raw, heading, HEADING if heading else RULE)
    unquoted = _BLOCKQUOTE.sub("", raw) if first == ">" else raw
    hard_break = bool(_HARD_BREAK.search(unquoted)) and not unquoted.endswith("\\\\")
    body = unquoted.rstrip()
    if body.endswith("\\") and not body.endswith("\\\\"):
        body = body[:-1].rstrip()
    lead = body.lstrip()[:1]
    if lead == "|" and _TABLE_LINE.match(body):
        return TextLine(number, raw, body.strip(), TABLE)
    if lead in ("*", "_") and _BOLD_LINE.match(body):
        return TextLine(number, raw, squeeze(clean_inline(body)), HEADING, hard_break)
    indent = len(body) - len(body.lstrip())
    cleaned = clean_inline(body.lstrip()).rstrip()
    if not cleaned.strip():
        return TextLine(number, raw, "", BLANK)
    if is_chrome(cleaned):
        return TextLine(number, raw, " " * indent + cleaned, CHROME, hard_break)
    marker, item = _list_marker(raw) if _MAY_BE_MARKER.match(first) else (None, "")
    item = item if marker else squeeze(cleaned)
    return TextLine(number, raw, " " * indent + cleaned, TEXT, hard_break, marker, item)


def _list_marker(raw: str) -> tuple[tuple[str, int | None] | None, str]:
    """The list marker a raw line starts with, and the cleaned text after it."""
    found = _NUMBER.match(raw)
    if found:
        value = next(g for g in found.groups() if g is not None)
        return (NUMBERED, int(value)), squeeze(clean_inline(raw[found.end() :]))
    found = _BULLET.match(raw)
    if found:
        return (BULLETED, None), squeeze(clean_inline(raw[found.end() :]))
    return None, ""
