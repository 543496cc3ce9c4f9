"""`tnplan report -o FILE.docx`: the Word document, opened again with python-docx."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from io import BytesIO
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from msgspec.structs import replace
from PIL import Image
from typer.testing import CliRunner

from tongnan_plan.cli import app
from tongnan_plan.model.plan import Plan, Tier
from tongnan_plan.present import docx_chart
from tongnan_plan.present.chart import Chart
from tongnan_plan.present.docx_report import mid_term_year

runner = CliRunner()


def write(path: Path, *args: str) -> Path:
    result = runner.invoke(app, ["report", "-o", str(path), *args])
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="module")
def final(tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> Path:
    """The final evaluation (2025, the shipped sample data), in Chinese."""
    return write(tmp_path_factory.mktemp("zh") / "总结评估.docx", "--data", str(data_dir))


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> Path:
    """The evaluation as of 2024, in English."""
    target = tmp_path_factory.mktemp("en") / "evaluation.docx"
    return write(target, "--data", str(data_dir), "--year", "2024", "--lang", "en")


def styled(document: Document, style: str) -> list[str]:
    return [p.text for p in document.paragraphs if p.style is not None and p.style.name == style]


def main_indicators(plan: Plan) -> list[str]:
    return [ind.id for ind in plan.indicators if ind.tier is Tier.MAIN]


def test_the_title_names_the_plan_and_the_kind_of_evaluation(
    final: Path, english: Path, plan: Plan
) -> None:
    assert styled(docx.Document(str(final)), "Report Title") == [plan.plan.title, "总结评估报告"]
    title = styled(docx.Document(str(english)), "Report Title")
    assert title == [plan.plan.title_en, "Evaluation report as of 2024"]


def test_a_mid_term_evaluation_says_so(tmp_path: Path, data_dir: Path, plan: Plan) -> None:
    # 2021-2025: half the period is 2.5 years, so the mid-term evaluation is as of 2023.
    assert mid_term_year(plan.plan) == 2023
    target = write(tmp_path / "中期评估.docx", "--data", str(data_dir), "--year", "2023")
    assert styled(docx.Document(str(target)), "Report Title")[1] == "中期评估报告（截至2023年）"
    other = plan.plan.model_copy(
        update={"baseline_year": 2015, "start_year": 2016, "end_year": 2020}
    )
    assert mid_term_year(other) == 2018


def test_headings_are_numbered_as_official_documents_are(final: Path, plan: Plan) -> None:
    document = docx.Document(str(final))
    first = styled(document, "Heading 1")
    assert [h[:2] for h in first] == ["一、", "二、", "三、", "四、", "五、", "六、", "七、"]
    assert first[2:5] == ["三、主要成效", "四、存在问题", "五、下一步工作建议"]
    second = styled(document, "Heading 2")
    groups = {ind.group for ind in plan.indicators if ind.tier is Tier.MAIN}
    names = [g.name for g in plan.groups if g.id in groups]
    numerals = "一二三四五六七八九"
    assert second == [f"（{numerals[i]}）{name}" for i, name in enumerate(names)]


def test_the_tables_by_area_hold_the_17_main_rows(final: Path, plan: Plan) -> None:
    document = docx.Document(str(final))
    headers = [
        "指标",
        "单位",
        "基期",
        "目标",
        "最新值",
        "年份",
        "完成度",
        "进度",
        "状态",
    ]  # a final evaluation: no 序时进度 column (100 % in every row)
    by_area = [t for t in document.tables if [c.text for c in t.rows[0].cells] == headers]
    rows = [row.cells[0].text for table in by_area for row in table.rows[1:]]
    assert len(rows) == len(main_indicators(plan)) == 17
    jobs = next(
        row for table in by_area for row in table.rows if row.cells[0].text == "城镇新增就业人数"
    )
    # 1.12 + 1.05 + 1.08 + 1.1 + 1.1 = 5.45 of 【5】: 109.0%.
    assert [c.text for c in jobs.cells][2:7] == ["1.05", "【5】", "累计 5.45*", "2025", "109.0%"]
    # Each column found by its header gets its own width: 基期 and 目标 alike (15 of 142 mm's
    # worth here, spread over the 156 mm type area), wider than 单位 (11).
    widths = [int(col.get(qn("w:w"))) for col in by_area[0]._tbl.tblGrid.iter(qn("w:gridCol"))]
    assert widths[2] == widths[3] > widths[1]
    header = by_area[0].rows[0]._tr.trPr.find(qn("w:tblHeader"))
    assert header is not None  # the header row repeats on each page


def test_a_picture_for_every_main_indicator(final: Path, plan: Plan) -> None:
    document = docx.Document(str(final))
    assert len(document.inline_shapes) == len(main_indicators(plan))
    with zipfile.ZipFile(final) as archive:
        images = [n for n in archive.namelist() if n.startswith("word/media/")]
        assert images and all(archive.read(n)[:8] == b"\x89PNG\r\n\x1a\n" for n in images)
    captions = [c for c in styled(document, "Caption") if c.startswith("图")]
    assert captions[0].startswith(
        "图1　城镇新增就业人数：逐年累计、序时进度线与目标（万人；出处：专栏2 第1项"
    )


def test_the_footer_numbers_pages_with_a_field(final: Path) -> None:
    document = docx.Document(str(final))
    section = document.sections[0]
    assert document.settings.odd_and_even_pages_header_footer
    for footer, side in ((section.footer, "right"), (section.even_page_footer, "left")):
        element = footer._element
        instructions = [t.text for t in element.iter(qn("w:instrText"))]
        assert [i.strip() for i in instructions] == ["PAGE"]
        kinds = [f.get(qn("w:fldCharType")) for f in element.iter(qn("w:fldChar"))]
        assert kinds == ["begin", "separate", "end"]
        paragraph = footer.paragraphs[0]
        assert paragraph.text == "— 1 —"
        # Odd pages on the right, even on the left, one character (四号, 14 pt) in.
        assert paragraph.alignment is not None and paragraph.alignment.name == side.upper()
        indent = getattr(paragraph.paragraph_format, f"{side}_indent")
        assert indent is not None and indent.pt == 14


def test_a4_and_the_margins_of_the_standard(final: Path) -> None:
    section = docx.Document(str(final)).sections[0]
    mm = 36000  # EMU per millimetre
    sizes = (section.page_width, section.page_height)
    assert tuple(round(v / mm) for v in sizes if v is not None) == (210, 297)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert tuple(round(v / mm) for v in margins if v is not None) == (37, 35, 28, 26)


def test_east_asian_fonts_are_named_with_their_alternatives(final: Path) -> None:
    document = docx.Document(str(final))

    def east_asian(style: str) -> str | None:
        fonts = document.styles[style].element.rPr.find(qn("w:rFonts"))
        return None if fonts is None else fonts.get(qn("w:eastAsia"))

    assert east_asian("Normal") == "仿宋"
    assert east_asian("Report Title") == "方正小标宋简体"
    assert (east_asian("Heading 1"), east_asian("Heading 2")) == ("黑体", "楷体")
    assert document.styles["Normal"].font.size.pt == 16  # 三号
    with zipfile.ZipFile(final) as archive:
        table = archive.read("word/fontTable.xml").decode()
    assert re.search(r'w:name="方正小标宋简体"><w:altName w:val="宋体"/>', table)


def test_a_sentence_per_indicator_with_its_figures(final: Path, plan: Plan) -> None:
    body = styled(docx.Document(str(final)), "Normal")
    names = [plan.indicator(i).name for i in main_indicators(plan)]
    sentences = [p for p in body if re.match(r"\d+\.", p) and "：" in p]
    lead = [re.sub(r"^\d+\.", "", s).split("：")[0] for s in sentences]
    assert sorted(lead) == sorted(names)
    jobs = next(s for s in sentences if "城镇新增就业人数：" in s)
    # 1.12 + 1.05 + 1.08 + 1.1 + 1.1 = 5.45 over 2021–2025; 5.45 ÷ 5 = 109.0%.
    assert "“十四五”期间累计新增5.45万人*，完成目标任务（5万人）的109.0%" in jobs
    rate = next(s for s in sentences if "城镇调查失业率：" in s)
    assert "2025年为5.4%*，控制在目标（≤5.5%）以内" in rate


def test_places_to_fill_in_with_the_facts_under_them(final: Path) -> None:
    document = docx.Document(str(final))
    places = styled(document, "Report Placeholder")
    to_fill = [p for p in places if p.startswith("【待填写：")]
    assert len(to_fill) == 3
    texts = [p.text for p in document.paragraphs]
    for heading in ("三、主要成效", "四、存在问题", "五、下一步工作建议"):
        at = texts.index(heading)
        assert texts[at + 1].startswith("【待填写：")
        assert texts[at + 2].startswith("tnplan 据已报送数据列出以下事实")
        assert texts[at + 3].startswith("（1）")
    problems = texts[texts.index("四、存在问题") :]
    assert any("农民工参加职业培训人次（2022年缺报）" in t for t in problems)


def test_the_not_official_warning(final: Path, english: Path) -> None:
    texts = [p.text for p in docx.Document(str(final)).paragraphs]
    warnings = [t for t in texts if "不是正式统计数据" in t]
    assert len(warnings) == 2  # under the title and with the sources
    english_texts = [p.text for p in docx.Document(str(english)).paragraphs]
    assert any("not official statistics" in t for t in english_texts)


def test_english_as_of_a_year(english: Path, plan: Plan) -> None:
    document = docx.Document(str(english))
    first = styled(document, "Heading 1")
    assert first[:3] == ["1. Overview", "2. The main indicators", "3. Main achievements"]
    body = "\n".join(styled(document, "Normal"))
    # 2021–2024: 1.12 + 1.05 + 1.08 + 1.1 = 4.35 of 5 = 87.0%, 序时进度 4 ÷ 5 = 80.0%.
    assert (
        "New urban jobs: 4.35 万人* in total over 2021–2024, 87.0% of the target (5 万人)" in body
    )
    assert "time elapsed 80.0%" in body
    assert len(document.inline_shapes) == len(main_indicators(plan))
    assert any(p.startswith("【To be written:") for p in styled(document, "Report Placeholder"))


def test_format_docx_to_a_file_of_another_name(tmp_path: Path, data_dir: Path) -> None:
    # A file never holds another format than its name says (issue 17): .bin names none.
    target = tmp_path / "report.bin"
    args = ["report", "-o", str(target), "--format", "docx", "--data", str(data_dir)]
    result = runner.invoke(app, args)
    assert result.exit_code == 2 and ".docx" in result.output and not target.exists()
    assert zipfile.is_zipfile(write(tmp_path / "report.DOCX", "--format", "docx", *args[-2:]))


def test_no_cjk_font_draws_a_numbered_legend_explained_in_the_caption(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A machine without Chinese fonts (a CI runner): no crash, the legend as (1) (2) (3).
    monkeypatch.setattr(docx_chart, "FONT_DIRECTORIES", ())
    monkeypatch.delenv("TNPLAN_CJK_FONT", raising=False)
    docx_chart.forget_fonts()
    try:
        target = write(tmp_path / "no-fonts.docx", "--data", str(data_dir))
    finally:
        docx_chart.forget_fonts()
    document = docx.Document(str(target))
    keys = [c for c in styled(document, "Caption") if c.startswith("图例：")]
    assert keys and keys[0] == "图例：(1) 累计　(2) 序时进度　(3) 目标"


@pytest.mark.parametrize("command", [["status"], ["report", "-o", "REPORT.html"]])
def test_only_the_word_report_imports_docx_or_pillow(
    data_dir: Path, tmp_path: Path, command: list[str]
) -> None:
    argv = [c.replace("REPORT", str(tmp_path / "report")) for c in command]
    code = (
        "import sys\n"
        "from tongnan_plan.cli import app\n"
        f"sys.argv = ['tnplan', *{argv!r}, '--data', {str(data_dir)!r}]\n"
        "try:\n    app(prog_name='tnplan')\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('docx', 'PIL') if m in sys.modules), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stderr.strip().splitlines()[-1] == "[]"


def test_a_chart_of_a_target_printed_over_two_lines() -> None:
    # Pillow refuses to anchor text of two lines; the label is drawn on one, inert.
    drawn = Chart(
        title="t",
        unit="万人",
        baseline_year=2020,
        end_year=2025,
        points=[(2021, 1.0), (2022, 2.0)],
        expected=[(2020, 0.0), (2025, 5.0)],
        trend=[],
        target=5.0,
        target_label="目标 【5】\n\x1b[31m",
        low=0.0,
        high=5.0,
        ticks=[0.0, 2.5, 5.0],
        legend=[
            ("#2563eb", "", "累计"),
            ("#6b7280", "3 3", "序时进度"),
            ("#b91c1c", "6 4", "目标"),
        ],
    )
    picture = docx_chart.chart_png(drawn)
    assert picture.png.startswith(b"\x89PNG")
    assert docx_chart.chart_png(replace(drawn, target=None)).png.startswith(b"\x89PNG")


def test_a_chart_keeps_the_white_of_the_page() -> None:
    # Put onto a palette, the white of a chart stays pure white (a near-white palette entry
    # would paint the chart a grey box on the page).
    drawn = Chart(
        title="t",
        unit="%",
        baseline_year=2020,
        end_year=2025,
        points=[(2020, 95.5), (2025, 96.4)],
        expected=[],
        trend=[],
        target=95.0,
        target_label="目标 >95",
        low=94.0,
        high=97.0,
        ticks=[94.0, 95.0, 96.0, 97.0],
        legend=[
            ("#2563eb", "", "实际"),
            ("#6b7280", "3 3", "序时进度"),
            ("#b91c1c", "6 4", "目标"),
        ],
    )
    image = Image.open(BytesIO(docx_chart.chart_png(drawn).png)).convert("RGB")
    assert image.getpixel((2, 2)) == (255, 255, 255)
