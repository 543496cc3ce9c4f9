"""The report's page (report.Page) as one standalone HTML page.

Everything the page needs is inside it: styles, and charts as inline SVG (see chart.py), so it
opens without a network, on a phone and on paper. Every text goes through escaping.html.
"""

from __future__ import annotations

from .chart import FONT_STACK, chart_svg
from .escaping import html as h
from .report import Page, Section, Story, Table

__all__ = ["page_html"]

CSS = """
:root { --good: #15803d; --ok: #0e7490; --warn: #b45309; --bad: #b91c1c; --none: #6b7280; }
* { box-sizing: border-box; }
body { font-family: FONTS; margin: 0 auto; max-width: 60rem; padding: 1rem; color: #111;
       line-height: 1.55; }
h1 { font-size: 1.5rem; margin: .5rem 0; } h2 { font-size: 1.25rem; margin-top: 2rem;
  border-bottom: 2px solid #ddd; } h3 { font-size: 1.05rem; margin-bottom: .25rem; }
.meta { color: #444; }
.provenance { border: 3px solid var(--bad); background: #fef2f2; color: #7f1d1d;
  padding: .75rem 1rem; font-weight: bold; font-size: 1.05rem; border-radius: .4rem; }
.provenance.official { border-color: var(--good); background: #f0fdf4; color: #14532d; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .92rem; }
th, td { border-bottom: 1px solid #e5e7eb; padding: .3rem .45rem; text-align: left;
  vertical-align: top; }
th { background: #f3f4f6; } td.num { text-align: right; white-space: nowrap; }
td:nth-child(2), td:nth-child(3), td:nth-child(4) { white-space: nowrap; }
.scroll table { min-width: 40rem; } td:first-child { min-width: 8em; }
.scroll table.counts { width: auto; min-width: 16rem; }
.status { font-weight: bold; white-space: nowrap; }
.good { color: var(--good); } .ok { color: var(--ok); } .warn { color: var(--warn); }
.bad { color: var(--bad); } .none { color: var(--none); }
.note { color: #444; font-size: .9rem; }
section.indicator { break-inside: avoid; page-break-inside: avoid; margin-bottom: 1.5rem; }
svg.chart { width: 100%; height: auto; max-width: 40rem; display: block; }
.source, footer { color: #555; font-size: .85rem; }
h2, h3 { break-after: avoid; page-break-after: avoid; }
@media print { body { max-width: none; } .provenance { border-width: 2px; } a { color: inherit; } }
""".replace("FONTS", FONT_STACK)


def _table(table: Table, *, status_first: bool = False, css_class: str = "") -> str:
    """A table; a row's css colours its status cell (the last, or the first for counts)."""
    head = "".join(f"<th>{h(header)}</th>" for header in table.headers)
    classes = f' class="{css_class}"' if css_class else ""
    out = [f'<div class="scroll"><table{classes}><thead><tr>{head}</tr></thead><tbody>']
    status_at = 0 if status_first else len(table.headers) - 1
    for row in table.rows:
        cells = []
        for i, cell in enumerate(row.cells):
            if row.css and i == status_at:
                cells.append(f'<td class="status {row.css}">{h(cell)}</td>')
            elif i in table.numeric:
                cells.append(f'<td class="num">{h(cell)}</td>')
            else:
                cells.append(f"<td>{h(cell)}</td>")
        data_id = f' data-id="{h(row.id)}"' if row.id and not status_first else ""
        out.append(f"<tr{data_id}>{''.join(cells)}</tr>")
    out.append("</tbody></table></div>")
    return "".join(out)


def _section(section: Section, extra: str = "") -> str:
    out = [f'<section id="{section.id}"><h2>{h(section.heading)}</h2>']
    out += [f"<p>{h(p)}</p>" for p in section.paragraphs]
    out.append(extra)
    for heading, table in section.tables:
        out.append(f"<h3>{h(heading)}</h3>{_table(table)}")
    out += [f'<p class="note">{h(note)}</p>' for note in section.notes]
    out.append("</section>")
    return "".join(out)


def _story(story: Story, page: Page) -> str:
    ind = story.evaluation.indicator
    chart = chart_svg(story.rows, story.evaluation, page.baseline_year, page.lang, page.end_year)
    items = "".join(f"<li>{h(line)}</li>" for line in story.lines)
    return (
        f'<section class="indicator" id="ind-{h(ind.id)}" data-id="{h(ind.id)}">'
        f"<h3>{h(story.heading)}</h3>"
        f'<p><span class="status {story.css}">{h(story.status_line)}</span></p>'
        f"{chart}<ul>{items}</ul>"
        f'<p class="source">{h(story.source)}</p></section>'
    )


def page_html(page: Page) -> str:
    """The page as HTML, every text escaped."""
    summary = _section(
        page.summary,
        f"<p><strong>{h(page.binding_label)}</strong>{h(page.binding)}</p>"
        + _table(page.counts, status_first=True, css_class="counts"),
    )
    stories = "".join(_story(story, page) for story in page.stories)
    sources = "".join(f"<li>{h(item)}</li>" for item in page.sources.paragraphs)
    official = " official" if page.official else ""
    out = [
        "<!doctype html>",
        f'<html lang="{page.html_lang}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{h(page.title)} — {page.as_of}</title><style>{CSS}</style></head><body>",
        f"<header><h1>{h(page.title)}</h1>",
        f'<p class="meta">{h(page.meta)}</p></header>',
        f'<div class="provenance{official}" role="note" id="provenance">{h(page.notice)}</div>',
        summary,
        _section(page.groups),
        f'<section id="indicators"><h2>{h(page.stories_heading)}</h2>{stories}</section>',
        _section(page.audit),
        f'<section id="sources"><h2>{h(page.sources.heading)}</h2><ul>{sources}</ul></section>',
        f"<footer><p>{h(page.notice)}</p></footer></body></html>",
    ]
    return "\n".join(out) + "\n"
