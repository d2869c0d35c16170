"""The command line's `library` and `compare`: the letters the viewer remembers, and who
signed which of several letters. No Qt here (viewer.cli's contract)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from viewer.core.cite import STYLE_IDS
from viewer.core.compare.filters import ALL, IN_ALL, JOINED_IN, LEFT_AFTER, ONLY_IN, select_people
from viewer.core.compare.run import by_date, citations, compare_with_verdicts
from viewer.core.compare.table_text import delimited, display_width, plain_table
from viewer.core.library.entry import MISSING, LetterEntry
from viewer.core.library.letters import Library, open_library
from viewer.core.opening import open_document

STATUS_WORDS = {"present": "", "missing": "missing", "changed": "changed"}


class CommandError(Exception):
    """A problem these commands report in one line (exit status 2)."""


def add_library_commands(sub) -> None:
    p_lib = sub.add_parser("library", help="list the letters the viewer has opened")
    p_lib.add_argument("--format", choices=("table", "json"), default="table")
    p_lib.add_argument(
        "--sort", choices=("opened", "date", "count", "title"), default="opened",
        help="the order: last opened first (default), by the letter's date, by count, by title",
    )  # fmt: skip

    p_cmp = sub.add_parser("compare", help="who signed which of two or more letters")
    p_cmp.add_argument("files", nargs="+", metavar="FILE", help="two or more letters")
    which = p_cmp.add_mutually_exclusive_group()
    which.add_argument("--in-all", action="store_true", help="people who signed every letter")
    which.add_argument("--only-in", metavar="L", help="people who signed only letter L")
    which.add_argument("--joined-in", metavar="L", help="signed L and no earlier letter")
    which.add_argument("--left-after", metavar="L", help="signed L and no later letter")
    p_cmp.add_argument("--format", choices=("table", "csv", "tsv"), default="table")
    p_cmp.add_argument("--style", choices=STYLE_IDS, default=None, help="citation style")
    p_cmp.add_argument(
        "--given-order", action="store_true",
        help="keep the letters in the order given (default: by date, earliest first)",
    )  # fmt: skip


def run_library(args: argparse.Namespace, out) -> None:
    library = open_library()
    try:
        entries = _sorted(library.entries(), args.sort)
    finally:
        library.close()
    if args.format == "json":
        rows = [
            {"title": e.title, "date": e.date, "signatories": e.count, "path": e.path,
             "sha256": e.sha256, "last_opened": e.last_opened, "status": e.status}
            for e in entries
        ]  # fmt: skip
        out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    if not entries:
        out.write("The library is empty: letters you open in the viewer are listed here.\n")
        return
    out.write(_library_table(entries))


def _sorted(entries: list[LetterEntry], key: str) -> list[LetterEntry]:
    if key == "date":
        return sorted(entries, key=lambda e: (e.date is None, e.date or ""))
    if key == "count":
        return sorted(entries, key=lambda e: -e.count)
    if key == "title":
        return sorted(entries, key=lambda e: e.title.casefold())
    return entries


def _library_table(entries: list[LetterEntry]) -> str:
    rows = [("Title", "Date", "Signatories", "Last opened", "State", "Path")]
    rows += [
        (e.title, e.date or "", str(e.count), e.last_opened[:10], STATUS_WORDS[e.status], e.path)
        for e in entries
    ]
    widths = [max(display_width(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = [
        "  ".join(c + " " * (w - display_width(c)) for c, w in zip(r, widths, strict=True)).rstrip()
        for r in rows
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    gone = sum(e.status == MISSING for e in entries)
    if gone:
        lines.append(f"{gone} of these files are no longer where they were opened.")
    return "\n".join(lines) + "\n"


def run_compare(args: argparse.Namespace, out) -> None:
    if len(args.files) < 2:
        raise CommandError("compare needs two or more letters")
    docs = [open_document(path) for path in args.files]
    if not args.given_order:
        order = by_date(docs)
        paths = [args.files[docs.index(d)] for d in order]
        docs = order
    else:
        paths = list(args.files)
    library = open_library()
    try:
        comparison = compare_with_verdicts(docs, library.decisions)
    finally:
        library.close()
    kind, ref = _filter(args)
    letter = _letter_index(ref, paths, [x.label for x in comparison.letters]) if ref else None
    people = select_people(comparison, kind, letter)
    cites = citations(docs, args.style)
    if args.format == "table":
        out.write(plain_table(comparison, people, cites))
    else:
        out.write(delimited(comparison, people, cites, "," if args.format == "csv" else "\t"))


def _filter(args: argparse.Namespace) -> tuple[str, str | None]:
    if args.in_all:
        return IN_ALL, None
    for kind, ref in ((ONLY_IN, args.only_in), (JOINED_IN, args.joined_in),
                      (LEFT_AFTER, args.left_after)):  # fmt: skip
        if ref:
            return kind, ref
    return ALL, None


def _letter_index(ref: str, paths: list[str], labels: list[str]) -> int:
    """A letter named by its label (A, B, ...) or by one of the paths given."""
    if ref.upper() in labels:
        return labels.index(ref.upper())
    for i, path in enumerate(paths):
        if Path(path).resolve() == Path(ref).resolve():
            return i
    raise CommandError(f"{ref} is not one of the compared letters (use A to {labels[-1]})")


__all__ = ["CommandError", "Library", "add_library_commands", "run_compare", "run_library"]
