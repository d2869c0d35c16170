"""Letter viewer: read an open letter and work with its signatories."""

from __future__ import annotations


def _installed_version() -> str | None:
    """The version in an installed letter_viewer-*.dist-info on sys.path, read directly."""
    # importlib.metadata would tell the same but imports email, zipfile and more: tens of
    # milliseconds of every start-up (issue 6). Its own lookup remains the fallback.
    import os
    import sys

    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if name.startswith("letter_viewer-") and name.endswith(".dist-info"):
                return name[len("letter_viewer-") : -len(".dist-info")]
    return None


def _version() -> str:
    found = _installed_version()
    if found:
        return found
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("letter-viewer")
    except PackageNotFoundError:  # a source checkout that was never installed
        import re
        from pathlib import Path

        pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
        if pyproject.is_file():
            m = re.search(r'^version\s*=\s*"([^"]+)"', pyproject.read_text("utf-8"), re.M)
            if m:
                return m.group(1)
        return "0+unknown"


__version__ = _version()
