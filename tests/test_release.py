"""A large document the window lets go of is freed on a thread of its own, in slices."""

from __future__ import annotations

import threading
import weakref

from viewer.core import release
from viewer.core.model import Document, Signatory
from viewer.core.release import release_in_background


def _document(rows: int) -> Document:
    return Document(signatories=tuple(Signatory(f"P{i}", position=i + 1) for i in range(rows)))


def test_a_large_document_is_freed_off_the_calling_thread(monkeypatch):
    monkeypatch.setattr(release, "AFTER_S", 0)
    freed_on: list[threading.Thread] = []
    doc = _document(release.IN_BACKGROUND_FROM)
    gone = weakref.ref(doc)
    weakref.finalize(doc, lambda: freed_on.append(threading.current_thread()))
    box = [doc, "its engine"]
    del doc
    release_in_background(box, box[0])
    (worker,) = [t for t in threading.enumerate() if t.name == "letter-viewer-release"]
    worker.join(timeout=10)
    assert gone() is None and box == []
    assert freed_on == [worker]


def test_a_small_document_is_freed_at_once():
    doc = _document(10)
    gone = weakref.ref(doc)
    box = [doc]
    del doc
    release_in_background(box, box[0])
    assert box == [] and gone() is None
