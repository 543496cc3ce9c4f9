"""Zip archives (workbooks, Word documents) measured by what they really unpack to.

A zip of a few hundred KiB can unpack to gigabytes, and the sizes it declares may lie: every
part is inflated here, in chunks, and counted, before any reader is handed the archive.
zipfile never gives more than a part's declared size, and a part holding more or less than it
declares fails its CRC (BadZipFile), so what is counted is what any reader would unpack.
"""

from __future__ import annotations

import zipfile

from ..model.catalogue import Words, phrase

__all__ = ["MAX_MEMBERS", "Bounds", "inflated_size"]

#: An archive holds at most this many parts (a workbook or a Word document a few dozen).
MAX_MEMBERS = 10_000

_CHUNK = 1 << 16


class Bounds(Exception):
    """A file breaks a bound: what is wrong, in English and Chinese (a phrase of the
    catalogue)."""

    def __init__(self, words: Words) -> None:
        super().__init__(words.en)
        self.words = words


def inflated_size(archive: zipfile.ZipFile, limit: int) -> int:
    """The bytes every part really unpacks to, each CRC checked; Bounds past limit or
    MAX_MEMBERS parts. zipfile's BadZipFile for a part that is damaged or lies."""
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        parts, most = f"{len(members):,}", f"{MAX_MEMBERS:,}"
        raise Bounds(phrase("bounds.parts", parts=parts, limit=most))
    if sum(member.file_size for member in members) > limit:
        raise _unpacks_to(limit)
    total = 0
    for member in members:
        with archive.open(member) as stream:
            while chunk := stream.read(_CHUNK):
                total += len(chunk)
                if total > limit:
                    raise _unpacks_to(limit)
    return total


def _unpacks_to(limit: int) -> Bounds:
    mib = limit // (1024 * 1024)
    return Bounds(phrase("bounds.unpacked", limit=f"{limit:,}", mib=mib))
