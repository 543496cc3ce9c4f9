"""The same table given as text, Markdown, one cell a line, HTML, .docx and PDF: the same rows."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from tongnan_plan.extract import extract_plan
from tongnan_plan.extract.draft import Draft

from .conftest import FIXTURES

SEED = FIXTURES / "extract" / "tongnan-14th-plan.txt"
TITLE = "重庆市潼南区人力资源和社会保障事业发展“十四五”规划（2021-2025年）"
CAPTION = "专栏 2 “十四五”规划主要指标"
NOTE = "注：【】内为五年积累数。"


def zhuanlan2() -> list[list[str]]:
    """专栏2 as the plan's text prints it: tab-separated rows, the header once."""
    lines = SEED.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("专栏 2"))
    rows: list[list[str]] = []
    for line in lines[start + 1 :]:
        if line.startswith("注"):
            break
        if "\t" in line:
            cells = [c.strip() for c in line.split("\t")]
            if not (rows and cells == rows[0]):
                rows.append(cells)
    return rows


def rows_of(draft: Draft) -> list[tuple[object, ...]]:
    by_id = {i.id: i for i in draft.plan.indicators}
    groups = {g.id: g.name for g in draft.plan.groups}
    return [
        (
            i.name,
            i.unit,
            None
            if i.baseline is None
            else (i.baseline.value, i.baseline.comparator, i.baseline.text),
            (i.target.value, i.target.comparator, i.target.text),
            i.attribute,
            by_id[i.parent].name if i.parent else None,
            groups[i.group],
            i.kind,
            i.source,
        )
        for i in draft.plan.indicators
        if i.tier == "main"
    ]


@pytest.fixture(scope="module")
def expected() -> list[tuple[object, ...]]:
    rows = rows_of(extract_plan(SEED))
    assert len(rows) == 17
    return rows


def write_tab_text(path: Path) -> None:
    body = "\n".join("\t".join(r) for r in zhuanlan2())
    path.write_text(f"{TITLE}\n\n{CAPTION}\n\n{body}\n\n{NOTE}\n", encoding="utf-8")


def write_markdown(path: Path) -> None:
    rows = zhuanlan2()
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
    lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
    path.write_text(f"# {TITLE}\n\n{CAPTION}\n\n" + "\n".join(lines) + f"\n\n{NOTE}\n", "utf-8")


def write_one_cell_per_line(path: Path) -> None:
    """As copying a web table gives: each cell on a line; a group heading is one cell."""
    lines = []
    for row in zhuanlan2():
        lines += [c for c in row if c] if not row[0][0].isdigit() else row
    path.write_text(f"{TITLE}\n\n{CAPTION}\n\n" + "\n".join(lines) + f"\n\n{NOTE}\n", "utf-8")


def write_one_cell_per_line_spaced(path: Path) -> None:
    """One cell a line with a blank line between cells, as many pages copy; the header printed
    again where the plan's page breaks (as the seed's own text has it)."""
    seed = SEED.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(seed) if line.startswith("专栏 2"))
    end = next(i for i in range(start, len(seed)) if seed[i].startswith("注"))
    lines = [c.strip() for line in seed[start + 1 : end] for c in line.split("\t") if c.strip()]
    assert lines.count("指 标") == 2
    path.write_text(f"{TITLE}\n\n{CAPTION}\n\n" + "\n\n".join(lines) + f"\n\n{NOTE}\n", "utf-8")


def write_html(path: Path) -> None:
    rows = zhuanlan2()
    out = [f"<html><head><meta charset='utf-8'><title>{TITLE}</title></head><body>"]
    out += [f"<h1>{TITLE}</h1>", f"<p>{CAPTION}</p>", "<table border='1'>"]
    out.append("<tr>" + "".join(f"<th>{html.escape(c)}</th>" for c in rows[0]) + "</tr>")
    for row in rows[1:]:
        if not any(row[1:]):  # a group heading spans the table
            out.append(f"<tr><td colspan='{len(row)}'>{html.escape(row[0])}</td></tr>")
        else:
            out.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>")
    out += ["</table>", f"<p>{NOTE}</p>", "</body></html>"]
    path.write_text("\n".join(out), encoding="utf-8")


def write_docx(path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading(TITLE, level=1)
    document.add_paragraph(CAPTION)
    rows = zhuanlan2()
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        if r and not any(row[1:]):
            merged = table.cell(r, 0).merge(table.cell(r, len(row) - 1))
            merged.text = row[0]
            continue
        for c, cell in enumerate(row):
            table.cell(r, c).text = cell
    document.add_paragraph(NOTE)
    document.save(str(path))


WRITERS = {
    "plan.txt": write_tab_text,
    "plan.md": write_markdown,
    "cells.txt": write_one_cell_per_line,
    "cells-spaced.txt": write_one_cell_per_line_spaced,
    "plan.html": write_html,
    "plan.docx": write_docx,
}


@pytest.mark.parametrize("name", list(WRITERS))
def test_each_format_gives_the_same_rows(
    name: str, tmp_path: Path, expected: list[tuple[object, ...]]
) -> None:
    path = tmp_path / name
    WRITERS[name](path)
    draft = extract_plan(path)
    assert [t.label for t in draft.tables] == ["专栏2"]
    assert rows_of(draft) == expected


def test_a_pdf_with_a_text_layer_gives_the_same_rows(expected: list[tuple[object, ...]]) -> None:
    # Made by tests/fixtures/extract/make_pdf.py from the same rows (a ruled table).
    draft = extract_plan(FIXTURES / "extract" / "zhuanlan2.pdf")
    assert rows_of(draft) == expected


def test_html_in_gb18030_without_a_charset_is_read(tmp_path: Path) -> None:
    source = tmp_path / "utf8.html"
    write_html(source)
    legacy = tmp_path / "gbk.html"
    legacy.write_bytes(
        source.read_text("utf-8").replace("<meta charset='utf-8'>", "").encode("gb18030")
    )
    assert rows_of(extract_plan(legacy)) == rows_of(extract_plan(source))
