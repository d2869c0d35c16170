"""malloc keeps what a large open frees (viewer.core.memory): set once, on Linux with glibc."""

from __future__ import annotations

import sys

import pytest

from viewer.core import memory


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc only")
def test_malloc_is_told_once_to_keep_freed_memory(monkeypatch):
    monkeypatch.setattr(memory, "_done", False)
    calls = []
    real = memory.ctypes.CDLL

    def counting(name):
        calls.append(name)
        return real(name)

    monkeypatch.setattr(memory.ctypes, "CDLL", counting)
    assert memory.keep_freed_memory() is True
    assert memory.keep_freed_memory() is True
    assert calls == ["libc.so.6"]  # the second call does nothing


def test_another_c_library_is_left_alone(monkeypatch):
    monkeypatch.setattr(memory, "_done", False)
    monkeypatch.setattr(memory.sys, "platform", "linux")

    def missing(_name):
        raise OSError("no glibc here")

    monkeypatch.setattr(memory.ctypes, "CDLL", missing)
    assert memory.keep_freed_memory() is False
