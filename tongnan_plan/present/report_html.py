"""The report's page (report.Page) as one standalone HTML page.

Everything the page needs is inside it: styles, and charts as inline SVG (see chart.py), so it
opens without a network, on a phone and on paper. Every text goes through escaping.html.
"""

from __future__ import annotations

from .chart import FONT_STACK, NARROW, WIDE, chart_svg
from .escaping import html as h
from .report import Page, Section, Story, Table

__all__ = ["page_html"]

CSS = """
:root { --good: #15803d; --ok: #0e7490; --warn: #b45309; --bad: #b91c1c; --none: #6b7280; }
* { box-sizing: border-box; }
body { font-family: FONTS; margin: 0 auto; max-width: 60rem; padding: 1rem; color: #111;
       line-height: 1.55; font-size: 1rem; }
h1 { font-size: 1.5rem; margin: .5rem 0; } h2 { font-size: 1.25rem; margin-top: 2rem;
  border-bottom: 2px solid #ddd; } h3 { font-size: 1.05rem; margin-bottom: .25rem; }
.meta { color: #444; }
.provenance { border: 3px solid var(--bad); background: #fef2f2; color: #7f1d1d;
  padding: .75rem 1rem; font-weight: bold; font-size: 1.05rem; border-radius: .4rem; }
.provenance.official { border-color: var(--good); background: #f0fdf4; color: #14532d; }
.scroll { overflow-x: auto; }
table { border-collapse: separate; border-spacing: 0; width: 100%; margin: .5rem 0 1rem;
  font-size: .92rem; }
th, td { border-bottom: 1px solid #e5e7eb; padding: .3rem .45rem; text-align: left;
  vertical-align: top; background: #fff; }
th { background: #f3f4f6; vertical-align: bottom; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.fig { white-space: nowrap; }
.scroll table { min-width: 40rem; } td:first-child { min-width: 8em; }
.scroll table.counts { width: auto; min-width: 16rem; }
.status { font-weight: bold; word-break: keep-all; }  /* a status word breaks only at a space */
.good { color: var(--good); } .ok { color: var(--ok); } .warn { color: var(--warn); }
.bad { color: var(--bad); } .none { color: var(--none); }
.note { color: #444; font-size: .9rem; }
section.indicator { break-inside: avoid; page-break-inside: avoid; margin-bottom: 1.5rem; }
svg.chart { width: 100%; height: auto; display: block; }
svg.chart.wide { max-width: 40rem; }
svg.chart.narrow { display: none; max-width: 24rem; }
span.short { display: none; }
/* The tables by area share their columns' widths, so that they line up down the page. */
table.by-area { table-layout: fixed; }
table.by-area th:nth-child(1) { width: 21%; } table.by-area th:nth-child(2) { width: 6%; }
table.by-area th:nth-child(3) { width: 8.5%; } table.by-area th:nth-child(4) { width: 7.5%; }
table.by-area th:nth-child(5) { width: 10%; } table.by-area th:nth-child(6) { width: 6%; }
table.by-area th:nth-child(7) { width: 11%; } table.by-area th:nth-child(8) { width: 9.5%; }
table.by-area th:nth-child(9) { width: 8%; } table.by-area th:nth-child(10) { width: 12.5%; }
table.by-area th { white-space: normal; font-size: .85rem; }
.source, footer { color: #555; font-size: .85rem; }
h2, h3 { break-after: avoid; page-break-after: avoid; }
/* A phone: the name and the status stay in view while the columns between them scroll;
   the chart drawn for a narrow screen, its text as large as the page's. */
@media (max-width: 40rem) {
  body { padding: .75rem; }
  .scroll th:first-child, .scroll td:first-child { position: sticky; left: 0; z-index: 1;
    min-width: 6.5em; max-width: 8.5em; box-shadow: 1px 0 0 #d1d5db; }
  .scroll th.status, .scroll td.status { position: sticky; right: 0; z-index: 1;
    box-shadow: -1px 0 0 #d1d5db; }
  .scroll table.counts td, .scroll table.counts th { position: static; box-shadow: none; }
  svg.chart.wide { display: none; } svg.chart.narrow { display: block; }
  span.full { display: none; } span.short { display: inline; }
  table.by-area { table-layout: auto; } table.by-area th { width: auto !important; }
}
/* Paper: A4, every column on the page (small type, text wrapping), no scrollbars, headers
   again on each page, no row split, each chart with its heading. */
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  h2 { margin-top: 1.2rem; }
  .provenance { border-width: 2px; } a { color: inherit; }
  .scroll { overflow: visible; }
  .scroll table, table { min-width: 0; width: 100%; font-size: 8pt; }
  table.by-area th { font-size: 7.5pt; }
  .scroll table.counts { width: auto; min-width: 0; }
  th, td { padding: .12rem .3rem; position: static; box-shadow: none; }
  td:first-child { min-width: 0; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  section.indicator { margin-bottom: .6rem; }
  svg.chart.wide { display: block; max-width: 12.5cm; }
  svg.chart.narrow { display: none; }
  ul { margin: .2rem 0; }
}
""".replace("FONTS", FONT_STACK)


def _table(table: Table, *, status_first: bool = False, css_class: str = "") -> str:
    """A table; a row's css colours its status cell (the last, or the first for counts).

    Headers of number columns align with their numbers; the status column is marked so that
    a phone keeps it in view.
    """
    status_at = 0 if status_first else len(table.headers) - 1
    has_status = any(row.css for row in table.rows)
    head = "".join(
        f"<th{_header_class(i, table, has_status and i == status_at)}>{h(header)}</th>"
        for i, header in enumerate(table.headers)
    )
    classes = f' class="{css_class}"' if css_class else ""
    out = [f'<div class="scroll"><table{classes}><thead><tr>{head}</tr></thead><tbody>']
    for row in table.rows:
        cells = []
        for i, cell in enumerate(row.cells):
            if row.css and i == status_at:
                cells.append(f'<td class="status {row.css}">{h(cell)}</td>')
            elif i == 0 and row.short:
                cells.append(
                    f'<td><span class="full">{h(cell)}</span>'
                    f'<span class="short">{h(row.short)}</span></td>'
                )
            elif i in table.numeric:
                cells.append(f'<td class="num">{h(cell)}</td>')
            elif i in table.figures:
                cells.append(f'<td class="fig">{h(cell)}</td>')
            else:
                cells.append(f"<td>{h(cell)}</td>")
        data_id = f' data-id="{h(row.id)}"' if row.id and not status_first else ""
        out.append(f"<tr{data_id}>{''.join(cells)}</tr>")
    out.append("</tbody></table></div>")
    return "".join(out)


def _header_class(i: int, table: Table, status: bool) -> str:
    if status:
        return ' class="status"'
    return ' class="num"' if i in table.numeric else ""


def _section(section: Section, extra: str = "") -> str:
    out = [f'<section id="{section.id}"><h2>{h(section.heading)}</h2>']
    out += [f"<p>{h(p)}</p>" for p in section.paragraphs]
    out.append(extra)
    for heading, table in section.tables:
        out.append(f"<h3>{h(heading)}</h3>{_table(table, css_class=section.table_class)}")
    out += [f'<p class="note">{h(note)}</p>' for note in section.notes]
    out.append("</section>")
    return "".join(out)


def _story(story: Story, page: Page) -> str:
    ind = story.evaluation.indicator
    chart = "".join(
        chart_svg(
            story.rows,
            story.evaluation,
            page.baseline_year,
            page.lang,
            frame=frame,
            end_year=page.end_year,
        )
        for frame in (WIDE, NARROW)
    )
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
