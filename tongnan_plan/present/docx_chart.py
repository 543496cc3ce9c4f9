"""An indicator's chart (chart.Chart, the one the HTML report draws as SVG) as a PNG picture for
a Word document, drawn with Pillow.

Pillow, not matplotlib: the chart is a few lines and labels, matplotlib is some 40 MB and would
still need a CJK font found for it. The labels are drawn with a CJK font found on the machine
(Noto Sans CJK, Source Han Sans, Microsoft YaHei, SimHei, PingFang, WenQuanYi…, or the file
TNPLAN_CJK_FONT names). Where there is none, the chart is drawn with Pillow's own font and its
legend as numbers, (1) (2) (3), that the caption under the picture explains in words: never a
crash, never a row of empty boxes.
"""

from __future__ import annotations

import functools
import io
import itertools
import math
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from msgspec import Struct

from .chart import BLUE, EXPECTED, TARGET, WIDE, Chart, Scale, tick_label
from .escaping import visible

if TYPE_CHECKING:
    import PIL.Image
    from PIL import ImageDraw, ImageFont

__all__ = [
    "FONT_DIRECTORIES",
    "FONT_FILES",
    "Png",
    "chart_png",
    "cjk_font_file",
    "forget_fonts",
]

#: Font files with Chinese glyphs, in the order they are preferred.
FONT_FILES = (
    "NotoSansCJK-Regular.ttc",
    "NotoSansCJKsc-Regular.otf",
    "NotoSansSC-Regular.otf",
    "SourceHanSansSC-Regular.otf",
    "SourceHanSans-Regular.ttc",
    "msyh.ttc",
    "simhei.ttf",
    "PingFang.ttc",
    "Hiragino Sans GB.ttc",
    "wqy-microhei.ttc",
    "wqy-zenhei.ttc",
    "DroidSansFallbackFull.ttf",
    "simsun.ttc",
)
FONT_DIRECTORIES = (
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    "~/.local/share/fonts",
    "~/.fonts",
    "C:/Windows/Fonts",
    "/System/Library/Fonts",
    "/Library/Fonts",
)
#: Pixels per unit of the chart's frame: drawn at twice the size it is shown, for print.
SCALE = 2
WIDTH, HEIGHT, FONT = WIDE.width, WIDE.height, WIDE.font
_PROBE = "目标"
GRID, AXIS_TEXT, LEGEND_TEXT = "#e5e7eb", "#555555", "#333333"
#: The colours drawn with their blends into white (text and lines are smoothed); the grid's
#: light grey is drawn alone, as its blends would come so near white that Pillow's palette
#: lookup would take them for the white of the page.
INKS = (BLUE, TARGET, EXPECTED, AXIS_TEXT, LEGEND_TEXT)


class Png(Struct, frozen=True):
    """A chart as PNG bytes; labelled False when no CJK font was found and the legend is
    drawn as numbers that the caption must explain."""

    png: bytes
    labelled: bool
    width: int
    height: int


@functools.cache
def cjk_font_file() -> str | None:
    """The first font file with Chinese glyphs found on this machine, or None."""
    named = os.environ.get("TNPLAN_CJK_FONT")
    if named:
        return named if Path(named).is_file() else None
    found: dict[str, str] = {}
    wanted = set(FONT_FILES)
    for directory in FONT_DIRECTORIES:
        root = Path(directory).expanduser()
        if not root.is_dir():
            continue
        for folder, _, files in os.walk(root):
            for name in wanted.intersection(files):
                found.setdefault(name, os.path.join(folder, name))
    return next((found[name] for name in FONT_FILES if name in found), None)


def forget_fonts() -> None:
    """Look for the fonts again on the next chart (they are looked for once a run)."""
    cjk_font_file.cache_clear()
    _font.cache_clear()


@functools.cache
def _font(size: int) -> tuple[ImageFont.FreeTypeFont | ImageFont.ImageFont, bool]:
    """A font of size pixels, and whether it draws Chinese."""
    from PIL import ImageFont

    path = cjk_font_file()
    if path is not None:
        try:
            font = _collection_face(path, size)
            if font.getbbox(_PROBE)[2] > 0:
                return font, True
        except OSError:
            pass  # not a font Pillow can read: fall back below
    return ImageFont.load_default(size), False


def _collection_face(path: str, size: int) -> ImageFont.FreeTypeFont:
    """The simplified-Chinese face of a font collection (Noto's .ttc holds JP, KR, SC, TC…)."""
    from PIL import ImageFont

    first = ImageFont.truetype(path, size, index=0)
    if not path.lower().endswith(".ttc"):
        return first
    for index in range(1, 8):
        try:
            face = ImageFont.truetype(path, size, index=index)
        except OSError:
            break
        if " SC" in (face.getname()[0] or ""):
            return face
    return first


def _dashed(
    draw: ImageDraw.ImageDraw,
    points: Sequence[tuple[float, float]],
    dash: str,
    colour: str,
    width: int,
) -> None:
    """A polyline, dashed as SVG's stroke-dasharray says ("6 4": 6 on, 4 off, in chart units)."""
    if not dash:
        draw.line(list(points), fill=colour, width=width, joint="curve")
        return
    on, off = (float(part) * SCALE for part in dash.split())
    drawing, left = True, on
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        length = ((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5
        at = 0.0
        while at < length:
            step = min(left, length - at)
            if drawing:
                a, b = at / length, (at + step) / length
                start = (x0 + (x1 - x0) * a, y0 + (y1 - y0) * a)
                end = (x0 + (x1 - x0) * b, y0 + (y1 - y0) * b)
                draw.line([start, end], fill=colour, width=width)
            at += step
            left -= step
            if left <= 1e-9:
                drawing = not drawing
                left = on if drawing else off


def chart_png(drawn: Chart) -> Png:
    """The chart as a PNG picture, WIDTH × HEIGHT units drawn at SCALE pixels a unit."""
    from PIL import Image, ImageDraw

    font, labelled = _font(FONT * SCALE)
    width, height = WIDTH * SCALE, HEIGHT * SCALE
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    legend = [
        (colour, dash, label if labelled else f"({i})")
        for i, (colour, dash, label) in enumerate(drawn.legend, start=1)
    ]
    labels = [tick_label(t) for t in drawn.ticks]
    span = max(1, drawn.end_year - drawn.baseline_year)
    plot = Scale(
        left=max((draw.textlength(t, font=font) for t in labels), default=0) + 12 * SCALE,
        right=width - draw.textlength(str(drawn.end_year), font=font) / 2 - 6 * SCALE,
        top=18 * SCALE,
        bottom=height - (FONT * 3 + 20) * SCALE,
        first=drawn.baseline_year,
        span=span,
        low=drawn.low,
        high=drawn.high,
    )
    grey = AXIS_TEXT
    for tick, label in zip(drawn.ticks, labels, strict=True):
        draw.line([(plot.left, plot.y(tick)), (plot.right, plot.y(tick))], GRID, SCALE)
        draw.text((plot.left - 6 * SCALE, plot.y(tick)), label, grey, font, anchor="rm")
    for year in range(drawn.baseline_year, drawn.end_year + 1, drawn.year_step):
        draw.text((plot.x(year), plot.bottom + 10 * SCALE), str(year), grey, font, anchor="mt")
    _series(draw, drawn, plot)
    if drawn.target is not None:
        number = next(i for i, item in enumerate(drawn.legend, 1) if item[0] == TARGET)
        # The plan's printed target, on one line and inert (a line break would stop Pillow).
        label = visible(drawn.target_label)
        text = label if labelled else f"({number}) {tick_label(drawn.target)}"
        right = _label_right(drawn)
        level = plot.y(drawn.target)
        above = level - (5 + FONT + 2) * SCALE > 0  # else below the line, not cut off
        at = (plot.right if right else plot.left + 4 * SCALE, level + (-5 if above else 5) * SCALE)
        anchor = ("r" if right else "l") + ("b" if above else "t")
        draw.text(at, text, TARGET, font, anchor=anchor, stroke_width=3, stroke_fill="white")
    _legend(draw, legend, font, plot.bottom + (FONT + 16) * SCALE, width)
    buffer = io.BytesIO()
    # A chart has few colours: put onto a palette of them it is written four times quicker
    # than as RGB and takes half the room (zlib at level 1: a quarter quicker again).
    inks = tuple(dict.fromkeys((*INKS, *(colour for colour, _, _ in drawn.legend))))
    image.quantize(palette=_palette(inks), dither=Image.Dither.NONE).save(
        buffer, format="PNG", compress_level=1
    )
    return Png(buffer.getvalue(), labelled, width, height)


@functools.cache
def _palette(inks: tuple[str, ...]) -> PIL.Image.Image:
    """A palette image of white, the grid's grey, and each ink blended into white in tenths
    from two tenths up (lighter blends would be taken for white)."""
    from PIL import Image

    colours: list[int] = [255, 255, 255, *_rgb(GRID)]
    for ink in inks:
        for tenths in range(2, 11):
            colours += [round(255 + (c - 255) * tenths / 10) for c in _rgb(ink)]
    flat = colours[: 256 * 3]
    palette = Image.new("P", (1, 1))
    palette.putpalette(flat + [0] * (768 - len(flat)))
    return palette


def _rgb(colour: str) -> tuple[int, int, int]:
    """#2563eb → (37, 99, 235)."""
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _label_right(drawn: Chart) -> bool:
    """Whether the target's label goes at the right end of its line (as the SVG puts it), or
    at the left: the end whose third of the years has its lines farther from the target."""
    if drawn.target is None:
        return True
    target = drawn.target
    span = drawn.end_year - drawn.baseline_year
    lines = drawn.points + drawn.expected + drawn.trend

    def clearance(near: Callable[[int], bool]) -> float:
        return min((abs(v - target) for year, v in lines if near(year)), default=math.inf)

    left = clearance(lambda year: year <= drawn.baseline_year + span / 3)
    right = clearance(lambda year: year >= drawn.end_year - span / 3)
    return right >= left


def _series(draw: ImageDraw.ImageDraw, drawn: Chart, plot: Scale) -> None:
    """The target line, the expected path, the trend and the figures with their points."""
    if drawn.target is not None:
        level = plot.y(drawn.target)
        _dashed(draw, [(plot.left, level), (plot.right, level)], "6 4", TARGET, SCALE)
    if drawn.expected:
        _dashed(draw, plot.points(drawn.expected), "3 3", EXPECTED, SCALE)
    if drawn.trend:
        _dashed(draw, plot.points(drawn.trend), "1 4", BLUE, 2 * SCALE)
    line = plot.points(drawn.points)
    if len(line) > 1:
        draw.line(line, fill=BLUE, width=int(2.5 * SCALE), joint="curve")
    r = 3.5 * SCALE
    for px, py in line:
        draw.ellipse([px - r, py - r, px + r, py + r], fill=BLUE)


def _legend(
    draw: ImageDraw.ImageDraw,
    legend: Sequence[tuple[str, str, str]],
    font: ImageFont.FreeTypeFont | ImageFont.ImageFont,
    row_y: float,
    width: int,
) -> None:
    """The legend's items left to right, onto a new row where the width runs out."""
    lx = 8.0 * SCALE
    for colour, dash, label in legend:
        item = (26 + 14) * SCALE + draw.textlength(label, font=font)
        if lx > 8 * SCALE and lx + item > width - 8 * SCALE:
            lx, row_y = 8.0 * SCALE, row_y + (FONT + 8) * SCALE
        _dashed(draw, [(lx, row_y), (lx + 22 * SCALE, row_y)], dash, colour, 2 * SCALE)
        draw.text((lx + 26 * SCALE, row_y), label, LEGEND_TEXT, font, anchor="lm")
        lx += item
