"""The command line through Typer's runner (and a real process where a pipe matters)."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import typer
import yaml
from typer.testing import CliRunner

from tongnan_plan import __version__
from tongnan_plan.calc.evaluation import evaluate_plan
from tongnan_plan.cli import app, main
from tongnan_plan.model.plan import Plan, Tier
from tongnan_plan.present.formats import STATUS_COLUMNS
from tongnan_plan.sources.store import load_actuals, load_plan

from .conftest import FIXTURES

runner = CliRunner()
REQUIRED_CSV = (
    "id,name,unit,kind,attribute,comparator,baseline,target,year,actual,cumulative,completion_pct,"
    "time_elapsed_pct,progress_pct,pace_ratio,required_per_year,projected,status,provenance"
).split(",")
COMMANDS = ["status", "indicators", "check", "schema", "new", "show", "audit", "report"]


@pytest.fixture
def data_copy(tmp_path: Path, data_dir: Path) -> Path:
    target = tmp_path / "plan"
    shutil.copytree(data_dir, target)
    return target


def invoke(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env=env)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command: str) -> None:
    code, out, _ = invoke(command, "--help", "--lang", "en")
    assert code == 0
    assert "Example: tnplan " + command in out
    code, out, _ = invoke(command, "--help", "--lang", "zh")
    assert code == 0 and "示例：tnplan " + command in out


def test_each_command_is_registered_by_the_module_the_table_names() -> None:
    # cli.entry.MODULES is what a run reads to import one command's module alone: every
    # command the app has must be in it, under the module whose function it runs.
    from tongnan_plan.cli.entry import MODULES

    registered: dict[str, list[str]] = {}
    for info in app.registered_commands:
        assert info.callback is not None
        name = info.name or info.callback.__name__.replace("_", "-")
        module = info.callback.__module__.rpartition(".")[2]
        registered.setdefault(module, []).append(name)
    assert registered == {module: list(names) for module, names in MODULES.items()}


def test_a_command_run_alone_still_finds_a_mistyped_command_and_lists_every_command() -> None:
    # Only a known command's module is imported alone; a typo and --help see every command.
    code = (
        "import sys; from tongnan_plan.cli import main; from tongnan_plan.cli.root import app\n"
        "sys.argv = ['tnplan', *sys.argv[1:]]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(len(app.registered_commands), file=sys.stderr)\n"
    )
    run = [sys.executable, "-c", code]
    alone = subprocess.run([*run, "schema"], capture_output=True, text=True, check=False)
    assert alone.stderr.strip().splitlines()[-1] == "3"  # check, schema, new
    english = {**os.environ, "TNPLAN_LANG": "en"}
    typo = subprocess.run(
        [*run, "stauts"], capture_output=True, text=True, env=english, check=False
    )
    assert "Did you mean 'status'?" in typo.stderr
    assert typo.stderr.strip().splitlines()[-1] == str(len(COMMANDS) + 4)
    listed = subprocess.run(
        [*run, "--help"], capture_output=True, text=True, env=english, check=False
    )
    assert all(f"  {command} " in listed.stdout for command in (*COMMANDS, "init-plan", "extract"))


def test_a_run_builds_the_command_it_runs_alone_and_the_app_keeps_every_command() -> None:
    # Typer builds the Click command (and the validators of the options) of every command
    # the app it runs has: the run of one command gets an app holding that command alone.
    from tongnan_plan.cli.entry import MODULES, register

    def names(runnable: typer.Typer) -> list[str]:
        return [getattr(info.callback, "__name__", "") for info in runnable.registered_commands]

    every = names(app)
    assert names(register(["init-plan", "--help"])) == ["init_plan"]
    assert names(register(["status"])) == ["status"]
    assert register(["stauts"]) is app and register([]) is app and register(["-h"]) is app
    assert names(app) == every and len(every) == sum(map(len, MODULES.values()))
    code, out, _ = invoke("indicators", "--help", "--lang", "en")
    assert code == 0 and "Example: tnplan indicators" in out


def test_a_run_makes_the_options_of_the_command_it_runs_alone(data_dir: Path) -> None:
    # A command's options (their declarations, its --format's choices: an enum made from the
    # registry of writers) are made when Typer builds it: a run of status imports show,
    # indicators, audit and report with it, and makes none of theirs.
    code = (
        "import sys; from tongnan_plan.cli import main; from tongnan_plan.cli.root import app\n"
        "sys.argv = ['tnplan', *sys.argv[1:]]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "made = [i.name for i in app.registered_commands if '__signature__' in vars(i.callback)]\n"
        "print(' '.join(made), file=sys.stderr)\n"
    )
    status = [sys.executable, "-c", code, "status", "--data", str(data_dir), "--format", "csv"]
    run = subprocess.run(status, capture_output=True, text=True, check=False)
    assert run.returncode == 0 and run.stderr.strip().splitlines()[-1] == "status"
    every = [info.name for info in app.registered_commands]
    assert len(every) > 5 and all(invoke(name, "--help")[0] == 0 for name in every)


def test_a_run_looks_for_no_pydantic_plugin_unless_told_to(data_dir: Path) -> None:
    # Finding plugins reads the entry points of every installed package, on every run.
    code = (
        "import sys, importlib.metadata as metadata\n"
        "read = metadata.entry_points\n"
        "def counted(*args, **kwargs):\n"
        "    print('entry points read', file=sys.stderr)\n"
        "    return read(*args, **kwargs)\n"
        "metadata.entry_points = counted\n"
        "from tongnan_plan.cli import main\n"
        "sys.argv = ['tnplan', *sys.argv[1:]]\n"
        "main()\n"
    )
    status = [sys.executable, "-c", code, "status", "--data", str(data_dir), "--format", "csv"]
    quiet = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    run = subprocess.run(status, capture_output=True, text=True, env=quiet, check=False)
    assert run.returncode == 0 and run.stdout.startswith("id,")
    assert "entry points read" not in run.stderr
    told = {**quiet, "PYDANTIC_DISABLE_PLUGINS": ""}
    run = subprocess.run(status, capture_output=True, text=True, env=told, check=False)
    assert run.returncode == 0 and "entry points read" in run.stderr


def test_version() -> None:
    code, out, _ = invoke("--version")
    assert (code, out) == (0, f"tnplan {__version__}\n")


def test_status_csv_has_the_columns_and_one_row_per_main_indicator(
    plan: Plan, data_dir: Path
) -> None:
    code, out, _ = invoke("status", "--format", "csv", "--data", str(data_dir))
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0])[: len(REQUIRED_CSV)] == REQUIRED_CSV
    main = [ind.id for ind in plan.indicators if ind.tier is Tier.MAIN]
    assert [r["id"] for r in rows] == main
    expected = evaluate_plan(plan, load_actuals(data_dir, plan).submissions)
    assert [r["status"] for r in rows] == [ev.status.value for ev in expected]
    assert {r["provenance"] for r in rows} == {"sample"}
    for row in rows:  # numbers raw: no % sign, no thousands separator
        for key in ("completion_pct", "time_elapsed_pct", "pace_ratio", "projected"):
            assert row[key] == "" or float(row[key]) == float(row[key].strip())
            assert "%" not in row[key] and "," not in row[key]


def test_status_json_matches_csv(data_dir: Path) -> None:
    _, out_json, _ = invoke("status", "--format", "json", "--tier", "all", "--data", str(data_dir))
    _, out_csv, _ = invoke("status", "--format", "csv", "--tier", "all", "--data", str(data_dir))
    records = json.loads(out_json)
    rows = list(csv.DictReader(io.StringIO(out_csv)))
    assert [r["id"] for r in records] == [r["id"] for r in rows]
    assert set(records[0]) == set(STATUS_COLUMNS)
    for record, row in zip(records, rows, strict=True):
        for key in ("completion_pct", "cumulative", "actual"):
            assert (record[key] is None) == (row[key] == "")
            if record[key] is not None:
                assert float(row[key]) == record[key]


def test_status_table_says_the_figures_are_not_official(data_dir: Path) -> None:
    code, out, _ = invoke("status", "--data", str(data_dir))
    assert code == 0
    latest = max(int(p.stem) for p in (data_dir / "actuals").glob("*.yaml"))
    assert f"截至 {latest} 年" in out  # by default, the latest year with data
    assert "不是正式统计数据" in out
    code, out, _ = invoke("status", "--lang", "en", "--year", "2022", "--data", str(data_dir))
    assert "as of 2022" in out and "not official" in out


def test_markdown_lists_every_main_indicator(plan: Plan, data_dir: Path) -> None:
    code, out, _ = invoke("status", "--format", "markdown", "--data", str(data_dir))
    assert code == 0
    for ind in plan.indicators:
        if ind.tier is Tier.MAIN:
            assert ind.name in out


def test_year_outside_the_plan_is_a_usage_error(data_dir: Path) -> None:
    code, _, err = invoke("status", "--year", "2030", "--lang", "en", "--data", str(data_dir))
    assert code == 2
    assert "outside the plan period 2021-2025" in err
    code, _, err = invoke("status", "--year", "2030", "--lang", "zh", "--data", str(data_dir))
    assert code == 2 and "不在规划期 2021-2025 年之内" in err


def test_output_is_written_and_never_overwritten_unasked(tmp_path: Path, data_dir: Path) -> None:
    target = tmp_path / "status.csv"
    args = ("status", "-f", "csv", "--data", str(data_dir), "-o", str(target))
    assert invoke(*args)[0] == 0
    first = target.read_text(encoding="utf-8")
    target.write_text("keep me", encoding="utf-8")
    code, _, err = invoke(*args)
    assert code == 2 and "--force" in err
    assert target.read_text(encoding="utf-8") == "keep me"
    assert invoke(*args, "--force")[0] == 0
    assert target.read_text(encoding="utf-8") == first
    assert [p.name for p in tmp_path.iterdir()] == ["status.csv"]  # no temporary left


def test_excel_csv_has_a_bom_and_neutralised_formulas(data_copy: Path) -> None:
    targets = data_copy / "targets.yaml"
    text = targets.read_text(encoding="utf-8").replace(
        "name: 城镇新增就业人数", "name: =HYPERLINK(1)", 1
    )
    targets.write_text(text, encoding="utf-8")
    raw = runner.invoke(
        app, ["status", "-f", "csv", "--excel", "--data", str(data_copy)]
    ).stdout_bytes
    out = raw.decode("utf-8")
    assert out.startswith("\ufeffid,")
    assert out.count("\r\n") == out.count("\n")  # click's .stdout would fold CRLF
    assert ",'=HYPERLINK(1)," in out
    _, plain, _ = invoke("status", "-f", "csv", "--data", str(data_copy))
    assert ",'=HYPERLINK(1)," in plain and ",=," in plain  # codes stay raw without --excel


def test_indicators_json_has_the_catalogue_fields(plan: Plan, data_dir: Path) -> None:
    code, out, _ = invoke("indicators", "--format", "json", "--data", str(data_dir))
    assert code == 0
    records = json.loads(out)
    assert len(records) == len(plan.indicators)
    required = {
        "id",
        "name",
        "name_en",
        "unit",
        "kind",
        "attribute",
        "baseline",
        "target",
        "comparator",
        "parent",
        "tier",
        "source",
    }
    assert required <= set(records[0])
    by_id = {r["id"]: r for r in records}
    for ind in plan.indicators:
        assert by_id[ind.id]["target"] == ind.target_value
        assert by_id[ind.id]["parent"] == ind.parent


def test_data_directory_from_the_environment(data_copy: Path) -> None:
    (data_copy / "actuals" / "2025.yaml").unlink()
    (data_copy / "actuals" / "2024.yaml").unlink()
    code, out, _ = invoke("status", "-f", "json", env={"TNPLAN_DATA": str(data_copy)})
    assert code == 0
    assert {r["as_of"] for r in json.loads(out)} == {2023}


def test_a_broken_plan_is_reported_with_its_position(data_copy: Path) -> None:
    targets = data_copy / "targets.yaml"
    targets.write_text(
        targets.read_text(encoding="utf-8").replace("kind: cumulative", "kind: cumulativ", 1),
        encoding="utf-8",
    )
    code, _, err = invoke("status", "--data", str(data_copy))
    assert code == 1
    assert err.startswith(f"{targets}:")
    assert "invalid-value" in err and "Traceback" not in err


def test_missing_plan_directory(tmp_path: Path) -> None:
    code, _, err = invoke("status", "--data", str(tmp_path))
    assert code == 2  # a file error, like a missing submission
    assert "plan-not-found" in err


def test_check_valid_and_invalid(data_dir: Path) -> None:
    valid = str(FIXTURES / "valid" / "2023.yaml")
    code, out, _ = invoke("check", valid, "--lang", "en", "--data", str(data_dir))
    assert code == 0 and out.rstrip().endswith("valid")
    bad = FIXTURES / "invalid" / "unknown-indicator.yaml"
    code, out, _ = invoke("check", str(bad), "--lang", "en", "--data", str(data_dir))
    assert code == 1
    assert f"{bad}:5:3: error[unknown-indicator] unknown indicator 'urban_new_job'" in out


def test_check_missing_file_is_a_usage_error(tmp_path: Path, data_dir: Path) -> None:
    code, out, _ = invoke("check", str(tmp_path / "nope.yaml"), "--data", str(data_dir))
    assert code == 2
    assert "error[file-not-found]" in out


def test_check_strict_fails_on_warnings(data_dir: Path) -> None:
    valid = str(FIXTURES / "valid" / "2023.yaml")
    assert invoke("check", valid, "--strict", "--data", str(data_dir))[0] == 1


def test_check_json_report(data_dir: Path) -> None:
    bad = FIXTURES / "invalid" / "negative-value.yaml"
    code, out, _ = invoke("check", str(bad), "-f", "json", "--data", str(data_dir))
    report = json.loads(out)
    assert code == 1
    assert report["version"] == 1 and report["valid"] is False
    errors = [
        (d["code"], d["line"], d["column"], d["path"])
        for d in report["diagnostics"]
        if d["severity"] == "error"
    ]
    assert errors == [("negative-value", 5, 19, "values.urban_new_jobs")]


def test_check_github_annotations_are_escaped(tmp_path: Path, data_dir: Path) -> None:
    path = tmp_path / "a,b:c.yaml"
    path.write_text(
        "year: 2023\nprovenance: sample\nvalues:\n  urban_new_jobs: 100%\n", encoding="utf-8"
    )
    code, out, _ = invoke(
        "check", str(path), "--data", str(data_dir), env={"GITHUB_ACTIONS": "true"}
    )
    assert code == 1
    line = next(x for x in out.splitlines() if x.startswith("::error "))
    assert "a%2Cb%3Ac.yaml,line=4,col=19,title=tnplan not-a-number::" in line
    assert "100%25" in line


def test_check_max_errors(tmp_path: Path, data_dir: Path) -> None:
    path = tmp_path / "2023.yaml"
    path.write_text(
        "year: 2023\nprovenance: sample\nvalues:\n  a_1: 1\n  b_2: 2\n  c_3: 3\n", encoding="utf-8"
    )
    code, out, _ = invoke(
        "check", str(path), "--max-errors", "1", "--lang", "en", "--data", str(data_dir)
    )
    assert code == 1
    assert out.count("error[unknown-indicator]") == 1
    assert "2 not shown" in out


def test_internal_errors_exit_3_without_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("tongnan_plan.calc.evaluation.evaluate_plan", broken)
    monkeypatch.setattr(sys, "argv", ["tnplan", "status"])
    with pytest.raises(SystemExit) as caught:
        main()
    assert caught.value.code == 3
    err = capsys.readouterr().err
    assert "internal error: RuntimeError: boom" in err and "Traceback" not in err


def test_a_closed_pipe_ends_quietly(data_dir: Path) -> None:
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tongnan_plan",
            "status",
            "-f",
            "csv",
            "--tier",
            "all",
            "--data",
            str(data_dir),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader goes away before tnplan writes
    err = process.stderr.read().decode()
    assert process.wait() == 0
    assert err == ""


def test_schema_lists_every_indicator(plan: Plan, data_dir: Path) -> None:
    code, out, _ = invoke("schema", "--data", str(data_dir))
    assert code == 0
    schema = json.loads(out)
    values = schema["properties"]["values"]
    assert set(values["properties"]) == {ind.id for ind in plan.indicators}
    assert values["additionalProperties"] is False
    year = schema["properties"]["year"]
    assert (year["minimum"], year["maximum"]) == (plan.plan.start_year, plan.plan.end_year)
    rate = values["properties"]["basic_pension_coverage"]["anyOf"][0]
    assert rate["maximum"] == 100


def test_new_writes_a_template_that_check_reads(tmp_path: Path, plan: Plan, data_dir: Path) -> None:
    target = tmp_path / "2025.yaml"
    code, _, _ = invoke(
        "new",
        "2025",
        "-o",
        str(target),
        "--schema",
        "s.json",
        "--tier",
        "all",
        "--data",
        str(data_dir),
    )
    assert code == 0
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=s.json\n")
    for ind in plan.indicators:
        assert f"\n  {ind.id}:\n" in text and ind.name in text
    # Unfilled, every value is reported, and the provenance must be chosen.
    code, out, _ = invoke("check", str(target), "-f", "json", "--data", str(data_dir))
    codes = [d["code"] for d in json.loads(out)["diagnostics"]]
    assert code == 1
    assert codes.count("missing-value") == len(plan.indicators)
    assert "invalid-provenance" in codes
    # Filled in, it is valid.
    filled = text.replace("provenance:", "provenance: official", 1).replace(
        "  urban_new_jobs:\n", "  urban_new_jobs: 1.1\n"
    )
    kept = [
        line for line in filled.splitlines() if not (line.endswith(":") and line.startswith("  "))
    ]
    target.write_text("\n".join(kept) + "\n", encoding="utf-8")
    assert invoke("check", str(target), "--data", str(data_dir))[0] == 0


def test_new_never_overwrites_unasked(tmp_path: Path, data_dir: Path) -> None:
    target = tmp_path / "2025.yaml"
    target.write_text("my figures", encoding="utf-8")
    code, _, err = invoke("new", "2025", "-o", str(target), "--data", str(data_dir))
    assert code == 2 and "--force" in err
    assert target.read_text(encoding="utf-8") == "my figures"
    assert invoke("new", "2030", "-o", str(tmp_path / "x.yaml"), "--data", str(data_dir))[0] == 2


def test_check_text_is_plain_when_not_a_terminal(data_dir: Path) -> None:
    bad = FIXTURES / "invalid" / "negative-value.yaml"
    _, out, _ = invoke("check", str(bad), "-f", "text", "--data", str(data_dir))
    assert "\033[" not in out


def test_pre_commit_hook_runs_check() -> None:
    hooks = yaml.safe_load(
        (Path(__file__).parents[1] / ".pre-commit-hooks.yaml").read_text("utf-8")
    )
    (hook,) = hooks
    assert hook["id"] == "tnplan-check"
    assert hook["entry"] == "tnplan check"
    assert re.search(hook["files"], "data/actuals/2023.yaml")
    assert re.search(hook["files"], "data/actuals/2023.csv")
    assert not re.search(hook["files"], "data/targets.yaml")


def test_audit_exits_1_on_a_mismatch_and_lists_the_columns(data_dir: Path) -> None:
    code, out, _ = invoke("audit", "--data", str(data_dir / "13th"), "-f", "csv")
    assert code == 1
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0])[:8] == [
        "id",
        "name",
        "target",
        "actual",
        "published_pct",
        "computed_pct",
        "difference_pp",
        "verdict",
    ]
    assert {r["verdict"] for r in rows} == {"ok", "rounding", "mismatch"}
    code, out, _ = invoke("audit", "--data", str(data_dir / "13th"), "-f", "json", "--crosschecks")
    assert {r["verdict"] for r in json.loads(out)} == {"ok"}


def test_audit_passes_when_every_figure_agrees(data_copy: Path) -> None:
    targets = data_copy / "13th" / "targets.yaml"
    text = targets.read_text(encoding="utf-8").replace(
        '{value: 495, comparator: "=", text: "495%"}', '{value: 473, comparator: "=", text: "473%"}'
    )
    assert "473%" in text
    targets.write_text(text, encoding="utf-8")
    code, out, _ = invoke("audit", "--data", str(data_copy / "13th"))
    assert code == 0, out
    assert "mismatch" not in out


def test_status_table_has_the_summary(data_dir: Path) -> None:
    code, out, _ = invoke("status", "--year", "2024", "--data", str(data_dir))
    assert code == 0
    assert "共 17 项指标" in out and "基本符合或快于预期（含提前实现）的" in out
    # No indicator of the plan is binding: no "约束性指标滞后：无" to say so (the report says
    # it once, in its own line).
    assert "约束性指标" not in out


def test_show_series(plan: Plan, data_dir: Path) -> None:
    code, out, _ = invoke("show", "urban_new_jobs", "-f", "csv", "--data", str(data_dir))
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [int(r["year"]) for r in rows] == list(plan.plan.years)
    figures = load_actuals(data_dir, plan).submissions
    flows = {s.year: s.entries()["urban_new_jobs"].value for s in figures}
    running = 0.0
    for row in rows:
        year = int(row["year"])
        if year in flows:
            running += flows[year]
            assert float(row["cumulative"]) == pytest.approx(running)
        assert float(row["expected"]) == pytest.approx(
            plan.indicator("urban_new_jobs").target_value * (year - 2020) / 5
        )


def test_show_draws_bars_and_says_the_status(data_dir: Path) -> None:
    mid_period = ("--year", "2024", "--data", str(data_dir))
    code, out, _ = invoke("show", "dispute_mediation_success_rate", "--lang", "en", *mid_period)
    assert code == 0
    assert "█" in out and "│" in out
    assert "Status as of 2024: far behind" in out  # below its baseline: 明显滞后
    code, out, _ = invoke("show", "dispute_mediation_success_rate", "-f", "json", *mid_period)
    document = json.loads(out)
    assert document["evaluation"]["status"] == "far_behind"
    assert len(document["series"]) == 5


def test_show_unknown_id_suggests(data_dir: Path) -> None:
    code, _, err = invoke("show", "urban_new_job", "--data", str(data_dir))
    assert code == 2 and "'urban_new_jobs'" in err


def test_status_on_the_13th_plan(data_dir: Path) -> None:
    code, out, _ = invoke("status", "-f", "json", "--data", str(data_dir / "13th"))
    assert code == 0
    records = {r["id"]: r for r in json.loads(out)}
    # 专栏1 prints 212 % for 新增就业: beaten, 超额完成; 91 % of an income target is 未完成.
    assert records["new_jobs"]["status"] == "exceeded"
    assert records["urban_disposable_income"]["status"] == "not_achieved"
    assert records["graduate_employment_rate"]["reported"] == ">="
    assert {r["provenance"] for r in records.values()} == {"official"}


def test_status_as_svg_gives_chinese_two_cells(data_dir: Path) -> None:
    import html

    code, out, _ = invoke("status", "-f", "svg", "--data", str(data_dir))
    assert code == 0 and out.lstrip().startswith("<svg")
    runs = [
        (float(length), html.unescape(text))
        for length, text in re.findall(r'textLength="([0-9.]+)"[^>]*>([^<]*)</text>', out)
    ]
    # One terminal cell, from a run of plain ASCII; a Chinese character takes two.
    one_cell = next(length / len(text) for length, text in runs if text.strip() and text.isascii())
    unit = next(length for length, text in runs if text == "单位")
    assert unit == pytest.approx(one_cell * 2 * 2)  # "单位": its own run, two cells a character
    # Every run of Chinese is drawn at the same pitch (Rich spread a run with spaces in it
    # less than one without): 2 cells a character, in every run.
    wide = [(length, text) for length, text in runs if text and not text.isascii()]
    chinese = [
        (length, text) for length, text in wide if all("\u4e00" <= c <= "\u9fff" for c in text)
    ]
    assert len(chinese) > 20
    assert {round(length / len(text), 6) for length, text in chinese} == {round(one_cell * 2, 6)}


def test_status_as_html(data_dir: Path) -> None:
    code, out, _ = invoke("status", "-f", "html", "--data", str(data_dir))
    assert code == 0 and "<html" in out.lower() and "城镇调查失业率" in out


def test_language_from_the_locale(data_dir: Path) -> None:
    args = ("status", "--year", "2024", "--data", str(data_dir))
    _, out, _ = invoke(*args, env={"LANG": "en_US.UTF-8", "TNPLAN_LANG": ""})
    assert "as of 2024" in out
    _, out, _ = invoke(*args, env={"LANG": "zh_CN.UTF-8", "TNPLAN_LANG": ""})
    assert "截至 2024 年" in out
    _, out, _ = invoke(*args, env={"LANG": "en_US.UTF-8", "TNPLAN_LANG": "zh"})
    assert "截至 2024 年" in out


def test_progress_bar_marks_time_elapsed(data_dir: Path) -> None:
    from tongnan_plan.present.cells import progress_bar

    plan = load_plan(data_dir)
    evaluations = evaluate_plan(plan, load_actuals(data_dir, plan).submissions, as_of=2024)
    by_id = {ev.indicator.id: ev for ev in evaluations}
    ahead, behind = by_id["urban_new_jobs"], by_id["subsidised_skills_training"]
    # 序时进度 80%: the mark is the 8th of 10 cells; ahead fills past it, behind stops short.
    assert progress_bar(ahead)[7] == "┃" and progress_bar(behind)[7] == "│"
    assert progress_bar(by_id["surveyed_unemployment_rate"]) == ""  # a bound: nothing to draw


def test_check_speaks_chinese(data_dir: Path) -> None:
    bad = FIXTURES / "invalid" / "unknown-indicator.yaml"
    code, out, _ = invoke("check", str(bad), "--lang", "zh", "--data", str(data_dir))
    assert code == 1
    assert "error[unknown-indicator] 未知指标 'urban_new_job'；是否应为 'urban_new_jobs'" in out
    assert out.rstrip().endswith("：无效")
    code, out, _ = invoke("check", str(bad), "-f", "json", "--lang", "zh", "--data", str(data_dir))
    report = json.loads(out)
    assert set(report["diagnostics"][0]) == {
        "file",
        "line",
        "column",
        "severity",
        "code",
        "path",
        "message",
    }


def test_status_shows_the_annual_target_done(plan: Plan, data_dir: Path) -> None:
    code, out, _ = invoke("status", "--tier", "action", "-f", "json", "--data", str(data_dir))
    records = {r["id"]: r for r in json.loads(out)}
    aaa = plan.indicator("aaa_harmonious_enterprises")
    year = records[aaa.id]["as_of"]
    flow = load_actuals(data_dir, plan).submissions[-1].entries()[aaa.id].value
    assert records[aaa.id]["annual_target"] == aaa.annual_targets[year]
    assert records[aaa.id]["annual_target_pct"] == pytest.approx(
        flow / aaa.annual_targets[year] * 100
    )
    code, out, _ = invoke(
        "status", "--tier", "action", "--data", str(data_dir), env={"COLUMNS": "200"}
    )
    assert code == 0 and "完成年度目标" in out


def test_written_files_get_the_usual_permissions(tmp_path: Path, data_dir: Path) -> None:
    import os

    target = tmp_path / "status.csv"
    assert invoke("status", "-f", "csv", "--data", str(data_dir), "-o", str(target))[0] == 0
    mask = os.umask(0)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask  # not mkstemp's private 0600


@pytest.mark.parametrize(
    "args", [["status", "--tier", "all"], ["show", "urban_new_jobs"], ["indicators"]]
)
def test_a_closed_pipe_ends_every_table_quietly(data_dir: Path, args: list[str]) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "tongnan_plan", *args, "--data", str(data_dir)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    err = process.stderr.read().decode()
    assert process.wait() == 0
    assert err == ""


def test_the_public_api_names_resolve() -> None:
    import tongnan_plan

    for name in tongnan_plan.__all__:
        assert getattr(tongnan_plan, name) is not None


def test_status_columns_keep_their_order_and_gain_known_total(data_dir: Path) -> None:
    before = (
        "id,name,unit,kind,attribute,comparator,baseline,target,year,actual,cumulative,"
        "completion_pct,time_elapsed_pct,progress_pct,pace_ratio,required_per_year,projected,"
        "status,provenance,name_en,group,tier,severity,missing_years,as_of,reported,"
        "projected_trend,outlook,expected,path,annual_target,annual_target_pct"
    ).split(",")
    code, out, _ = invoke("status", "-f", "csv", "--data", str(data_dir))
    assert code == 0
    assert out.splitlines()[0].split(",") == [*before, "known_total", "basis_change"]


def test_a_csv_run_loads_neither_rich_nor_tabulate(data_dir: Path) -> None:
    # Start-up time is part of the product: records need no table drawing.
    code = (
        "import sys\n"
        "from tongnan_plan.cli import app\n"
        f"sys.argv = ['tnplan', 'status', '-f', 'csv', '--data', {str(data_dir)!r}]\n"
        "try:\n    app(prog_name='tnplan')\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('rich', 'tabulate') if m in sys.modules), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stderr.strip() == "[]"


def test_show_as_of_a_year_draws_no_later_figure(data_dir: Path) -> None:
    # The shipped data run to 2025; as of 2024 the 2025 figure (1.10) is neither shown nor
    # summed: 2024's total is 1.12 + 1.05 + 1.08 + 1.10 = 4.35, and 2025 has no value.
    result = runner.invoke(
        app, ["show", "urban_new_jobs", "--year", "2024", "-f", "json", "--data", str(data_dir)]
    )
    assert result.exit_code == 0, result.output
    series = {row["year"]: row for row in json.loads(result.stdout)["series"]}
    assert series[2024]["cumulative"] == pytest.approx(4.35)
    assert series[2025]["value"] is None and series[2025]["cumulative"] is None
    assert series[2025]["expected"] == 5  # the path to the target is still drawn
