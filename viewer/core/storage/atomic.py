"""Atomic file writes: the file is either the old one or the complete new one, never half.

One helper for every write the viewer makes (exports, settings): write a temporary file in
the same folder, flush it to disk, then rename it over the target in one step.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path


def write_atomic(
    path: str | Path, data: str | bytes, *, overwrite: bool = True, encoding: str = "utf-8"
) -> Path:
    """Write ``data`` to ``path`` atomically; FileExistsError if it exists and not ``overwrite``.

    The temporary file sits beside the target (a rename across file systems is not atomic),
    is created with the permissions the user's umask gives new files, and is removed if
    anything fails.
    """
    target = Path(path)
    payload = data.encode(encoding) if isinstance(data, str) else data
    if not overwrite and target.exists():
        raise FileExistsError(f"{target} already exists")
    temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(payload)
            out.flush()
            os.fsync(out.fileno())
        if target.exists():
            with contextlib.suppress(OSError):
                os.chmod(temp, target.stat().st_mode & 0o7777)
        if overwrite:
            os.replace(temp, target)
        else:
            _link_without_replacing(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    _sync_folder(target.parent)
    return target


def _link_without_replacing(temp: Path, target: Path) -> None:
    """Move temp to target, failing if target appeared meanwhile (a rename would replace it)."""
    try:
        os.link(temp, target)
    except FileExistsError:
        raise
    except OSError:
        # File systems without hard links (FAT, some network shares): check, then rename.
        if target.exists():
            raise FileExistsError(f"{target} already exists") from None
        os.replace(temp, target)
        return
    temp.unlink()


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows has no directory handles to sync."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
