"""ruff keeps the code base in one style; a lint error fails the suite."""

import shutil
import subprocess
import sys

import pytest
from conftest import REPO


def test_ruff_check_is_clean():
    ruff = shutil.which("ruff") or str(__import__("pathlib").Path(sys.executable).with_name("ruff"))
    if not __import__("pathlib").Path(ruff).exists():
        pytest.fail("ruff is not installed; install the test extras: pip install -e '.[test]'")
    proc = subprocess.run(
        [ruff, "check", "--quiet", "."], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
