"""A minimal, deterministic ZIP writer that reuses compressed static entries.

Most of a .docx (styles, settings, fonts, relationships) is the same in every
document made from one template; compressing it once per build instead of once
per document is what keeps a 20,000-document build near the zip-writing floor.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass
from typing import Iterable

_DOS_DATE = (0 << 9) | (1 << 5) | 1  # 1980-01-01
_DOS_TIME = 0
_UTF8_FLAG = 0x800
_UNIX_FILE = 0o100644 << 16
_MADE_BY = (3 << 8) | 20  # Unix, spec 2.0


@dataclass(frozen=True)
class Entry:
    """One compressed member, ready to be written."""

    name: bytes
    flags: int
    crc: int
    size: int
    data: bytes  # raw deflate stream, or the content itself when stored
    method: int = 8  # 8 deflate, 0 stored


def _name(name: str) -> tuple[bytes, int]:
    encoded = name.encode("utf-8")
    return encoded, 0 if encoded.isascii() else _UTF8_FLAG


def compress(name: str, content: bytes, level: int = 6) -> Entry:
    return compress_chunks(name, [content], level)


def compress_chunks(name: str, chunks: Iterable[bytes], level: int = 6) -> Entry:
    """A member made of consecutive chunks, compressed as they come: a document part of
    hundreds of megabytes never has to be in memory whole. The bytes are those of
    compressing the joined content at once (deflate does not depend on where input is cut)."""
    packer = zlib.compressobj(level, zlib.DEFLATED, -15)
    crc, size, data = 0, 0, []
    for chunk in chunks:
        crc, size = zlib.crc32(chunk, crc), size + len(chunk)
        data.append(packer.compress(chunk))
    data.append(packer.flush())
    return Entry(*_name(name), crc, size, b"".join(data))


def store(name: str, content: bytes) -> Entry:
    """An uncompressed member: for content that is already compressed (a .docx)."""
    return Entry(*_name(name), zlib.crc32(content), len(content), content, method=0)


def build(entries: list[Entry]) -> bytes:
    """Serialise entries, in order, into one ZIP archive."""
    chunks, central, offset = [], [], 0
    for e in entries:
        header = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, e.flags, e.method, _DOS_TIME, _DOS_DATE,
                             e.crc, len(e.data), e.size, len(e.name), 0)
        chunks += [header, e.name, e.data]
        central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, _MADE_BY, 20, e.flags, e.method,
                                   _DOS_TIME, _DOS_DATE, e.crc, len(e.data), e.size, len(e.name),
                                   0, 0, 0, 0, _UNIX_FILE, offset) + e.name)
        offset += len(header) + len(e.name) + len(e.data)
    directory = b"".join(central)
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries),
                      len(directory), offset, 0)
    return b"".join(chunks) + directory + end
