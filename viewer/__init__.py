"""Letter viewer: read an open letter and work with its signatories."""

from __future__ import annotations


def _version() -> str:
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
