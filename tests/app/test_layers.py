"""The layers: the core and the command line never import Qt or pyqtgraph; the import
contracts in pyproject.toml (import-linter) hold, and they do fail on a broken layer."""

import shutil
import subprocess
import sys
from pathlib import Path

from conftest import REPO

PROBE = """
import io, sys, contextlib
import viewer.core, viewer.core.query.engine, viewer.core.opening, viewer.core.bundled
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


def _lint_imports(cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).with_name("lint-imports")
    return subprocess.run(
        [str(exe), "--no-cache"], capture_output=True, text=True, cwd=cwd, env=env, timeout=300
    )


def test_import_contracts_hold():
    proc = _lint_imports(REPO)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "0 broken" in proc.stdout


def test_import_contracts_catch_qt_in_the_core_and_a_cycle(tmp_path):
    """A copy of the package with a Qt import in the core and formats importing the text
    importer (a cycle and a broken layer) is refused by the same contracts."""
    shutil.copytree(REPO / "viewer", tmp_path / "viewer")
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    model = tmp_path / "viewer" / "core" / "model.py"
    model.write_text(model.read_text("utf-8") + "\nimport PySide6  # noqa\n", "utf-8")
    bytes_module = tmp_path / "viewer" / "core" / "formats" / "file_bytes.py"
    bytes_module.write_text(
        bytes_module.read_text("utf-8") + "\nimport viewer.core.textimport.plan  # noqa\n",
        "utf-8",
    )
    proc = _lint_imports(tmp_path, env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"})
    assert proc.returncode != 0
    assert "The core is GUI-free: no Qt, no pyqtgraph BROKEN" in proc.stdout
    assert "File formats sit below the text importer BROKEN" in proc.stdout
    assert "No cycles between subpackages BROKEN" in proc.stdout
