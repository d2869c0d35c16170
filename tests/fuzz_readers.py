"""A longer fuzz run of every reader than the suite's property tests (for developers).

    .venv/bin/python tests/fuzz_readers.py --minutes 10

Each round feeds hypothesis-generated input to one reader: arbitrary bytes, UTF-8 text and
mutations of real documents (the bundled letter as text, JSON, CSV and Markdown). Every
reader must return a document or raise ParseError; anything else is printed with the input
that caused it and the run exits 1. The settings loader is fuzzed the same way: it must
return defaults and a notice, never raise.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from viewer.core.bundled import load_bundled
from viewer.core.errors import ParseError
from viewer.core.export import export_text
from viewer.core.opening import parse_document
from viewer.core.storage.settings import SettingsFile, WindowState

NAMES = ["a.txt", "a.md", "a.csv", "a.tsv", "a.json", "a.yaml", "a.pdf", "a"]


def _seeds() -> list[tuple[str, bytes]]:
    doc = load_bundled()
    source = Path(doc.source.path).read_bytes()
    people = doc.signatories
    records = [{"name": s.name, "role": s.role, "country": s.country} for s in people]
    return [
        ("a.txt", source),
        ("a.json", export_text(doc, people, "json").encode()),
        ("a.csv", export_text(doc, people, "csv").encode()),
        ("a.md", export_text(doc, people, "md").encode()),
        ("a.yaml", yaml.safe_dump(records, allow_unicode=True).encode()),
        ("a.json", json.dumps({"signatories": records}, ensure_ascii=False).encode()),
    ]


@st.composite
def mutated(draw, seeds):
    name, data = draw(st.sampled_from(seeds))
    data = bytearray(data)
    for _ in range(draw(st.integers(1, 8))):
        pos = draw(st.integers(0, max(len(data) - 1, 0)))
        op = draw(st.sampled_from(["flip", "cut", "insert", "dup"]))
        if op == "flip" and data:
            data[pos] = draw(st.integers(0, 255))
        elif op == "cut":
            del data[pos : pos + draw(st.integers(1, 200))]
        elif op == "insert":
            data[pos:pos] = draw(st.binary(min_size=1, max_size=40))
        elif op == "dup":
            data[pos:pos] = data[pos : pos + draw(st.integers(1, 400))]
    return name, bytes(data)


def _check_reader(name: str, data: bytes) -> None:
    try:
        doc = parse_document(data, name)
    except ParseError as exc:
        assert exc.message
    else:
        assert doc.signatories and all(s.name.strip() for s in doc.signatories)


def run(minutes: float) -> int:
    seeds = _seeds()
    inputs = st.one_of(
        st.tuples(st.sampled_from(NAMES), st.binary(max_size=5000)),
        st.tuples(st.sampled_from(NAMES), st.text(max_size=5000).map(str.encode)),
        mutated(seeds),
    )
    fuzz_settings = settings(max_examples=2000, deadline=None, database=None,
                             suppress_health_check=list(HealthCheck))  # fmt: skip

    @fuzz_settings
    @given(inputs)
    def readers(case):
        _check_reader(*case)

    folder = Path(tempfile.mkdtemp())

    @fuzz_settings
    @given(st.binary(max_size=3000))
    def settings_loader(data):
        path = folder / "state.json"
        path.write_bytes(data)
        value, _notice = SettingsFile(path, WindowState, "window layout").load()
        assert isinstance(value, WindowState)
        for leftover in folder.iterdir():
            os.unlink(leftover)

    deadline = time.monotonic() + minutes * 60
    rounds = 0
    while time.monotonic() < deadline:
        readers()
        settings_loader()
        rounds += 1
        print(f"round {rounds}: {rounds * 4000} inputs, no failure", flush=True)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=5.0)
    return run(parser.parse_args().minutes)


if __name__ == "__main__":
    sys.exit(main())
