"""The report's page (report.Page) as Markdown: the same sections, charts drawn as bars of text.

Every text goes through escaping.markdown (no HTML, link or column from plan text); the bars
sit in a code block whose fence no line can close.
"""

from __future__ import annotations

from ..model.plan import Kind
from .cells import derived, figure
from .escaping import code_fence, markdown
from .formats import markdown_table
from .report import Page, Section, Story, Table
from .story import bar, story_axis

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


def _chart(story: Story, page: Page) -> list[str]:
    """The years as bars of text, the expected figure in brackets, then the target."""
    ev = story.evaluation
    ind = ev.indicator
    axis = story_axis(story.rows, ev, BARS)
    cumulative = ind.kind is Kind.CUMULATIVE
    lines = []
    for row in story.rows:
        value = row.cumulative if cumulative else row.value
        drawn = bar(value, axis) if value is not None else ""
        expected = "" if row.expected is None else f"  ({derived(row.expected)})"
        lines.append(f"{row.year}  {drawn:<{BARS}} {figure(value)}{expected}")
    if ind.target.value is not None:
        label = page.words["target"]
        lines.append(f"{label}  {bar(ind.target.value, axis):<{BARS}} {ind.target.text}")
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
