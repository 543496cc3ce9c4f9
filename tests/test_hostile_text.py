"""Plan text that looks like markup, HTML or terminal control is shown as text, everywhere.

The plan's names, notes and title, a submission's source and the directory name carry Rich
markup ([/red] used to crash `show` with exit 3), a live-link tag, a <script>, a pipe, and
escape sequences that would clear the screen and set the window title.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tongnan_plan.cli import app

runner = CliRunner()

MARKUP = "[/red][bold]粗[link=http://x]a[/link]<script>alert(1)</script>|x"
CONTROL = "\x1b[2J\x1b]0;pwned\x07"
HOSTILE = MARKUP + CONTROL
NOTE = "<script>note()</script>[/]![i](http://x)"
SOURCE = "<script>source()</script>"
#: What must never come out: a script tag, a terminal link (OSC 8), a title (OSC 0), a clear.
FORBIDDEN_TERMINAL = ("\x1b]8;", "\x1b]0;", "\x1b[2J", "\x07")


def _yaml(text: str) -> str:
    return json.dumps(text, ensure_ascii=True)  # a JSON string is a YAML double-quoted scalar


@pytest.fixture
def hostile(tmp_path: Path, data_dir: Path) -> Path:
    target = tmp_path / "<b>plan"  # a directory name shown in the report's sources
    shutil.copytree(data_dir, target)
    targets = target / "targets.yaml"
    text = targets.read_text(encoding="utf-8")
    for old, new in [
        ("name: 城镇新增就业人数", f"name: {_yaml(HOSTILE)}"),
        ("name_en: New urban jobs", f"name_en: {_yaml(HOSTILE)}"),
        (
            "note: A five-year total of training attendances (人次 is a count of flows); no"
            " baseline printed.",
            f"note: {_yaml(NOTE)}",
        ),
        (  # the Chinese note, shown in Chinese output
            'note_zh: "培训人次的五年累计数（人次是流量的计数）；未刊印基期。"',
            f"note_zh: {_yaml(NOTE)}",
        ),
        (
            "title: 重庆市潼南区人力资源和社会保障事业发展“十四五”规划（2021-2025年）",
            f"title: {_yaml(MARKUP + ' 规划')}",
        ),
    ]:
        assert old in text, old
        text = text.replace(old, new, 1)
    targets.write_text(text, encoding="utf-8")
    for year in (2023, 2024):
        submission = target / "actuals" / f"{year}.yaml"
        lines = submission.read_text(encoding="utf-8").splitlines()
        lines = [f"source: {_yaml(SOURCE)}" if x.startswith("source:") else x for x in lines]
        submission.write_text("\n".join(lines) + "\n", encoding="utf-8")
    thirteenth = target / "13th" / "targets.yaml"
    text = thirteenth.read_text(encoding="utf-8")
    for old in ("name: 新增就业人数", "name: 城镇新增就业（“十三五”累计）"):
        assert old in text
        text = text.replace(old, f"name: {_yaml(HOSTILE)}", 1)
    thirteenth.write_text(text, encoding="utf-8")
    return target


def run(*args: str, colour: bool = False) -> tuple[int, str]:
    env = {"FORCE_COLOR": "1", "COLUMNS": "200"} if colour else {"COLUMNS": "200"}
    result = runner.invoke(app, list(args), env=env)
    return result.exit_code, result.stdout


def assert_terminal_safe(out: str) -> None:
    for forbidden in FORBIDDEN_TERMINAL:
        assert forbidden not in out, repr(forbidden)


def test_the_plan_loads_with_its_hostile_text(hostile: Path) -> None:
    code, out = run("indicators", "-f", "json", "--data", str(hostile))
    assert code == 0
    names = {r["id"]: r["name"] for r in json.loads(out)}
    assert names["urban_new_jobs"] == HOSTILE  # the data is kept as it is


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_show_prints_markup_as_text(hostile: Path, lang: str) -> None:
    for indicator in ("urban_new_jobs", "migrant_worker_training"):
        code, out = run("show", indicator, "--lang", lang, "--data", str(hostile), colour=True)
        assert code == 0, out  # [/red] used to be a MarkupError: exit 3
        assert "\x1b[" in out  # colours are on, so markup would have been live
        assert_terminal_safe(out)
    code, out = run("show", "urban_new_jobs", "--lang", lang, "--data", str(hostile))
    assert "[/red][bold]粗[link=http://x]a[/link]" in out  # shown, not applied


def test_status_table_prints_markup_as_text(hostile: Path) -> None:
    code, out = run("status", "--data", str(hostile), colour=True)
    assert code == 0
    assert_terminal_safe(out)
    code, out = run("status", "--data", str(hostile))
    assert code == 0 and "[/red][bold]粗[link=http://x]a[/link]" in out
    assert "]0;pwned" in out  # what is left of the sequence is text, its ESC and BEL gone


@pytest.mark.parametrize("fmt", ["svg", "html"])
def test_recorded_status_escapes_the_text(hostile: Path, fmt: str) -> None:
    code, out = run("status", "-f", fmt, "--data", str(hostile))
    assert code == 0
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert "\x1b" not in out


def test_status_markdown_escapes_html_links_and_pipes(hostile: Path) -> None:
    code, out = run("status", "-f", "markdown", "--data", str(hostile))
    assert code == 0
    assert "<script" not in out and "&lt;script>" in out
    assert r"\[link=http://x\]a\[/link\]" in out  # no link: the brackets are escaped
    assert r"\|x" in out  # no extra column
    header = next(line for line in out.splitlines() if line.startswith("| "))
    row = next(line for line in out.splitlines() if line.startswith("| ") and "粗" in line)
    assert row.replace("\\|", "").count("|") == header.count("|")
    assert_terminal_safe(out)


def test_markdown_of_show_indicators_and_audit(hostile: Path) -> None:
    outs = [
        run("show", "urban_new_jobs", "-f", "markdown", "--data", str(hostile)),
        run("show", "migrant_worker_training", "-f", "markdown", "--data", str(hostile)),
        run("indicators", "-f", "markdown", "--data", str(hostile)),
        run("audit", "-f", "markdown", "--data", str(hostile / "13th")),
    ]
    for _, out in outs:
        assert "<script" not in out
        assert not re.search(r"(?<!\\)\[link=", out)  # only escaped: \[link=
        assert_terminal_safe(out)
    assert [code for code, _ in outs] == [0, 0, 0, 1]  # the 13th plan's audit has a mismatch


def test_audit_tables_print_markup_as_text(hostile: Path) -> None:
    code, out = run("audit", "--data", str(hostile / "13th"), colour=True)
    assert code == 1  # the mismatch of 专栏1 row 3, not a crash
    assert_terminal_safe(out)
    code, out = run("audit", "--data", str(hostile / "13th"))
    assert out.count("[/red][bold]粗") == 2  # a completion and a cross-check


def test_status_csv_keeps_the_text_in_one_field(hostile: Path) -> None:
    code, out = run("status", "-f", "csv", "--data", str(hostile))
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert len(rows) == 17
    # The markup is text, kept; the escape sequences are written as escapes, never raw.
    assert rows[0]["name"] == MARKUP + r"\x1b[2J\x1b]0;pwned\x07"
    assert_terminal_safe(out)


def test_a_carriage_return_stays_inside_its_csv_field(tmp_path: Path, data_dir: Path) -> None:
    target = tmp_path / "plan"
    shutil.copytree(data_dir, target)
    targets = target / "targets.yaml"
    text = targets.read_text(encoding="utf-8")
    targets.write_text(
        text.replace("name: 城镇新增就业人数", 'name: "就业\\r人数"', 1), encoding="utf-8"
    )
    for excel in ([], ["--excel"]):
        args = ["status", "-f", "csv", "--year", "2024", *excel, "--data", str(target)]
        result = runner.invoke(app, args)
        out = result.stdout_bytes.decode("utf-8-sig")
        assert '"就业\r人数"' in out  # quoted: a lone CR does not end the row
        rows = list(csv.DictReader(io.StringIO(out, newline="")))
        assert len(rows) == 17 and rows[0]["name"] == "就业\r人数"
        assert rows[0]["status"] == "ahead"  # the rest of the row stays in its columns


@pytest.mark.parametrize("fmt", ["html", "markdown"])
def test_the_report_escapes_every_text(hostile: Path, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"report.{fmt}"
    result = runner.invoke(app, ["report", "-o", str(target), "-f", fmt, "--data", str(hostile)])
    assert result.exit_code == 0, result.output
    page = target.read_text(encoding="utf-8")
    assert "<script" not in page and "<b>" not in page
    assert "\x1b" not in page and "\x07" not in page
    if fmt == "html":
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
        assert "&lt;script&gt;note()&lt;/script&gt;" in page  # the note, in the story
        assert "&lt;script&gt;source()&lt;/script&gt;" in page  # the submission's source
    else:
        assert "&lt;script>alert(1)&lt;/script>" in page
        assert r"!\[i\](http://x)" in page  # no image, no link
    # Sources are named within the data directory, not by where it lies on the machine.
    assert "actuals/2023.yaml" in page and "plan/actuals" not in page and "b&gt;plan" not in page
