"""An indicator's years as an inline SVG chart: figures, expected path, target and trend.

Plain SVG text, no plotting library: the chart opens anywhere without a network, and its
Chinese labels are drawn by the browser with the reader's own fonts (the usual trap of
plotting libraries, whose bundled fonts lack CJK glyphs).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from ..calc.across import Stretch
from ..calc.evaluation import YearRow
from ..calc.progress import Evaluation
from ..model.plan import Basis, Kind
from .escaping import html as escape

__all__ = ["FONT_STACK", "across_chart_svg", "chart_svg"]

FONT_STACK = (
    '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", '
    '"WenQuanYi Micro Hei", sans-serif'
)
WIDTH, HEIGHT = 560, 260
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


def _fmt(value: float) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".")


#: At most this many year labels under the axis; a longer plan labels every second year, …
MOST_YEAR_LABELS = 12


def chart_svg(
    rows: Sequence[YearRow],
    ev: Evaluation,
    baseline_year: int,
    lang: str = "zh",
    end_year: int | None = None,
) -> str:
    """The SVG chart of one indicator, as text to put inside an HTML page.

    The axis runs from the baseline year to the plan's end year (end_year, else the last
    row's year): a plan of any length.
    """
    ind = ev.indicator
    words = LABELS[lang]
    cumulative = ind.kind is Kind.CUMULATIVE
    points: list[tuple[int, float]] = []
    baseline = ind.baseline
    if (
        not cumulative
        and baseline is not None
        and baseline.value is not None
        and not baseline.is_bound
        and baseline.basis is Basis.YEAR
    ):
        points.append((baseline_year, baseline.value))
    for row in rows:
        value = row.cumulative if cumulative else row.value
        if value is not None:
            points.append((row.year, value))
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
    low = 0.0 if cumulative or not values else min(values)
    high = max(values, default=1.0)
    if not cumulative and values:
        pad = (high - low) * 0.15 or abs(high) * 0.1 or 1.0
        low, high = max(0.0, low - pad) if low >= 0 else low - pad, high + pad
    if high <= low:
        high = low + 1.0

    def x(year: float) -> float:
        return LEFT + (year - baseline_year) / (end_year - baseline_year) * (WIDTH - LEFT - RIGHT)

    def y(value: float) -> float:
        return TOP + (high - value) / (high - low) * (HEIGHT - TOP - BOTTOM)

    def path(series: Sequence[tuple[float, float]]) -> str:
        return " ".join(f"{x(a):.1f},{y(b):.1f}" for a, b in series)

    name = ind.name if lang == "zh" else ind.name_en
    title = words["title"].format(name=name, what=words["total" if cumulative else "actual"])
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg" '
        f'style="font-family: {escape(FONT_STACK)}; font-size: 12px">',
        f"<title>{escape(title)}</title>",
    ]
    for tick in _nice_ticks(low, high):
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(tick):.1f}" y2="{y(tick):.1f}" '
            'stroke="#e5e7eb"/>'
            f'<text x="{LEFT - 6}" y="{y(tick) + 4:.1f}" text-anchor="end" fill="#555">'
            f"{_fmt(tick)}</text>"
        )
    step = -(-(end_year - baseline_year + 1) // MOST_YEAR_LABELS)  # ceiling division
    for year in range(baseline_year, end_year + 1, step):
        parts.append(
            f'<text x="{x(year):.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle" '
            f'fill="#555">{year}</text>'
        )
    if target is not None:
        parts.append(
            f'<line class="target" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(target):.1f}" '
            f'y2="{y(target):.1f}" stroke="#b91c1c" stroke-dasharray="6 4"/>'
            f'<text x="{WIDTH - RIGHT}" y="{y(target) - 5:.1f}" text-anchor="end" '
            f'fill="#b91c1c">{escape(words["target"])} {escape(ind.target.text)}</text>'
        )
    if expected_points:
        parts.append(
            f'<polyline class="expected" points="{path(expected_points)}" fill="none" '
            'stroke="#6b7280" stroke-dasharray="3 3"/>'
        )
    if trend:
        parts.append(
            f'<polyline class="trend" points="{path(trend)}" fill="none" stroke="#2563eb" '
            'stroke-dasharray="1 4" stroke-width="2"/>'
        )
    if points:
        parts.append(
            f'<polyline class="actual" points="{path(points)}" fill="none" stroke="#2563eb" '
            'stroke-width="2.5"/>'
        )
        for year, value in points:
            parts.append(
                f'<circle cx="{x(year):.1f}" cy="{y(value):.1f}" r="3.5" fill="#2563eb">'
                f"<title>{year}: {_fmt(value)} {escape(ind.unit)}</title></circle>"
            )
    legend = [
        ("#2563eb", "", words["total" if cumulative else "actual"]),
        ("#6b7280", "3 3", words["expected"]),
        ("#b91c1c", "6 4", words["target"]),
    ]
    if trend:  # none in a final evaluation: nothing runs beyond the end year
        legend.append(("#2563eb", "1 4", words["trend"]))
    lx = LEFT
    for colour, dash, label in legend:
        parts.append(
            f'<line x1="{lx}" x2="{lx + 22}" y1="{HEIGHT - 8}" y2="{HEIGHT - 8}" '
            f'stroke="{colour}" stroke-width="2" stroke-dasharray="{dash}"/>'
            f'<text x="{lx + 26}" y="{HEIGHT - 4}" fill="#333">{escape(label)}</text>'
        )
        lx += 30 + 13 * len(label) if lang == "zh" else 30 + 7 * len(label)
    parts.append("</svg>")
    return "".join(parts)


ACROSS_LABELS = {
    "zh": {"title": "{name}：跨规划", "target": "目标"},
    "en": {"title": "{name} across plans", "target": "target"},
}
#: One colour per plan, in turn.
PLAN_COLOURS = ("#2563eb", "#059669", "#9333ea", "#d97706", "#dc2626")


def across_chart_svg(stretches: Sequence[Stretch], lang: str = "zh") -> str:
    """One indicator through the plans it runs through, as SVG: each plan's figures (a total
    runs within its own plan), its period shaded and named, its target as a dashed line over
    its years. Stretches whose units do not convert to the chosen one are left out."""
    words = ACROSS_LABELS[lang]
    chosen = next(s for s in stretches if s.chosen).indicator
    drawn = [s for s in stretches if s.factor is not None]
    first = min(s.plan.plan.baseline_year for s in drawn)
    last = max(s.plan.plan.end_year for s in drawn)
    series = [(s, _across_points(s)) for s in drawn]
    targets = [
        (s, s.indicator.target_value * (s.factor or 1.0)) for s in drawn if s.indicator.has_target
    ]
    values = [v for _, points in series for _, v in points] + [t for _, t in targets]
    high = max(values, default=1.0) * 1.1 or 1.0
    low = min(0.0, min(values, default=0.0))

    def x(year: float) -> float:
        return LEFT + (year - first) / max(1, last - first) * (WIDTH - LEFT - RIGHT)

    def y(value: float) -> float:
        return TOP + (high - value) / (high - low) * (HEIGHT - TOP - BOTTOM)

    name = chosen.name if lang == "zh" else chosen.name_en
    title = words["title"].format(name=name) + f"（{chosen.unit}）"
    parts = [
        f'<svg class="chart across" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg" '
        f'style="font-family: {escape(FONT_STACK)}; font-size: 12px">',
        f"<title>{escape(title)}</title>",
    ]
    for i, (stretch, _) in enumerate(series):
        info = stretch.plan.plan
        colour = PLAN_COLOURS[i % len(PLAN_COLOURS)]
        left, right = x(info.start_year - 0.5), x(info.end_year + 0.5)
        parts.append(
            f'<rect class="period" x="{left:.1f}" y="{TOP}" width="{right - left:.1f}" '
            f'height="{HEIGHT - TOP - BOTTOM}" fill="{colour}" fill-opacity="0.06"/>'
            f'<text x="{left + 4:.1f}" y="{TOP + 12}" fill="{colour}">{escape(info.id)}</text>'
        )
    for tick in _nice_ticks(low, high):
        parts.append(
            f'<text x="{LEFT - 6}" y="{y(tick) + 4:.1f}" text-anchor="end" fill="#555">'
            f"{_fmt(tick)}</text>"
        )
    step = -(-(last - first + 1) // MOST_YEAR_LABELS)
    for year in range(first, last + 1, step):
        parts.append(
            f'<text x="{x(year):.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle" '
            f'fill="#555">{year}</text>'
        )
    for i, (stretch, points) in enumerate(series):
        colour = PLAN_COLOURS[i % len(PLAN_COLOURS)]
        info = stretch.plan.plan
        target = next((t for s, t in targets if s is stretch), None)
        label = stretch.indicator.target.text
        if stretch.indicator.unit != chosen.unit:
            label += f" {stretch.indicator.unit}（{_fmt(target or 0)} {chosen.unit}）"
        if target is not None:
            parts.append(
                f'<line class="target" x1="{x(info.start_year - 0.5):.1f}" '
                f'x2="{x(info.end_year + 0.5):.1f}" y1="{y(target):.1f}" y2="{y(target):.1f}" '
                f'stroke="{colour}" stroke-dasharray="6 4"/>'
                f'<text x="{x(info.end_year + 0.5) - 2:.1f}" y="{y(target) - 5:.1f}" '
                f'text-anchor="end" fill="{colour}">{escape(words["target"])} '
                f"{escape(label)}</text>"
            )
        if points:
            line = " ".join(f"{x(a):.1f},{y(b):.1f}" for a, b in points)
            parts.append(
                f'<polyline class="actual" points="{line}" fill="none" stroke="{colour}" '
                'stroke-width="2.5"/>'
            )
            for year, value in points:
                parts.append(
                    f'<circle cx="{x(year):.1f}" cy="{y(value):.1f}" r="3.5" fill="{colour}">'
                    f"<title>{escape(info.id)} {year}: {_fmt(value)} {escape(chosen.unit)}"
                    "</title></circle>"
                )
    parts.append("</svg>")
    return "".join(parts)


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
