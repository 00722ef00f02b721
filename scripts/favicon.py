"""Writes src/Lachan/wwwroot/favicon.ico (32 and 16 px, PNG inside ICO) from the shield of favicon.svg.
No imaging library needed: the shield is rasterised here with 4x4 supersampling. Run: python3 scripts/favicon.py"""
import struct, zlib, pathlib

GREEN, WHITE = (11, 110, 79), (255, 255, 255)

def shield(x, y):
    # favicon.svg's shield in a 32x32 box: straight top shoulders, sides down to y=15, then curving to the tip at (16,31)
    if y < 1 or y > 31: return False
    top = 1 + (abs(x - 16) / 13) * 5          # the two shoulders
    if y < top: return False
    half = 13 if y <= 15 else 13 * (1 - ((y - 15) / 16) ** 1.6)
    return abs(x - 16) <= half

def leaf(x, y):
    # a simple leaf (ellipse rotated 45 degrees) in white on the shield
    u, v = (x - 16) * 0.707 + (y - 15) * 0.707, -(x - 16) * 0.707 + (y - 15) * 0.707
    return (u / 7.5) ** 2 + (v / 3.6) ** 2 <= 1

def png(size):
    rows, s = [], 4
    for py in range(size):
        row = bytearray([0])
        for px in range(size):
            g = w = 0
            for sy in range(s):
                for sx in range(s):
                    x, y = (px + (sx + .5) / s) * 32 / size, (py + (sy + .5) / s) * 32 / size
                    if shield(x, y):
                        if leaf(x, y): w += 1
                        else: g += 1
            n = s * s
            a = (g + w) / n
            if a == 0: row += bytes(4); continue
            c = [round((GREEN[i] * g + WHITE[i] * w) / (g + w)) for i in range(3)]
            row += bytes(c + [round(a * 255)])
        rows.append(bytes(row))
    def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b""))

images = [png(32), png(16)]
header = struct.pack("<HHH", 0, 1, len(images))
offset, entries = 6 + 16 * len(images), b""
for size, data in zip((32, 16), images):
    entries += struct.pack("<BBBBHHII", size, size, 0, 0, 1, 32, len(data), offset)
    offset += len(data)
out = pathlib.Path(__file__).resolve().parent.parent / "src/Lachan/wwwroot/favicon.ico"
out.write_bytes(header + entries + b"".join(images))
print(out, out.stat().st_size, "bytes")
