"""Letting go of a large document off the GUI thread, a slice at a time.

Freeing a million signatories (their objects and strings) takes 0.1 s in one call that
holds the interpreter lock: when the window replaces a large document on the GUI thread,
that is a freeze. So the window hands the old document to a thread of its own, which waits
until the window has shown the new one, keeps the old signatories in a list, lets the
document (and its query engine) go, then frees the signatories a slice at a time, letting
the GUI thread run in between. Signatories held as columns (viewer.core.signatory_table, a
large CSV) are a few numpy arrays, freed at once without such care.
"""

from __future__ import annotations

import threading
import time

from viewer.core.model import Document

IN_BACKGROUND_FROM = 50_000  # signatories; fewer are freed at once (a few milliseconds)
SLICE = 1 << 13  # signatories freed at a time: ~1 ms with the lock held
PAUSE_S = 0.004  # between slices: this thread takes a small share of the lock's time
AFTER_S = 0.3  # the window shows the new document first (model reset, chart, first paint)


def release_in_background(box: list, document: Document) -> None:
    """Drop every reference box holds (document among them) on a thread of its own.

    The caller keeps no other reference: the box is emptied by the thread, so the last
    references to the document go there, not on the caller's thread.
    """
    if len(document.signatories) < IN_BACKGROUND_FROM or not isinstance(
        document.signatories, tuple
    ):
        box.clear()
        return
    del document
    threading.Thread(
        target=_release, args=(box,), name="letter-viewer-release", daemon=True
    ).start()


def _release(box: list) -> None:
    time.sleep(AFTER_S)
    people = _signatories_of(box)  # they outlive the document, to be freed in slices below
    box.clear()  # the document, its tuple and the engine's arrays: cheap, the people remain
    _free_in_slices(people)


def _signatories_of(box: list) -> list:
    """The signatories of the documents in box, taken a slice at a time. (A function of its
    own: no variable of the caller may keep a document, or it would all go at once.)"""
    people: list = []
    for item in box:
        # Signatories held as columns (a SignatoryTable) are a few arrays: they go at once.
        if isinstance(item, Document) and isinstance(item.signatories, tuple):
            for first in range(0, len(item.signatories), SLICE):
                people += item.signatories[first : first + SLICE]
                time.sleep(PAUSE_S)
    return people


def _free_in_slices(people: list) -> None:
    while people:
        del people[-SLICE:]
        time.sleep(PAUSE_S)  # the GUI thread (or an open's worker) has the lock meanwhile
