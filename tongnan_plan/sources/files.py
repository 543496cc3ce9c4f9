"""Reading a file people send in: a regular file only, of bounded size, in UTF-8.

Every refusal is a located TnplanError that says what the file is instead: a FIFO or a device
(which could block or never end), too large, UTF-16, UTF-32, GBK or Big5 (with the command that
converts it).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

from ..fileio import file_kind
from ..model.catalogue import Words, diagnostic
from ..model.diagnostics import TnplanError

__all__ = ["FILE_PROBLEMS", "MAX_BYTES", "decode_text", "read_bytes", "read_text"]

#: Submissions and plans larger than this are refused, counted as they are read.
MAX_BYTES = 16 * 1024 * 1024

#: Codes of a file that cannot be read at all (as opposed to one whose content is wrong).
FILE_PROBLEMS = frozenset({"file-not-found", "is-directory", "file-unreadable"})


def read_text(path: Path, display: str | None = None) -> str:
    """The file's text, decoded as UTF-8 (a BOM is accepted); TnplanError on anything else.

    Only a regular file is read (a FIFO or a device could block or never end), and never more
    than MAX_BYTES of it, whatever its size claims to be.
    """
    name = display or str(path)
    return decode_text(_read_bytes(path, name), name)


def decode_text(raw: bytes, name: str, *, legacy_encodings: bool = False) -> str:
    """The bytes of a file as text, as read_text decodes them; TnplanError if they are not."""
    if legacy_encodings and _wide(raw) is None and not raw.startswith(tuple(b for b, _ in _BOMS)):
        try:
            return raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                return raw.decode("gb18030")
            except UnicodeDecodeError:
                pass
    return _decode(raw, name)


def read_bytes(path: Path, display: str | None = None, *, limit: int | None = None) -> bytes:
    """The file's bytes (a workbook's, a document's): a regular file only, at most limit
    bytes of it (MAX_BYTES unless said)."""
    return _read_bytes(path, display or str(path), limit)


def _problem(file: str, code: str, /, line: int = 1, column: int = 1, **params: Any) -> TnplanError:
    return TnplanError([diagnostic(code, file, line, column, **params)])


_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)


def _require_regular(mode: int, name: str) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise _problem(name, "is-directory")
    raise _problem(name, "file-unreadable", form="not-regular", kind=Words(*file_kind(mode)))


def _too_large(name: str, size: int, limit: int) -> TnplanError:
    form = "" if size > limit else "grew"
    return _problem(name, "file-too-large", form=form, size=f"{size:,}", limit=f"{limit:,}")


def _read_bytes(path: Path, name: str, limit: int | None = None) -> bytes:
    """The bytes of a regular file of at most limit (MAX_BYTES); TnplanError for anything
    else."""
    limit = MAX_BYTES if limit is None else limit
    try:
        _require_regular(os.stat(path).st_mode, name)
        # Non-blocking: a file swapped for a FIFO after the stat cannot hang the open.
        fd = os.open(path, _OPEN_FLAGS)
        try:
            info = os.fstat(fd)
            _require_regular(info.st_mode, name)
            if info.st_size > limit:
                raise _too_large(name, info.st_size, limit)
            chunks: list[bytes] = []
            total = 0
            # Read until the end, not st_size bytes: a size may be wrong (/proc reports 0).
            while chunk := os.read(fd, min(max(info.st_size + 1, 1 << 16), limit + 1 - total)):
                chunks.append(chunk)
                total += len(chunk)
                if total > limit:
                    raise _too_large(name, info.st_size, limit)
        finally:
            os.close(fd)
    except (FileNotFoundError, NotADirectoryError):
        if os.path.islink(path):
            raise _problem(name, "file-not-found", form="broken-link") from None
        raise _problem(name, "file-not-found") from None
    except PermissionError:
        raise _problem(name, "file-unreadable", form="permission") from None
    except OSError as exc:
        raise _problem(name, "file-unreadable", reason=exc.strerror or str(exc)) from None
    return b"".join(chunks)


#: Byte-order marks of encodings that are not UTF-8, longest first (UTF-32's begin as UTF-16's).
_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


def _decode(raw: bytes, name: str) -> str:
    """UTF-8 text (a UTF-8 BOM dropped); other encodings are named in the error."""
    wide = next((label for bom, label in _BOMS if raw.startswith(bom)), None) or _wide(raw)
    if wide is not None:
        raise _problem(name, "not-utf8", form="wide", encoding=wide)
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        # In characters, as editors count columns: what precedes the bad byte is UTF-8.
        column = len(raw[raw.rfind(b"\n", 0, exc.start) + 1 : exc.start].decode()) + 1
        byte = f"{raw[exc.start]:02x}"
        legacy = _legacy(raw)
        if legacy is None:
            raise _problem(name, "not-utf8", line, column, byte=byte) from None
        label, iconv = legacy
        raise _problem(
            name, "not-utf8", line, column, form="legacy", byte=byte, label=label, iconv=iconv
        ) from None


def _wide(raw: bytes) -> str | None:
    """UTF-16 or UTF-32 without a byte-order mark, told by the zero bytes of ASCII text."""
    head = raw[:4096]
    if head.count(0) * 4 < len(head):
        return None
    for codec, label in (
        ("utf-32-le", "UTF-32"),
        ("utf-32-be", "UTF-32"),
        ("utf-16-le", "UTF-16"),
        ("utf-16-be", "UTF-16"),
    ):
        unit = 4 if label == "UTF-32" else 2
        try:
            text = head[: len(head) - len(head) % unit].decode(codec)
        except UnicodeDecodeError:
            continue
        printable = sum(c.isprintable() or c in "\t\n\r" for c in text)
        if text and "\x00" not in text and printable >= 0.95 * len(text):
            return label
    return None


#: Legacy Chinese encodings, each with the lead bytes of its most common characters:
#: GB2312's level 1 (3,755 characters) and Big5's 常用字 (5,401).
_LEGACY = (
    ("gb18030", "gb2312", range(0xB0, 0xD8), "GBK/GB18030", "GB18030"),
    ("cp950", "cp950", range(0xA4, 0xC7), "Big5", "CP950"),
)


def _legacy(raw: bytes) -> tuple[str, str] | None:
    """How to convert a file saved in GBK or Big5: the encoding whose reading is commoner.

    Big5 bytes nearly always decode as GBK too, into rarer characters: the reading in which
    more characters are among the encoding's most common ones wins.
    """
    best: tuple[float, str, str] | None = None
    for codec, common, leads, label, iconv in _LEGACY:
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        score = _commonness(text, common, leads)
        if best is None or score > best[0]:
            best = (score, label, iconv)
    if best is None:
        return None
    _, label, iconv = best
    return label, iconv


def _commonness(text: str, codec: str, leads: range) -> float:
    """The share of the Chinese characters in text that are among codec's most common ones."""
    chinese = [c for c in text[:8192] if "\u4e00" <= c <= "\u9fff"]
    if not chinese:
        return 0.0
    common = 0
    for char in chinese:
        try:
            common += char.encode(codec)[0] in leads
        except UnicodeEncodeError:
            pass
    return common / len(chinese)
