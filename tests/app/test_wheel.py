"""The built wheel carries the letter and its metadata: install it elsewhere and load it."""

import shutil
import subprocess
import sys
import venv

import pytest
from conftest import REPO

SHA256 = "9ff898978aef2a1cde4cd1fcf50f15f9d6b2be2377586f7b239e0e5d078b0172"

PROBE = f"""
import json, subprocess, sys, viewer
from pathlib import Path
assert not Path(viewer.__file__).is_relative_to({str(REPO)!r}), viewer.__file__
from viewer.core.bundled import load_bundled
doc = load_bundled()
assert doc.source.sha256 == {SHA256!r}, doc.source.sha256
assert len(doc.signatories) == 158
assert doc.metadata.publisher == "ASEAN Parliamentarians for Human Rights"
print("OK", viewer.__version__, viewer.__file__)
"""


@pytest.mark.slow
def test_wheel_installs_and_loads_the_letter(tmp_path):
    src = tmp_path / "src"
    shutil.copytree(
        REPO,
        src,
        ignore=shutil.ignore_patterns(
            ".venv", ".git", "__pycache__", "*.pyc", ".pytest_cache", ".hypothesis", "dist", "build"
        ),
    )
    dist = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(dist),
            str(src),
        ],
        check=True,
        timeout=300,
    )
    wheel = next(dist.glob("letter_viewer-*.whl"))
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    py = env_dir / "bin" / "python"
    # loading the letter needs nothing but the standard library, so no dependencies here
    subprocess.run(
        [str(py), "-m", "pip", "install", "-q", "--no-deps", str(wheel)], check=True, timeout=300
    )
    proc = subprocess.run(
        [str(py), "-c", PROBE], capture_output=True, text=True, cwd=tmp_path, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("OK 0.")
    stats = subprocess.run(
        [
            str(env_dir / "bin" / "python"),
            "-c",
            "import viewer.core.opening, viewer.core.bundled as b;print(b.bundled_letter_path())",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert "site-packages/viewer/data/" in stats.stdout, stats.stdout + stats.stderr
