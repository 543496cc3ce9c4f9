"""Writing files so that nothing is lost: atomically, and never over a file unless asked."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

__all__ = ["write_atomic"]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, text: str, *, force: bool = False) -> None:
    """Write text (UTF-8) to path through a temporary file in the same directory.

    Raises FileExistsError when path exists and force is not set. A reader sees either the
    old file or the whole new one, never a part.
    """
    if path.exists() and not force:
        raise FileExistsError(str(path))
    if path.is_dir():
        raise IsADirectoryError(str(path))
    directory = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp makes the file private (0600); give it the mode a plain write would have.
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask())
        if not force and path.exists():  # appeared while we wrote
            raise FileExistsError(str(path))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
