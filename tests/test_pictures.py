"""Pictures: a view's charts are blocks (the chart model and its words), and SVG is written
over them; a format without pictures writes the chart's lines of text, or nothing."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from typer.testing import CliRunner

from tongnan_plan.cli import app
from tongnan_plan.present.view import Block, Heading, Options, Paragraphs, Picture, View
from tongnan_plan.present.writers import write

runner = CliRunner()


@dataclass(frozen=True)
class _Drawn:
    """A chart model as the writers see one: what it draws, as SVG."""

    name: str

    def svg(self) -> str:
        return f"<svg>{self.name}</svg>"


def test_svg_is_each_picture_a_line_and_markdown_their_lines() -> None:
    def blocks(lang: str) -> list[Block]:
        return [
            Heading("T"),
            Picture(_Drawn("a"), "the chart a", ("2021  ███ 3", "```")),
            Picture(_Drawn("b"), "the chart b"),
        ]

    view = View("t", blocks=blocks)
    assert write(view, "svg", Options("en")) == "<svg>a</svg>\n<svg>b</svg>\n"
    # The lines in a fence that a line of three backticks cannot close; b has no lines.
    assert write(view, "markdown", Options("en")) == "## T\n\n````text\n2021  ███ 3\n```\n````\n"


def test_a_view_without_pictures_is_svg_as_a_screen_shows_it() -> None:
    view = View("t", blocks=lambda _: [Paragraphs(["hello there"])], command="tnplan t")
    svg = write(view, "svg", Options("en"))
    assert svg.startswith("<svg") and "tnplan&#160;t</text>" in svg  # its title
    assert "hello" in svg and "<svg>" not in svg


def _show(args: list[str], data: Path, lang: str = "en") -> str:
    result = runner.invoke(app, ["show", *args, "--data", str(data), "--lang", lang])
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_show_svg_is_the_picture_of_its_view(data_dir: Path) -> None:
    svg = _show(["urban_new_jobs", "--format", "svg"], data_dir, "zh")
    assert svg.count("<svg ") == 1 and svg.endswith("</svg>\n")
    # The chart's words, its title: a total, so the yearly running total is drawn.
    assert 'aria-label="城镇新增就业人数：逐年累计、序时进度线与目标"' in svg
    markdown = _show(["urban_new_jobs", "--format", "markdown"], data_dir, "zh")
    assert "<svg" not in markdown and "```" not in markdown


def test_across_chart_in_the_chosen_unit(data_dir: Path) -> None:
    svg = _show(["urban_new_jobs", "--across-plans", "--format", "svg"], data_dir)
    assert svg.count("<svg ") == 1 and 'class="chart across"' in svg
    # The 13th plan's 2020 total 【105900】人 is 105900 / 10000 = 10.59 万人 in the 14th
    # plan's unit; its target 【50000】人 is 5 万人, labelled in both units.
    assert "<title>tongnan-hrss-13th 2020: 10.59 万人</title>" in svg
    assert "（5 万人）" in svg
