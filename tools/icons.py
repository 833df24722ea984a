#!/usr/bin/env python3
"""Draws Rally's app icons (web/icons/) from the favicon's design: a dark blue rounded square
with a white dot and a gold dot. Standard library only (zlib + a tiny PNG writer); shapes are
anti-aliased analytically (signed distance to each shape, one sample per pixel).

    python3 tools/icons.py            # rewrites web/icons/*.png and web/icons/icon.svg

The output is committed; run this again only when the design changes. Colours are the design
tokens of styles/screen.css (--brand, --accent, white).
"""

from __future__ import annotations

import math
import os
import struct
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "web", "icons")

BRAND = (0x1D, 0x4F, 0x6E)   # --brand
WHITE = (0xFF, 0xFF, 0xFF)
ACCENT = (0xF2, 0xB8, 0x4B)  # --accent

# The favicon, on a 32-unit grid: rect 32x32 rx 7; dots r 4 at (11, 16) and (21, 16).
SVG = ("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'>"
       "<rect width='32' height='32' rx='7' fill='#1d4f6e'/>"
       "<circle cx='11' cy='16' r='4' fill='#fff'/>"
       "<circle cx='21' cy='16' r='4' fill='#f2b84b'/></svg>\n")


def coverage(distance: float) -> float:
    """Share of a pixel inside a shape whose signed distance at the pixel centre is given."""
    return min(1.0, max(0.0, 0.5 - distance))


def rounded_rect_distance(x: float, y: float, size: float, radius: float) -> float:
    half = size / 2
    qx = abs(x - half) - (half - radius)
    qy = abs(y - half) - (half - radius)
    outside = math.hypot(max(qx, 0.0), max(qy, 0.0))
    return outside + min(max(qx, qy), 0.0) - radius


def draw(size: int, *, maskable: bool) -> bytes:
    """RGBA rows (with PNG filter bytes) of one icon."""
    unit = size / 32
    # A maskable icon is full-bleed (the platform cuts its own shape) and keeps the dots in
    # the safe zone: the central circle of 80 % of the width. Here they are drawn at 80 %.
    scale = unit * (0.8 if maskable else 1.0)
    centre = size / 2
    dots = [((11 - 16) * scale + centre, centre, 4 * scale, WHITE),
            ((21 - 16) * scale + centre, centre, 4 * scale, ACCENT)]
    rows = bytearray()
    for j in range(size):
        rows.append(0)  # filter: none
        y = j + 0.5
        for i in range(size):
            x = i + 0.5
            if maskable:
                alpha = 1.0
            else:
                alpha = coverage(rounded_rect_distance(x, y, size, 7 * unit))
            r, g, b = BRAND
            for cx, cy, radius, colour in dots:
                c = coverage(math.hypot(x - cx, y - cy) - radius)
                if c > 0:
                    r = r + (colour[0] - r) * c
                    g = g + (colour[1] - g) * c
                    b = b + (colour[2] - b) * c
            rows += bytes((round(r), round(g), round(b), round(alpha * 255)))
    return bytes(rows)


def png(size: int, rows: bytes) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def main() -> int:
    os.makedirs(OUT, exist_ok=True)
    icons = [("icon-192.png", 192, False), ("icon-512.png", 512, False),
             ("maskable-512.png", 512, True), ("apple-touch-icon.png", 180, True)]
    for name, size, maskable in icons:
        with open(os.path.join(OUT, name), "wb") as fh:
            fh.write(png(size, draw(size, maskable=maskable)))
        print(f"icons: wrote web/icons/{name} ({size}x{size}{', full-bleed' if maskable else ''})")
    with open(os.path.join(OUT, "icon.svg"), "w", encoding="utf-8") as fh:
        fh.write(SVG)
    print("icons: wrote web/icons/icon.svg")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
