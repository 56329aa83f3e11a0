"""Render the illustrations that accompany the bundled sample edition.

Every picture is painted procedurally with ``QPainter``: gradients, noise-shaped
silhouettes, reflections and a handful of simple shapes.  No external data is
read, and each scene draws from its own ``random.Random`` seeded from the photo
name, so running the script again reproduces the same files byte for byte.

Run from the repository root::

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/render_sample_photos.py

It writes ``desktop/resources/sample/photos/<name>.jpg`` (1200x675) and a 160x90
thumbnail of each under ``desktop/resources/sample/photos/thumbs/``.
"""

from __future__ import annotations

import itertools
import math
import os
import random
import sys
import zlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QGuiApplication,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QRadialGradient,
)

WIDTH = 1200
HEIGHT = 675
THUMB_WIDTH = 160
THUMB_HEIGHT = 90
PHOTO_QUALITY = 82
THUMB_QUALITY = 80
ROOT = Path(__file__).resolve().parent.parent
PHOTO_DIR = ROOT / "desktop" / "resources" / "sample" / "photos"
THUMB_DIR = PHOTO_DIR / "thumbs"

Stops = Sequence[tuple[float, str]]
Scene = Callable[[QImage, random.Random], None]


# --------------------------------------------------------------------------- basics


def colour(spec: str, alpha: int = 255) -> QColor:
    """Return ``spec`` (a ``#rrggbb`` string) as a colour with the given alpha."""
    result = QColor(spec)
    result.setAlpha(alpha)
    return result


def mix(first: str, second: str, amount: float) -> str:
    """Blend two ``#rrggbb`` colours; ``amount`` 0 gives ``first``, 1 gives ``second``."""
    a, b = QColor(first), QColor(second)
    channels = (
        round(a.red() + (b.red() - a.red()) * amount),
        round(a.green() + (b.green() - a.green()) * amount),
        round(a.blue() + (b.blue() - a.blue()) * amount),
    )
    return "#{:02x}{:02x}{:02x}".format(*channels)


@contextmanager
def painting(image: QImage) -> Iterator[QPainter]:
    """Yield an antialiased painter on ``image`` and end it afterwards."""
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.setPen(Qt.PenStyle.NoPen)
    try:
        yield painter
    finally:
        painter.end()


def new_layer() -> QImage:
    """Return a transparent full-size layer for objects that need reflections."""
    layer = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32_Premultiplied)
    layer.fill(Qt.GlobalColor.transparent)
    return layer


def gradient(y0: float, y1: float, stops: Stops, alpha: int = 255) -> QLinearGradient:
    """Return a vertical gradient from ``y0`` to ``y1`` through ``stops``."""
    result = QLinearGradient(0, y0, 0, y1)
    for position, spec in stops:
        result.setColorAt(position, colour(spec, alpha))
    return result


def fill_band(painter: QPainter, y0: float, y1: float, stops: Stops) -> None:
    """Fill the full-width band between ``y0`` and ``y1`` with a vertical gradient."""
    painter.fillRect(QRectF(0, y0, WIDTH, y1 - y0), QBrush(gradient(y0, y1, stops)))


def glow(painter: QPainter, centre: QPointF, radius: float, spec: str, alpha: int) -> None:
    """Paint a soft radial glow that fades to nothing at ``radius``."""
    halo = QRadialGradient(centre, radius)
    halo.setColorAt(0.0, colour(spec, alpha))
    halo.setColorAt(0.35, colour(spec, alpha // 3))
    halo.setColorAt(1.0, colour(spec, 0))
    painter.setBrush(QBrush(halo))
    painter.drawEllipse(centre, radius, radius)


def disc(painter: QPainter, centre: QPointF, radius: float, spec: str, alpha: int = 255) -> None:
    """Paint a filled circle."""
    painter.setBrush(colour(spec, alpha))
    painter.drawEllipse(centre, radius, radius)


def polygon(painter: QPainter, points: Sequence[tuple[float, float]], brush: QBrush) -> None:
    """Fill the polygon through ``points`` with ``brush``."""
    painter.setBrush(brush)
    painter.drawPolygon(QPolygonF([QPointF(x, y) for x, y in points]))


def rect(painter: QPainter, x: float, y: float, w: float, h: float, spec: str) -> None:
    """Fill an axis-aligned rectangle with a flat colour."""
    painter.fillRect(QRectF(x, y, w, h), colour(spec))


def sunlight(image: QImage, centre: QPointF, radius: float, spec: str, alpha: int) -> None:
    """Wash the picture with soft light spreading from ``centre`` (screen blend)."""
    with painting(image) as painter:
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Screen)
        wash = QRadialGradient(centre, radius)
        wash.setColorAt(0.0, colour(spec, alpha))
        wash.setColorAt(1.0, colour(spec, 0))
        painter.fillRect(QRectF(0, 0, WIDTH, HEIGHT), QBrush(wash))


def noise_image(rng: random.Random, width: int, height: int) -> QImage:
    """Return a greyscale image of uniform random noise."""
    data = rng.randbytes(width * height)
    return QImage(data, width, height, width, QImage.Format.Format_Grayscale8).copy()


def paper_texture(image: QImage, rng: random.Random, blotches: float, grain: float) -> None:
    """Overlay soft colour unevenness and a faint grain, like paint on paper."""
    soft = noise_image(rng, 60, 34).scaled(
        WIDTH,
        HEIGHT,
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    fine = noise_image(rng, WIDTH // 2, HEIGHT // 2).scaled(
        WIDTH,
        HEIGHT,
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    with painting(image) as painter:
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Overlay)
        painter.setOpacity(blotches)
        painter.drawImage(0, 0, soft)
        painter.setOpacity(grain)
        painter.drawImage(0, 0, fine)


def vignette(image: QImage, strength: int = 90) -> None:
    """Darken the corners slightly, like an old lens."""
    with painting(image) as painter:
        shade = QRadialGradient(QPointF(WIDTH / 2, HEIGHT * 0.45), WIDTH * 0.72)
        shade.setColorAt(0.55, QColor(0, 0, 0, 0))
        shade.setColorAt(1.0, QColor(0, 0, 0, strength))
        painter.fillRect(QRectF(0, 0, WIDTH, HEIGHT), QBrush(shade))


# --------------------------------------------------------------------------- noise and land


def noise_profile(rng: random.Random, samples: int, cells: int, octaves: int = 5) -> list[float]:
    """Return ``samples`` values of smooth fractal value noise in roughly [-1, 1]."""
    values = [0.0] * samples
    amplitude, total = 1.0, 0.0
    for _ in range(octaves):
        knots = [rng.uniform(-1.0, 1.0) for _ in range(cells + 2)]
        for i in range(samples):
            t = i / (samples - 1) * cells
            k = int(t)
            f = t - k
            f = f * f * (3 - 2 * f)
            values[i] += amplitude * (knots[k] * (1 - f) + knots[k + 1] * f)
        total += amplitude
        amplitude *= 0.5
        cells *= 2
    return [value / total for value in values]


def ridge_points(
    rng: random.Random,
    base_y: float,
    amplitude: float,
    cells: int = 3,
    envelope: Callable[[float], float] | None = None,
) -> list[QPointF]:
    """Return a noisy hill line across the image, one point every 4 pixels.

    ``envelope`` maps x in [0, 1] to a height factor, to shape islands or headlands.
    """
    step = 4
    samples = WIDTH // step + 1
    points = []
    for i, value in enumerate(noise_profile(rng, samples, cells)):
        x = i * step
        lift = (0.55 + 0.45 * value) * amplitude
        if envelope is not None:
            lift *= envelope(x / WIDTH)
        points.append(QPointF(x, base_y - lift))
    return points


def height_at(points: Sequence[QPointF], x: float) -> float:
    """Return the y of a hill line from :func:`ridge_points` at ``x``."""
    index = min(max(int(x // 4), 0), len(points) - 1)
    return float(points[index].y())


def ridge_path(points: Sequence[QPointF]) -> QPainterPath:
    """Return a closed path from a hill line down to the bottom edge."""
    path = QPainterPath(QPointF(0, HEIGHT))
    for point in points:
        path.lineTo(point)
    path.lineTo(WIDTH, HEIGHT)
    path.closeSubpath()
    return path


def hill(
    painter: QPainter,
    rng: random.Random,
    base_y: float,
    amplitude: float,
    stops: Stops,
    cells: int = 3,
    envelope: Callable[[float], float] | None = None,
) -> list[QPointF]:
    """Paint one layer of hills shaded from crest to ``base_y``; return its hill line."""
    points = ridge_points(rng, base_y, amplitude, cells, envelope)
    painter.setBrush(QBrush(gradient(base_y - amplitude, base_y + 40, stops)))
    painter.drawPath(ridge_path(points))
    return points


def bump(start: float, end: float) -> Callable[[float], float]:
    """Return an envelope that rises smoothly between ``start`` and ``end`` (fractions)."""

    def envelope(x: float) -> float:
        """Return the height factor at ``x``."""
        if x <= start or x >= end:
            return 0.0
        return float(math.sin(math.pi * (x - start) / (end - start)) ** 0.7)

    return envelope


# --------------------------------------------------------------------------- sky


def stars(painter: QPainter, rng: random.Random, count: int, max_y: float) -> None:
    """Scatter stars of varied brightness above ``max_y``, denser towards the top."""
    for _ in range(count):
        x = rng.uniform(0, WIDTH)
        y = max_y * rng.random() ** 1.4
        size = rng.choice((0.6, 0.8, 0.8, 1.0, 1.0, 1.3, 1.7))
        alpha = rng.randint(110, 255)
        tint = rng.choice(("#ffffff", "#fff4dc", "#dfe8ff"))
        disc(painter, QPointF(x, y), size, tint, alpha)
        if size > 1.5:
            glow(painter, QPointF(x, y), size * 6, tint, 70)


def cloud(
    painter: QPainter,
    rng: random.Random,
    centre: QPointF,
    width: float,
    stops: Stops,
    alpha: int = 255,
) -> None:
    """Paint a soft cumulus-like cloud from overlapping ellipses, lit from above."""
    top = centre.y() - width * 0.22
    painter.setBrush(QBrush(gradient(top, centre.y() + width * 0.08, stops, alpha)))
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    for _ in range(9):
        dx = rng.uniform(-0.42, 0.42) * width
        r = width * rng.uniform(0.1, 0.2) * (1.0 - abs(dx) / width)
        cy = centre.y() - r * rng.uniform(0.2, 0.6)
        path.addEllipse(QPointF(centre.x() + dx, cy), r * 1.3, r)
    painter.drawPath(path.simplified())


def streak_cloud(painter: QPainter, rng: random.Random, y: float, spec: str, alpha: int) -> None:
    """Paint a long thin evening cloud streak that fades out at both ends."""
    x = rng.uniform(-150, WIDTH - 250)
    for _ in range(3):
        length = rng.uniform(220, 560)
        left = x + rng.uniform(-80, 80)
        h = rng.uniform(4, 11)
        fade = QLinearGradient(left, 0, left + length, 0)
        fade.setColorAt(0.0, colour(spec, 0))
        fade.setColorAt(0.3, colour(spec, alpha))
        fade.setColorAt(0.7, colour(spec, alpha))
        fade.setColorAt(1.0, colour(spec, 0))
        painter.setBrush(QBrush(fade))
        painter.drawEllipse(QRectF(left, y + rng.uniform(-6, 6), length, h))


def moon(painter: QPainter, centre: QPointF, radius: float) -> None:
    """Paint a full moon with a halo and a few soft maria."""
    glow(painter, centre, radius * 9, "#c9d6ff", 60)
    glow(painter, centre, radius * 2.6, "#eef2ff", 90)
    disc(painter, centre, radius, "#f4f1e4")
    for dx, dy, r in (
        (-0.3, -0.2, 0.28),
        (0.25, 0.1, 0.2),
        (-0.05, 0.35, 0.18),
        (0.3, -0.35, 0.12),
    ):
        disc(
            painter,
            QPointF(centre.x() + dx * radius, centre.y() + dy * radius),
            r * radius,
            "#d6d2c4",
            150,
        )


def sun(painter: QPainter, centre: QPointF, radius: float, halo: str) -> None:
    """Paint a low sun with a wide warm halo."""
    glow(painter, centre, radius * 12, halo, 120)
    glow(painter, centre, radius * 3.5, "#fff3d6", 150)
    disc(painter, centre, radius, "#fff8e6")


def birds(painter: QPainter, rng: random.Random, area: QRectF, count: int, spec: str) -> None:
    """Draw small gull shapes (two arcs) scattered in ``area``."""
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for _ in range(count):
        x = rng.uniform(area.left(), area.right())
        y = rng.uniform(area.top(), area.bottom())
        s = rng.uniform(5, 11)
        painter.setPen(
            QPen(colour(spec, 220), max(1.2, s / 5), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        )
        wing = QPainterPath(QPointF(x - s, y - s * 0.2))
        wing.quadTo(x - s * 0.5, y - s * 0.7, x, y)
        wing.quadTo(x + s * 0.5, y - s * 0.7, x + s, y - s * 0.2)
        painter.drawPath(wing)
    painter.setPen(Qt.PenStyle.NoPen)


# --------------------------------------------------------------------------- water


def mirror_rows(
    target: QImage,
    source: QImage,
    waterline: int,
    rng: random.Random,
    opacity: float,
    ripple: float,
) -> None:
    """Draw ``source`` mirrored below ``waterline`` with rippled, broken rows."""
    phase = rng.uniform(0, math.tau)
    depth = HEIGHT - waterline
    with painting(target) as painter:
        painter.setOpacity(opacity)
        for y in range(waterline, HEIGHT):
            d = y - waterline
            sy = waterline - 1 - d
            if sy < 0:
                break
            reach = 0.25 + d / depth
            shift = ripple * reach * (math.sin(d * 0.55 + phase) + rng.uniform(-0.8, 0.8))
            row = QRectF(shift - 16, y, WIDTH + 32, 1)
            painter.drawImage(row, source, QRectF(0, sy, WIDTH, 1))


def water(image: QImage, horizon: int, rng: random.Random, stops: Stops, tint: int) -> None:
    """Turn everything below ``horizon`` into water reflecting the scene above it."""
    snapshot = image.copy()
    with painting(image) as painter:
        fill_band(painter, horizon, HEIGHT, stops)
    mirror_rows(image, snapshot, horizon, rng, 0.85, 6.0)
    with painting(image) as painter:
        painter.fillRect(
            QRectF(0, horizon, WIDTH, HEIGHT - horizon),
            QBrush(gradient(horizon, HEIGHT, stops, tint)),
        )


def reflect_layer(
    image: QImage, layer: QImage, waterline: int, rng: random.Random, opacity: float = 0.55
) -> None:
    """Reflect the objects on ``layer`` below ``waterline`` and then paint the layer."""
    mirror_rows(image, layer, waterline, rng, opacity, 4.0)
    with painting(image) as painter:
        painter.drawImage(0, 0, layer)


def glints(
    painter: QPainter,
    rng: random.Random,
    centre_x: float,
    top: float,
    bottom: float,
    spread: float,
    spec: str,
    count: int,
) -> None:
    """Scatter short horizontal sparkles on water below a light source."""
    for _ in range(count):
        t = rng.random()
        y = top + (bottom - top) * t**1.6
        width = spread * (0.2 + t)
        x = centre_x + rng.gauss(0, width * 0.35)
        length = rng.uniform(6, 30) * (0.4 + t)
        painter.setBrush(colour(spec, rng.randint(60, 190)))
        painter.drawRoundedRect(QRectF(x - length / 2, y, length, 1.2 + t * 2), 1, 1)


def wavelets(
    painter: QPainter, rng: random.Random, top: float, bottom: float, spec: str, count: int
) -> None:
    """Scatter faint horizontal wave lines that grow towards the viewer."""
    for _ in range(count):
        t = rng.random()
        y = top + (bottom - top) * t
        length = 10 + 60 * t * rng.random()
        x = rng.uniform(-20, WIDTH)
        painter.setBrush(colour(spec, rng.randint(25, 70)))
        painter.drawRoundedRect(QRectF(x, y, length, 1 + 2 * t), 1, 1)


# --------------------------------------------------------------------------- buildings


def house(
    painter: QPainter,
    rng: random.Random,
    x: float,
    base_y: float,
    w: float,
    h: float,
    wall: str,
    roof: str,
    lit: float,
) -> None:
    """Paint a gabled house; ``lit`` is the chance that each window glows."""
    rect(painter, x, base_y - h, w, h, wall)
    rect(painter, x + w * 0.8, base_y - h, w * 0.2, h, mix(wall, "#000000", 0.18))
    pitch = min(w * 0.45, 40)
    polygon(
        painter,
        [(x - 3, base_y - h), (x + w / 2, base_y - h - pitch), (x + w + 3, base_y - h)],
        QBrush(colour(roof)),
    )
    rect(painter, x + w * 0.65, base_y - h - pitch * 0.9, 6, pitch * 0.6, mix(roof, "#000000", 0.2))
    columns = max(1, int(w // 22))
    rows = max(1, int(h // 30))
    gap = w / columns
    for row in range(rows):
        for col in range(columns):
            glowing = rng.random() < lit
            pane = "#ffd07a" if glowing else mix(wall, "#1c2233", 0.55)
            wx = x + gap * col + gap * 0.3
            wy = base_y - h + 10 + row * 30
            rect(painter, wx, wy, gap * 0.4, 14, pane)
            if glowing:
                glow(painter, QPointF(wx + gap * 0.2, wy + 7), 22, "#ffc46b", 60)


def row_of_houses(
    painter: QPainter,
    rng: random.Random,
    x0: float,
    x1: float,
    base_y: float,
    walls: Sequence[str],
    shade: str,
    amount: float,
    lit: float,
    scale: float = 1.0,
) -> None:
    """Paint a terrace of houses between ``x0`` and ``x1`` with walls tinted by ``shade``."""
    x = x0
    while x < x1:
        w = rng.uniform(48, 78) * scale
        h = rng.uniform(62, 110) * scale
        wall = mix(rng.choice(walls), shade, amount)
        roof = mix(rng.choice(("#5b4a52", "#3e4a5c", "#6b4e3d")), shade, amount * 0.6)
        house(painter, rng, x, base_y, w, h, wall, roof, lit)
        x += w + rng.uniform(0, 4)


def lighthouse(painter: QPainter, x: float, base_y: float, h: float, lit: bool) -> None:
    """Paint a small striped lighthouse, optionally with its lamp shining."""
    w0, w1 = h * 0.22, h * 0.14
    polygon(
        painter,
        [
            (x - w0 / 2, base_y),
            (x - w1 / 2, base_y - h),
            (x + w1 / 2, base_y - h),
            (x + w0 / 2, base_y),
        ],
        QBrush(colour("#efe8de")),
    )
    for band in (0.25, 0.65):
        yb = base_y - h * band
        half = (w0 + (w1 - w0) * band) / 2
        rect(painter, x - half, yb - h * 0.12, half * 2, h * 0.12, "#b7423a")
    rect(painter, x - w1 * 0.45, base_y - h - h * 0.14, w1 * 0.9, h * 0.14, "#2f3340")
    polygon(
        painter,
        [
            (x - w1 * 0.6, base_y - h * 1.14),
            (x, base_y - h * 1.3),
            (x + w1 * 0.6, base_y - h * 1.14),
        ],
        QBrush(colour("#2f3340")),
    )
    if lit:
        glow(painter, QPointF(x, base_y - h * 1.07), h * 0.9, "#fff1b8", 200)


# --------------------------------------------------------------------------- ferry scene


def ferry_hull(painter: QPainter, x: float, waterline: float, length: float) -> None:
    """Paint the hull of a small motor ferry heading to the right."""
    top = waterline - length * 0.11
    hull = [
        (x, top + 4),
        (x + length * 0.9, top),
        (x + length, top - length * 0.03),
        (x + length * 0.9, waterline),
        (x + length * 0.06, waterline),
        (x - 2, top + 14),
    ]
    shade = QLinearGradient(x, 0, x + length, 0)
    shade.setColorAt(0.0, colour("#cdbfc0"))
    shade.setColorAt(1.0, colour("#fbefe2"))
    polygon(painter, hull, QBrush(shade))
    band = [
        (x + length * 0.03, waterline - length * 0.035),
        (x + length * 0.95, waterline - length * 0.045),
        (x + length * 0.9, waterline),
        (x + length * 0.06, waterline),
    ]
    polygon(painter, band, QBrush(colour("#1f2f55")))
    stripe = QRectF(x + length * 0.02, top + length * 0.03, length * 0.93, length * 0.012)
    painter.fillRect(stripe, colour("#b63a32"))


def ferry_upperworks(painter: QPainter, x: float, waterline: float, length: float) -> None:
    """Paint the saloon, wheelhouse, funnel and mast of the ferry."""
    deck = waterline - length * 0.11
    saloon_h, wheel_h = length * 0.075, length * 0.07
    rect(painter, x + length * 0.12, deck - saloon_h, length * 0.58, saloon_h, "#f3e6d8")
    for i in range(9):
        wx = x + length * (0.15 + i * 0.06)
        rect(painter, wx, deck - saloon_h * 0.72, length * 0.035, saloon_h * 0.38, "#ffcf7d")
    wheel_x = x + length * 0.55
    rect(painter, wheel_x, deck - saloon_h - wheel_h, length * 0.2, wheel_h, "#faeee0")
    rect(
        painter,
        wheel_x + length * 0.02,
        deck - saloon_h - wheel_h * 0.72,
        length * 0.16,
        wheel_h * 0.32,
        "#2c3a5e",
    )
    funnel_x = x + length * 0.3
    funnel = [
        (funnel_x, deck - saloon_h),
        (funnel_x + length * 0.02, deck - saloon_h - length * 0.13),
        (funnel_x + length * 0.1, deck - saloon_h - length * 0.13),
        (funnel_x + length * 0.09, deck - saloon_h),
    ]
    polygon(painter, funnel, QBrush(colour("#b8392f")))
    rect(
        painter,
        funnel_x + length * 0.018,
        deck - saloon_h - length * 0.13,
        length * 0.083,
        length * 0.025,
        "#22242c",
    )
    painter.setPen(QPen(colour("#3a3340"), 2.0))
    mast_x = wheel_x + length * 0.1
    painter.drawLine(
        QPointF(mast_x, deck - saloon_h - wheel_h),
        QPointF(mast_x, deck - saloon_h - wheel_h - length * 0.12),
    )
    painter.setPen(Qt.PenStyle.NoPen)
    glow(painter, QPointF(mast_x, deck - saloon_h - wheel_h - length * 0.12), 10, "#fff2c2", 230)


def wake(painter: QPainter, rng: random.Random, x: float, waterline: float, length: float) -> None:
    """Paint foam trailing behind the ferry and a bow wave."""
    for i in range(26):
        t = i / 25
        y = waterline + 2 + t * 26 + rng.uniform(-2, 2)
        span = length * (0.15 + t * 0.9)
        painter.setBrush(colour("#fff6ea", int(170 * (1 - t)) + 20))
        painter.drawRoundedRect(QRectF(x - span, y, span * rng.uniform(0.4, 0.9), 2.5), 1, 1)
    painter.setBrush(colour("#fffaf0", 200))
    painter.drawEllipse(QRectF(x + length * 0.82, waterline - 4, length * 0.2, 9))


def ferry_scene(image: QImage, rng: random.Random) -> None:
    """Dawn in the harbour: the ferry leaves the quay for the island."""
    horizon = 400
    with painting(image) as painter:
        fill_band(
            painter,
            0,
            horizon,
            [(0.0, "#22305c"), (0.42, "#6b5d8f"), (0.78, "#e3a07e"), (1.0, "#f8d9a6")],
        )
        for y in (140, 190, 232, 268, 300, 330):
            streak_cloud(painter, rng, y, "#f6b9a0", 70)
        sun(painter, QPointF(890, 372), 30, "#ffcf94")
        hill(
            painter, rng, horizon + 2, 95, [(0.0, "#8e7d9b"), (1.0, "#a48ea0")], 2, bump(0.0, 0.55)
        )
        hill(
            painter, rng, horizon + 2, 40, [(0.0, "#7b6f92"), (1.0, "#8f7f9b")], 3, bump(0.72, 1.2)
        )
        lighthouse(painter, 1090, horizon - 12, 44, True)
    water(image, horizon, rng, [(0.0, "#a78aa0"), (0.5, "#5b5a85"), (1.0, "#2c3458")], 120)
    with painting(image) as painter:
        glints(painter, rng, 890, horizon + 2, HEIGHT, 160, "#ffe3b0", 260)
        wavelets(painter, rng, horizon + 10, HEIGHT, "#f9dcc0", 220)
    boat = new_layer()
    with painting(boat) as painter:
        ferry_upperworks(painter, 560, 470, 330)
        ferry_hull(painter, 560, 470, 330)
    reflect_layer(image, boat, 470, rng)
    with painting(image) as painter:
        wake(painter, rng, 560, 470, 330)
    quay_front(image, rng)
    with painting(image) as painter:
        birds(painter, rng, QRectF(300, 120, 500, 170), 7, "#3a3048")
    vignette(image)


def quay_front(image: QImage, rng: random.Random) -> None:
    """Paint the north quay with its terrace of harbour houses on the left."""
    waterline = 560
    layer = new_layer()
    with painting(layer) as painter:
        row_of_houses(
            painter,
            rng,
            -20,
            430,
            waterline - 62,
            ("#d9a58f", "#e8d3a8", "#a9c3c9", "#c9a9c4", "#e7e0d2"),
            "#3a3552",
            0.45,
            0.4,
        )
        quay = [(-10, waterline - 62), (440, waterline - 62), (470, waterline), (-10, waterline)]
        polygon(
            painter,
            quay,
            QBrush(gradient(waterline - 62, waterline, [(0.0, "#6d5f6e"), (1.0, "#3b3346")])),
        )
        for i in range(14):
            x = i * 34 - 5
            rect(painter, x, waterline - 62, 1.5, 62, "#4a3f52")
        for i in range(4):
            rect(painter, 30 + i * 110, waterline - 74, 6, 12, "#2d2838")
    reflect_layer(image, layer, waterline, rng, 0.6)


# --------------------------------------------------------------------------- figures and plants


def person(
    painter: QPainter, x: float, base_y: float, h: float, spec: str, lean: float = 0.0
) -> None:
    """Paint a standing figure in silhouette, ``h`` pixels tall."""
    painter.setBrush(colour(spec))
    head = h * 0.12
    painter.drawEllipse(QPointF(x + lean * h * 0.1, base_y - h + head), head * 0.85, head)
    body = QPainterPath(QPointF(x - h * 0.13, base_y - h * 0.45))
    body.quadTo(x - h * 0.15, base_y - h * 0.78, x + lean * h * 0.08, base_y - h * 0.78)
    body.quadTo(x + h * 0.15, base_y - h * 0.78, x + h * 0.13, base_y - h * 0.45)
    body.lineTo(x + h * 0.09, base_y)
    body.lineTo(x + h * 0.02, base_y)
    body.lineTo(x, base_y - h * 0.3)
    body.lineTo(x - h * 0.02, base_y)
    body.lineTo(x - h * 0.09, base_y)
    body.closeSubpath()
    painter.drawPath(body)


def seated_person(painter: QPainter, x: float, base_y: float, h: float, spec: str) -> None:
    """Paint a figure leaning back in a camping chair, looking up."""
    painter.setPen(QPen(colour(spec), max(1.5, h * 0.05)))
    painter.drawLine(QPointF(x - h * 0.3, base_y), QPointF(x + h * 0.1, base_y - h * 0.35))
    painter.drawLine(QPointF(x + h * 0.3, base_y), QPointF(x - h * 0.05, base_y - h * 0.35))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour(spec))
    body = QPainterPath(QPointF(x - h * 0.35, base_y - h * 0.8))
    body.quadTo(x - h * 0.1, base_y - h * 0.55, x + h * 0.15, base_y - h * 0.35)
    body.lineTo(x + h * 0.5, base_y - h * 0.25)
    body.lineTo(x + h * 0.5, base_y - h * 0.1)
    body.lineTo(x - h * 0.05, base_y - h * 0.18)
    body.quadTo(x - h * 0.45, base_y - h * 0.45, x - h * 0.45, base_y - h * 0.72)
    body.closeSubpath()
    painter.drawPath(body)
    painter.drawEllipse(QPointF(x - h * 0.42, base_y - h * 0.86), h * 0.11, h * 0.12)


def conifer(painter: QPainter, x: float, base_y: float, h: float, spec: str) -> None:
    """Paint a layered fir tree in silhouette."""
    painter.setBrush(colour(spec))
    for tier in range(4):
        top = base_y - h + tier * h * 0.2
        width = h * (0.16 + tier * 0.07)
        polygon(
            painter,
            [(x, top), (x + width, top + h * 0.34), (x - width, top + h * 0.34)],
            QBrush(colour(spec)),
        )
    rect(painter, x - h * 0.03, base_y - h * 0.08, h * 0.06, h * 0.08, spec)


def round_tree(
    painter: QPainter, rng: random.Random, x: float, base_y: float, h: float, dark: str, light: str
) -> None:
    """Paint a deciduous tree as a cluster of blobs, lit from the upper left."""
    rect(painter, x - h * 0.04, base_y - h * 0.45, h * 0.08, h * 0.45, mix(dark, "#000000", 0.3))
    crown = QPointF(x, base_y - h * 0.62)
    for i in range(9):
        angle = rng.uniform(0, math.tau)
        dist = rng.uniform(0, h * 0.22)
        cx = crown.x() + math.cos(angle) * dist
        cy = crown.y() + math.sin(angle) * dist * 0.8
        r = h * rng.uniform(0.14, 0.22)
        shade = QLinearGradient(cx - r, cy - r, cx + r, cy + r)
        shade.setColorAt(0.0, colour(mix(light, dark, i / 14)))
        shade.setColorAt(1.0, colour(dark))
        painter.setBrush(QBrush(shade))
        painter.drawEllipse(QPointF(cx, cy), r, r)


def beam(
    painter: QPainter, apex: QPointF, target: QPointF, spread: float, spec: str, alpha: int
) -> None:
    """Paint a cone of light from ``apex`` widening to ``spread`` around ``target``."""
    dx, dy = target.x() - apex.x(), target.y() - apex.y()
    length = math.hypot(dx, dy)
    nx, ny = -dy / length * spread, dx / length * spread
    light = QLinearGradient(apex, target)
    light.setColorAt(0.0, colour(spec, alpha))
    light.setColorAt(1.0, colour(spec, 0))
    polygon(
        painter,
        [
            (apex.x(), apex.y()),
            (target.x() + nx, target.y() + ny),
            (target.x() - nx, target.y() - ny),
        ],
        QBrush(light),
    )


# --------------------------------------------------------------------------- meteor scene


def milky_way(
    painter: QPainter, rng: random.Random, start: QPointF, end: QPointF, width: float
) -> None:
    """Paint a faint band of glowing dust and dense small stars between two points."""
    for _ in range(90):
        t = rng.random()
        offset = rng.gauss(0, width * 0.35)
        x = start.x() + (end.x() - start.x()) * t - offset * 0.5
        y = start.y() + (end.y() - start.y()) * t + offset
        tint = rng.choice(("#9fb3ff", "#c8b8ff", "#ffe6cc"))
        glow(painter, QPointF(x, y), rng.uniform(30, 90), tint, rng.randint(10, 22))
    for _ in range(900):
        t = rng.random()
        offset = rng.gauss(0, width * 0.3)
        x = start.x() + (end.x() - start.x()) * t - offset * 0.5
        y = start.y() + (end.y() - start.y()) * t + offset
        disc(painter, QPointF(x, y), rng.uniform(0.4, 0.9), "#f2f0ff", rng.randint(60, 200))


def meteor(
    painter: QPainter, head: QPointF, angle: float, length: float, spec: str, width: float
) -> None:
    """Paint a meteor trail: a tapering streak brightening towards its head."""
    tail = QPointF(head.x() - math.cos(angle) * length, head.y() - math.sin(angle) * length)
    nx, ny = -math.sin(angle) * width, math.cos(angle) * width
    trail = QLinearGradient(tail, head)
    trail.setColorAt(0.0, colour(spec, 0))
    trail.setColorAt(0.8, colour(spec, 150))
    trail.setColorAt(1.0, colour("#ffffff", 255))
    polygon(
        painter,
        [(tail.x(), tail.y()), (head.x() + nx, head.y() + ny), (head.x() - nx, head.y() - ny)],
        QBrush(trail),
    )
    glow(painter, head, width * 7, spec, 160)


def meteor_shower(painter: QPainter, rng: random.Random, radiant: QPointF) -> None:
    """Paint several meteors that all point away from one radiant."""
    for _ in range(7):
        angle = rng.uniform(-0.1, 1.1)
        start = rng.uniform(90, 420)
        head = QPointF(radiant.x() + math.cos(angle) * start, radiant.y() + math.sin(angle) * start)
        meteor(painter, head, angle, rng.uniform(60, 150), "#dfe9ff", rng.uniform(1.2, 2.2))
    meteor(painter, QPointF(1010, 330), 0.55, 170, "#b6ffcf", 3.4)


def breakwater(painter: QPainter) -> None:
    """Paint the stone breakwater running out from the lower left corner."""
    top = [(-20, 585), (780, 468), (790, 470), (-20, 628)]
    polygon(painter, top, QBrush(gradient(468, 628, [(0.0, "#46526f"), (1.0, "#2b3450")])))
    face = [(-20, 628), (790, 470), (790, 486), (-20, 700)]
    polygon(painter, face, QBrush(gradient(470, 700, [(0.0, "#1f2740"), (1.0, "#101526")])))
    painter.setPen(QPen(colour("#2a3350"), 1.2))
    for i in range(1, 24):
        t = i / 24
        x = -20 + 810 * t**1.3
        y0 = 628 - (628 - 470) * (x + 20) / 810
        painter.drawLine(QPointF(x, y0), QPointF(x, y0 + 70 * (1 - t) + 14))
    painter.setPen(Qt.PenStyle.NoPen)
    rect(painter, 770, 440, 8, 30, "#2a2f3f")
    glow(painter, QPointF(774, 438), 26, "#7dffb0", 200)
    disc(painter, QPointF(774, 438), 3, "#d8ffe6")


def watchers(painter: QPainter) -> None:
    """Paint the volunteers on the breakwater, one with a red torch."""
    spec = "#0c0f1c"
    for x, h in ((140, 70), (260, 58), (520, 40)):
        seated_person(painter, x, 600 - (x + 20) * 0.145 + 4, h, spec)
    person(painter, 360, 588 - 380 * 0.145 + 4, 78, spec, 0.6)
    person(painter, 620, 600 - 640 * 0.145, 44, spec)
    glow(painter, QPointF(372, 515), 30, "#ff3b2f", 150)
    disc(painter, QPointF(372, 515), 2.5, "#ff8c7a")


def meteors_scene(image: QImage, rng: random.Random) -> None:
    """A clear night on the east breakwater with the Leonids overhead."""
    horizon = 430
    with painting(image) as painter:
        fill_band(
            painter,
            0,
            horizon,
            [(0.0, "#060a1c"), (0.55, "#13224a"), (0.9, "#2a4870"), (1.0, "#3d6384")],
        )
        milky_way(painter, rng, QPointF(1250, -40), QPointF(250, 470), 120)
        stars(painter, rng, 1100, horizon - 10)
        meteor_shower(painter, rng, QPointF(170, 40))
        island = hill(
            painter, rng, horizon + 1, 60, [(0.0, "#1b2740"), (1.0, "#202f4c")], 2, bump(0.5, 1.0)
        )
        lighthouse(painter, 1040, height_at(island, 1040) + 6, 36, True)
    water(image, horizon, rng, [(0.0, "#2a4565"), (0.5, "#142540"), (1.0, "#080f22")], 110)
    with painting(image) as painter:
        wavelets(painter, rng, horizon + 5, HEIGHT, "#9fb7e0", 160)
        breakwater(painter)
        watchers(painter)
    vignette(image, 120)


# --------------------------------------------------------------------------- night train scene


def knoll(painter: QPainter, points: Sequence[tuple[float, float]], spec: str) -> None:
    """Fill a smooth foreground slope through four points down to the bottom edge."""
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = points
    path = QPainterPath(QPointF(x0, HEIGHT + 10))
    path.lineTo(x0, y0)
    path.cubicTo(x1, y1, x2, y2, x3, y3)
    path.lineTo(x3, HEIGHT + 10)
    path.closeSubpath()
    painter.setBrush(colour(spec))
    painter.drawPath(path)


def viaduct(painter: QPainter, deck: float, waterline: float) -> None:
    """Paint a many-arched stone viaduct whose deck top is at ``deck``."""
    body = QPainterPath()
    body.addRect(QRectF(-10, deck, WIDTH + 20, waterline - deck))
    arches = QPainterPath()
    arches.setFillRule(Qt.FillRule.WindingFill)
    spacing, pier = 100.0, 24.0
    radius = (spacing - pier) / 2
    spring = deck + 62
    x = -40.0
    while x < WIDTH + 40:
        left = x + pier / 2
        arches.addRect(QRectF(left, spring, spacing - pier, waterline - spring + 2))
        arches.addEllipse(QPointF(left + radius, spring), radius, radius)
        x += spacing
    stone = gradient(deck, waterline, [(0.0, "#65709a"), (0.3, "#4a5582"), (1.0, "#2c355c")])
    painter.setBrush(QBrush(stone))
    painter.drawPath(body.subtracted(arches.simplified()))
    rect(painter, -10, deck - 6, WIDTH + 20, 6, "#56638f")
    rect(painter, -10, deck, WIDTH + 20, 3, "#1c2342")


def carriage(painter: QPainter, rng: random.Random, x: float, rail: float, length: float) -> None:
    """Paint one sleeping car with a row of lit and curtained windows."""
    h = 30.0
    painter.setBrush(QBrush(gradient(rail - h, rail, [(0.0, "#1f3a4a"), (1.0, "#0e1a26")])))
    painter.drawRoundedRect(QRectF(x, rail - h - 4, length, h), 5, 5)
    rect(painter, x + 3, rail - h - 4, length - 6, 2, "#6f8fa0")
    count = int(length // 15)
    for i in range(count):
        warm = rng.choice(("#ffd98f", "#ffd98f", "#f3b266", "#c9844c"))
        wx = x + 8 + i * (length - 16) / count
        rect(painter, wx, rail - h + 4, 8, 9, warm)
    glow(painter, QPointF(x + length / 2, rail - h / 2), length * 0.7, "#ffc070", 40)


def locomotive(painter: QPainter, x: float, rail: float) -> None:
    """Paint the locomotive with its headlight shining ahead to the right."""
    nose = QPainterPath(QPointF(x, rail - 4))
    nose.lineTo(x, rail - 38)
    nose.lineTo(x + 70, rail - 38)
    nose.quadTo(x + 96, rail - 34, x + 100, rail - 4)
    nose.closeSubpath()
    painter.setBrush(QBrush(gradient(rail - 38, rail, [(0.0, "#8a2f2f"), (1.0, "#401822")])))
    painter.drawPath(nose)
    rect(painter, x + 72, rail - 32, 16, 9, "#a9c2e6")
    beam(painter, QPointF(x + 98, rail - 12), QPointF(x + 420, rail - 10), 60, "#fff1c8", 110)
    glow(painter, QPointF(x + 98, rail - 12), 26, "#fff6da", 230)


def train(painter: QPainter, rng: random.Random, front: float, rail: float) -> None:
    """Paint a sleeper train of six cars led by its locomotive at ``front``."""
    length, gap = 118.0, 6.0
    for i in range(6):
        carriage(painter, rng, front - (i + 1) * (length + gap), rail, length)
    locomotive(painter, front, rail)


def town_lights(painter: QPainter, rng: random.Random, area: QRectF, count: int) -> None:
    """Scatter warm lit windows and street lamps across ``area``."""
    for _ in range(count):
        x = rng.gauss(area.center().x(), area.width() / 4)
        y = rng.uniform(area.top(), area.bottom())
        spec = rng.choice(("#ffd184", "#ffbf66", "#fff0c4"))
        glow(painter, QPointF(x, y), rng.uniform(5, 12), spec, 110)
        disc(painter, QPointF(x, y), rng.uniform(0.8, 1.6), spec)


def night_train_scene(image: QImage, rng: random.Random) -> None:
    """The sleeper crossing the Wendle viaduct under a full moon."""
    waterline = 590
    with painting(image) as painter:
        fill_band(
            painter,
            0,
            waterline,
            [(0.0, "#070d26"), (0.5, "#17285a"), (0.85, "#2f4a80"), (1.0, "#3a5a8c")],
        )
        stars(painter, rng, 600, 460)
        moon(painter, QPointF(930, 120), 34)
        hill(painter, rng, 520, 190, [(0.0, "#22325e"), (1.0, "#1b2a52")], 2)
        hill(painter, rng, 575, 120, [(0.0, "#15203f"), (1.0, "#111a36")], 3)
        town_lights(painter, rng, QRectF(200, 520, 700, 60), 70)
        viaduct(painter, 372, waterline)
        train(painter, rng, 830, 366)
    water(image, waterline, rng, [(0.0, "#2b3f6c"), (1.0, "#0b1430")], 90)
    with painting(image) as painter:
        glints(painter, rng, 930, waterline + 4, HEIGHT, 90, "#e9efff", 90)
        knoll(painter, [(-10, 540), (140, 560), (330, 640), (430, 690)], "#0a1024")
        knoll(painter, [(1210, 520), (1120, 560), (980, 650), (900, 690)], "#0a1024")
        for x, h in ((40, 120), (95, 90), (150, 70), (1110, 110), (1160, 140)):
            conifer(painter, x, 560 + h * 0.35, h, "#070b1c")
        person(painter, 250, 608, 52, "#070b1a")
        person(painter, 272, 611, 46, "#070b1a", -0.3)
    vignette(image, 110)


# --------------------------------------------------------------------------- wind scene


def blade(painter: QPainter, hub: QPointF, angle: float, length: float, spec: str) -> None:
    """Paint one slender turbine blade pointing along ``angle`` from ``hub``."""
    dx, dy = math.cos(angle), math.sin(angle)
    px, py = -dy, dx
    w = length * 0.055
    points = [
        (hub.x() + px * w * 0.6, hub.y() + py * w * 0.6),
        (hub.x() + dx * length * 0.22 + px * w, hub.y() + dy * length * 0.22 + py * w),
        (hub.x() + dx * length, hub.y() + dy * length),
        (
            hub.x() + dx * length * 0.25 - px * w * 0.35,
            hub.y() + dy * length * 0.25 - py * w * 0.35,
        ),
        (hub.x() - px * w * 0.6, hub.y() - py * w * 0.6),
    ]
    polygon(painter, points, QBrush(colour(spec)))


def turbine(painter: QPainter, x: float, base_y: float, h: float, angle: float) -> None:
    """Paint a three-bladed wind turbine lit from the left by a low sun."""
    light = QLinearGradient(x - h * 0.03, 0, x + h * 0.03, 0)
    light.setColorAt(0.0, colour("#fff4e2"))
    light.setColorAt(1.0, colour("#aab3c4"))
    polygon(
        painter,
        [
            (x - h * 0.026, base_y),
            (x - h * 0.012, base_y - h),
            (x + h * 0.012, base_y - h),
            (x + h * 0.026, base_y),
        ],
        QBrush(light),
    )
    hub = QPointF(x, base_y - h)
    painter.setBrush(QBrush(light))
    painter.drawRoundedRect(
        QRectF(x - h * 0.035, hub.y() - h * 0.02, h * 0.1, h * 0.04), h * 0.015, h * 0.015
    )
    for k in range(3):
        blade(painter, hub, angle + k * math.tau / 3, h * 0.46, "#f1ece4")
    disc(painter, hub, h * 0.022, "#fbf4ea")


def sheep(
    painter: QPainter,
    rng: random.Random,
    points: Sequence[QPointF],
    x0: float,
    x1: float,
    depth: float,
) -> None:
    """Scatter tiny grazing sheep on a slope just below a hill line."""
    for _ in range(14):
        x = rng.uniform(x0, x1)
        y = height_at(points, x) + rng.uniform(12, depth)
        painter.setBrush(colour("#f4efe4"))
        painter.drawEllipse(QPointF(x, y), 3.2, 2.2)
        disc(painter, QPointF(x + 3, y - 0.5), 1.1, "#3b3530")


def field_lines(rng: random.Random, points: Sequence[QPointF], count: int) -> list[list[QPointF]]:
    """Return hill lines for field boundaries, spaced wider towards the viewer."""
    lines = [list(points)]
    for band in range(1, count):
        drop = 9 * band**1.5 + rng.uniform(-4, 4)
        lines.append(
            [QPointF(p.x(), p.y() + drop + 10 * math.sin(p.x() / 130 + band)) for p in points]
        )
    lines.append([QPointF(p.x(), HEIGHT + 20) for p in points])
    return lines


def field_patch(
    top: Sequence[QPointF], bottom: Sequence[QPointF], x0: float, x1: float
) -> QPolygonF:
    """Return the polygon between two field lines from ``x0`` to ``x1``."""
    upper = [p for p in top if x0 <= p.x() <= x1]
    lower = [p for p in bottom if x0 <= p.x() <= x1]
    return QPolygonF(upper + lower[::-1])


def fields(
    painter: QPainter, rng: random.Random, points: Sequence[QPointF], palette: Sequence[str]
) -> None:
    """Paint a patchwork of fields separated by hedgerows below a hill line."""
    lines = field_lines(rng, points, 10)
    hedge = QPen(colour("#44562f", 210), 2.5)
    for top, bottom in itertools.pairwise(lines):
        cuts = sorted(rng.uniform(0, WIDTH) for _ in range(rng.randint(1, 3)))
        edges = [0.0, *cuts, float(WIDTH)]
        for x0, x1 in itertools.pairwise(edges):
            painter.setBrush(colour(rng.choice(palette)))
            painter.drawPolygon(field_patch(top, bottom, x0 - 4, x1 + 4))
        painter.setPen(hedge)
        for x in cuts:
            painter.drawLine(QPointF(x, height_at(top, x)), QPointF(x, height_at(bottom, x)))
        painter.drawPolyline(QPolygonF(top))
        painter.setPen(Qt.PenStyle.NoPen)


def wind_scene(image: QImage, rng: random.Random) -> None:
    """Hollow Ridge's three turbines turning in late afternoon light."""
    with painting(image) as painter:
        fill_band(
            painter,
            0,
            520,
            [(0.0, "#4f7db3"), (0.45, "#9dbad3"), (0.8, "#f2d7a4"), (1.0, "#f6c487")],
        )
        sun(painter, QPointF(190, 350), 30, "#ffd59a")
        for cx, cy, w in ((520, 120, 260), (900, 170, 200), (1120, 90, 160), (300, 200, 140)):
            cloud(painter, rng, QPointF(cx, cy), w, [(0.0, "#fff6e6"), (1.0, "#d7b4a8")], 235)
        hill(painter, rng, 470, 120, [(0.0, "#a7acc2"), (1.0, "#c2bcc0")], 4)
        ridge = hill(
            painter, rng, 480, 330, [(0.0, "#a9a86a"), (1.0, "#7b8a4f")], 2, bump(0.33, 1.6)
        )
        for x, h, a in ((640, 230, 0.4), (820, 215, 1.3), (1000, 200, 2.2)):
            turbine(painter, x, height_at(ridge, x) + 5, h, a)
        sheep(painter, rng, ridge, 500, 1150, 70)
        near = ridge_points(rng, 600, 110, 2)
        fields(painter, rng, near, ("#9aa85b", "#c9b56b", "#7f9650", "#b8a25c", "#8fa65a"))
        for x in (90, 230, 470, 1130):
            round_tree(
                painter, rng, x, height_at(near, x) + 30, rng.uniform(70, 110), "#3c5230", "#a9bd6e"
            )
        house(painter, rng, 900, height_at(near, 900) + 48, 74, 46, "#efe3cf", "#7a4a3a", 0.5)
    sunlight(image, QPointF(190, 350), 700, "#ffb566", 90)
    vignette(image, 70)


# --------------------------------------------------------------------------- saltmarsh scene


def marsh_texture(
    painter: QPainter, rng: random.Random, top: float, palette: Sequence[str]
) -> None:
    """Scatter soft patches and short strokes of vegetation, bigger towards the viewer."""
    for _ in range(40):
        t = rng.random()
        y = top + (HEIGHT - top) * t
        w = 80 + 400 * t
        painter.setBrush(colour(rng.choice(palette), 45))
        painter.drawEllipse(QRectF(rng.uniform(-100, WIDTH), y, w, w * 0.12))
    for _ in range(1600):
        t = rng.random() ** 0.8
        y = top + (HEIGHT - top) * t
        w = 8 + 70 * t * rng.uniform(0.5, 1.2)
        h = 1.2 + 5 * t * rng.uniform(0.5, 1.0)
        painter.setBrush(colour(rng.choice(palette), rng.randint(60, 150)))
        painter.drawEllipse(QRectF(rng.uniform(-30, WIDTH), y, w, h))


def creek(painter: QPainter, rng: random.Random, x0: float, top: float, drift: float) -> None:
    """Paint a winding tidal creek that widens from the estuary to the foreground."""
    wander = noise_profile(rng, 61, 3, 3)
    left, right = [], []
    for i, bend in enumerate(wander):
        t = i / 60
        y = top + (HEIGHT + 10 - top) * t
        x = x0 + drift * t + 260 * t * bend
        w = 1.5 + 30 * t**1.5
        left.append(QPointF(x - w, y))
        right.append(QPointF(x + w, y))
    mud = QPolygonF(
        [QPointF(p.x() - 2 - (p.y() - top) * 0.02, p.y()) for p in left]
        + [QPointF(p.x() + 2 + (p.y() - top) * 0.02, p.y()) for p in right[::-1]]
    )
    painter.setBrush(colour("#6a5a45"))
    painter.drawPolygon(mud)
    painter.setBrush(QBrush(gradient(top, HEIGHT, [(0.0, "#dce6e6"), (1.0, "#94b5cb")])))
    painter.drawPolygon(QPolygonF(left + right[::-1]))


def pools(painter: QPainter, rng: random.Random, top: float) -> None:
    """Scatter irregular pools of standing water on the marsh, reflecting the sky."""
    for _ in range(16):
        t = rng.random() ** 0.7
        y = top + (HEIGHT - top) * t
        x = rng.uniform(0, 650 + 400 * t)
        size = 14 + 90 * t * rng.uniform(0.5, 1.0)
        pool = QPainterPath()
        pool.setFillRule(Qt.FillRule.WindingFill)
        for _ in range(3):
            w = size * rng.uniform(0.5, 1.0)
            pool.addEllipse(
                QRectF(
                    x + rng.uniform(-0.4, 0.4) * size,
                    y + rng.uniform(-0.04, 0.04) * size,
                    w,
                    w * rng.uniform(0.08, 0.14),
                )
            )
        pool = pool.simplified()
        painter.setPen(QPen(colour("#5e5040", 190), 1.0 + 2 * t))
        painter.setBrush(QBrush(gradient(y, y + size * 0.12, [(0.0, "#a9c2d6"), (1.0, "#e3ecee")])))
        painter.drawPath(pool)
    painter.setPen(Qt.PenStyle.NoPen)


def embankment(painter: QPainter, rng: random.Random) -> None:
    """Paint the set-back grass embankment with its footpath, fence and bird hide."""
    near_top, near_toe = (WIDTH + 10, 452), (WIDTH + 10, 590)
    behind = [(640, 338), (WIDTH, 326), near_top]
    polygon(painter, behind, QBrush(gradient(326, 452, [(0.0, "#8e9a63"), (1.0, "#6d7d45")])))
    bank = [(640, 338), near_top, near_toe, (610, 344)]
    polygon(painter, bank, QBrush(gradient(338, 590, [(0.0, "#b3bb7f"), (1.0, "#8c9c58")])))
    polygon(
        painter,
        [(640, 337), near_top, (near_top[0], near_top[1] + 9), (640, 339)],
        QBrush(colour("#ddd4b4")),
    )
    for _ in range(160):
        t = rng.random()
        x = 640 + (WIDTH - 640) * t
        y = 338 + (590 - 338) * t * rng.uniform(0.45, 1.0) + 6 * t
        painter.setBrush(colour(rng.choice(("#c6cc92", "#7f9150", "#9aa866")), 120))
        painter.drawEllipse(QRectF(x, y, 4 + 30 * t, 1 + 3 * t))
    for i in range(1, 14):
        t = (i / 14) ** 1.5
        x = 640 + (WIDTH - 640) * t
        y = 338 + (452 - 338) * t
        rect(painter, x, y - 5 - 30 * t, 1.2 + 3 * t, 5 + 30 * t, "#5b4a3a")
    hide_x, hide_y = 780, 382
    rect(painter, hide_x, hide_y - 24, 44, 24, "#7a5c40")
    polygon(
        painter,
        [(hide_x - 4, hide_y - 24), (hide_x + 22, hide_y - 33), (hide_x + 48, hide_y - 24)],
        QBrush(colour("#4e3d30")),
    )
    rect(painter, hide_x + 6, hide_y - 17, 32, 4, "#2c2420")


def egret(painter: QPainter, x: float, base_y: float, h: float) -> None:
    """Paint a small white egret standing in the water."""
    painter.setBrush(colour("#fbfaf5"))
    painter.drawEllipse(QRectF(x - h * 0.3, base_y - h * 0.55, h * 0.6, h * 0.28))
    painter.setPen(QPen(colour("#fbfaf5"), max(1.0, h * 0.07)))
    neck = QPainterPath(QPointF(x + h * 0.2, base_y - h * 0.45))
    neck.quadTo(x + h * 0.45, base_y - h * 0.7, x + h * 0.28, base_y - h * 0.95)
    painter.drawPath(neck)
    painter.setPen(QPen(colour("#2d2a25"), max(0.8, h * 0.04)))
    painter.drawLine(QPointF(x, base_y - h * 0.3), QPointF(x, base_y))
    painter.drawLine(QPointF(x + h * 0.28, base_y - h * 0.95), QPointF(x + h * 0.5, base_y - h))
    painter.setPen(Qt.PenStyle.NoPen)


def far_town(
    painter: QPainter, rng: random.Random, x0: float, x1: float, base_y: float, spec: str
) -> None:
    """Paint a distant low skyline of roofs with a church spire."""
    x = x0
    while x < x1:
        w = rng.uniform(10, 22)
        h = rng.uniform(8, 18)
        polygon(
            painter,
            [
                (x, base_y),
                (x, base_y - h),
                (x + w / 2, base_y - h - 6),
                (x + w, base_y - h),
                (x + w, base_y),
            ],
            QBrush(colour(spec)),
        )
        x += w + rng.uniform(0, 3)
    spire = x0 + (x1 - x0) * 0.6
    polygon(
        painter,
        [
            (spire - 6, base_y - 10),
            (spire - 6, base_y - 30),
            (spire, base_y - 58),
            (spire + 6, base_y - 30),
            (spire + 6, base_y - 10),
        ],
        QBrush(colour(spec)),
    )


def saltmarsh_scene(image: QImage, rng: random.Random) -> None:
    """Gull Reach at low tide: creeks, saltmarsh and the new embankment."""
    horizon = 300
    with painting(image) as painter:
        fill_band(painter, 0, horizon, [(0.0, "#5f8fbf"), (0.6, "#b4cddd"), (1.0, "#efe7d4")])
        for cx, cy, w in ((220, 110, 300), (640, 70, 220), (980, 150, 320), (460, 210, 160)):
            cloud(painter, rng, QPointF(cx, cy), w, [(0.0, "#fffaf0"), (1.0, "#a9b6c6")], 240)
        hill(painter, rng, horizon + 1, 28, [(0.0, "#93a5b6"), (1.0, "#a3b2bf")], 3)
        far_town(painter, rng, 60, 330, horizon + 1, "#8195aa")
    water(image, horizon, rng, [(0.0, "#c9d6dc"), (1.0, "#9fb7c7")], 110)
    with painting(image) as painter:
        marsh = ridge_points(rng, 348, 10, 6)
        painter.setBrush(
            QBrush(gradient(338, HEIGHT, [(0.0, "#8f9a63"), (0.5, "#7b8a4c"), (1.0, "#5f7038")]))
        )
        painter.drawPath(ridge_path(marsh))
        marsh_texture(
            painter,
            rng,
            344,
            (
                "#a9b26e",
                "#c2a866",
                "#8a7da0",
                "#5e6e36",
                "#b7bd82",
                "#6f7f44",
                "#94a25e",
                "#a4553a",
                "#b8704a",
            ),
        )
        pools(painter, rng, 350)
        for x0, top, drift in ((330, 346, -160), (560, 350, 220), (110, 358, -60)):
            creek(painter, rng, x0, top, drift)
        embankment(painter, rng)
        for x, y, h in ((372, 430, 22), (520, 402, 14), (250, 560, 34), (470, 620, 40)):
            egret(painter, x, y, h)
        birds(painter, rng, QRectF(700, 60, 280, 90), 9, "#394250")
    sunlight(image, QPointF(150, 40), 900, "#fff0d0", 60)
    vignette(image, 60)


# --------------------------------------------------------------------------- seed library scene


def column(painter: QPainter, x: float, top: float, bottom: float, w: float) -> None:
    """Paint a fluted stone column with a simple capital and base, lit from the left."""
    shaft = QLinearGradient(x - w / 2, 0, x + w / 2, 0)
    shaft.setColorAt(0.0, colour("#f6dfb6"))
    shaft.setColorAt(0.6, colour("#cdb28a"))
    shaft.setColorAt(1.0, colour("#8e7a62"))
    painter.fillRect(QRectF(x - w / 2, top + 10, w, bottom - top - 20), QBrush(shaft))
    for k in (-0.25, 0.0, 0.25):
        rect(painter, x + k * w - 0.75, top + 14, 1.5, bottom - top - 28, "#a8916f")
    rect(painter, x - w * 0.7, top, w * 1.4, 10, "#e8d2aa")
    rect(painter, x - w * 0.7, bottom - 10, w * 1.4, 10, "#d4bc95")


def bank_facade(painter: QPainter, x0: float, x1: float, ground: float) -> None:
    """Paint the classical facade of the old bank, its windows and door glowing."""
    top, cornice = ground - 300, ground - 250
    painter.fillRect(
        QRectF(x0, cornice, x1 - x0, 250),
        QBrush(gradient(cornice, ground, [(0.0, "#c7b08a"), (1.0, "#a38c6c")])),
    )
    rect(painter, x0 - 12, cornice - 14, x1 - x0 + 24, 16, "#e2cda6")
    mid = (x0 + x1) / 2
    polygon(
        painter,
        [(x0 - 12, cornice - 14), (mid, top - 10), (x1 + 12, cornice - 14)],
        QBrush(gradient(top, cornice, [(0.0, "#e9d6b0"), (1.0, "#c9b08a")])),
    )
    polygon(
        painter,
        [(x0 + 20, cornice - 20), (mid, top + 4), (x1 - 20, cornice - 20)],
        QBrush(colour("#b49c78")),
    )
    bays = 5
    bay = (x1 - x0) / bays
    for i in range(bays):
        cx = x0 + bay * (i + 0.5)
        if i == bays // 2:
            door(painter, cx, ground - 20, bay * 0.55, 150)
        else:
            window(painter, cx, cornice + 40, bay * 0.45, 120)
    for i in range(bays + 1):
        column(painter, x0 + bay * i, cornice + 4, ground - 20, 22)
    for step in range(3):
        rect(
            painter,
            x0 - 20 - step * 12,
            ground - 20 + step * 8,
            x1 - x0 + 40 + step * 24,
            8,
            mix("#cbb592", "#8d7a60", step / 3),
        )


def window(painter: QPainter, cx: float, top: float, w: float, h: float) -> None:
    """Paint a tall arched window glowing warmly from inside."""
    glass = QPainterPath(QPointF(cx - w / 2, top + h))
    glass.lineTo(cx - w / 2, top + w / 2)
    glass.arcTo(QRectF(cx - w / 2, top, w, w), 180, -180)
    glass.lineTo(cx + w / 2, top + h)
    glass.closeSubpath()
    painter.setBrush(QBrush(gradient(top, top + h, [(0.0, "#ffe3a3"), (1.0, "#f2a84f")])))
    painter.drawPath(glass)
    rect(painter, cx - 1, top + 4, 2, h - 4, "#6b5237")
    rect(painter, cx - w / 2, top + h * 0.55, w, 2, "#6b5237")
    glow(painter, QPointF(cx, top + h / 2), h * 0.9, "#ffc773", 50)


def door(painter: QPainter, cx: float, bottom: float, w: float, h: float) -> None:
    """Paint the open strongroom-bank door with bright light spilling out."""
    glow(painter, QPointF(cx, bottom - h / 2), h * 1.3, "#ffd28a", 90)
    painter.setBrush(QBrush(gradient(bottom - h, bottom, [(0.0, "#fff0c8"), (1.0, "#ffc46e")])))
    painter.drawRect(QRectF(cx - w / 2, bottom - h, w, h))
    rect(painter, cx - w / 2 - 8, bottom - h - 8, w + 16, 8, "#e1cba3")
    polygon(
        painter,
        [
            (cx + w / 2, bottom - h),
            (cx + w / 2 + 16, bottom - h + 10),
            (cx + w / 2 + 16, bottom - 6),
            (cx + w / 2, bottom),
        ],
        QBrush(colour("#3f3226")),
    )


def street_lamp(painter: QPainter, x: float, ground: float, h: float) -> None:
    """Paint a cast-iron street lamp and its pool of light."""
    rect(painter, x - 3, ground - h, 6, h, "#1e1a24")
    rect(painter, x - 7, ground - 12, 14, 12, "#1e1a24")
    painter.setBrush(colour("#1e1a24"))
    painter.drawRoundedRect(QRectF(x - 11, ground - h - 30, 22, 30), 4, 4)
    rect(painter, x - 8, ground - h - 26, 16, 20, "#ffe6a8")
    glow(painter, QPointF(x, ground - h - 16), 110, "#ffcf7a", 120)
    painter.save()
    painter.translate(x, ground + 10)
    painter.scale(1.0, 0.22)
    glow(painter, QPointF(0, 0), 170, "#ffcf7a", 110)
    painter.restore()


def seed_library_scene(image: QImage, rng: random.Random) -> None:
    """Dusk on Corn Street: the old bank with its doors open and lights on."""
    ground = 560
    with painting(image) as painter:
        fill_band(
            painter,
            0,
            ground,
            [(0.0, "#28295a"), (0.45, "#6f5689"), (0.8, "#e08f6a"), (1.0, "#f3b277")],
        )
        stars(painter, rng, 40, 160)
        row_of_houses(
            painter,
            rng,
            -30,
            380,
            ground,
            ("#8c4a3c", "#a0604a", "#6f4a52"),
            "#2a2038",
            0.35,
            0.55,
            1.7,
        )
        row_of_houses(
            painter,
            rng,
            820,
            1230,
            ground,
            ("#8c4a3c", "#7b5a4a", "#6f4a52"),
            "#2a2038",
            0.35,
            0.55,
            1.7,
        )
        bank_facade(painter, 400, 800, ground)
        fill_band(painter, ground, HEIGHT, [(0.0, "#5a4a55"), (0.3, "#3c3344"), (1.0, "#231d2c")])
        rect(painter, 0, ground, WIDTH, 8, "#7d6a6a")
        for x in (300, 900):
            street_lamp(painter, x, ground + 40, 150)
        round_tree(painter, rng, 120, ground + 60, 300, "#6a3a1e", "#f0a24a")
        round_tree(painter, rng, 1110, ground + 70, 260, "#5c331c", "#e5913e")
        person(painter, 560, ground + 70, 82, "#1a1522")
        person(painter, 590, ground + 72, 62, "#1a1522", 0.4)
    sunlight(image, QPointF(600, 460), 600, "#ffb868", 70)
    vignette(image, 110)


# --------------------------------------------------------------------------- market hall scene


def glass_vault(painter: QPainter, x0: float, x1: float, top: float, base: float) -> None:
    """Paint an iron-ribbed glass barrel roof seen side on."""
    vault = QPainterPath()
    vault.addEllipse(QRectF(x0, top, x1 - x0, (base - top) * 2))
    vault = vault.intersected(_rect_path(QRectF(x0, top, x1 - x0, base - top)))
    painter.setBrush(
        QBrush(gradient(top, base, [(0.0, "#f2f8fb"), (0.5, "#bcd8ea"), (1.0, "#8fb3cc")]))
    )
    painter.drawPath(vault)
    painter.save()
    painter.setClipPath(vault)
    painter.setPen(QPen(colour("#3e4b57"), 2.0))
    for i in range(1, 24):
        x = x0 + (x1 - x0) * i / 24
        painter.drawLine(QPointF(x, top), QPointF(x, base))
    for i in range(1, 6):
        y = base - (base - top) * math.sin(i / 6 * math.pi / 2)
        painter.drawLine(QPointF(x0, y), QPointF(x1, y))
    painter.restore()
    painter.setPen(Qt.PenStyle.NoPen)


def _rect_path(area: QRectF) -> QPainterPath:
    """Return a painter path containing just ``area``."""
    path = QPainterPath()
    path.addRect(area)
    return path


def arched_opening(
    painter: QPainter, cx: float, bottom: float, w: float, h: float, stops: Stops
) -> QPainterPath:
    """Fill a round-headed opening with a vertical gradient and return its path."""
    path = QPainterPath(QPointF(cx - w / 2, bottom))
    path.lineTo(cx - w / 2, bottom - h + w / 2)
    path.arcTo(QRectF(cx - w / 2, bottom - h, w, w), 180, -180)
    path.lineTo(cx + w / 2, bottom)
    path.closeSubpath()
    painter.setBrush(QBrush(gradient(bottom - h, bottom, stops)))
    painter.drawPath(path)
    return path


def hall_body(painter: QPainter, rng: random.Random, x0: float, x1: float, ground: float) -> None:
    """Paint the long brick market hall with its arcade of lit openings."""
    top = ground - 165
    painter.fillRect(
        QRectF(x0, top, x1 - x0, ground - top),
        QBrush(gradient(top, ground, [(0.0, "#c0704f"), (1.0, "#9c5840")])),
    )
    rect(painter, x0 - 8, top - 10, x1 - x0 + 16, 12, "#eadcc4")
    rect(painter, x0, ground - 80, x1 - x0, 6, "#eadcc4")
    interior = [(0.0, "#f7d8a0"), (0.6, "#c98d5a"), (1.0, "#6f4a35")]
    for i in range(8):
        cx = x0 + (x1 - x0) * (i + 0.5) / 8
        if abs(cx - (x0 + x1) / 2) < 110:
            continue
        arched_opening(painter, cx, ground, 52, 120, interior)
        for k in range(5):
            disc(
                painter,
                QPointF(cx - 18 + k * 9, ground - 20),
                4,
                rng.choice(("#d9442f", "#f2b134", "#6ea244", "#e6783a")),
            )


def hall_gable(painter: QPainter, cx: float, ground: float) -> None:
    """Paint the tall central gable with its fan window, clock and entrance."""
    w, eaves, apex = 250.0, ground - 300, ground - 370
    painter.fillRect(
        QRectF(cx - w / 2, eaves, w, ground - eaves),
        QBrush(gradient(eaves, ground, [(0.0, "#c97a57"), (1.0, "#a35e43")])),
    )
    polygon(
        painter,
        [(cx - w / 2 - 10, eaves + 2), (cx, apex), (cx + w / 2 + 10, eaves + 2)],
        QBrush(colour("#eadcc4")),
    )
    polygon(
        painter,
        [(cx - w / 2 + 10, eaves), (cx, apex + 14), (cx + w / 2 - 10, eaves)],
        QBrush(colour("#c46f4c")),
    )
    disc(painter, QPointF(cx, eaves - 18), 22, "#f6efe0")
    painter.setPen(QPen(colour("#2e2a28"), 2.5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    painter.drawLine(QPointF(cx, eaves - 18), QPointF(cx, eaves - 34))
    painter.drawLine(QPointF(cx, eaves - 18), QPointF(cx + 10, eaves - 14))
    painter.setPen(Qt.PenStyle.NoPen)
    for y in (eaves + 4, ground - 80, ground - 190):
        rect(painter, cx - w / 2, y, w, 6, "#eadcc4")
    for side in (-1, 1):
        rect(painter, cx + side * (w / 2 - 8) - 8, eaves, 16, ground - eaves, "#b3664a")
    fan_window(painter, cx, eaves + 150, 170)
    arched_opening(painter, cx, ground, 96, 120, [(0.0, "#fbe3ae"), (1.0, "#b9794b")])


def fan_window(painter: QPainter, cx: float, bottom: float, w: float) -> None:
    """Paint a semicircular window with radiating iron glazing bars."""
    stops = [(0.0, "#e9f4fa"), (1.0, "#9ec2da")]
    arched_opening(painter, cx, bottom, w, w * 0.7, stops)
    painter.setPen(QPen(colour("#4a3b35"), 2.0))
    hub = QPointF(cx, bottom - w * 0.2)
    for k in range(9):
        angle = math.pi + k * math.pi / 8
        r = w / 2
        painter.drawLine(hub, QPointF(cx + math.cos(angle) * r, hub.y() + math.sin(angle) * r))
    painter.drawLine(QPointF(cx - w / 2, bottom - w * 0.2), QPointF(cx + w / 2, bottom - w * 0.2))
    painter.setPen(Qt.PenStyle.NoPen)


def stall(
    painter: QPainter, rng: random.Random, x: float, ground: float, w: float, stripe: str
) -> None:
    """Paint a market stall with a striped awning and a table of produce."""
    awning_top, awning_bottom = ground - 120, ground - 90
    rect(painter, x + 4, awning_bottom, 4, 90, "#4a3a30")
    rect(painter, x + w - 8, awning_bottom, 4, 90, "#4a3a30")
    rect(painter, x, ground - 46, w, 10, "#8a6546")
    rect(painter, x + 6, ground - 36, w - 12, 36, "#6d4f38")
    for _ in range(int(w // 6)):
        disc(
            painter,
            QPointF(x + rng.uniform(8, w - 8), ground - 50 + rng.uniform(-3, 2)),
            rng.uniform(3, 5),
            rng.choice(("#d9442f", "#f2b134", "#6ea244", "#e6783a", "#8e4a8a")),
        )
    stripes = 8
    for i in range(stripes):
        left = x - 8 + (w + 16) * i / stripes
        right = x - 8 + (w + 16) * (i + 1) / stripes
        spec = stripe if i % 2 == 0 else "#f7f1e6"
        polygon(
            painter,
            [
                (x + w * i / stripes, awning_top),
                (x + w * (i + 1) / stripes, awning_top),
                (right, awning_bottom),
                (left, awning_bottom),
            ],
            QBrush(colour(spec)),
        )
        painter.setBrush(colour(spec))
        painter.drawChord(QRectF(left, awning_bottom - 7, right - left, 14), 180 * 16, 180 * 16)


def cobbles(painter: QPainter, ground: float, vanish: QPointF) -> None:
    """Paint the cobbled square with lines converging on ``vanish``."""
    fill_band(painter, ground, HEIGHT, [(0.0, "#cdbfa8"), (1.0, "#a89580")])
    painter.setPen(QPen(colour("#8f7c68", 120), 1.2))
    for i in range(-30, 31):
        x = vanish.x() + i * 70
        top_x = vanish.x() + (x - vanish.x()) * (ground - vanish.y()) / (HEIGHT - vanish.y())
        painter.drawLine(QPointF(top_x, ground), QPointF(x, HEIGHT))
    y, step = ground + 4.0, 4.0
    while y < HEIGHT:
        painter.drawLine(QPointF(0, y), QPointF(WIDTH, y))
        step *= 1.22
        y += step
    painter.setPen(Qt.PenStyle.NoPen)


def bunting(painter: QPainter, rng: random.Random, start: QPointF, end: QPointF) -> None:
    """Paint a sagging string of coloured pennants between two points."""
    painter.setPen(QPen(colour("#4b3f3a"), 1.2))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    sag = 40.0
    mid = QPointF((start.x() + end.x()) / 2, (start.y() + end.y()) / 2 + sag * 2)
    line = QPainterPath(start)
    line.quadTo(mid, end)
    painter.drawPath(line)
    painter.setPen(Qt.PenStyle.NoPen)
    for i in range(1, 18):
        t = i / 18
        p = line.pointAtPercent(t)
        spec = rng.choice(("#d9442f", "#f2b134", "#2f6fb0", "#6ea244", "#f7f1e6"))
        polygon(
            painter,
            [(p.x() - 6, p.y()), (p.x() + 6, p.y()), (p.x(), p.y() + 16)],
            QBrush(colour(spec)),
        )


def shoppers(painter: QPainter) -> None:
    """Paint a few shoppers crossing the square, with long morning shadows."""
    for x, y, h, spec in (
        (420, 600, 110, "#3d4f7a"),
        (460, 604, 96, "#8a3b3b"),
        (700, 590, 104, "#50624a"),
        (790, 630, 120, "#5b4a6b"),
        (330, 560, 80, "#6b5a3a"),
    ):
        painter.setBrush(colour("#3b2f2a", 60))
        painter.drawEllipse(QRectF(x - h * 0.9, y - 5, h * 0.95, 10))
        person(painter, x, y, h, spec)


def market_hall_scene(image: QImage, rng: random.Random) -> None:
    """A bright morning outside the restored market hall."""
    ground = 500
    with painting(image) as painter:
        fill_band(painter, 0, ground, [(0.0, "#4b86c6"), (0.6, "#a9cbe6"), (1.0, "#eaf1ef")])
        for cx, cy, w in ((180, 90, 240), (1000, 70, 280), (620, 40, 160)):
            cloud(painter, rng, QPointF(cx, cy), w, [(0.0, "#ffffff"), (1.0, "#c7d3de")], 240)
        row_of_houses(
            painter,
            rng,
            -30,
            300,
            ground,
            ("#e8d6b5", "#d7c3d0", "#b9d0d4"),
            "#8aa0b8",
            0.25,
            0.1,
            1.9,
        )
        row_of_houses(
            painter,
            rng,
            900,
            1240,
            ground,
            ("#e8d6b5", "#f0c9a4", "#b9d0d4"),
            "#8aa0b8",
            0.25,
            0.1,
            1.9,
        )
        glass_vault(painter, 230, 970, 200, ground - 165)
        hall_body(painter, rng, 220, 980, ground)
        hall_gable(painter, 600, ground)
        cobbles(painter, ground, QPointF(600, 300))
        bunting(painter, rng, QPointF(0, 360), QPointF(470, 300))
        bunting(painter, rng, QPointF(730, 300), QPointF(WIDTH, 360))
        stall(painter, rng, 90, ground + 70, 180, "#c8413a")
        stall(painter, rng, 930, ground + 80, 190, "#3f7f5a")
        shoppers(painter)
    sunlight(image, QPointF(1150, 60), 900, "#fff3d6", 80)
    vignette(image, 60)


# --------------------------------------------------------------------------- orchestra scene


def curtain(painter: QPainter, area: QRectF, folds: int) -> None:
    """Paint a deep red stage curtain with soft vertical folds and a valance."""
    width = area.width() / folds
    for i in range(folds):
        left = area.left() + i * width
        fold = QLinearGradient(left, 0, left + width, 0)
        fold.setColorAt(0.0, colour("#3e0d14"))
        fold.setColorAt(0.45, colour("#9c2530"))
        fold.setColorAt(1.0, colour("#4a1018"))
        painter.fillRect(QRectF(left, area.top(), width + 1, area.height()), QBrush(fold))
    for i in range(folds // 2):
        left = area.left() + i * width * 2
        painter.setBrush(colour("#6d1620"))
        painter.drawChord(QRectF(left, area.top() - 30, width * 2, 70), 180 * 16, 180 * 16)


def arch_outline(opening: QRectF, rise: float) -> QPainterPath:
    """Return the open outline of a stage arch: two jambs and a shallow curved head."""
    path = QPainterPath(QPointF(opening.left(), opening.bottom()))
    path.lineTo(opening.left(), opening.top() + rise)
    path.cubicTo(
        opening.left(),
        opening.top() + rise * 0.2,
        opening.left() + rise,
        opening.top(),
        opening.center().x(),
        opening.top(),
    )
    path.cubicTo(
        opening.right() - rise,
        opening.top(),
        opening.right(),
        opening.top() + rise * 0.2,
        opening.right(),
        opening.top() + rise,
    )
    path.lineTo(opening.right(), opening.bottom())
    return path


def proscenium(painter: QPainter, opening: QRectF) -> None:
    """Paint the dark hall wall around the stage with a gilded arch."""
    outline = arch_outline(opening, 90)
    hole = QPainterPath(outline)
    hole.closeSubpath()
    wall = _rect_path(QRectF(0, 0, WIDTH, HEIGHT)).subtracted(hole)
    painter.setBrush(QBrush(gradient(0, HEIGHT, [(0.0, "#241923"), (1.0, "#140e14")])))
    painter.drawPath(wall)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(colour("#7a5a2c"), 2.0))
    painter.drawPath(arch_outline(opening.adjusted(-16, -16, 16, 0), 100))
    painter.setPen(QPen(colour("#c79a4e"), 7.0))
    painter.drawPath(arch_outline(opening.adjusted(-4, -4, 4, 0), 92))
    painter.setPen(Qt.PenStyle.NoPen)


def stage_floor(painter: QPainter, top: float, front: float) -> None:
    """Paint the wooden stage floor with boards converging towards the back."""
    painter.fillRect(
        QRectF(0, top, WIDTH, front - top),
        QBrush(gradient(top, front, [(0.0, "#6b4128"), (1.0, "#a66f42")])),
    )
    painter.setPen(QPen(colour("#4f2f1e", 140), 1.0))
    for i in range(-20, 21):
        painter.drawLine(QPointF(600 + i * 45, top), QPointF(600 + i * 70, front))
    painter.setPen(Qt.PenStyle.NoPen)
    rect(painter, 0, front, WIDTH, 14, "#3a2418")


def music_stand(painter: QPainter, x: float, base_y: float, h: float) -> None:
    """Paint a music stand with a lit sheet of music."""
    painter.setPen(QPen(colour("#15100f"), 1.6))
    painter.drawLine(QPointF(x, base_y), QPointF(x, base_y - h * 0.8))
    painter.setPen(Qt.PenStyle.NoPen)
    polygon(
        painter,
        [
            (x - h * 0.22, base_y - h * 0.75),
            (x + h * 0.22, base_y - h * 0.75),
            (x + h * 0.2, base_y - h),
            (x - h * 0.2, base_y - h),
        ],
        QBrush(colour("#f3e2bf")),
    )


def player(painter: QPainter, x: float, base_y: float, h: float, instrument: str) -> None:
    """Paint a seated musician in silhouette with a violin, cello or wind instrument."""
    spec = "#140d12"
    painter.setPen(QPen(colour(spec), max(1.5, h * 0.04)))
    painter.drawLine(QPointF(x - h * 0.15, base_y), QPointF(x - h * 0.12, base_y - h * 0.35))
    painter.drawLine(QPointF(x + h * 0.15, base_y), QPointF(x + h * 0.12, base_y - h * 0.35))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour(spec))
    painter.drawRoundedRect(
        QRectF(x - h * 0.17, base_y - h * 0.8, h * 0.34, h * 0.48), h * 0.12, h * 0.12
    )
    painter.drawEllipse(QPointF(x, base_y - h * 0.9), h * 0.1, h * 0.11)
    if instrument == "cello":
        cello(painter, x + h * 0.05, base_y, h)
    elif instrument == "violin":
        painter.setPen(QPen(colour("#d7b48a"), max(1.0, h * 0.015)))
        painter.drawLine(
            QPointF(x - h * 0.35, base_y - h * 0.55), QPointF(x + h * 0.3, base_y - h * 0.85)
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour("#5a2e1a"))
        painter.drawEllipse(QPointF(x + h * 0.14, base_y - h * 0.72), h * 0.1, h * 0.06)
    else:
        painter.setPen(QPen(colour("#2a2024"), max(1.5, h * 0.035)))
        painter.drawLine(QPointF(x, base_y - h * 0.85), QPointF(x + h * 0.05, base_y - h * 0.4))
        painter.setPen(Qt.PenStyle.NoPen)


def cello(painter: QPainter, x: float, base_y: float, h: float) -> None:
    """Paint a cello standing between a seated player's knees."""
    wood = QBrush(gradient(base_y - h * 0.6, base_y, [(0.0, "#8a4524"), (1.0, "#4a2212")]))
    painter.setBrush(wood)
    painter.drawEllipse(QPointF(x, base_y - h * 0.18), h * 0.16, h * 0.15)
    painter.drawEllipse(QPointF(x, base_y - h * 0.42), h * 0.13, h * 0.12)
    rect(painter, x - h * 0.015, base_y - h * 1.05, h * 0.03, h * 0.55, "#221310")
    painter.setPen(QPen(colour("#d7b48a"), max(1.0, h * 0.012)))
    painter.drawLine(
        QPointF(x - h * 0.35, base_y - h * 0.3), QPointF(x + h * 0.3, base_y - h * 0.36)
    )
    painter.setPen(Qt.PenStyle.NoPen)


def ensemble(painter: QPainter, rng: random.Random, floor: float) -> None:
    """Paint two curved rows of musicians with their stands, and the conductor."""
    for row, (count, depth, h) in enumerate(((11, floor + 14, 62), (8, floor + 52, 80))):
        for i in range(count):
            t = (i + 0.5) / count
            x = 220 + 760 * t
            y = depth + 26 * (1 - math.sin(math.pi * t)) * (1 + row)
            kind = "cello" if row == 1 and i in (5, 6) else rng.choice(("violin", "violin", "wind"))
            player(painter, x, y, h, kind)
            music_stand(painter, x - h * 0.1 - (x - 600) * 0.08, y + h * 0.12, h * 0.85)
    rect(painter, 560, floor + 108, 80, 18, "#2a1c18")
    person(painter, 600, floor + 108, 120, "#0f0a0e")
    painter.setPen(QPen(colour("#0f0a0e"), 7.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    painter.drawLine(QPointF(588, floor + 32), QPointF(560, floor - 4))
    painter.drawLine(QPointF(612, floor + 32), QPointF(640, floor + 2))
    painter.setPen(QPen(colour("#f2eee4"), 1.5))
    painter.drawLine(QPointF(640, floor + 2), QPointF(664, floor - 22))
    painter.setPen(Qt.PenStyle.NoPen)


def audience(painter: QPainter, rng: random.Random, top: float) -> None:
    """Paint rows of audience heads and shoulders in the dark foreground."""
    for row in range(2):
        y = top + row * 60
        x = rng.uniform(-40, 0)
        while x < WIDTH + 40:
            h = rng.uniform(70, 90) + row * 20
            painter.setBrush(colour("#0a070a"))
            painter.drawRoundedRect(
                QRectF(x - h * 0.35, y + h * 0.25, h * 0.7, h), h * 0.25, h * 0.25
            )
            painter.drawEllipse(QPointF(x, y + h * 0.12), h * 0.16, h * 0.19)
            x += rng.uniform(80, 110) + row * 20


def orchestra_scene(image: QImage, rng: random.Random) -> None:
    """The school orchestra on the Corn Exchange stage under warm lights."""
    opening = QRectF(140, 70, 920, 500)
    floor = 440
    with painting(image) as painter:
        curtain(painter, QRectF(140, 70, 920, floor - 70), 14)
        stage_floor(painter, floor, 560)
        for x in (330, 600, 870):
            beam(
                painter,
                QPointF(x, 40),
                QPointF(x + (x - 600) * 0.2, floor + 100),
                170,
                "#ffe0a8",
                70,
            )
            painter.save()
            painter.translate(x, floor + 80)
            painter.scale(1.0, 0.25)
            glow(painter, QPointF(0, 0), 260, "#ffd38a", 120)
            painter.restore()
        ensemble(painter, rng, floor)
        proscenium(painter, opening)
        audience(painter, rng, 545)
    vignette(image, 80)


# --------------------------------------------------------------------------- output

SCENES: dict[str, Scene] = {
    "ferry": ferry_scene,
    "meteors": meteors_scene,
    "saltmarsh": saltmarsh_scene,
    "night-train": night_train_scene,
    "wind": wind_scene,
    "seed-library": seed_library_scene,
    "market-hall": market_hall_scene,
    "orchestra": orchestra_scene,
}


def render(name: str) -> QImage:
    """Render the scene called ``name`` with its own deterministic random generator."""
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_RGB32)
    image.fill(QColor("#000000"))
    rng = random.Random(zlib.crc32(name.encode("utf-8")))
    SCENES[name](image, rng)
    paper_texture(image, rng, 0.05, 0.05)
    return image


def save_jpeg(image: QImage, path: Path, quality: int) -> None:
    """Write ``image`` as a JPEG, raising if Qt cannot save it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # The PySide6 6.12 stubs type ``format`` as bytes, but at run time only str is accepted.
    if not image.save(str(path), "JPEG", quality):  # type: ignore[call-overload]
        raise OSError(f"could not write {path}")


def thumbnail(image: QImage) -> QImage:
    """Return a smooth-scaled 160x90 copy of ``image``."""
    return image.scaled(
        THUMB_WIDTH,
        THUMB_HEIGHT,
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )


def main() -> int:
    """Render every scene, write the photos and thumbnails, and report their sizes."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    for name in SCENES:
        image = render(name)
        photo = PHOTO_DIR / f"{name}.jpg"
        save_jpeg(image, photo, PHOTO_QUALITY)
        save_jpeg(thumbnail(image), THUMB_DIR / f"{name}.jpg", THUMB_QUALITY)
        print(f"{photo.relative_to(ROOT)}  {photo.stat().st_size // 1024} KB")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
