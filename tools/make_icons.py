#!/usr/bin/env python3
"""Renders every platform icon from the one SVG; with --check, names those that are stale.

Run it with the project's interpreter: `.venv/bin/python tools/make_icons.py [--check]`.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from pathlib import Path

# Rendering needs no display; set before Qt is imported.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import IcnsImagePlugin, IcoImagePlugin, Image
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from desktop import APP_ID

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "desktop" / "resources" / "icons" / "broadsheet.svg"
HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# Pillow writes the icns types ic07-ic14: 16 and 32 pt at 2x, 128, 256 and 512 pt at 1x and 2x.
ICNS_SIZES = (32, 64, 128, 256, 512, 1024)
ICO_PATH = Path("windows", "broadsheet.ico")
ICNS_PATH = Path("macos", "broadsheet.icns")


def hicolor_path(size: int | None) -> Path:
    """Where the freedesktop theme icon of this size goes (None: the scalable one)."""
    folder = "scalable" if size is None else f"{size}x{size}"
    suffix = ".svg" if size is None else ".png"
    return Path("icons", "hicolor", folder, "apps", APP_ID + suffix)


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    """The SVG drawn on a transparent square of `size` pixels, as straight-alpha RGBA."""
    canvas = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    canvas.fill(Qt.GlobalColor.transparent)
    painter = QPainter(canvas)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    rgba = canvas.convertToFormat(QImage.Format.Format_RGBA8888)
    pixels = bytes(rgba.constBits())
    return Image.frombytes("RGBA", (size, size), pixels, "raw", "RGBA", rgba.bytesPerLine())


def encoded(image: Image.Image, kind: str, others: list[Image.Image]) -> bytes:
    """The image (and, for icon containers, the other sizes) encoded as `kind`."""
    out = io.BytesIO()
    if kind == "ICO":
        sizes = [(other.width, other.height) for other in [image, *others]]
        image.save(out, kind, sizes=sizes, append_images=others)
    elif kind == "ICNS":
        image.save(out, kind, append_images=others)
    else:
        image.save(out, kind, optimize=True)
    return out.getvalue()


def build(svg: bytes) -> dict[Path, bytes]:
    """Every icon file's path (relative to packaging/) and bytes, rendered from the SVG."""
    renderer = QSvgRenderer(svg)
    if not renderer.isValid():
        raise ValueError("the SVG could not be read")
    sizes = sorted({*HICOLOR_SIZES, *ICO_SIZES, *ICNS_SIZES})
    images = {size: render(renderer, size) for size in sizes}
    files = {hicolor_path(size): encoded(images[size], "PNG", []) for size in HICOLOR_SIZES}
    files[hicolor_path(None)] = svg
    ico = [images[size] for size in reversed(ICO_SIZES)]
    files[ICO_PATH] = encoded(ico[0], "ICO", ico[1:])
    icns = [images[size] for size in reversed(ICNS_SIZES)]
    files[ICNS_PATH] = encoded(icns[0], "ICNS", icns[1:])
    return files


def frames(data: bytes, suffix: str) -> list[Image.Image]:
    """The decoded images a PNG, ICO or ICNS file holds, largest first."""
    if suffix == ".ico":
        ico = IcoImagePlugin.IcoFile(io.BytesIO(data))
        return [ico.getimage(size) for size in sorted(ico.sizes(), reverse=True)]
    if suffix == ".icns":
        icns = IcnsImagePlugin.IcnsFile(io.BytesIO(data))
        return [icns.getimage(size) for size in sorted(icns.itersizes(), reverse=True)]
    return [Image.open(io.BytesIO(data))]


def same_icon(old: bytes, new: bytes, suffix: str) -> bool:
    """Whether two files hold the same pictures: another encoder build may pack them otherwise."""
    if old == new or suffix == ".svg":
        return old == new
    try:
        pictures = [(image.size, image.convert("RGBA").tobytes()) for image in frames(old, suffix)]
    except Exception:  # whatever Pillow cannot decode is not the expected icon
        return False
    return pictures == [
        (image.size, image.convert("RGBA").tobytes()) for image in frames(new, suffix)
    ]


def stale(files: dict[Path, bytes], out: Path) -> list[Path]:
    """The files under `out` that are missing or differ from the freshly rendered ones."""
    return [
        out / relative
        for relative, data in files.items()
        if not (out / relative).is_file()
        or not same_icon((out / relative).read_bytes(), data, relative.suffix)
    ]


def main(argv: list[str]) -> int:
    """Writes the icons, or with --check reports the stale ones and exits 1."""
    parser = argparse.ArgumentParser(prog="make_icons.py", description=__doc__)
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if stale")
    parser.add_argument("--source", type=Path, default=SOURCE, help="the SVG to render")
    parser.add_argument("--out", type=Path, default=ROOT / "packaging", help="packaging folder")
    args = parser.parse_args(argv)
    _app = QGuiApplication.instance() or QGuiApplication([])
    try:
        files = build(args.source.read_bytes())
    except (OSError, ValueError) as error:
        print(f"make_icons.py: {args.source}: {error}", file=sys.stderr)
        return 1
    outdated = stale(files, args.out)
    if args.check:
        for path in outdated:
            print(f"make_icons.py: {path} is stale: run tools/make_icons.py", file=sys.stderr)
        return 1 if outdated else 0
    for path in outdated:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(files[path.relative_to(args.out)])
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
