"""`letter-viewer --smoke-test` starts the real window in a fresh process, as CI and users do."""

import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import REPO

LINE = re.compile(
    r"^smoke-test ok: .+: (\d+) signatories; first paint \d+ ms, filter \d+ ms \((\d+) rows\), "
    r"copy \d+ ms \((\d+) lines\)$",
    re.M,
)


def _run(*args, env_extra=None):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env_extra or {})}
    return subprocess.run(
        [sys.executable, "-m", "viewer", "--smoke-test", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _files_under(*folders: str) -> list[Path]:
    return [p for folder in folders for p in Path(folder).rglob("*") if p.is_file()]


def test_smoke_test_on_the_bundled_letter():
    proc = _run()
    # it filters and copies, but leaves the user's saved window, filter and settings alone
    assert _files_under(os.environ["XDG_STATE_HOME"], os.environ["XDG_CONFIG_HOME"]) == []
    assert proc.returncode == 0, proc.stderr
    match = LINE.search(proc.stdout)
    assert match, proc.stdout
    total, shown, lines = map(int, match.groups())
    assert total == 158
    assert 0 < shown <= total
    assert lines >= 1


def test_smoke_test_on_another_file(tmp_path):
    letter = tmp_path / "short.csv"
    letter.write_text("name,role,country\nJane Doe,MP,Kenya\nAnna Berg,Senator,Sweden\n")
    proc = _run(str(letter))
    assert proc.returncode == 0, proc.stderr
    assert LINE.search(proc.stdout).group(1) == "2"


def test_smoke_test_fails_with_exit_1_and_the_message(tmp_path):
    proc = _run(str(tmp_path / "missing.txt"))
    assert proc.returncode == 1
    assert "smoke-test failed" in proc.stderr and "does not exist" in proc.stderr
    assert "Traceback" not in proc.stderr
