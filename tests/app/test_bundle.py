"""The standalone app built from build.spec runs its smoke test with no Python around it."""

import os
import re
import subprocess
import sys
import time

import pytest
from conftest import REPO

MAX_BUNDLE_BYTES = 250 * 1024 * 1024


def _size(folder) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


@pytest.mark.bundle
@pytest.mark.slow
def test_frozen_app_builds_and_passes_its_smoke_test(tmp_path):
    pytest.importorskip("PyInstaller", reason="install the test extras: pip install -e '.[test]'")
    start = time.perf_counter()
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(tmp_path / "dist"),
            "--workpath",
            str(tmp_path / "build"),
            str(REPO / "build.spec"),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=900,
    )
    build_seconds = time.perf_counter() - start
    built_at = time.time()
    assert build.returncode == 0, build.stderr[-4000:]
    app_dir = tmp_path / "dist" / "letter-viewer"
    exe = app_dir / "letter-viewer"
    assert exe.is_file()
    size = _size(app_dir)
    print(f"bundle: {size / 1e6:.0f} MB, built in {build_seconds:.0f} s")
    assert size < MAX_BUNDLE_BYTES

    # A bare environment: no Python on PATH, no PYTHONPATH/PYTHONHOME, no network needed.
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "QT_QPA_PLATFORM": "offscreen",
        "LANG": "C.UTF-8",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    version = subprocess.run(
        [str(exe), "--version"], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert version.returncode == 0, version.stderr
    from viewer import __version__

    assert version.stdout.strip() == f"letter-viewer {__version__}"

    smoke = subprocess.run(
        [str(exe), "--smoke-test"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert smoke.returncode == 0, smoke.stdout + smoke.stderr
    assert re.search(r"^smoke-test ok: .*158 signatories.*\d+ ms", smoke.stdout, re.M), smoke.stdout
    # nothing is ever written inside the bundle
    assert not [p for p in app_dir.rglob("*") if p.lstat().st_mtime > built_at]
    assert os.access(exe, os.X_OK)
