"""The report's page (report.Page) as Markdown: the same sections, charts drawn as bars of text.

Every text goes through escaping.markdown (no HTML, link or column from plan text); the bars
sit in a code block whose fence no line can close.
"""

from __future__ import annotations

from ..calc.evaluation import YearRow
from ..model.plan import Kind
from .cells import derived, figure
from .escaping import code_fence, markdown
from .formats import markdown_table
from .report import Page, Section, Story, Table
from .story import Axis, bar

__all__ = ["page_markdown"]

BARS = 30


def _table(table: Table) -> str:
    return markdown_table(table.headers, [row.cells for row in table.rows])


def _section(section: Section, extra: list[str] | None = None) -> list[str]:
    out = ["", f"## {markdown(section.heading)}"]
    for paragraph in section.paragraphs:
        out += ["", markdown(paragraph)]
    out += extra or []
    for heading, table in section.tables:
        out += ["", f"### {markdown(heading)}", "", _table(table)]
    for note in section.notes:
        out += ["", markdown(note)]
    return out


#: What a chart of text says about itself, and how a year of a total reads.
CHART_WORDS = {
    "zh": {
        "scale": "条形从 0 画起，满格为 {top} {unit}；括号内为按序时进度应达到的数。",
        "bound": "≥{bound}（下限）",
        "flow": "，当年 {flow}",
        "missing": "缺报",
    },
    "en": {
        "scale": "Bars start at 0; a full bar is {top} {unit}. In brackets: where the pace"
        " due would be.",
        "bound": "≥{bound} (a lower bound)",
        "flow": ", the year's {flow}",
        "missing": "missing",
    },
}


def _year(row: YearRow, cumulative: bool, say: dict[str, str]) -> tuple[float | None, str]:
    """What a year's bar draws and its figure says: a level; a total where it is known; else
    the lower bound with the year's own flow, or that the year is missing."""
    if not cumulative:
        return row.value, figure(row.value)
    if row.cumulative is not None:
        return row.cumulative, figure(row.cumulative)
    if row.value is None or row.known_total is None:
        return None, say["missing"] if row.known_total is not None else figure(None)
    flow = "" if row.to_date else say["flow"].format(flow=figure(row.value))
    return row.known_total, say["bound"].format(bound=figure(row.known_total)) + flow


def _chart(story: Story, page: Page) -> list[str]:
    """The years as bars of text from zero, the scale said first, the expected figure in
    brackets, then the target. A total with a gap shows its lower bound and each flow."""
    from rich.cells import cell_len

    ev = story.evaluation
    ind = ev.indicator
    cumulative = ind.kind is Kind.CUMULATIVE
    say = CHART_WORDS[page.lang]
    years = [_year(row, cumulative, say) for row in story.rows]
    drawn_values = [v for v, _ in years] + [r.expected for r in story.rows] + [ind.target.value]
    top = max((v for v in drawn_values if v is not None), default=0.0) * 1.02 or 1.0
    axis = Axis(0.0, top, BARS)
    lines = [say["scale"].format(top=derived(top), unit=ind.unit)]
    label = page.words["target"]
    width = max(4, cell_len(label))  # the years and the target's label in one column
    for row, (value, text) in zip(story.rows, years, strict=True):
        drawn = bar(value, axis) if value is not None else ""
        expected = "" if row.expected is None else f"  ({derived(row.expected)})"
        lines.append(f"{row.year:<{width}}  {drawn:<{BARS}} {text}{expected}")
    if ind.target.value is not None:
        head = label + " " * (width - cell_len(label))
        lines.append(f"{head}  {bar(ind.target.value, axis):<{BARS}} {ind.target.text}")
    return code_fence(lines)


def _story(story: Story, page: Page) -> list[str]:
    return [
        "",
        f"### {markdown(story.heading)}",
        "",
        *_chart(story, page),
        "",
        *(f"- {markdown(line)}" for line in [story.status_line, *story.lines, story.source]),
    ]


def page_markdown(page: Page) -> str:
    """The page as Markdown, every text escaped."""
    binding = f"**{markdown(page.binding_label.strip())}** {markdown(page.binding)}"
    out = [
        f"# {markdown(page.title)}",
        "",
        markdown(page.meta),
        "",
        f"> **{markdown(page.notice)}**",
        *_section(page.summary, ["", binding]),
        *_section(page.groups),
        "",
        f"## {markdown(page.stories_heading)}",
    ]
    for story in page.stories:
        out += _story(story, page)
    out += _section(page.audit)
    out += ["", f"## {markdown(page.sources.heading)}", ""]
    out += [f"- {markdown(item)}" for item in page.sources.paragraphs]
    return "\n".join(out) + "\n"
