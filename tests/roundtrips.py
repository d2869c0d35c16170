"""The round-trip law of the export formats, and the import plan's promise, as checks.

For a document a reader gave, each export reopens (viewer.core.opening.parse_document, as a
file of the export's kind) as ``expected(doc, fmt)``: the same document less what the format
does not carry. What each format does not carry is written down here once, in ``expected``,
and in the README; everything else must come back exactly. The suite's hypothesis properties
(tests/core/test_round_trip.py) and the long fuzzer (tests/fuzz_readers.py) use these.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import asdict, replace
from pathlib import Path

import yaml

from viewer.core.errors import ParseError
from viewer.core.export import export_text
from viewer.core.formats.decoding import without_controls
from viewer.core.formats.json_document import document_from_json, document_to_json
from viewer.core.formats.letter_layout import (
    DEFAULT_CLOSING,
    write_text_letter,
    written_signatories,
)
from viewer.core.model import (
    Document,
    ItemList,
    Letter,
    Metadata,
    Paragraph,
    Signatory,
    numbered,
)
from viewer.core.opening import parse_document
from viewer.core.textimport.plan import ImportPlan, analyse
from viewer.core.textimport.section_rows import LAYOUTS

FORMATS = ("json", "csv", "md", "txt")  # txt: the 2017 plain-text layout (write_text_letter)


def exported(doc: Document, fmt: str) -> bytes:
    """The document written as the export of this format writes it (for txt, a ValueError
    when the plain-text layout cannot hold the document)."""
    text = write_text_letter(doc) if fmt == "txt" else export_text(doc, doc.signatories, fmt)
    return text.encode("utf-8")


def reopened(doc: Document, fmt: str) -> Document:
    """The export read back as the viewer opens a file of that kind."""
    return parse_document(exported(doc, fmt), f"export.{fmt}")


def fields(doc: Document) -> list[tuple]:
    """What a signatory is, field by field, in list order."""
    return [
        (s.position, s.name, s.role, s.country, s.family_name, s.extra, s.name_parts)
        for s in doc.signatories
    ]


def round_trip_difference(doc: Document, fmt: str, letter: bool = True) -> str | None:
    """None when the export reopens as expected; else what differs, for a failure message.

    letter=False leaves a Markdown or text letter's text out of the comparison: the
    importer lays a letter out again from its text (the address is the lines before the
    salutation, the closing a sign-off it knows), so a letter made up in JSON (an address
    and no salutation, a list before "Dear ...") may come back laid out otherwise. Letters
    the readers made (from a text, Markdown or HTML file) are compared whole."""
    try:
        back = reopened(doc, fmt)
    except ParseError as exc:
        return f"the {fmt} export is refused on reading: {exc}"
    except ValueError as exc:  # the plain-text layout cannot hold this document, and says so
        if fmt == "txt" and str(exc).startswith("The ") and str(exc).endswith("."):
            return None
        raise
    want = expected(doc, fmt)
    if fields(back) != fields(want):
        pairs = [(a, b) for a, b in zip(fields(want), fields(back), strict=False) if a != b]
        return (
            f"{fmt}: signatories differ ({len(want.signatories)} written, "
            f"{len(back.signatories)} read); first: {pairs[:1]}"
        )
    if (letter or fmt in ("json", "csv")) and back.letter != want.letter:
        return f"{fmt}: the letter differs:\n{want.letter}\n{back.letter}"
    if back.metadata != want.metadata:
        return f"{fmt}: the metadata differs:\n{want.metadata}\n{back.metadata}"
    return None


# -- what each format carries ------------------------------------------------------------


def expected(doc: Document, fmt: str) -> Document:
    """The document as the export of ``fmt`` gives it back: the documented losses applied.

    - json: everything (letter, metadata, every field of every signatory).
    - json: (above). The other formats carry no stated name parts (name_parts).
    - csv: the signatories only (no letter, no metadata); white space at either end of a
      value and control characters are not kept; the extra fields come in the table's
      column order, and one with no name (or a name given twice) is not kept.
    - md: the letter, the metadata and the signatories. Control characters are left out;
      in a signatory's value each line's white space is squeezed (a line break is kept,
      written as <br>), in the letter's text all of it (a paragraph is one line); the extra
      fields come in the table's column order.
    - txt (the 2017 layout, under front matter): the metadata and the letter as for md
      ("Yours sincerely," where it had no closing), each signatory's name, and the role and
      country where they make a role line that reads back as them ("Member of Parliament,
      Malaysia"); no family name or extra fields. What the layout cannot hold at all, the
      writer refuses with a ValueError (a sentence): it reads its text back first.
    """
    if fmt == "json":
        return Document(doc.letter, doc.signatories, doc.metadata)
    if fmt == "csv":
        return Document(signatories=_csv_people(doc.signatories))
    if fmt == "txt":
        letter = _squeezed_letter(doc.letter)
        letter = replace(letter, closing=letter.closing or DEFAULT_CLOSING)
        return Document(letter, written_signatories(doc), _squeezed_metadata(doc.metadata))
    people = tuple(_squeezed_person(s) for s in doc.signatories)
    return Document(
        _squeezed_letter(doc.letter), _in_column_order(people), _squeezed_metadata(doc.metadata)
    )


def squeeze(text: str) -> str:
    return " ".join(text.split())


def _opt(value: str | None, clean) -> str | None:
    return (clean(value) or None) if value is not None else None


def _cell(text: str) -> str:
    """A value as a CSV carries it: no control characters, no white space at either end."""
    return without_controls(text).strip()


def _csv_people(people: tuple[Signatory, ...]) -> tuple[Signatory, ...]:
    keys = list(dict.fromkeys(_cell(k) for s in people for k, _ in s.extra))
    out = []
    for s in people:
        values = {_cell(k): _cell(v) for k, v in reversed(s.extra)}  # the first one wins
        extra = tuple((k, values[k]) for k in keys if k and values.get(k))
        out.append(
            Signatory(
                _cell(s.name),
                _opt(s.role, _cell),
                _opt(s.country, _cell),
                s.position,
                _opt(s.family_name, _cell),
                extra,
            )
        )
    return tuple(out)


def _in_column_order(people: tuple[Signatory, ...]) -> tuple[Signatory, ...]:
    """Extra fields in the order of a table's columns (each key where it first appears)."""
    keys = list(dict.fromkeys(k for s in people for k, _ in s.extra))
    return tuple(
        replace(s, extra=tuple((k, dict(s.extra)[k]) for k in keys if k in dict(s.extra)))
        for s in people
    )


def _md_value(text: str) -> str:
    """A value as a Markdown table cell carries it: line breaks kept (written as <br>), the
    white space of each line squeezed, no control characters."""
    text = without_controls(text).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(squeeze(line) for line in text.split("\n")).strip()


def _squeezed_person(s: Signatory) -> Signatory:
    keys: dict[str, str] = {}
    for k, v in s.extra:
        keys.setdefault(squeeze(without_controls(k)), _md_value(v))  # the first of a key wins
    return Signatory(
        _md_value(s.name),
        _opt(s.role, _md_value),
        _opt(s.country, _md_value),
        s.position,
        _opt(s.family_name, _md_value),
        tuple((k, v) for k, v in keys.items() if k and v),
    )


def _text(text: str) -> str:
    """Letter text as Markdown and the text layout carry it: squeezed, no controls."""
    return squeeze(without_controls(text))


def _squeezed_letter(letter: Letter) -> Letter:
    body = []
    for block in letter.body:
        if isinstance(block, Paragraph):
            if _text(block.text):
                body.append(Paragraph(_text(block.text)))
        else:
            items = tuple(_text(i) for i in block.items if _text(i))
            if items:
                body.append(ItemList(items))
    return Letter(
        tuple(_text(a) for a in letter.addressee if _text(a)),
        _opt(letter.date, _text),
        _opt(letter.salutation, _text),
        tuple(body),
        _opt(letter.closing, _text),
    )


def _squeezed_metadata(metadata: Metadata) -> Metadata:
    """Front matter carries metadata as JSON strings: all but control characters."""
    values = {
        k: (without_controls(v) or None) if isinstance(v, str) else v
        for k, v in asdict(metadata).items()
    }
    return Metadata(**values)


# -- the import plan ---------------------------------------------------------------------


def plan_outcome(
    text: str, corrections: list[tuple[str, object]], path: str = "letter.md"
) -> ImportPlan | None:
    """analyse(text), then each correction in turn; None where one raised ParseError (with a
    sentence). Any other exception escapes: that is the failure the checks look for."""
    try:
        plan = analyse(text, path)
    except ParseError as exc:
        _assert_sentence(exc)
        return None
    for kind, value in corrections:
        try:
            if kind == "boundary":
                plan = plan.with_boundary(value)  # type: ignore[arg-type]
            elif kind == "end":
                plan = plan.with_list_end(value)  # type: ignore[arg-type]
            else:
                plan = plan.with_layout(value)  # type: ignore[arg-type]
        except ParseError as exc:
            _assert_sentence(exc)
            continue
        assert isinstance(plan, ImportPlan)
    try:
        plan.to_document()
    except ParseError as exc:
        _assert_sentence(exc)
    return plan


def _assert_sentence(exc: ParseError) -> None:
    assert exc.message and exc.message[0].isupper() and exc.message.rstrip().endswith("."), exc


LAYOUT_CHOICES = (*LAYOUTS, None)


def with_source_dropped(doc: Document) -> Document:
    """The document without its provenance and warnings (which no export carries)."""
    return replace(doc, source=type(doc.source)(), warnings=())


# -- generated documents -----------------------------------------------------------------

# Pieces that mean something to a reader: Markdown and HTML marks, list markers, sign-offs,
# headings, role lines, table pipes, entities, escapes, odd white space.
MARKUP_PIECES = (
    "#", "# ", "## Signatories", "- ", "* ", "+ ", "1. ", "2) ", "(3) ", "12\\. ", "|", " | ",
    "*", "**", "_", "__", "`", "~~", "\\", "\\*", "<", ">", "> ", "<b>", "</li>", "<br>",
    "&amp;", "&#32;", "&nbsp;", "[x](http://y)", "![i](p.png)", "<http://a.b>", "---", "===",
    "Yours sincerely,", "Sincerely", "Signed:", "Signatories", "Signatories:", "COSIGNATORIES",
    "Dear Minister,", "4 December 2017", "2017-12-04", "Kenya", "MP", "Member of Parliament",
    "MP, Kenya", "Senator, Philippines", "title: x", "ENDS", "Advertisement", "=SUM(A1)",
    "+1", "@x", "'=x", "'", '"', "'", ",", ";", "\t", " ", "  ", "\n", "\n\n", "\r", "\r\n",
    "\u00a0", "\u200b", "\u3000", "王永平", "、", "：", "Ünïcödé", "1995", "x" * 40,
)  # fmt: skip


def _markup_text(st, min_size: int = 0, max_size: int = 6):
    chars = st.characters(codec="utf-8", exclude_categories=("Cs",), exclude_characters="\x00")
    piece = st.one_of(st.sampled_from(MARKUP_PIECES), st.text(chars, min_size=1, max_size=8))
    return st.lists(piece, min_size=min_size, max_size=max_size).map("".join)


def documents(st):
    """Arbitrary documents as a hypothesis strategy (made of markup-laden Unicode text)."""
    value = _markup_text(st, 1)
    optional = st.none() | value
    person = st.builds(
        Signatory,
        name=value.filter(str.strip),
        role=optional,
        country=optional,
        family_name=optional,
        extra=st.lists(st.tuples(value, value), max_size=3).map(tuple),
    )
    block = st.one_of(
        st.builds(Paragraph, value),
        st.builds(ItemList, st.lists(value, min_size=1, max_size=3).map(tuple)),
    )
    letter = st.builds(
        Letter,
        addressee=st.lists(value, max_size=2).map(tuple),
        date=optional,
        salutation=optional,
        body=st.lists(block, max_size=4).map(tuple),
        closing=optional,
    )
    metadata = st.builds(
        Metadata,
        title=optional,
        publisher=optional,
        url=optional,
        published_count=st.none() | st.integers(0, 10**7),
    )
    people = st.lists(person, min_size=1, max_size=6).map(numbered)
    return st.builds(Document, letter=letter, signatories=people, metadata=metadata)


def as_read(doc: Document) -> Document | None:
    """The document as the viewer's own JSON reader gives it back (None if it refuses it):
    a document the readers accept, from an arbitrary one."""
    try:
        return document_from_json(document_to_json(doc))
    except ParseError:
        return None


# -- mutated real letters ----------------------------------------------------------------
#
# A mutation is kept as a recipe (the seed's name and the changes), never as the text it
# makes: the shared letters must not be copied into the repository, and a regression case
# rebuilds its input from the seed in the shared folder.


def seed_files(external: Path | None, bundled: Path) -> dict[str, bytes]:
    """The seeds by name: the real letters of the shared folder, the bundled letter, the
    bundled letter as this viewer exports it (JSON, CSV, Markdown) and its signatories as
    a YAML and a JSON list of records."""
    from viewer.core.opening import open_document

    seeds = {p.name: p.read_bytes() for p in sorted(external.iterdir())} if external else {}
    seeds.pop("README.md", None)
    seeds[bundled.name] = bundled.read_bytes()
    doc = open_document(bundled)
    for fmt in ("json", "csv", "md"):
        seeds[f"bundled-export.{fmt}"] = exported(doc, fmt)
    records = [{"name": s.name, "role": s.role, "country": s.country} for s in doc.signatories]
    seeds["bundled-export-records.yaml"] = yaml.safe_dump(records, allow_unicode=True).encode()
    seeds["bundled-export-records.json"] = json.dumps({"signatories": records}).encode()
    return seeds


LINE_OPS = ("cut", "double", "swap", "insert", "prefix", "chop")
BYTE_OPS = ("flip", "cut", "insert", "dup")


def line_recipes(st, names: list[str]):
    """Changes to a few lines, as a careless copy or an attacker would make them: lines cut,
    doubled, swapped, markup and odd text put in, characters lost."""
    piece = st.one_of(st.sampled_from(MARKUP_PIECES), st.text(max_size=12))
    op = st.tuples(st.sampled_from(LINE_OPS), st.integers(0, 10**6), st.integers(0, 30), piece)
    return st.fixed_dictionaries(
        {"seed": st.sampled_from(names), "lines": st.lists(op, min_size=1, max_size=6)}
    )


def byte_recipes(st, names: list[str]):
    """Changes to a few bytes: flipped, cut, put in, doubled."""
    op = st.tuples(
        st.sampled_from(BYTE_OPS),
        st.integers(0, 10**7),
        st.integers(1, 400),
        st.binary(min_size=1, max_size=40).map(lambda b: b.hex()),
    )
    return st.fixed_dictionaries(
        {"seed": st.sampled_from(names), "bytes": st.lists(op, min_size=1, max_size=8)}
    )


def rebuilt(recipe: dict, seeds: dict[str, bytes]) -> tuple[str, bytes]:
    """(file name, bytes) a recipe makes from its seed."""
    data = seeds[recipe["seed"]]
    if "lines" in recipe:
        lines = data.decode("utf-8").split("\n")
        for op, at, count, piece in recipe["lines"]:
            _change_lines(lines, op, at % max(len(lines), 1), count, piece)
        data = "\n".join(lines).encode("utf-8", "surrogatepass")
    for op, pos, count, piece in recipe.get("bytes", ()):
        data = _change_bytes(bytearray(data), op, pos, count, bytes.fromhex(piece))
    return recipe["seed"], bytes(data)


def _change_lines(lines: list[str], op: str, at: int, count: int, piece: str) -> None:
    if op == "cut" and len(lines) > 1:
        del lines[at : at + count + 1]
    elif op == "double":
        lines[at:at] = lines[at : at + count + 1]
    elif op == "swap" and len(lines) > 1:
        other = (at + count + 1) % len(lines)
        lines[at], lines[other] = lines[other], lines[at]
    elif op == "insert":
        lines.insert(at, piece)
    elif op == "prefix" and lines:
        lines[at] = piece + lines[at]
    elif op == "chop" and lines and lines[at]:
        cut = count % len(lines[at])
        lines[at] = lines[at][:cut] + lines[at][cut + 1 :]


def _change_bytes(data: bytearray, op: str, pos: int, count: int, piece: bytes) -> bytearray:
    pos = pos % max(len(data), 1)
    if op == "flip" and data:
        data[pos] = piece[0]
    elif op == "cut":
        del data[pos : pos + count]
    elif op == "insert":
        data[pos:pos] = piece
    elif op == "dup":
        data[pos:pos] = data[pos : pos + count]
    return data


# -- failures kept as regression cases -----------------------------------------------------

REGRESSIONS = Path(__file__).resolve().parent / "core" / "regressions"


def regression_case(kind: str, **case) -> dict:
    """A failing input as a regression case: kind "round_trip" (format, document as the
    viewer's JSON), "plan" (text, corrections) or "reader" (file name, bytes as base64)."""
    if "document" in case:
        case["document"] = json.loads(document_to_json(case["document"]))
    if "data" in case:
        case["data"] = base64.b64encode(case["data"]).decode("ascii")
    return {"kind": kind, **case}


def case_input(case: dict, seeds: dict[str, bytes]) -> tuple[str, bytes]:
    """(file name, bytes) of a reader or plan case: given, or rebuilt from its recipe."""
    if "recipe" in case:
        return rebuilt(case["recipe"], seeds)
    if "text" in case:
        return case.get("name", "letter.md"), case["text"].encode("utf-8", "surrogatepass")
    return case["name"], base64.b64decode(case["data"])


def save_regression(case: dict, folder: Path = REGRESSIONS) -> Path:
    """Write the case to the regressions folder (named by its content, so saved once)."""
    text = json.dumps(case, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    folder.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    path = folder / f"{case['kind']}-{digest}.json"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    return path


def check_regression(case: dict, seeds: dict[str, bytes]) -> None:
    """The check the case failed once; it must pass now."""
    if case["kind"] == "round_trip":
        doc = document_from_json(json.dumps(case["document"]))
        difference = round_trip_difference(doc, case["format"], case.get("letter", True))
        assert difference is None, difference
    elif case["kind"] == "plan":
        name, data = case_input(case, seeds)
        text = data.decode("utf-8", "surrogatepass")
        plan_outcome(text, [tuple(c) for c in case["corrections"]], name)
    else:
        name, data = case_input(case, seeds)
        try:
            doc = parse_document(data, name)
        except ParseError as exc:
            assert exc.message
        else:
            assert doc.signatories and all(s.name.strip() for s in doc.signatories)
            letter = case.get("letter", doc.source.format != "json")
            for fmt in FORMATS:  # and what was read leaves by every export and comes back
                difference = round_trip_difference(doc, fmt, letter)
                assert difference is None, difference
