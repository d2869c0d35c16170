"""The text layer of a PDF letter, page by page, as plain text for the text importer.

pypdf lays each page out as fixed-width text (its "layout" mode), which keeps the blank lines
between paragraphs that its plain mode loses; the text importer needs them to tell a name
line from the role line below it. The page furniture a printed letter repeats (running
headers and footers, page numbers) is then taken out, and the pages are joined so that a
paragraph or a signatory block that runs over a page break reads on as it would in one page.
"""

from __future__ import annotations

import io
import logging
import math
import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from viewer.core.errors import ParseError
from viewer.core.model import ImportWarning
from viewer.core.progress import Cancelled, Progress

PDF_MAGIC = b"%PDF-"
EDGE_LINES = 3  # running headers and footers are among a page's first or last three lines
FULL_LINE = 0.8  # a line this share of the widest one is full: its paragraph runs on
BLANK_SPACED = 0.5  # short lines followed by a blank this often: the text spaces its lines

NO_TEXT_MESSAGE = (
    "This PDF has no text layer (it may be a scan): there is no text in it to read. "
    "Run it through text recognition (OCR) in a PDF program, or open the letter's text."
)
PASSWORD_MESSAGE = (
    "This PDF is protected by a password. Open it in a PDF reader, save a copy without "
    "the password, and open that copy."
)
BROKEN_MESSAGE = "This PDF is damaged and cannot be read ({reason})."

# "3", "- 3 -", "Page 3", "Page 3 of 10", "3/10", "Seite 3 von 10", "p. 3"
PAGE_NUMBER = re.compile(
    r"[\W_]*(?:(?:page|p\.|pg\.?|seite|página|pagina|страница|стр\.|页|頁|第)\s*)?"
    r"\d{1,4}(?:\s*(?:of|/|von|de|sur|di|из|页|頁)\s*\d{1,4})?\s*(?:页|頁)?[\W_]*",
    re.IGNORECASE,
)
LIGATURES = str.maketrans(
    {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
     "\ufb05": "st", "\ufb06": "st", "\t": " ", "\xad": ""}
)  # fmt: skip


@dataclass(frozen=True)
class PdfText:
    """A PDF's text as one plain text, the number of pages read, and what was left out."""

    text: str
    pages: int
    warnings: tuple[ImportWarning, ...] = ()


def is_pdf(data: bytes) -> bool:
    """Whether the bytes are a PDF (the header may follow up to 1 KB of other bytes)."""
    return PDF_MAGIC in data[:1024]


def pdf_text(data: bytes, path: str | None = None, progress: Progress | None = None) -> PdfText:
    """The letter text of a PDF; progress hears the share of pages read and may stop it.

    ParseError for a PDF without text (a scan), one protected by a password, or a damaged one.
    """
    progress = progress or Progress()
    reader = _open(data, path)
    pages, warnings = _read_pages(reader, path, progress)
    if not any(line.strip() for page in pages for line in page):
        raise ParseError(NO_TEXT_MESSAGE, path)
    pages, dropped = drop_page_furniture(pages)
    if dropped:
        warnings.append(ImportWarning(None, dropped))
    return PdfText(join_pages(pages), len(pages), tuple(warnings))


def _open(data: bytes, path: str | None):  # -> pypdf.PdfReader
    """The PDF opened, decrypted if it only has an owner password; ParseError otherwise."""
    import pypdf  # here: opening a text or JSON letter needs no PDF library
    from pypdf.errors import DependencyError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its notes on odd files are noise here
    try:
        reader = pypdf.PdfReader(io.BytesIO(bytes(data)), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ParseError(PASSWORD_MESSAGE, path)
        len(reader.pages)  # reads the page tree: a broken one fails here, not later
    except ParseError:
        raise
    except DependencyError:
        raise ParseError(
            "This PDF is encrypted in a way this viewer cannot undo. Open it in a PDF "
            "reader, save a copy without protection, and open that copy.",
            path,
        ) from None
    except Exception as exc:  # pypdf raises many kinds for a broken file
        raise ParseError(BROKEN_MESSAGE.format(reason=_reason(exc)), path) from None
    return reader


def _reason(exc: Exception) -> str:
    text = str(exc).strip().rstrip(".")
    return text[:120] if text else type(exc).__name__


def _read_pages(reader, path: str | None, progress: Progress) -> tuple[list[list[str]], list]:
    """Each page's lines; a page that cannot be read is left out with a warning."""
    pages: list[list[str]] = []
    warnings: list[ImportWarning] = []
    count = len(reader.pages)
    for number in range(count):
        try:
            text = reader.pages[number].extract_text(extraction_mode="layout")
        except Cancelled:
            raise
        except Exception as exc:  # one damaged page should not lose the others
            warnings.append(
                ImportWarning(None, f"Page {number + 1} could not be read ({_reason(exc)}).")
            )
            text = ""
        pages.append(page_lines(text))
        progress.report((number + 1) / count)
    if count == 0 or len(warnings) == count:
        raise ParseError(BROKEN_MESSAGE.format(reason="no page could be read"), path)
    return pages, warnings


def page_lines(text: str) -> list[str]:
    """A page's lines, ligatures undone and tabs made spaces, blank lines at its ends cut."""
    lines = [line.translate(LIGATURES).rstrip() for line in text.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    start = next((i for i, line in enumerate(lines) if line), len(lines))
    return lines[start:]


# -- page furniture ----------------------------------------------------------------------


def drop_page_furniture(pages: list[list[str]]) -> tuple[list[list[str]], str | None]:
    """The pages without running headers and footers and page numbers, and a note of what
    went (None if nothing did).

    A running line is one that stands among the first or last lines of at least half the
    pages (two at least) and nowhere else in the text, its digits aside ("Page 2 of 5");
    a role such as "Member of Parliament" may open several pages but also stands between
    them, so it stays. A page number is a number alone (or "Page 3", "3/10") as the first or
    last line of a page.
    """
    running = _running_keys(pages)
    kept, headers, numbers = [], 0, 0
    for page in pages:
        lines = list(page)
        for edge in (0, -1):
            for _ in range(EDGE_LINES):
                content = [i for i, line in enumerate(lines) if line.strip()]
                if not content:
                    break
                index = content[edge]
                line = lines[index]
                if PAGE_NUMBER.fullmatch(line.strip()):
                    numbers += 1
                elif _key(line) in running:
                    headers += 1
                else:
                    break
                del lines[index]
        kept.append(page_lines("\n".join(lines)))
    return kept, _furniture_note(headers, numbers)


def _key(line: str) -> str:
    """A line as compared across pages: digits alike, spaces and case ignored."""
    return re.sub(r"\d+", "#", " ".join(line.split())).casefold()


def _running_keys(pages: list[list[str]]) -> set[str]:
    """The lines that stand at the same place from a page's top or foot on at least half
    the pages (two at least), and nowhere else."""
    if len(pages) < 2:
        return set()
    at_edge: Counter[tuple[int, str]] = Counter()
    for page in pages:
        content = [line for line in page if line.strip()]
        top = [(i, _key(line)) for i, line in enumerate(content[:EDGE_LINES])]
        foot = [(-1 - i, _key(line)) for i, line in enumerate(reversed(content[-EDGE_LINES:]))]
        at_edge.update(set(top + foot))
    anywhere = Counter(_key(line) for page in pages for line in page if line.strip())
    needed = max(2, math.ceil(len(pages) / 2))
    return {key for (_, key), n in at_edge.items() if n >= needed and anywhere[key] == n}


def _furniture_note(headers: int, numbers: int) -> str | None:
    parts = []
    if headers:
        parts.append(f"{headers} running header or footer line{'s' * (headers != 1)}")
    if numbers:
        parts.append(f"{numbers} page number{'s' * (numbers != 1)}")
    if not parts:
        return None
    return f"The PDF's {' and '.join(parts)} were left out of the text."


# -- joining pages -----------------------------------------------------------------------


def join_pages(pages: list[list[str]]) -> str:
    """The pages as one text, with the breaks the page layout made taken out.

    A text that spaces its lines (name, blank, role, blank; paragraphs apart) marks each of
    its own breaks with a blank line, so there a full line followed by another one was
    broken by the layout: the two are joined into one line, across a page break too, and a
    page break after a line that is not full is a blank line like the others. A text that
    does not space its lines keeps its lines as they are, a page break being a line break:
    there a full line may as well be a long entry as part of a paragraph.
    """
    widest = max((len(line) for page in pages for line in page), default=0)
    spaced = _spaces_short_lines(pages, widest)
    lines: list[str] = []
    for page in filter(None, pages):
        if lines and spaced and not _is_full(lines[-1], widest):
            lines.append("")
        lines.extend(page)
    if spaced:
        lines = _unwrapped(lines, widest)
    return "\n".join(lines) + "\n"


def _unwrapped(lines: list[str], widest: int) -> list[str]:
    """Each full line joined with the line after it; a word broken after its hyphen
    ("Müller-" / "Gemmeke") is one word again."""
    out: list[str] = []
    run_on = False  # the line before was full
    for line in lines:
        if run_on and line.strip():
            before = out[-1]
            glue = "" if before.endswith("-") and not before.endswith(" -") else " "
            out[-1] = before + glue + line.strip()
        else:
            out.append(line)
        run_on = _is_full(line, widest)
    return out


def _is_full(line: str, widest: int) -> bool:
    return widest > 0 and len(line) >= FULL_LINE * widest


def _spaces_short_lines(pages: list[list[str]], widest: int) -> bool:
    short = spaced = 0
    for page in pages:
        for line, after in pairwise(page):
            if line.strip() and not _is_full(line, widest):
                short += 1
                spaced += not after.strip()
    return short > 0 and spaced >= BLANK_SPACED * short
