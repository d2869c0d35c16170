"""A large document the window lets go of is freed on a thread of its own, in slices."""

from __future__ import annotations

import threading
import weakref
from types import SimpleNamespace

from viewer.core import document_disposal
from viewer.core.document_disposal import release_in_background
from viewer.core.model import Document, Signatory


def _document(rows: int) -> Document:
    return Document(signatories=tuple(Signatory(f"P{i}", position=i + 1) for i in range(rows)))


def test_a_large_document_is_freed_off_the_calling_thread(monkeypatch):
    monkeypatch.setattr(document_disposal, "AFTER_S", 0)
    freed_on: list[threading.Thread] = []
    doc = _document(document_disposal.IN_BACKGROUND_FROM)
    gone = weakref.ref(doc)
    weakref.finalize(doc, lambda: freed_on.append(threading.current_thread()))
    box = [doc, "its engine"]
    del doc
    release_in_background(box, box[0])
    (worker,) = [t for t in threading.enumerate() if t.name == "letter-viewer-release"]
    worker.join(timeout=10)
    assert gone() is None and box == []
    assert freed_on == [worker]


def test_the_document_goes_first_then_its_signatories_in_slices(monkeypatch):
    monkeypatch.setattr(document_disposal, "AFTER_S", 0)
    events: list[tuple[str, int]] = []
    free = document_disposal._free_in_slices

    def recorded(people: list) -> None:
        events.append(("slices", len(people)))
        free(people)
        events.append(("slices done", len(people)))

    monkeypatch.setattr(document_disposal, "_free_in_slices", recorded)
    doc = _document(document_disposal.IN_BACKGROUND_FROM)
    weakref.finalize(doc, lambda: events.append(("document", 0)))
    box = [doc, SimpleNamespace(document=doc)]  # as the window hands over its query engine
    del doc
    release_in_background(box, box[0])
    (worker,) = [t for t in threading.enumerate() if t.name == "letter-viewer-release"]
    worker.join(timeout=10)
    assert events == [
        ("document", 0),  # with box.clear(): nothing else held it
        ("slices", document_disposal.IN_BACKGROUND_FROM),  # every signatory is left for the slices
        ("slices done", 0),
    ]


def test_a_small_document_is_freed_at_once():
    doc = _document(10)
    gone = weakref.ref(doc)
    box = [doc]
    del doc
    release_in_background(box, box[0])
    assert box == [] and gone() is None
