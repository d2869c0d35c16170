"""The core and the command line never import Qt or pyqtgraph."""

import subprocess
import sys

from conftest import REPO

PROBE = """
import io, sys, contextlib
import viewer.core, viewer.core.query, viewer.core.formats, viewer.core.bundled
from viewer import cli
for argv in (["list", "--format", "json"], ["stats", "--format", "json"], ["list"]):
    with contextlib.redirect_stdout(io.StringIO()):
        assert cli.main(argv) == 0
gui = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "pyqtgraph"))
print("GUI:" + ",".join(gui))
"""


def test_core_and_cli_stay_gui_free():
    proc = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, cwd=REPO, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "GUI:"


def test_no_core_module_names_qt():
    for path in (REPO / "viewer" / "core").rglob("*.py"):
        text = path.read_text("utf-8")
        for banned in ("PySide6", "shiboken6", "pyqtgraph"):
            assert f"import {banned}" not in text and f"from {banned}" not in text, path
