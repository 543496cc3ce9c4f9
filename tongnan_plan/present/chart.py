"""An indicator's years as an inline SVG chart: figures, expected path, target and trend.

Plain SVG text, no plotting library: the chart opens anywhere without a network, and its
Chinese labels are drawn by the browser with the reader's own fonts (the usual trap of
plotting libraries, whose bundled fonts lack CJK glyphs).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from msgspec import Struct

from ..calc.across import Stretch
from ..calc.evaluation import YearRow
from ..calc.progress import Evaluation
from ..model.plan import Kind
from .cells import figure
from .escaping import html as escape

__all__ = [
    "BLUE",
    "EXPECTED",
    "FONT_STACK",
    "NARROW",
    "TARGET",
    "WIDE",
    "AcrossChart",
    "Chart",
    "Frame",
    "PlanStretch",
    "Scale",
    "across_chart",
    "chart",
    "tick_label",
]

FONT_STACK = (
    '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", '
    '"WenQuanYi Micro Hei", sans-serif'
)


class Frame(Struct, frozen=True):
    """The size a chart is drawn at, in the units of its viewBox, and its type size.

    A chart is drawn twice: wide for a screen or paper, narrow for a phone, each at about the
    size it is shown, so that its text is as large as the page's (an SVG scaled down to a
    phone's width would shrink its 12-unit labels to 7 pixels).
    """

    width: int
    height: int
    font: int
    top: int = 18

    def text_width(self, label: str) -> float:
        """About how wide a label is drawn: a Chinese character a full em, others about half."""
        return sum(self.font if ord(c) > 0x2E7F else self.font * 0.6 for c in label)


WIDE = Frame(560, 280, 14)
#: The colours of the figures (and the trend), the expected path and the target.
BLUE, EXPECTED, TARGET = "#2563eb", "#6b7280", "#b91c1c"
NARROW = Frame(360, 320, 16)
#: The across-plans chart's size and margins (drawn once, wide).
WIDTH, HEIGHT = WIDE.width, WIDE.height
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 16, 40

LABELS = {
    "zh": {
        "actual": "实际",
        "total": "累计",
        "expected": "序时进度",
        "target": "目标",
        "trend": "趋势",
        "title": "{name}：逐年{what}、序时进度线与目标",
    },
    "en": {
        "actual": "actual",
        "total": "running total",
        "expected": "expected path",
        "target": "target",
        "trend": "trend",
        "title": "{name}: yearly {what}, expected path and target",
    },
}


def _nice_ticks(low: float, high: float, count: int = 4) -> list[float]:
    """Round tick values covering low..high."""
    span = high - low
    if span <= 0:
        return [low]
    raw = span / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.ceil(low / step) * step
    ticks = []
    value = first
    while value <= high + step * 1e-9:
        ticks.append(round(value, 10))
        value += step
    return ticks


def tick_label(value: float) -> str:
    """A value on the axis as labelled, as given: 0.137 stays 0.137."""
    return figure(value)


#: At most this many year labels under the axis; a longer plan labels every second year, …
MOST_YEAR_LABELS = 12


class Chart(Struct, frozen=True):
    """What a chart of one indicator draws, in its own units, whatever draws it (SVG here,
    a picture for a Word document): the series, the value axis and the legend."""

    title: str
    unit: str
    baseline_year: int
    end_year: int
    #: The figures drawn (the running total for a total), the expected path, the trend.
    points: list[tuple[int, float]]
    expected: list[tuple[int, float]]
    trend: list[tuple[int, float]]
    target: float | None
    target_label: str
    low: float
    high: float
    ticks: list[float]
    #: (colour, dash pattern as SVG writes it, label), in the order shown.
    legend: list[tuple[str, str, str]]

    @property
    def year_step(self) -> int:
        """Every how many years a year is labelled under the axis (see MOST_YEAR_LABELS)."""
        return -(-(self.end_year - self.baseline_year + 1) // MOST_YEAR_LABELS)

    def svg(self, frame: Frame = WIDE) -> str:
        """The chart as SVG drawn in frame, as text to put inside an HTML page."""
        return _svg(self, frame)


def chart(
    rows: Sequence[YearRow],
    ev: Evaluation,
    baseline_year: int,
    lang: str = "zh",
    *,
    end_year: int | None = None,
) -> Chart:
    """What the chart of one indicator draws; the axis runs from the baseline year to the
    plan's end year (end_year, else the last row's year): a plan of any length."""
    ind = ev.indicator
    words = LABELS[lang]
    cumulative = ind.kind is Kind.CUMULATIVE
    points = _points(rows, ev, baseline_year)
    expected = [(baseline_year, 0.0 if cumulative else ind.baseline_value)] + [
        (r.year, r.expected) for r in rows
    ]
    expected_points = [(y, v) for y, v in expected if v is not None]
    if len(expected_points) < 2:
        expected_points = []
    if end_year is None:
        end_year = max((row.year for row in rows), default=baseline_year + 1)
    target = ind.target.value
    trend: list[tuple[int, float]] = []
    if ev.projected_trend is not None and points and points[-1][0] < end_year:
        trend = [points[-1], (end_year, ev.projected_trend)]
    values = [v for _, v in points + expected_points + trend]
    if target is not None:
        values.append(target)
    low, high = _span(values, cumulative)
    legend = [
        (BLUE, "", words["total" if cumulative else "actual"]),
        (EXPECTED, "3 3", words["expected"]),
        (TARGET, "6 4", words["target"]),
    ]
    if trend:  # none in a final evaluation: nothing runs beyond the end year
        legend.append((BLUE, "1 4", words["trend"]))
    name = ind.name if lang == "zh" else ind.name_en
    return Chart(
        title=words["title"].format(name=name, what=words["total" if cumulative else "actual"]),
        unit=ind.unit,
        baseline_year=baseline_year,
        end_year=end_year,
        points=points,
        expected=expected_points,
        trend=trend,
        target=target,
        target_label=f"{words['target']} {ind.target.text}",
        low=low,
        high=high,
        ticks=_nice_ticks(low, high),
        legend=legend,
    )


class Scale(Struct, frozen=True):
    """Where a year and a value go on a plot: its edges (in the picture's units) and the first
    year, the span of years and the values they stand for (the SVG's and the PNG's)."""

    left: float
    right: float
    top: float
    bottom: float
    first: int
    span: int
    low: float
    high: float

    def x(self, year: float) -> float:
        return self.left + (year - self.first) / self.span * (self.right - self.left)

    def y(self, value: float) -> float:
        return self.top + (self.high - value) / (self.high - self.low) * (self.bottom - self.top)

    def points(self, series: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
        return [(self.x(a), self.y(b)) for a, b in series]

    def path(self, series: Sequence[tuple[float, float]]) -> str:
        return " ".join(f"{x:.1f},{y:.1f}" for x, y in self.points(series))


def _svg(drawn: Chart, frame: Frame) -> str:
    legend_rows = _legend_rows(drawn.legend, frame)
    left = int(max((frame.text_width(tick_label(t)) for t in drawn.ticks), default=0) + 12)
    right = int(frame.text_width(str(drawn.end_year)) / 2) + 6  # the last year's label whole
    bottom = frame.font * 2 + 12 + len(legend_rows) * (frame.font + 8)
    span = drawn.end_year - drawn.baseline_year
    at = Scale(
        left, frame.width - right, frame.top, frame.height - bottom,
        drawn.baseline_year, span, drawn.low, drawn.high,
    )  # fmt: skip
    parts = [
        f'<svg class="chart {"wide" if frame is WIDE else "narrow"}" '
        f'viewBox="0 0 {frame.width} {frame.height}" role="img" '
        f'aria-label="{escape(drawn.title)}" xmlns="http://www.w3.org/2000/svg" '
        f'style="font-family: {escape(FONT_STACK)}; font-size: {frame.font}px">',
        f"<title>{escape(drawn.title)}</title>",
        *_grid(drawn, frame, at),
        *_lines(drawn, at),
        *_legend(legend_rows, frame, at.bottom + frame.font * 2 + 20),
        "</svg>",
    ]
    return "".join(parts)


def _grid(drawn: Chart, frame: Frame, at: Scale) -> list[str]:
    """The value lines with their labels, the years, and the target's dashed line."""
    parts = []
    for tick in drawn.ticks:
        parts.append(
            f'<line x1="{at.left}" x2="{at.right}" y1="{at.y(tick):.1f}" '
            f'y2="{at.y(tick):.1f}" stroke="#e5e7eb"/>'
            f'<text x="{at.left - 6}" y="{at.y(tick) + frame.font * 0.35:.1f}" '
            f'text-anchor="end" fill="#555">{tick_label(tick)}</text>'
        )
    for year in range(drawn.baseline_year, drawn.end_year + 1, drawn.year_step):
        parts.append(
            f'<text x="{at.x(year):.1f}" y="{at.bottom + frame.font + 6}" text-anchor="middle" '
            f'fill="#555">{year}</text>'
        )
    if drawn.target is not None:
        target = drawn.target
        parts.append(
            f'<line class="target" x1="{at.left}" x2="{at.right}" '
            f'y1="{at.y(target):.1f}" y2="{at.y(target):.1f}" stroke="{TARGET}" '
            'stroke-dasharray="6 4"/>'
            f'<text x="{at.right}" y="{at.y(target) - 5:.1f}" text-anchor="end" '
            f'fill="{TARGET}" stroke="#fff" stroke-width="3" paint-order="stroke">'
            f"{escape(drawn.target_label)}</text>"
        )
    return parts


def _lines(drawn: Chart, at: Scale) -> list[str]:
    """The expected path, the trend, and the figures with a point a year."""
    parts = []
    if drawn.expected:
        parts.append(
            f'<polyline class="expected" points="{at.path(drawn.expected)}" fill="none" '
            f'stroke="{EXPECTED}" stroke-dasharray="3 3"/>'
        )
    if drawn.trend:
        parts.append(
            f'<polyline class="trend" points="{at.path(drawn.trend)}" fill="none" '
            f'stroke="{BLUE}" stroke-dasharray="1 4" stroke-width="2"/>'
        )
    if drawn.points:
        parts.append(
            f'<polyline class="actual" points="{at.path(drawn.points)}" fill="none" '
            f'stroke="{BLUE}" stroke-width="2.5"/>'
        )
        for year, value in drawn.points:
            parts.append(
                f'<circle cx="{at.x(year):.1f}" cy="{at.y(value):.1f}" r="3.5" fill="{BLUE}">'
                f"<title>{year}: {tick_label(value)} {escape(drawn.unit)}</title></circle>"
            )
    return parts


def _legend(
    rows: list[list[tuple[float, tuple[str, str, str]]]], frame: Frame, row_y: float
) -> list[str]:
    parts = []
    for row in rows:
        for lx, (colour, dash, label) in row:
            mid = row_y - frame.font * 0.35
            parts.append(
                f'<line x1="{lx}" x2="{lx + 22}" y1="{mid:.1f}" y2="{mid:.1f}" '
                f'stroke="{colour}" stroke-width="2" stroke-dasharray="{dash}"/>'
                f'<text x="{lx + 26}" y="{row_y}" fill="#333">{escape(label)}</text>'
            )
        row_y += frame.font + 8
    return parts


def _points(rows: Sequence[YearRow], ev: Evaluation, baseline_year: int) -> list[tuple[int, float]]:
    """The figures drawn: the baseline year's own value (for a level), then each year's."""
    ind = ev.indicator
    cumulative = ind.kind is Kind.CUMULATIVE
    points: list[tuple[int, float]] = []
    baseline = None if cumulative else ind.year_baseline
    if baseline is not None:
        points.append((baseline_year, baseline))
    for row in rows:
        value = row.cumulative if cumulative else row.value
        if value is not None:
            points.append((row.year, value))
    return points


def _span(values: list[float], cumulative: bool) -> tuple[float, float]:
    """The range of the value axis: from zero for a total, padded around a level's figures."""
    low = 0.0 if cumulative or not values else min(values)
    high = max(values, default=1.0)
    if not cumulative and values:
        pad = (high - low) * 0.15 or abs(high) * 0.1 or 1.0
        low, high = max(0.0, low - pad) if low >= 0 else low - pad, high + pad
    if high <= low:
        high = low + 1.0
    return low, high


Legend = list[tuple[str, str, str]]


def _legend_rows(legend: Legend, frame: Frame) -> list[list[tuple[float, tuple[str, str, str]]]]:
    """The legend's items placed left to right, onto a new row where the width runs out."""
    rows: list[list[tuple[float, tuple[str, str, str]]]] = [[]]
    lx = 8.0
    for item in legend:
        width = 26 + frame.text_width(item[2]) + 14
        if rows[-1] and lx + width > frame.width - 8:
            rows.append([])
            lx = 8.0
        rows[-1].append((lx, item))
        lx += width
    return rows


ACROSS_LABELS = {
    "zh": {"title": "{name}：跨规划", "target": "目标"},
    "en": {"title": "{name} across plans", "target": "target"},
}
#: One colour per plan, in turn.
PLAN_COLOURS = (BLUE, "#059669", "#9333ea", "#d97706", "#dc2626")


class PlanStretch(Struct, frozen=True):
    """One plan's part of an across-plans chart: its id and years, its colour, its figures in
    the chosen unit (a total within its own plan), its target and the target's label."""

    id: str
    start_year: int
    end_year: int
    colour: str
    points: list[tuple[int, float]]
    target: float | None
    target_label: str


class AcrossChart(Struct, frozen=True):
    """What the chart of one indicator across plans draws: each plan's stretch over the
    years first..last, on a value axis low..high in the chosen indicator's unit."""

    title: str
    unit: str
    first: int
    last: int
    low: float
    high: float
    ticks: list[float]
    stretches: list[PlanStretch]

    def svg(self, frame: Frame = WIDE) -> str:
        """The chart as SVG (drawn once, at its own size: frame is not used)."""
        return _across_svg(self)


def across_chart(stretches: Sequence[Stretch], lang: str = "zh") -> AcrossChart:
    """One indicator through the plans it runs through: each plan's figures (a total runs
    within its own plan), its period, its target over its years. Stretches whose units do
    not convert to the chosen one are left out."""
    chosen = next(s for s in stretches if s.chosen).indicator
    drawn = [s for s in stretches if s.factor is not None]
    parts = []
    for i, stretch in enumerate(drawn):
        ind, info = stretch.indicator, stretch.plan.plan
        target = ind.target_value * (stretch.factor or 1.0) if ind.has_target else None
        label = ind.target.text
        if ind.unit != chosen.unit:
            label += f" {ind.unit}（{tick_label(target or 0)} {chosen.unit}）"
        colour = PLAN_COLOURS[i % len(PLAN_COLOURS)]
        label = f"{ACROSS_LABELS[lang]['target']} {label}"
        points = _across_points(stretch)
        parts.append(
            PlanStretch(info.id, info.start_year, info.end_year, colour, points, target, label)
        )
    values = [v for part in parts for _, v in part.points]
    values += [part.target for part in parts if part.target is not None]
    high = max(values, default=1.0) * 1.1 or 1.0
    low = min(0.0, min(values, default=0.0))
    name = chosen.name if lang == "zh" else chosen.name_en
    title = ACROSS_LABELS[lang]["title"].format(name=name) + f"（{chosen.unit}）"
    first = min(s.plan.plan.baseline_year for s in drawn)
    last = max(s.plan.plan.end_year for s in drawn)
    ticks = _nice_ticks(low, high)
    return AcrossChart(title, chosen.unit, first, last, low, high, ticks, parts)


def _across_svg(drawn: AcrossChart) -> str:
    first, last = drawn.first, drawn.last
    at = Scale(
        LEFT, WIDTH - RIGHT, TOP, HEIGHT - BOTTOM, first, max(1, last - first), drawn.low,
        drawn.high,
    )  # fmt: skip
    parts = [
        f'<svg class="chart across" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="{escape(drawn.title)}" xmlns="http://www.w3.org/2000/svg" '
        f'style="font-family: {escape(FONT_STACK)}; font-size: 12px">',
        f"<title>{escape(drawn.title)}</title>",
        *_periods(drawn.stretches, at),
    ]
    for tick in drawn.ticks:
        parts.append(
            f'<text x="{LEFT - 6}" y="{at.y(tick) + 4:.1f}" text-anchor="end" fill="#555">'
            f"{tick_label(tick)}</text>"
        )
    step = -(-(last - first + 1) // MOST_YEAR_LABELS)
    for year in range(first, last + 1, step):
        parts.append(
            f'<text x="{at.x(year):.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle" '
            f'fill="#555">{year}</text>'
        )
    for stretch in drawn.stretches:
        parts += _stretch(stretch, drawn.unit, at)
    parts.append("</svg>")
    return "".join(parts)


def _periods(stretches: Sequence[PlanStretch], at: Scale) -> list[str]:
    """Each plan's years shaded in its colour, its id over them."""
    parts = []
    for stretch in stretches:
        colour = stretch.colour
        left, right = at.x(stretch.start_year - 0.5), at.x(stretch.end_year + 0.5)
        parts.append(
            f'<rect class="period" x="{left:.1f}" y="{TOP}" width="{right - left:.1f}" '
            f'height="{HEIGHT - TOP - BOTTOM}" fill="{colour}" fill-opacity="0.06"/>'
            f'<text x="{left + 4:.1f}" y="{TOP + 12}" fill="{colour}">{escape(stretch.id)}</text>'
        )
    return parts


def _stretch(stretch: PlanStretch, unit: str, at: Scale) -> list[str]:
    """One plan's target over its years and its figures, in its colour."""
    colour, target = stretch.colour, stretch.target
    parts = []
    if target is not None:
        parts.append(
            f'<line class="target" x1="{at.x(stretch.start_year - 0.5):.1f}" '
            f'x2="{at.x(stretch.end_year + 0.5):.1f}" y1="{at.y(target):.1f}" '
            f'y2="{at.y(target):.1f}" stroke="{colour}" stroke-dasharray="6 4"/>'
            f'<text x="{at.x(stretch.end_year + 0.5) - 2:.1f}" y="{at.y(target) - 5:.1f}" '
            f'text-anchor="end" fill="{colour}">{escape(stretch.target_label)}</text>'
        )
    if stretch.points:
        parts.append(
            f'<polyline class="actual" points="{at.path(stretch.points)}" fill="none" '
            f'stroke="{colour}" stroke-width="2.5"/>'
        )
        for year, value in stretch.points:
            parts.append(
                f'<circle cx="{at.x(year):.1f}" cy="{at.y(value):.1f}" r="3.5" fill="{colour}">'
                f"<title>{escape(stretch.id)} {year}: {tick_label(value)} {escape(unit)}"
                "</title></circle>"
            )
    return parts


def _across_points(stretch: Stretch) -> list[tuple[int, float]]:
    """A stretch's figures in the chosen unit: the total within its plan, or the level."""
    cumulative = stretch.indicator.kind is Kind.CUMULATIVE
    factor = stretch.factor or 1.0
    out = []
    for row in stretch.rows:
        value = row.cumulative if cumulative else row.value
        if value is not None:
            out.append((row.year, value * factor))
    return out
