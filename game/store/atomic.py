"""Durable file writes: a temporary file in the same folder, flush, fsync, rename.

A reader sees the old file or the new one, never half of one, even if the
process is killed mid-write. Stray temporary files from a killed writer are
removed by :func:`clean_stray` at start.
"""

from __future__ import annotations

import os
from pathlib import Path

TMP_MARK = ".tmp-"


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically and durably."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}{TMP_MARK}{os.getpid()}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            tmp.unlink()
        except OSError:
            pass
        raise
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # not supported on this platform (Windows)
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def clean_stray(folder: Path) -> list[Path]:
    """Remove temporary files a killed writer left behind; returns what was removed."""
    removed = []
    if not folder.is_dir():
        return removed
    for path in folder.iterdir():
        if path.name.startswith(".") and TMP_MARK in path.name:
            try:
                path.unlink()
                removed.append(path)
            except OSError:
                pass
    return removed
