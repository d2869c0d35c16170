"""Shared fixtures: headless Qt, settings in a temporary folder, the source files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEED_LETTER = SHARED / "seed" / "letter-2017-12-04-kem-sokha.txt"
EXTERNAL = SHARED / "external-letters"


def pytest_configure(config):
    """On CI the shared folder lies beside the clone: its absence is a failure, not a skip."""
    if os.environ.get("CI") and not EXTERNAL.is_dir():
        raise pytest.UsageError(f"CI: the shared external letters are missing at {EXTERNAL}")


BUNDLED_LETTER = REPO / "data" / "letter-2017-12-04-kem-sokha.txt"


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path_factory, monkeypatch):
    """Point platformdirs (XDG on Linux) at a fresh folder so tests never touch real state."""
    home = tmp_path_factory.mktemp("xdg")
    for var in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"):
        monkeypatch.setenv(var, str(home / var.lower()))
    return home


@pytest.fixture(scope="session")
def source_text() -> str:
    return BUNDLED_LETTER.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def bundled():
    from viewer.core.bundled import load_bundled

    return load_bundled()


def pytest_sessionfinish(session, exitstatus):
    """Empty the clipboard before Qt shuts down.

    Qt's offscreen platform crashes at exit while the clipboard holds a QMimeData that the
    tests put there (a real X11 or Wayland clipboard does not); an empty one is safe.
    """
    import sys

    if "PySide6.QtWidgets" not in sys.modules:
        return
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is not None:
        QApplication.clipboard().clear()
