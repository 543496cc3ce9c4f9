"""The report is blocks built once (report.parts); HTML, Markdown and Word are writers over
them: the three say the same counts and the same warning, and no writer builds content."""

from __future__ import annotations

import re
import zipfile
from io import BytesIO
from pathlib import Path

import docx
from typer.testing import CliRunner

from tongnan_plan.cli import app
from tongnan_plan.present.docx_writer import blocks_docx
from tongnan_plan.present.view import Cell, Heading, Items, Notice, Paragraphs, Section, Table

runner = CliRunner()


def _report(tmp_path: Path, data: Path, suffix: str, lang: str = "zh") -> Path:
    target = tmp_path / f"report.{suffix}"
    result = runner.invoke(app, ["report", "-o", str(target), "--data", str(data), "--lang", lang])
    assert result.exit_code == 0, result.output
    return target


def _html_counts(html: str) -> list[tuple[str, str]]:
    table = re.search(r'<table class="counts">(.*?)</table>', html)
    assert table is not None
    return re.findall(r'<td class="status [a-z]+">([^<]*)</td><td class="num">(\d+)</td>', table[1])


def test_markdown_counts_the_statuses_as_the_page_does(tmp_path: Path, data_dir: Path) -> None:
    # Before, the Markdown report left the count of each status out.
    html = _report(tmp_path, data_dir, "html").read_text(encoding="utf-8")
    markdown = _report(tmp_path, data_dir, "md").read_text(encoding="utf-8")
    counts = _html_counts(html)
    assert counts and sum(int(n) for _, n in counts) == 17  # the 17 main indicators
    for status, n in counts:
        assert re.search(rf"^\| {status} +\| +{n} \|$", markdown, re.MULTILINE), status


def test_every_form_ends_with_the_warning_it_opens_with(tmp_path: Path, data_dir: Path) -> None:
    # Before, the Markdown report warned only at its head.
    warning = "注意：本报告中标 * 的数字不是正式统计数据（示例），不能作为评估结论引用。"
    markdown = _report(tmp_path, data_dir, "md").read_text(encoding="utf-8")
    assert markdown.count(f"> **{warning}**") == 2
    assert markdown.endswith(f"> **{warning}**\n")
    html = _report(tmp_path, data_dir, "html").read_text(encoding="utf-8")
    assert html.endswith(f"<footer><p>{warning}</p></footer></body></html>\n")
    paragraphs = [
        p.text for p in docx.Document(str(_report(tmp_path, data_dir, "docx"))).paragraphs
    ]
    assert paragraphs[3] == warning and paragraphs[-1] == warning


def test_each_picture_in_word_has_its_words(tmp_path: Path, data_dir: Path) -> None:
    # A chart's text alternative is its title: a total draws its yearly running total.
    with zipfile.ZipFile(_report(tmp_path, data_dir, "docx")) as archive:
        xml = archive.read("word/document.xml").decode()
    words = re.findall(r'<wp:docPr id="\d+" name="[^"]*" descr="([^"]*)"/>', xml)
    assert "城镇新增就业人数：逐年累计、序时进度线与目标" in words
    assert "城镇调查失业率：逐年实际、序时进度线与目标" in words
    assert len(words) == xml.count("<wp:docPr ")


def test_the_word_writer_lays_out_blocks_and_writes_nothing_else() -> None:
    table = Table(("A", "B"), [[Cell("x"), Cell("1", 1)]], right=frozenset({"1"}))
    blocks = [
        Section(
            [Paragraphs(["T"], role="title"), Paragraphs(["m"], role="meta"), Notice(["w"])],
            kind="header",
            title="T",
        ),
        Heading("一级", level=1),
        Heading("二级", level=2),
        Items(["甲", "2个"], numbering=3),
        Paragraphs(["表1"], role="caption"),
        table,
        Heading("又一级", level=1),
        Items(["乙"], numbering=4),
        Paragraphs(["done"], lead="L: "),
    ]
    document = docx.Document(BytesIO(blocks_docx(blocks, "zh")))
    texts = [p.text for p in document.paragraphs if p.text]
    # Headings numbered 一、（一）; items 1. 2. (a space before a figure), （1）.
    expected = ["T", "m", "w", "一、一级", "（一）二级", "1.甲", "2. 2个", "表1", "二、又一级"]
    assert texts == [*expected, "（1）乙", "L: done"]
    assert [[c.text for c in row.cells] for row in document.tables[0].rows] == [
        ["A", "B"],
        ["x", "1"],
    ]
    assert document.core_properties.title == "T" and document.core_properties.comments == "m"


def test_the_page_and_document_writers_build_no_content() -> None:
    # What the report says is built by report.py, sentences.py and cells.py; the writers
    # import none of them (nor the library), only the blocks and how to draw them.
    import ast

    from tongnan_plan import present

    builders = {"report", "sentences", "story", "summary", "audit_tables", "calc", "model"}
    for name in ("report_html", "docx_writer", "docx_chart", "docx_style"):
        tree = ast.parse((Path(present.__file__).parent / f"{name}.py").read_text("utf-8"))
        imported = {
            part
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.level > 0
            for part in (node.module or "").split(".")
        }
        assert not imported & builders, (name, imported & builders)
