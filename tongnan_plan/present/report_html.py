"""A page's blocks (the report's: report.page_blocks) as one standalone HTML page.

Everything the page needs is inside it: styles, and charts as inline SVG (see chart.py), so it
opens without a network, on a phone and on paper. Every text goes through escaping.html.
"""

from __future__ import annotations

from collections.abc import Sequence

from .chart import FONT_STACK, NARROW, WIDE
from .escaping import html as h
from .view import Block, Heading, Items, Notice, Paragraphs, Picture, Section, Table

__all__ = ["CSS", "page_html"]

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


#: The language of the page as HTML names it.
HTML_LANG = {"zh": "zh-CN", "en": "en"}


def _table(table: Table) -> str:
    """A table; a status cell is coloured by its tone, the status column marked so that a
    phone keeps it in view; number columns align with their headers."""
    keys = table.columns
    toned = {i for row in table.rows for i, cell in enumerate(row) if cell.tone}
    head = "".join(
        f"<th{_header_class(keys[i] in table.right, i in toned)}>{h(header)}</th>"
        for i, header in enumerate(table.headers)
    )
    kind = f' class="{table.kind}"' if table.kind else ""
    out = [f'<div class="scroll"><table{kind}><thead><tr>{head}</tr></thead><tbody>']
    for n, row in enumerate(table.rows):
        cells = []
        for key, cell in zip(keys, row, strict=True):
            if cell.tone:
                cells.append(f'<td class="status {cell.tone}">{h(cell.text)}</td>')
            elif cell.short:
                cells.append(
                    f'<td><span class="full">{h(cell.text)}</span>'
                    f'<span class="short">{h(cell.short)}</span></td>'
                )
            elif key in table.right or key in table.one_line:
                kind = "num" if key in table.right else "fig"
                cells.append(f'<td class="{kind}">{h(cell.text)}</td>')
            else:
                cells.append(f"<td>{h(cell.text)}</td>")
        data_id = f' data-id="{h(table.ids[n])}"' if n < len(table.ids) else ""
        out.append(f"<tr{data_id}>{''.join(cells)}</tr>")
    out.append("</tbody></table></div>")
    return "".join(out)


def _header_class(number: bool, status: bool) -> str:
    if status:
        return ' class="status"'
    return ' class="num"' if number else ""


def _paragraphs(block: Paragraphs) -> str:
    out = []
    for n, line in enumerate(block.lines):
        lead = f"<strong>{h(block.lead)}</strong>" if block.lead and n == 0 else ""
        if block.role.startswith("status"):
            out.append(f'<p><span class="{block.role}">{h(line)}</span></p>')
        else:
            role = f' class="{block.role}"' if block.role else ""
            out.append(f"<p{role}>{lead}{h(line)}</p>")
    return "".join(out)


def _section(section: Section) -> str:
    if section.kind == "header":
        return "<header>" + "\n".join(_block(b) for b in section.blocks) + "</header>"
    inner = "".join(_block(b) for b in section.blocks)
    if section.kind == "indicator":
        ident = h(section.id)
        return f'<section class="indicator" id="ind-{ident}" data-id="{ident}">{inner}</section>'
    return f'<section id="{h(section.id)}">{inner}</section>'


def _block(block: Block) -> str:
    """One block as HTML, every text escaped."""
    if isinstance(block, Section):
        return _section(block)
    if isinstance(block, Heading):
        return f"<h{block.level}>{h(block.text)}</h{block.level}>"
    if isinstance(block, Paragraphs):
        return _paragraphs(block)
    if isinstance(block, Items):
        return "<ul>" + "".join(f"<li>{h(line)}</li>" for line in block.lines) + "</ul>"
    if isinstance(block, Picture):
        return "".join(block.chart.svg(frame) for frame in (WIDE, NARROW))
    if isinstance(block, Notice):
        text = "".join(h(line) for line in block.lines)
        if block.end:
            return f"<footer><p>{text}</p></footer>"
        official = " official" if block.official else ""
        return f'<div class="provenance{official}" role="note" id="provenance">{text}</div>'
    return _table(block)


def page_html(blocks: Sequence[Block], lang: str) -> str:
    """The blocks as one standalone HTML page, every text escaped; its title, its header's."""
    title = next((b.title for b in blocks if isinstance(b, Section) and b.title), "")
    out = [
        "<!doctype html>",
        f'<html lang="{HTML_LANG[lang]}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{h(title)}</title><style>{CSS}</style></head><body>",
        *(_block(block) for block in blocks),
    ]
    return "\n".join(out) + "</body></html>\n"
