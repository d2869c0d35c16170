"""Keeping memory that a large open frees for the next one, instead of giving it back.

Opening a million-row CSV makes and drops numpy arrays of tens of megabytes: the offsets of
the cells, masks, sort keys. By default glibc's malloc hands every block over 32 MB (and
every block a worker thread asks for beyond its arena) straight to mmap, and back to the
system when it is freed; the next array of that size is then faulted in again, page by
page. On the virtual machines this project is measured on a fresh megabyte costs about a
millisecond to touch (bench: 400 MB of new memory took 0.7 s to fill, 27 ms to fill again),
so an open of three million rows spent more time in page faults than in work. Here malloc
keeps freed memory in its heap (trim threshold 1 GB, fixed mmap threshold) and every thread
allocates from the one main heap, so a temporary array reuses the pages of the last one.
Once the open is done, what malloc still holds free goes back to the system
(give_back_freed_memory: malloc_trim), so the resident size is the document's, not the
open's peak.
"""

from __future__ import annotations

import contextlib
import ctypes
import sys

_M_TRIM_THRESHOLD, _M_TOP_PAD, _M_MMAP_THRESHOLD, _M_ARENA_MAX = -1, -2, -3, -8
_MMAP_THRESHOLD = 32 << 20  # the most glibc allows; fixed, not adapted
_done = False


def keep_freed_memory() -> bool:
    """Set malloc up as above, once per process (Linux with glibc; elsewhere nothing).
    Whether it was set."""
    global _done
    if _done or not sys.platform.startswith("linux"):
        return _done
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:  # another C library (musl): its defaults stay
        return False
    settings = (
        (_M_MMAP_THRESHOLD, _MMAP_THRESHOLD),
        (_M_TRIM_THRESHOLD, 1 << 30),
        (_M_TOP_PAD, 64 << 20),
        (_M_ARENA_MAX, 1),  # worker threads too: their arenas would mmap large blocks
    )
    _done = all(libc.mallopt(option, value) == 1 for option, value in settings)
    return _done


def give_back_freed_memory() -> None:
    """Return the free memory malloc keeps to the system (after an open: its temporaries)."""
    if not _done:
        return
    with contextlib.suppress(OSError, AttributeError):  # glibc has it; others need not
        ctypes.CDLL("libc.so.6").malloc_trim(0)
