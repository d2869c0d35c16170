"""PySide6's import hook records modules without reading their source, and features still
work (viewer.ui.common.pyside_import_hook). Each check runs in a fresh interpreter: the hook
and the features are process-wide."""

import os
import subprocess
import sys

from conftest import REPO

PLAIN = """
from PySide6.QtCore import QObject
CAMEL = hasattr(QObject, "objectName")
def snake_at_call():
    return hasattr(QObject, "object_name")
"""
SNAKE = """
from __feature__ import snake_case  # noqa
from PySide6.QtCore import QObject
SNAKE = hasattr(QObject, "object_name")
def snake_at_call():
    return hasattr(QObject, "object_name")
"""
PROBE = """
import inspect, sys
reads = []
source = inspect.getsource
def counting(obj):
    reads.append(getattr(obj, "__name__", None))
    return source(obj)
inspect.getsource = counting
if sys.argv[1] == "skip":
    from viewer.ui.common.pyside_import_hook import skip_source_reads
    print("found", skip_source_reads())
import PySide6.QtCore
import plain_module
before = plain_module.CAMEL
import snake_module
recorded = sys.modules["shibokensupport.feature"].pyside_feature_dict
print("read", "plain_module" in reads)
print("recorded", recorded.get("plain_module"), recorded.get("snake_module"))
print("features", before, snake_module.SNAKE, snake_module.snake_at_call(),
      plain_module.snake_at_call())
"""


def _run(tmp_path, how: str) -> dict[str, str]:
    (tmp_path / "plain_module.py").write_text(PLAIN, encoding="utf-8")
    (tmp_path / "snake_module.py").write_text(SNAKE, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(REPO)])}
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, how], cwd=tmp_path, env=env, capture_output=True,
        text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    return dict(line.split(" ", 1) for line in proc.stdout.splitlines())


def test_as_shipped_the_hook_reads_each_new_modules_source(tmp_path):
    """The cost this module removes is there without it (the test below could fail)."""
    assert _run(tmp_path, "stock")["read"] == "True"


def test_modules_are_recorded_without_reading_their_source(tmp_path):
    lines = _run(tmp_path, "skip")
    assert lines["found"] == "True"  # the hook's internals are where this PySide6 has them
    assert lines["read"] == "False"
    assert lines["recorded"].split()[0] == "0"  # the default features, as the hook records


def test_features_behave_as_they_do_with_the_stock_hook(tmp_path):
    """A module that asks for snake_case gets it; one that does not keeps Qt's names;
    both exactly as with PySide6's own hook."""
    stock, skipped = _run(tmp_path, "stock"), _run(tmp_path, "skip")
    assert skipped["features"] == stock["features"]
    assert skipped["recorded"] == stock["recorded"]
    plain_before, snake, snake_later, plain_later = skipped["features"].split()
    assert (plain_before, snake, snake_later, plain_later) == ("True", "True", "True", "False")
