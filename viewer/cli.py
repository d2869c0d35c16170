"""The command line: list, stats, cite, export, library, compare (and, with no subcommand,
the window).

The subcommands never import Qt, so they work on a machine with no display.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from viewer import __version__
from viewer.core.bundled import load_bundled
from viewer.core.cite import (
    AUTHOR_MODES,
    DEFAULT_AUTHORS,
    DEFAULT_STYLE,
    STYLE_IDS,
    cite_letter,
    cite_signatories,
)
from viewer.core.errors import ParseError
from viewer.core.formats.csv_writer import signatories_to_csv
from viewer.core.model import Document
from viewer.core.opening import format_from_suffix, open_document, plan_file
from viewer.core.query.engine import NOT_STATED, Query, QueryEngine, Result
from viewer.core.query.facets import Facet, find_facet
from viewer.core.textimport.plan import ImportPlan
from viewer.library_commands import CommandError, add_library_commands, run_compare, run_library

SUBCOMMANDS = ("list", "stats", "cite", "export", "library", "compare")


class CliError(Exception):
    """A problem the command reports in one line (exit status 2), such as an existing file."""


class _Parser(argparse.ArgumentParser):
    """argparse that reports a bad argument in one line and exits with status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="letter-viewer", description="Read an open letter and its signatories.")
    parser.add_argument("--version", action="version", version=f"letter-viewer {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    p_list = sub.add_parser("list", help="list the signatories")
    _add_file(p_list)
    _add_filters(p_list)
    p_list.add_argument("--sort", choices=("name", "role", "country"), default=None)
    p_list.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p_list.add_argument(
        "--explain",
        action="store_true",
        help="print what the importer decided (where the list starts and ends, its sections, "
        "their layouts, lines left out) instead of the list",
    )
    p_list.add_argument(
        "--view", metavar="NAME", help="the filter and sort of a view saved in the window"
    )

    p_stats = sub.add_parser("stats", help="count signatories by country, role or another facet")
    _add_file(p_stats)
    p_stats.add_argument(
        "--by",
        default="country",
        metavar="FACET",
        help="country (default), role, or a further column with repeated values (party, group)",
    )
    p_stats.add_argument("--format", choices=("table", "json"), default="table")
    _add_cite(sub)

    p_export = sub.add_parser(
        "export", help="write the shown signatories to a CSV, JSON or Markdown file"
    )
    _add_file(p_export)
    _add_filters(p_export)
    p_export.add_argument("--sort", choices=("name", "role", "country"), default=None)
    p_export.add_argument(
        "--to", required=True, metavar="OUT", help="the file to write: out.csv, out.json or out.md"
    )
    p_export.add_argument("--force", action="store_true", help="replace OUT if it exists")
    add_library_commands(sub)
    return parser


def _add_cite(sub) -> None:
    p = sub.add_parser("cite", help="print the letter's citation, or signatories and citation")
    _add_file(p)
    p.add_argument("--style", choices=STYLE_IDS, default=DEFAULT_STYLE)
    p.add_argument(
        "--authors",
        choices=AUTHOR_MODES,
        default=DEFAULT_AUTHORS,
        help="the organiser as group author (default, where the letter names a publisher) "
        "or the signatories",
    )
    p.add_argument(
        "--signatories",
        action="store_true",
        help="one line per signatory, then the citation (implied by the filters)",
    )
    p.add_argument("--no-citation", action="store_true", help="the signatory lines only")
    _add_filters(p)


def _add_file(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "file",
        nargs="?",
        help="a letter (.txt, .md, .html, .pdf, .json, .yaml, .csv) or a folder of one file "
        "per signer; default: the 2017 letter",
    )


def _add_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--country", action="append", default=[], help="keep this country (repeatable)")
    p.add_argument("--role", action="append", default=[], help="keep this role (repeatable)")
    p.add_argument(
        "--facet",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="keep signatories whose NAME (a column such as party) is VALUE (repeatable)",
    )
    p.add_argument("--search", default="", help="words every shown entry contains")


def load(path: str | None) -> Document:
    return open_document(path) if path else load_bundled()


def _facet_values(values: list[str]) -> frozenset[str | None]:
    return frozenset(None if v.strip().lower() == NOT_STATED else v for v in values)


def query_from_args(args: argparse.Namespace, facets: Sequence[Facet]) -> Query:
    """The query the options ask for; --country X is --facet country=X, as --role is."""
    chosen: dict[str, list[str]] = {"country": list(args.country), "role": list(args.role)}
    for item in args.facet:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise CliError(f"--facet {item!r}: write it as NAME=VALUE, such as party=Labour")
        chosen.setdefault(_facet_named(facets, name).key, []).append(value.strip())
    return Query(
        text=args.search,
        facets={key: _facet_values(values) for key, values in chosen.items()},
        sort_column=getattr(args, "sort", None) or "position",
    )


def _facet_named(facets: Sequence[Facet], name: str) -> Facet:
    """The document's facet a user names; CliError listing the document's facets if none."""
    facet = find_facet(facets, name)
    if facet is None:
        known = ", ".join(f.field for f in facets)
        raise CliError(f"this letter has no facet {name.strip()!r}; it has: {known}")
    return facet


def _run(doc: Document, args: argparse.Namespace) -> Result:
    engine = QueryEngine(doc)
    return engine.run(query_from_args(args, engine.facets))


def run_list(args: argparse.Namespace, out) -> None:
    if args.explain:
        out.write(explain(args.file))
        return
    doc = load(args.file)
    result = _run_view(doc, args) if args.view else _run(doc, args)
    people = [doc.signatories[i] for i in result.rows]
    if args.format == "json":
        rows = [{"name": s.name, "role": s.role, "country": s.country} for s in people]
        out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    elif args.format == "csv":
        out.write(signatories_to_csv(tuple(people), safe=True))
    else:
        out.write(_table([(s.name, s.role or "", s.country or "") for s in people],
                         ("Name", "Role", "Country")))  # fmt: skip


def _run_view(doc: Document, args: argparse.Namespace) -> Result:
    """The rows of the letter's saved view (View > Saved Views), with the user's statuses."""
    if args.country or args.role or args.facet or args.search or args.sort:
        raise CliError("--view NAME brings its own filter and sort: leave out the others")
    from viewer.core.library.annotations import AnnotationStore
    from viewer.core.library.views import run_view

    store = AnnotationStore()
    if store.notice:
        print(f"letter-viewer: {store.notice}", file=sys.stderr)
    try:
        return run_view(doc, args.view, store)
    except KeyError as exc:
        raise CliError(exc.args[0]) from None
    finally:
        store.close()


def explain(path: str | None) -> str:
    """The importer's decisions about a letter, one a line, numbered by the file's lines."""
    if path and format_from_suffix(path) in (None, "text"):
        try:
            plan = plan_file(path)
        except ParseError:
            plan = None
        if plan is not None and plan.rows:
            return _explain_plan(path, plan)
    doc = load(path)
    head = f"{path or 'the bundled 2017 letter'}: {plural(len(doc.signatories))}.\n"
    return head + _warning_lines(doc.warnings)


def _explain_plan(path: str, plan: ImportPlan) -> str:
    kinds = {"markdown": "Markdown", "html": "HTML", "text": "plain text"}
    sections = plan.sections
    lines = [
        f"{path}: {plural(len(plan.rows))}, read as {kinds.get(plan.source_kind, 'text')}, "
        f"in {len(sections)} section{'s' if len(sections) != 1 else ''}:"
    ]
    for s in sections:
        heading = s.section.heading or "(no heading)"
        lines.append(f"  {heading}: {len(s.rows):,}, {s.layout}, entries as {s.fields}")
    if plan.stated_count is not None:
        lines.append(f"  The letter states {plan.stated_count:,}.")
    return "\n".join(lines) + "\n" + _warning_lines(plan.warnings)


def _warning_lines(warnings) -> str:
    if not warnings:
        return "Nothing was assumed.\n"
    return "".join(f"line {w.line}: {w.message}\n" if w.line else f"{w.message}\n"
                   for w in warnings)  # fmt: skip


def plural(n: int) -> str:
    return f"{n:,} signator{'y' if n == 1 else 'ies'}"


def run_stats(args: argparse.Namespace, out) -> None:
    doc = load(args.file)
    engine = QueryEngine(doc)
    facet = _facet_named(engine.facets, args.by)
    result: Result = engine.run(Query())
    counts = result.visible_counts[facet.key]
    if args.format == "json":
        obj = {c.label: c.count for c in counts}
        out.write(json.dumps(obj, ensure_ascii=False, indent=2) + "\n")
    else:
        rows = [(c.label, str(c.count)) for c in counts]
        rows.append(("total", str(len(result))))
        out.write(_table(rows, (facet.label, "Signatories")))


def run_cite(args: argparse.Namespace, out) -> None:
    doc = load(args.file)
    engine = QueryEngine(doc)
    query = query_from_args(args, engine.facets)
    if not (args.signatories or query.is_filtered):
        out.write(cite_letter(doc, args.style, args.authors) + "\n")
        return
    result = engine.run(query)
    people = [doc.signatories[i] for i in result.rows]
    if not people:
        print("letter-viewer: no signatory matches these filters", file=sys.stderr)
    clip = cite_signatories(doc, people, args.style, not args.no_citation, args.authors)
    out.write(clip.text if clip.text.strip() else "")  # nothing at all: no stray blank line


def run_export(args: argparse.Namespace, out) -> None:
    from viewer.core.export import export_file, export_format_for
    from viewer.core.query.filter_summary import filter_terms

    try:
        fmt = export_format_for(args.to)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    doc = load(args.file)
    engine = QueryEngine(doc)
    query = query_from_args(args, engine.facets)
    result = engine.run(query)
    people = [doc.signatories[i] for i in result.rows]
    try:
        written = export_file(
            doc, people, args.to, fmt, overwrite=args.force, filter_text=filter_terms(query)
        )
    except FileExistsError:
        raise CliError(f"{args.to} already exists; add --force to replace it") from None
    except OSError as exc:
        raise CliError(f"cannot write {args.to} ({exc.strerror or exc})") from None
    out.write(f"Wrote {len(people)} of {len(doc.signatories)} signatories to {written}\n")


def _table(rows: Sequence[tuple[str, ...]], header: tuple[str, ...]) -> str:
    widths = [max([len(header[i]), *(len(r[i]) for r in rows)]) for i in range(len(header))]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (argv[0] not in SUBCOMMANDS and argv[0] not in ("-h", "--help", "--version")):
        from viewer.app import main as gui_main  # only the window needs Qt

        return gui_main(argv)
    args = build_parser().parse_args(argv)
    try:
        runners = {"list": run_list, "stats": run_stats, "cite": run_cite, "export": run_export,
                   "library": run_library, "compare": run_compare}  # fmt: skip
        runners[args.command](args, sys.stdout)
    except (ParseError, CliError, CommandError) as exc:
        print(f"letter-viewer: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        sys.stderr.close()  # output piped into head: not an error worth a traceback
    return 0


if __name__ == "__main__":
    sys.exit(main())
