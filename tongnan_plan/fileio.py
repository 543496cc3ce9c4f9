"""Writing files so that nothing is lost: atomically, and never over a file unless asked.

Standard output too: a closed, full or failing one is said, never passed over in silence.
"""

from __future__ import annotations

import codecs
import errno
import io
import os
import stat
import sys
from pathlib import Path
from typing import Any

__all__ = [
    "NAME_MAX",
    "NotRegularFile",
    "OutputLost",
    "check_target",
    "discard_standard_output",
    "escaped_characters",
    "file_kind",
    "guard_standard_output",
    "long_name",
    "write_atomic",
]

#: What a file that is not a regular file (nor a directory) is, in English and Chinese.
_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)", "命名管道（FIFO）"),
    (stat.S_ISCHR, "a character device", "字符设备"),
    (stat.S_ISBLK, "a block device", "块设备"),
    (stat.S_ISSOCK, "a socket", "套接字"),
)


def file_kind(mode: int) -> tuple[str, str]:
    """What a file of this st_mode is, in English and Chinese ("a character device")."""
    return next(
        ((en, zh) for test, en, zh in _KINDS if test(mode)), ("not a regular file", "非普通文件")
    )


class NotRegularFile(OSError):
    """The path names something tnplan will not replace: a device, a FIFO, a socket, a link
    that leads nowhere. ``kind`` and ``kind_zh`` say which."""

    def __init__(self, path: Path, kind: tuple[str, str]) -> None:
        super().__init__(errno.EINVAL, f"{path} is {kind[0]}")
        self.path = path
        self.kind, self.kind_zh = kind


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


#: The longest name (one component of a path, in bytes) file systems take.
NAME_MAX = 255


def long_name(path: Path) -> int | None:
    """The length in bytes of path's longest component when it is longer than file systems
    take (NAME_MAX), else None: such a name is refused before anything is written."""
    longest = max((len(os.fsencode(part)) for part in path.parts), default=0)
    return longest if longest > NAME_MAX else None


def check_target(path: Path, force: bool) -> Path:
    """What write_atomic(path, force=force) would write, checked before anything is: raises
    as it would (FileExistsError, IsADirectoryError, NotRegularFile), and OSError for a
    name too long (ENAMETOOLONG) or a folder that does not exist (ENOENT)."""
    if long_name(path) is not None:
        raise OSError(errno.ENAMETOOLONG, os.strerror(errno.ENAMETOOLONG), str(path))
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise FileNotFoundError(errno.ENOENT, "the folder does not exist", str(parent))
    return _target(path, force)


def _target(path: Path, force: bool) -> Path:
    """The file to write: path itself, or with force the regular file a link at path leads to.

    FileExistsError when a regular file (or a link to one) is at path and force is not set;
    IsADirectoryError for a directory; NotRegularFile for anything else, force or not.
    """
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return path
    target = path
    link = stat.S_ISLNK(info.st_mode)
    if link:
        target = Path(os.path.realpath(path))
        try:
            info = os.stat(target)
        except OSError:
            raise NotRegularFile(
                path, ("a symbolic link to nothing", "指向不存在之处的符号链接")
            ) from None
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, "is a directory", str(path))
    if not stat.S_ISREG(info.st_mode):
        kind, kind_zh = file_kind(info.st_mode)
        if link:
            kind, kind_zh = f"a symbolic link to {kind}", f"指向{kind_zh}的符号链接"
        raise NotRegularFile(path, (kind, kind_zh))
    if not force:
        raise FileExistsError(errno.EEXIST, "exists", str(path))
    return target


def write_atomic(path: Path, text: str | bytes, *, force: bool = False) -> None:
    """Write text (UTF-8), or bytes as they are, to path through a temporary file in the
    same directory.

    Only a missing path or a regular file is written (with force, also a regular file that a
    symbolic link at path leads to). Raises FileExistsError when something is at path and
    force is not set, IsADirectoryError for a directory and NotRegularFile for a device, a
    FIFO or a socket. A reader sees either the old file or the whole new one, never a part.
    """
    import tempfile  # only when writing: it costs start-up time every command would pay

    target = check_target(path, force)
    directory = target.parent if str(target.parent) else Path(".")
    _remove_stale(directory)
    # A short temporary name (the target's own may already be as long as names can be) that
    # says whose it is: a run killed outright leaves it, and a later run removes it.
    fd, tmp = tempfile.mkstemp(prefix=f"{_TEMPORARY}{os.getpid()}-", suffix=".tmp", dir=directory)
    try:
        content = text.encode("utf-8") if isinstance(text, str) else text
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp makes the file private (0600); give it the mode a plain write would have.
        existing = target.stat().st_mode & 0o777 if target.exists() else None
        os.chmod(tmp, existing if existing is not None else 0o666 & ~_umask())
        if force:
            _target(target, force)  # still a regular file (or nothing) as we replace it
            os.replace(tmp, target)
        else:
            _link_new(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


#: How tnplan's temporary files begin: ``.tnplan-PID-XXXXXXXX.tmp``.
_TEMPORARY = ".tnplan-"


def _remove_stale(directory: Path) -> None:
    """Remove the temporary files of runs that ended without removing them (killed with
    SIGKILL, or the machine lost power): those whose process is no longer there."""
    try:
        entries = [e for e in os.scandir(directory) if e.name.startswith(_TEMPORARY)]
    except OSError:
        return
    for entry in entries:
        pid = entry.name[len(_TEMPORARY) :].split("-", 1)[0]
        if not entry.name.endswith(".tmp") or not pid.isdigit() or _alive(int(pid)):
            continue
        try:
            if entry.is_file(follow_symlinks=False):
                os.unlink(entry.path)
        except OSError:
            pass  # another run removed it, or it is not ours to remove


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: someone else's process, alive
        return True
    return True


def _link_new(tmp: str, target: Path) -> None:
    """Move tmp to target only if nothing is there: a hard link fails rather than replaces."""
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise FileExistsError(errno.EEXIST, "exists", str(target)) from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
            raise
        # A file system without hard links: check, then rename (a narrow race remains).
        if os.path.lexists(target):
            raise FileExistsError(errno.EEXIST, "exists", str(target)) from None
        os.replace(tmp, target)
        return
    os.unlink(tmp)


class OutputLost(Exception):
    """Standard output did not take what was written: closed, full, or failing.

    Not an OSError, so that nothing on the way up mistakes it for a file tnplan was reading.
    """

    def __init__(self, error: OSError) -> None:
        super().__init__(error.strerror or str(error))
        self.error = error


class _StandardOutput(io.RawIOBase):
    """File descriptor 1 (None when it was closed) that turns a failed write into OutputLost.

    A reader gone away (EPIPE) stays a BrokenPipeError, for the quiet end of `| head`.
    """

    def __init__(self, fd: int | None) -> None:
        super().__init__()
        self.fd = fd
        #: Set once the loss has been reported: later writes (the flush at exit) go nowhere.
        self.discard = False

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return self.fd is not None and os.isatty(self.fd)

    def fileno(self) -> int:
        if self.fd is None:
            raise io.UnsupportedOperation("standard output is closed")
        return self.fd

    def write(self, data: Any) -> int:
        size = len(memoryview(data))
        if self.discard:
            return size
        if self.fd is None:
            raise OutputLost(OSError(errno.EBADF, "standard output is closed"))
        while True:
            try:
                return os.write(self.fd, data)
            except BlockingIOError:  # a non-blocking pipe that is full: wait for the reader
                import select

                select.select([], [self.fd], [])
            except BrokenPipeError:
                raise
            except OSError as exc:
                raise OutputLost(exc) from None


class _Escapes:
    """How many characters standard output's encoding could not take (written as escapes)."""

    count = 0


def _escape(error: UnicodeError) -> tuple[str | bytes, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    _Escapes.count += error.end - error.start
    return codecs.backslashreplace_errors(error)


def guard_standard_output() -> None:
    """Make standard output fail loudly rather than lose text without a word.

    A closed descriptor 0, 1 or 2 is held open on the null device, so that no file tnplan
    opens takes its number. Writing to a closed, full or failing standard output raises
    OutputLost; a character its encoding cannot take is written as an escape (``\\u57ce``)
    and counted (see escaped_characters) instead of ending the run.
    """
    closed = _closed(1) or sys.stdout is None
    for fd in (0, 1, 2):
        if _closed(fd):
            devnull = os.open(os.devnull, os.O_RDWR)
            if devnull != fd:
                os.dup2(devnull, fd)
                os.close(devnull)
    current = sys.stdout
    if current is not None and current is not sys.__stdout__:
        return  # already replaced (a test runner's capture): leave it be
    codecs.register_error("tnplan-escape", _escape)
    _Escapes.count = 0
    errors = getattr(current, "errors", "strict")
    sys.stdout = io.TextIOWrapper(
        io.BufferedWriter(_StandardOutput(None if closed else 1)),
        encoding=getattr(current, "encoding", None) or "utf-8",
        errors="tnplan-escape" if errors == "strict" else errors,
        line_buffering=bool(getattr(current, "line_buffering", False)),
    )


def _closed(fd: int) -> bool:
    try:
        os.fstat(fd)
    except OSError:
        return True
    return False


def discard_standard_output() -> None:
    """After a loss was reported: let what is still buffered go nowhere, without an error."""
    raw = getattr(getattr(sys.stdout, "buffer", None), "raw", None)
    if isinstance(raw, _StandardOutput):
        raw.discard = True


def escaped_characters() -> int:
    """How many characters standard output's encoding could not take so far."""
    return _Escapes.count
