"""How much a reader accepts before it says the file is not a letter (or too big for memory)."""

from __future__ import annotations

MAX_FILE_BYTES = 512 * 1024 * 1024
MAX_LINE_CHARS = 100_000
MAX_LINES = 20_000_000
MAX_SIGNATORIES = 5_000_000
