"""A picture's size read from its header, before anything decodes it.

Decoding a picture costs memory in its pixels, not its bytes: a 3 MB PNG can
hold 30000 x 30000 pixels (3.5 GB once decoded). So the checker and the game
read the width and height from the file's first bytes (PNG, JPEG, GIF, BMP,
WebP) and refuse a picture over :data:`MAX_PIXELS` or :data:`MAX_BYTES`
without decoding it. No pygame here.
"""

from __future__ import annotations

import struct
from pathlib import Path

MAX_PIXELS = 40_000_000       # a picture larger than this is not a picture a scenario needs
MAX_BYTES = 25 * 1024 * 1024
HEADER_BYTES = 64 * 1024      # JPEG size markers come after the metadata; look this far


class ImageProblem(ValueError):
    """Why a picture will not be shown, in words an author can act on."""


def image_size(path: Path) -> tuple[int, int]:
    """(width, height) from the header; raises ImageProblem (or OSError if the file cannot be read)."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ImageProblem(f"the picture is {size // (1024 * 1024)} MB; keep pictures under {MAX_BYTES // (1024 * 1024)} MB")
    with path.open("rb") as stream:
        head = stream.read(HEADER_BYTES)
    found = _png(head) or _gif(head) or _bmp(head) or _webp(head) or _jpeg(head)
    if found is None:
        raise ImageProblem("not a PNG, JPEG, GIF, BMP or WebP picture (or its header is damaged)")
    width, height = found
    if width < 1 or height < 1:
        raise ImageProblem(f"the picture's header says {width} x {height} pixels")
    if width * height > MAX_PIXELS:
        raise ImageProblem(f"the picture is {width} x {height} pixels; keep it under {MAX_PIXELS // 1_000_000} megapixels (for example 1920 x 1080)")
    return width, height


def _png(head: bytes) -> tuple[int, int] | None:
    if head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR" and len(head) >= 24:
        return struct.unpack(">II", head[16:24])
    return None


def _gif(head: bytes) -> tuple[int, int] | None:
    """The larger of the GIF's screen and its first frame (a frame may claim more than the screen)."""
    if head[:6] not in (b"GIF87a", b"GIF89a") or len(head) < 13:
        return None
    width, height = struct.unpack("<HH", head[6:10])
    packed = head[10]
    at = 13 + (3 * 2 ** ((packed & 7) + 1) if packed & 0x80 else 0)
    while at < len(head):
        block = head[at]
        if block == 0x21 and at + 2 < len(head):  # an extension: its label, then sub-blocks until a zero size
            at += 2
            while at < len(head) and head[at]:
                at += head[at] + 1
            at += 1
        elif block == 0x2C and at + 9 <= len(head):  # the first image descriptor: left, top, width, height
            left, top, frame_w, frame_h = struct.unpack("<HHHH", head[at + 1:at + 9])
            return max(width, left + frame_w), max(height, top + frame_h)
        else:
            break
    return width, height


def _bmp(head: bytes) -> tuple[int, int] | None:
    if head[:2] == b"BM" and len(head) >= 26:
        width, height = struct.unpack("<ii", head[18:26])
        return width, abs(height)
    return None


def _webp(head: bytes) -> tuple[int, int] | None:
    if head[:4] != b"RIFF" or head[8:12] != b"WEBP" or len(head) < 30:
        return None
    chunk = head[12:16]
    if chunk == b"VP8X":
        return 1 + int.from_bytes(head[24:27], "little"), 1 + int.from_bytes(head[27:30], "little")
    if chunk == b"VP8L":
        bits = int.from_bytes(head[21:25], "little")
        return 1 + (bits & 0x3FFF), 1 + ((bits >> 14) & 0x3FFF)
    if chunk == b"VP8 ":
        width, height = struct.unpack("<HH", head[26:30])
        return width & 0x3FFF, height & 0x3FFF
    return None


def _jpeg(head: bytes) -> tuple[int, int] | None:
    if head[:2] != b"\xff\xd8":
        return None
    at = 2
    while at + 9 < len(head):
        if head[at] != 0xFF:
            return None
        marker = head[at + 1]
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            at += 2
            continue
        length = struct.unpack(">H", head[at + 2:at + 4])[0]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", head[at + 5:at + 9])
            return width, height
        at += 2 + length
    return None
