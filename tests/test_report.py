"""The evaluation report, read back with a real HTML parser."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tongnan_plan.cli import app
from tongnan_plan.model.plan import Plan, Tier

runner = CliRunner()


class Page(HTMLParser):
    """Collects the indicator sections, the SVG charts inside them and all the text."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.sections: dict[str, int] = {}  # indicator id -> charts inside its section
        self.text: list[str] = []
        self.provenance = ""
        self.lang: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "html":
            self.lang = attributes.get("lang")
        if tag == "section" and attributes.get("class") == "indicator":
            self.sections[str(attributes.get("data-id"))] = 0
        if tag == "svg":
            for name, attrs_ in reversed(self.stack):
                if name == "section" and attrs_.get("class") == "indicator":
                    self.sections[str(attrs_.get("data-id"))] += 1
                    break
        self.stack.append((tag, attributes))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            name, _ = self.stack.pop()
            if name == tag:
                break

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if any(attrs.get("id") == "provenance" for _, attrs in self.stack):
            self.provenance += data


def write(tmp_path: Path, *args: str) -> str:
    target = tmp_path / ("report.md" if "markdown" in args else "report.html")
    result = runner.invoke(app, ["report", "-o", str(target), *args])
    assert result.exit_code == 0, result.output
    return target.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_html_has_a_chart_for_every_main_indicator(
    tmp_path: Path, plan: Plan, data_dir: Path, lang: str
) -> None:
    page = Page()
    page.feed(write(tmp_path, "--data", str(data_dir), "--lang", lang))
    main = [ind for ind in plan.indicators if ind.tier is Tier.MAIN]
    assert set(page.sections) == {ind.id for ind in main}
    # One chart drawn twice: wide (screen, paper) and narrow (a phone), one shown at a time.
    assert all(count == 2 for count in page.sections.values())
    text = "".join(page.text)
    for ind in main:
        assert (ind.name if lang == "zh" else ind.name_en) in text
    notice = "不是正式统计数据" if lang == "zh" else "not official statistics"
    assert notice in page.provenance
    assert page.lang == ("zh-CN" if lang == "zh" else "en")


def test_html_needs_no_network(tmp_path: Path, data_dir: Path) -> None:
    html = write(tmp_path, "--data", str(data_dir))
    for reference in ("http://", "https://", "<script", "<link"):
        assert reference not in html.replace("http://www.w3.org/2000/svg", "")


def test_official_figures_say_so(tmp_path: Path, data_dir: Path) -> None:
    page = Page()
    page.feed(write(tmp_path, "--data", str(data_dir / "13th")))
    assert "均为正式统计数据" in page.provenance


def test_markdown_lists_every_main_indicator(tmp_path: Path, plan: Plan, data_dir: Path) -> None:
    text = write(tmp_path, "--data", str(data_dir), "--format", "markdown", "--lang", "en")
    for ind in plan.indicators:
        if ind.tier is Tier.MAIN:
            assert f"### {ind.name_en}" in text
    assert "not official statistics" in text
    assert "█" in text


def test_report_to_standard_output_and_never_over_a_file(tmp_path: Path, data_dir: Path) -> None:
    result = runner.invoke(app, ["report", "-o", "-", "-f", "markdown", "--data", str(data_dir)])
    assert result.exit_code == 0 and result.stdout.startswith("# ")
    target = tmp_path / "r.html"
    target.write_text("keep", encoding="utf-8")
    result = runner.invoke(app, ["report", "-o", str(target), "--data", str(data_dir)])
    assert result.exit_code == 2
    assert target.read_text(encoding="utf-8") == "keep"


def test_report_as_of_an_earlier_year_leaves_later_files_out(
    tmp_path: Path, data_dir: Path
) -> None:
    html = write(tmp_path, "--data", str(data_dir), "--year", "2022")
    assert "2022.yaml" in html and "2024.yaml" not in html
