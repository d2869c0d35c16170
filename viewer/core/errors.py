"""The one error type every reader raises."""

from __future__ import annotations

from pathlib import PurePath


class ParseError(Exception):
    """A file could not be read as a letter.

    Carries the file, the line (where there is one) and a sentence a non-programmer
    understands; ``str()`` gives all three in one line.
    """

    def __init__(self, message: str, path: str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    @property
    def file_name(self) -> str:
        return PurePath(self.path).name if self.path else "the text"

    def __str__(self) -> str:
        where = self.file_name
        if self.line is not None:
            where += f", line {self.line}"
        return f"{where}: {self.message}"
