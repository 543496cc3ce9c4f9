"""The terminal tables fit the screen: `status` at 80, 100, 120 and 160 columns, `indicators`
at 80 and 100, read back from what the command prints.

A row of the status table begins on the line that ends with its status word (the status is
the last column and never wraps); it runs to the next row's first line.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from tongnan_plan.calc.evaluation import evaluate_plan
from tongnan_plan.cli import app
from tongnan_plan.present.cells import name_cell, status_words
from tongnan_plan.present.terminal import wrap_phrases
from tongnan_plan.sources.store import load_actuals, load_plan

runner = CliRunner()
WIDTHS = (80, 100, 120, 160)
SCREEN = 50  # lines of a terminal the main table, its title and summary must fit in at 80


def _status(data: Path, width: int, lang: str, *extra: str) -> list[str]:
    result = runner.invoke(
        app, ["status", "--lang", lang, "--data", str(data), *extra], env={"COLUMNS": str(width)}
    )
    assert result.exit_code == 0, result.stderr
    return result.stdout.splitlines()


def _rows(lines: list[str], words: list[str]) -> list[list[str]]:
    """The table's rows, each a list of its lines, found by the status word ending each
    row's first line, in order."""
    rule = next(i for i, line in enumerate(lines) if line.startswith("─"))
    body = lines[rule + 1 : lines.index("", rule)]
    starts = []
    at = 0
    for word in words:
        while not (body[at].rstrip().endswith("  " + word) or body[at].rstrip() == word):
            at += 1  # fails with IndexError where a status word is missing or cut
        starts.append(at)
        at += 1
    return [body[a:b] for a, b in zip(starts, [*starts[1:], len(body)], strict=True)]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("tier", ["main", "all"])
def test_status_fits_the_screen(data_dir: Path, width: int, lang: str, tier: str) -> None:
    plan = load_plan(data_dir)
    evaluations = evaluate_plan(plan, load_actuals(data_dir, plan).submissions, tier=tier)
    words = [status_words(ev.status, lang) for ev in evaluations]
    lines = _status(data_dir, width, lang, "--tier", tier)
    assert all(cell_len(line) <= width for line in lines)
    rows = _rows(lines, words)
    assert len(rows) == len(evaluations)
    for ev, row in zip(evaluations, rows, strict=True):
        assert len(row) <= 2, row  # no row over two lines
        # Columns are two spaces apart, and a name holds no two spaces in a row.
        fragments = [line.split("  ")[0].strip() for line in row]
        joiner = "" if lang == "zh" else " "  # English wraps between words, never inside one
        shown = joiner.join(f for f in fragments if f)
        ind = ev.indicator
        assert shown in (name_cell(ind, lang), name_cell(ind, lang, short=True)), row
    if tier == "main" and width == 80:
        assert len(lines) <= SCREEN
        title = plan.plan.title if lang == "zh" else plan.plan.title_en
        assert lines[0].startswith(title[:20])
        opening = "共 17 项指标" if lang == "zh" else "17 indicators"
        assert any(line.startswith(opening) for line in lines)


def test_status_at_80_columns_shows_every_row_on_one_line_in_chinese(data_dir: Path) -> None:
    # 17 main indicators, each with a short name of at most 11 characters where the plan's
    # own is longer: every row on one line, status words whole, the figure judged on labelled.
    lines = _status(data_dir, 80, "zh", "--year", "2024")  # mid-period: progress is judged
    plan = load_plan(data_dir)
    evaluations = evaluate_plan(plan, load_actuals(data_dir, plan).submissions, 2024)
    rows = _rows(lines, [status_words(ev.status, "zh") for ev in evaluations])
    assert [len(row) for row in rows] == [1] * 17
    header = next(line for line in lines if line.startswith("指标"))
    assert header.split()[-2:] == ["完成度", "状态"]  # the headline 专栏1 prints
    # 专业技术人才总量: 1.02 of 1.1 is 1.02 ÷ 1.1 = 92.7% complete, the figure 专栏1's 完成目标 %
    # prints; it is (1.02 - 0.95) ÷ (1.1 - 0.95) = 46.7% of the way from the baseline at a
    # 序时进度 of 80%: 明显滞后. The narrow table shows the completion; the notice under it says
    # what both figures are.
    row = next(line for line in lines if line.startswith("专业技术人才总量"))
    assert "92.7%" in row and "46.7%" not in row and row.rstrip().endswith("明显滞后")
    text = "".join(lines)
    assert "完成度：最新值" in text and "进度：从基期到目标已走过的比例" in text


def test_thirteenth_plan_fits_at_80(data_dir: Path) -> None:
    # The 13th plan has no short names: its names wrap within two lines.
    plan = load_plan(data_dir / "13th")
    evaluations = evaluate_plan(plan, load_actuals(data_dir / "13th", plan).submissions)
    for lang in ("zh", "en"):
        words = [status_words(ev.status, lang) for ev in evaluations]
        rows = _rows(_status(data_dir / "13th", 80, lang), words)
        assert max(len(row) for row in rows) <= 2


@pytest.mark.parametrize("width", [80, 100])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_indicators_never_cut_an_id(data_dir: Path, width: int, lang: str) -> None:
    result = runner.invoke(
        app, ["indicators", "--lang", lang, "--data", str(data_dir)], env={"COLUMNS": str(width)}
    )
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert all(cell_len(line) <= width for line in lines)
    first_words = [line.split()[0] for line in lines[2:] if line[:1].isalpha()]
    assert first_words == [ind.id for ind in load_plan(data_dir).indicators]
    assert "…" not in result.stdout


def test_phrases_stay_whole_and_numbers_keep_their_words() -> None:
    # The summary as it broke at 80 columns: "有数据的 17⏎项中". Broken after its punctuation,
    # no line ends in a number and none starts with punctuation.
    summary = (
        "共 17 项指标：已实现 2 项，快于预期 4 项，基本符合预期 3 项，滞后 2 项，严重滞后 1 项，"
        "背离目标 1 项，达标 3 项，未达标 1 项。有数据的 17 项中，达到或快于序时进度（含已实现、"
        "达标）的 12 项，占 70.6%。约束性指标滞后：无。"
    )
    for width in (30, 40, 60, 80):
        lines = wrap_phrases(summary, width)
        assert "".join(lines).replace(" ", "") == summary.replace(" ", "")  # nothing lost
        for line in lines:
            assert cell_len(line) <= width
            assert not line[-1].isdigit() and line[0] not in "，。；：、）"
    first = "共 17 项指标：已实现 2 项，快于预期 4 项，基本符合预期 3 项，滞后 2 项，"
    assert wrap_phrases(summary, 80)[0] == first
    english = "Of the other 16 with data, 11 (68.8%) are at or ahead of the time elapsed."
    assert wrap_phrases(english, 30) == [
        "Of the other 16 with data, 11",
        "(68.8%) are at or ahead of the",
        "time elapsed.",
    ]


def test_english_beside_brackets_never_starts_a_line_with_its_punctuation() -> None:
    # An English note holding 【】 was cut as Chinese is, between characters, and at 80
    # columns its last line began ", by its note": ASCII punctuation never starts a line.
    note = "【】: a figure the plan prints in these brackets, by its note a five-year total."
    for width in range(12, 81):
        lines = wrap_phrases(note, width)
        assert "".join(lines).replace(" ", "") == note.replace(" ", "")  # nothing lost
        for line in lines:
            assert cell_len(line) <= width
            assert line[0] not in ",.;:!?)", (width, lines)
