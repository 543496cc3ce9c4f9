"""The registry of writers: every command's formats come from it, an -o name's ending picks
one or is a usage error, and TSV and JSON Lines hold the CSV's records."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tongnan_plan.cli import app
from tongnan_plan.present.writers import OFFERED, WRITERS, FormatChoiceError, chosen_format

runner = CliRunner()

#: Every command with tabular output, and the arguments that show it (the 14th plan prints
#: no completion column: the 13th plan's 专栏1 does).
TABULAR = {
    "status": ["status"],
    "indicators": ["indicators"],
    "plans": ["plans"],
    "audit": ["audit", "--plan", "13th"],
    "audit-crosschecks": ["audit", "--crosschecks"],
    "audit-baselines": ["audit", "--baselines"],
    "show": ["show", "urban_new_jobs"],
    "show-across": ["show", "urban_new_jobs", "--across-plans"],
}


def run(args: list[str], data: Path) -> tuple[int, str, str]:
    result = runner.invoke(app, [*args, "--data", str(data), "--lang", "en"])
    return result.exit_code, result.stdout, result.stderr


def test_every_offered_format_has_a_writer_and_each_ending_one_format() -> None:
    for command, names in OFFERED.items():
        assert names, command
        assert all(name in WRITERS for name in names), command
        endings = [suffix for name in names for suffix in WRITERS[name].suffixes]
        assert len(endings) == len(set(endings)), command  # an ending names one format


@pytest.mark.parametrize("command", sorted(OFFERED))
def test_the_format_option_offers_the_registry(command: str) -> None:
    result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "200"})
    assert f"[{'|'.join(OFFERED[command])}]" in result.stdout


@pytest.mark.parametrize(
    ("command", "name", "fmt"),
    [
        ("status", "out.tsv", "tsv"),
        ("status", "out.JSONL", "jsonl"),
        ("status", "out.ndjson", "jsonl"),
        ("status", "out.txt", "table"),
        ("status", "out", "table"),
        ("report", "out.md", "markdown"),
        ("report", "out.htm", "html"),
        ("report", "out.docx", "docx"),
        ("new", "2025.yml", "yaml"),
    ],
)
def test_an_ending_picks_the_format(command: str, name: str, fmt: str) -> None:
    assert chosen_format(command, None, Path(name)) == fmt


def test_an_ending_no_writer_claims_is_refused() -> None:
    with pytest.raises(FormatChoiceError, match=r"does not write \.docx.*csv \(\.csv\)"):
        chosen_format("status", None, Path("out.docx"))
    with pytest.raises(FormatChoiceError, match=r"does not write \.svg"):
        chosen_format("indicators", "csv", Path("out.svg"))
    with pytest.raises(FormatChoiceError, match=r"names json, not the --format csv"):
        chosen_format("status", "csv", Path("out.json"))


def test_report_into_a_pdf_name_is_a_usage_error(tmp_path: Path, data_dir: Path) -> None:
    target = tmp_path / "report.pdf"
    code, _, err = run(["report", "-o", str(target)], data_dir)
    assert code == 2
    assert ".html" in err and ".md" in err and ".docx" in err
    assert not target.exists()  # never HTML under a .pdf name


def test_status_into_an_unknown_ending_writes_nothing(tmp_path: Path, data_dir: Path) -> None:
    target = tmp_path / "status.pdf"
    code, _, err = run(["status", "-o", str(target)], data_dir)
    assert (code, target.exists()) == (2, False)
    assert "does not write .pdf" in err


def _csv_rows(text: str, delimiter: str = ",") -> list[list[str]]:
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


@pytest.mark.parametrize("shown", sorted(TABULAR))
def test_tsv_and_jsonl_hold_the_csv_records(shown: str, data_dir: Path) -> None:
    args = TABULAR[shown]
    _, as_csv, _ = run([*args, "--format", "csv"], data_dir)
    _, as_tsv, _ = run([*args, "--format", "tsv"], data_dir)
    _, as_jsonl, _ = run([*args, "--format", "jsonl"], data_dir)
    rows = _csv_rows(as_csv)
    assert len(rows) > 1, shown
    assert _csv_rows(as_tsv, "\t") == rows
    records = [json.loads(line) for line in as_jsonl.splitlines()]
    assert [list(record) for record in records] == [rows[0]] * (len(rows) - 1)
    assert len(as_jsonl.splitlines()) == len(rows) - 1  # one record a line


def test_indicators_tsv_row_by_hand(data_dir: Path) -> None:
    # 专栏2 第1项: 城镇新增就业人数, 万人, 2020: 1.05, 2025: 【5】 (a five-year total), 预期性.
    _, out, _ = run(["indicators", "--format", "tsv"], data_dir)
    lines = out.splitlines()
    assert lines[0].split("\t")[:4] == ["id", "name", "name_en", "unit"]
    row = next(line for line in lines if line.startswith("urban_new_jobs\t")).split("\t")
    assert row[0:3] == ["urban_new_jobs", "城镇新增就业人数", "New urban jobs"]
    assert row[3:12] == [
        "万人",
        "cumulative",
        "预期性",
        "higher",
        "1.05",
        "1.05",
        "5",
        "=",
        "【5】",
    ]


def test_show_jsonl_record_by_hand(data_dir: Path) -> None:
    # The sample submissions give urban_new_jobs 1.12 万人 (2021) and 10500 人 (2022: 1.05
    # 万人); the target 【5】 over five years is a linear path of 1 a year: 1 by 2021, 2 by 2022.
    _, out, _ = run(["show", "urban_new_jobs", "--format", "jsonl"], data_dir)
    first, second = (json.loads(line) for line in out.splitlines()[:2])
    assert first == {
        "year": 2021,
        "value": 1.12,
        "to_date": False,
        "provenance": "sample",
        "cumulative": 1.12,
        "expected": 1,
        "annual_target": None,
        "target": 5,
    }
    assert (second["year"], second["value"]) == (2022, 1.05)
    assert second["cumulative"] == pytest.approx(1.12 + 1.05)
    assert second["expected"] == 2


def test_tsv_quotes_a_tab_inside_a_field() -> None:
    from tongnan_plan.present.formats import csv_text

    text = csv_text([{"a": "x\ty", "b": 1}], ("a", "b"), delimiter="\t")
    assert text == 'a\tb\n"x\ty"\t1\n'


def test_readme_formats_table_is_the_registry() -> None:
    from tongnan_plan.present.writers import formats_table

    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    start = readme.index("<!-- formats: generated")
    table = readme[readme.index("\n", start) + 1 : readme.index("<!-- /formats -->")]
    assert table == formats_table()


@pytest.mark.parametrize("command", sorted(OFFERED))
def test_readme_commands_table_lists_each_commands_formats(command: str) -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    listed = "[--format " + "\\|".join(OFFERED[command]) + "]"
    line = next(line for line in readme.splitlines() if line.startswith(f"| `tnplan {command} "))
    assert listed in line


@pytest.mark.parametrize(("lang", "word", "other"), [("en", "Σ ", "累计"), ("zh", "累计 ", "Σ")])
def test_a_running_total_is_marked_in_the_language_everywhere(
    tmp_path: Path, data_dir: Path, lang: str, word: str, other: str
) -> None:
    """The terminal, the workbook and the table across plans write one word before a total."""
    from openpyxl import load_workbook

    target = tmp_path / "status.xlsx"
    runner.invoke(app, ["status", "-o", str(target), "--data", str(data_dir), "--lang", lang])
    sheet = load_workbook(target).active
    assert sheet is not None
    formats = [cell.number_format for row in sheet.iter_rows() for cell in row]
    assert any(f.startswith(f'"{word}') for f in formats)
    assert not any(other in f for f in formats)
    for args in (["status"], ["show", "urban_new_jobs", "--across-plans"]):
        out = runner.invoke(app, [*args, "--data", str(data_dir), "--lang", lang]).stdout
        assert word in out and other not in out, args


def test_across_plans_as_a_workbook(tmp_path: Path, data_dir: Path) -> None:
    # Before the registry, the text chart went into the .xlsx file; now its blocks do.
    from openpyxl import load_workbook

    target = tmp_path / "across.xlsx"
    code, _, err = run(["show", "urban_new_jobs", "--across-plans", "-o", str(target)], data_dir)
    assert code == 0, err
    sheet = load_workbook(target).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    years = [row[1] for row in rows[2:12]]
    assert years == list(range(2016, 2026))  # ten years of two plans, typed
    # The 13th plan's 2020 total 【105900】人 is 105900 / 10000 = 10.59 万人 in the 14th plan's
    # unit, against its target 【50000】人 = 5 万人; each plan's heading below the table.
    assert rows[6] == ("tongnan-hrss-13th", 2020, 10.59, 10.59, 5, "万人", 105900, "人")
    assert str(rows[-2][0]).startswith("tongnan-hrss-13th 2016-2020")


def test_a_view_is_written_only_in_what_it_holds() -> None:
    from tongnan_plan.present.view import Records, View
    from tongnan_plan.present.writers import writable

    assert writable(View("t")) == ()
    assert writable(View("t", Records(("a",), []))) == ("csv", "tsv", "json", "jsonl")


def test_markdown_is_written_from_the_views_blocks() -> None:
    from tongnan_plan.present.view import (
        Block,
        Cell,
        Heading,
        Items,
        Options,
        Paragraphs,
        Table,
        View,
    )
    from tongnan_plan.present.writers import write

    def blocks(lang: str) -> list[Block]:
        return [
            Heading("A|B"),
            Table(["x", "y"], [[Cell("1"), Cell("a[b]")]]),
            Items(["p", "q"]),
            Paragraphs(["n1", "n2"]),
            Items([]),  # nothing to list: no block
            Table(["n"], [[Cell("2.50", 2.5)], [Cell("x")]], numbers=True),
        ]

    view = View("t", blocks=blocks)
    assert write(view, "markdown", Options("en")) == (
        "## A\\|B\n\n"
        "| x   | y      |\n|-----|--------|\n| 1   | a\\[b\\] |\n\n"
        "- p\n- q\n\n"
        "n1\n\nn2\n\n"
        "| n   |\n|-----|\n| 2.5 |\n| x   |\n"  # the number's value, not its text "2.50"
    )


#: A command line of each command that offers formats (the 13th plan prints completions).
COMMAND_LINES = {
    "status": ["status"],
    "show": ["show", "urban_new_jobs"],
    "indicators": ["indicators"],
    "audit": ["audit", "--plan", "13th"],
    "plans": ["plans"],
    "report": ["report"],
    "new": ["new", "2025"],
    "figures": ["figures"],
}


@pytest.mark.parametrize(
    ("command", "fmt"), [(c, f) for c, offered in OFFERED.items() for f in offered]
)
def test_every_offered_format_is_written(
    tmp_path: Path, data_dir: Path, command: str, fmt: str
) -> None:
    """Each command writes each format the registry says it offers, into a file of its name."""
    target = tmp_path / f"out{WRITERS[fmt].suffixes[0]}"
    args = [*COMMAND_LINES[command], "--format", fmt, "-o", str(target)]
    code, _, err = run(args, data_dir)
    assert code in (0, 1), err  # 1: the 13th plan's audit finds a mismatch, as it should
    written = target.read_bytes()
    assert written
    if WRITERS[fmt].binary:
        assert written.startswith(b"PK")  # a zip: a workbook or a Word document
    else:
        written.decode("utf-8")


def test_a_view_without_a_workbook_of_its_own_is_one_from_its_blocks(
    tmp_path: Path, data_dir: Path
) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "audit.xlsx"
    code, _, _ = run(["audit", "--plan", "13th", "-o", str(target)], data_dir)
    assert code == 1  # 专栏1 row 3 prints 495 % where 18920 / 4000 is 473 %
    book = load_workbook(target)
    sheet = book.worksheets[0]
    assert sheet["A1"].value == "Published completion figures, recomputed"
    assert [c.value for c in sheet[2]][:6] == [
        "Indicator", "Target", "Actual", "Published %", "Computed %", "Diff (pp)"
    ]  # fmt: skip
    # 专栏1 第1项 新增就业人数: target 【50000】, result 【105900】, printed 212 %;
    # 105900 / 50000 = 211.8 %, 0.2 points under the printed figure. Numbers, not text.
    new_jobs = [c.value for c in sheet[3]]
    assert new_jobs[:4] == ["New jobs", 50000, 105900, 212]
    assert new_jobs[4] == pytest.approx(105900 / 50000 * 100)
    assert new_jobs[5] == pytest.approx(212 - 105900 / 50000 * 100)
    assert [s.title for s in book.worksheets][1] == "Figures printed twice"


def test_the_registry_imports_no_writer() -> None:
    """The command line builds its options from the registry; no writer's library (nor the
    view) is imported until a writer writes (start-up is measured: benchmarks/run.py)."""
    import subprocess
    import sys

    heavy = ("openpyxl", "tabulate", "docx", "PIL", "tongnan_plan.present.view")
    code = (
        "import sys, tongnan_plan.cli, tongnan_plan.present.writers; "
        f"print([m for m in {heavy!r} if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
