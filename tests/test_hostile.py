"""Hostile input, streams and file systems (issue 10): each case is built here, in the test.

Nothing here is timed: a case that used to hang is tested by construction (a FIFO is refused
before it is opened; /dev/zero is refused as a device), and the slow cases are checked for
their answer only.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError
from typer.testing import CliRunner

from tongnan_plan.calc.audit import Verdict, audit_completion
from tongnan_plan.cli import app
from tongnan_plan.fileio import NotRegularFile, write_atomic
from tongnan_plan.model.diagnostics import Diagnostic, TnplanError
from tongnan_plan.model.plan import Indicator, Plan, PlanInfo, Quantity
from tongnan_plan.model.units import MAX_MAGNITUDE
from tongnan_plan.present.reporters import visible
from tongnan_plan.sources import files
from tongnan_plan.sources.csv_reader import parse_csv
from tongnan_plan.sources.store import check_files as check_paths
from tongnan_plan.sources.yaml_reader import MAX_DEPTH, parse_yaml, read_text
from tongnan_plan.validate.schema import submission_template

runner = CliRunner()
HEAD = "year: 2023\nprovenance: sample\nvalues:\n"
CSV_HEAD = "# provenance: sample\n# year: 2023\n"


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env={"LANG": "en_US.UTF-8", "TNPLAN_LANG": None})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def refused(text: str, file: str = "f.yaml") -> list[Diagnostic]:
    with pytest.raises(TnplanError) as caught:
        (parse_csv if file.endswith(".csv") else parse_yaml)(text, file)
    return caught.value.diagnostics


def codes(path: Path, plan: Plan) -> list[tuple[str, int, int]]:
    result = check_paths([path], plan)
    return [(d.code, d.line, d.column) for d in result.diagnostics if d.severity == "error"]


@pytest.fixture
def data_copy(tmp_path: Path, data_dir: Path) -> Path:
    target = tmp_path / "plan"
    shutil.copytree(data_dir, target)
    return target


@pytest.fixture
def no_open(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """os.open that fails the test when it opens a path in the returned list."""
    forbidden: list[str] = []
    real_open = os.open

    def guarded(path: Any, *args: Any, **kwargs: Any) -> int:
        assert str(path) not in forbidden, f"{path} was opened"
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded)
    yield forbidden


# ---------------------------------------------------------------- nesting, by the parser's events


def test_dashes_on_one_line_are_too_deep_where_the_limit_is_passed() -> None:
    (d,) = refused("- " * 3000 + "1\n")
    # The 65th "- " starts at column 2 × 64 + 1 = 129.
    assert (d.code, d.line, d.column) == ("too-deep", 1, 2 * MAX_DEPTH + 1)


def test_mappings_indented_one_space_each_are_too_deep() -> None:
    text = "".join(" " * i + f"k{i}:\n" for i in range(500)) + " " * 500 + "x: 1\n"
    (d,) = refused(text)
    # Line i + 1 holds the key k{i}; the mapping at depth 65 starts at k64, line 65 column 65.
    assert (d.code, d.line, d.column) == ("too-deep", MAX_DEPTH + 1, MAX_DEPTH + 1)


def test_brackets_beyond_the_parsers_own_limit_are_too_deep() -> None:
    (d,) = refused("a: " + "[" * 5000 + "]" * 5000 + "\n")
    assert d.code == "too-deep"


def test_a_bracket_inside_a_quoted_string_is_text() -> None:
    doc, problems = parse_yaml('a: "' + "[" * 5000 + '"\n', "f.yaml")
    assert (doc.data, problems) == ({"a": "[" * 5000}, [])


def test_nesting_up_to_the_limit_is_read() -> None:
    # 64 flow sequences, one inside the other, around a 1.
    doc, _ = parse_yaml("[" * MAX_DEPTH + "1" + "]" * MAX_DEPTH + "\n", "f.yaml")
    depth, value = 0, doc.data
    while isinstance(value, list):
        depth, value = depth + 1, value[0]
    assert (depth, value) == (MAX_DEPTH, 1)


# ---------------------------------------------------------------- numbers with a length limit


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        (HEAD + "  urban_new_jobs: " + "9" * 400 + "\n", 4, 19),
        (HEAD + "  urban_new_jobs: " + "9" * 5000 + "\n", 4, 19),
        ("year: " + "9" * 5000 + "\nprovenance: sample\nvalues: {}\n", 1, 7),
        (HEAD + "  urban_new_jobs: 0." + "0" * 5000 + "1\n", 4, 19),
        ("a: [" + "1" * 5000 + "]\n", 1, 5),
    ],
)
def test_numbers_longer_than_the_limit_are_refused(text: str, line: int, column: int) -> None:
    (d,) = refused(text)
    assert (d.code, d.line, d.column) == ("not-a-number", line, column)
    assert "characters" in d.message


def test_csv_year_of_5000_digits_is_refused() -> None:
    (d,) = refused("# provenance: sample\n# year: " + "9" * 5000 + "\nid,value\n", "2023.csv")
    # "# year: " is 8 characters: the digits start at column 9 of line 2.
    assert (d.code, d.line, d.column) == ("not-a-number", 2, 9)


def test_csv_value_of_5000_digits_is_refused() -> None:
    (d,) = refused(CSV_HEAD + "id,value\nurban_new_jobs," + "9" * 5000 + "\n", "2023.csv")
    # "urban_new_jobs," is 15 characters: the value starts at column 16 of line 4.
    assert (d.code, d.line, d.column) == ("not-a-number", 4, 16)


@pytest.mark.parametrize("suffix", [".yaml", ".csv"])
def test_a_number_beyond_a_float_is_called_too_large(
    tmp_path: Path, plan: Plan, suffix: str
) -> None:
    path = tmp_path / f"2023{suffix}"
    body = "  urban_new_jobs: 1e309\n" if suffix == ".yaml" else "id,value\nurban_new_jobs,1e309\n"
    path.write_text((HEAD if suffix == ".yaml" else CSV_HEAD) + body, encoding="utf-8")
    (d,) = [d for d in check_paths([path], plan).diagnostics if d.severity == "error"]
    assert d.code == "not-a-number"
    assert "too large" in d.message and "inf" not in d.message


def test_a_yaml_float_beyond_a_float_is_called_too_large(tmp_path: Path, plan: Plan) -> None:
    path = tmp_path / "2023.yaml"
    path.write_text(HEAD + "  urban_new_jobs: 1.0e+400\n", encoding="utf-8")
    ((code, line, column),) = codes(path, plan)
    assert (code, line, column) == ("not-a-number", 4, 19)


def test_long_digit_runs_followed_by_a_letter_are_text(tmp_path: Path, plan: Plan) -> None:
    # Once quadratic (9 s at 20,000 digits): a number pattern that could backtrack.
    for suffix, body in [
        (".yaml", HEAD + "  urban_new_jobs: " + "9" * 20_000 + "a\n"),
        (".csv", CSV_HEAD + "id,value\nurban_new_jobs," + "9" * 20_000 + "a\n"),
    ]:
        path = tmp_path / f"2023{suffix}"
        path.write_text(body, encoding="utf-8")
        assert [c for c, _, _ in codes(path, plan)] == ["not-a-number"]


def test_full_width_digits_in_csv_are_not_numbers() -> None:
    doc, _ = parse_csv(CSV_HEAD + "id,value\nurban_new_jobs,１２\n", "2023.csv")
    assert doc.data["values"]["urban_new_jobs"]["value"] == "１２"


# ---------------------------------------------------------------- CSV shapes


def test_a_row_without_its_id_cell_is_reported() -> None:
    doc, problems = parse_csv(CSV_HEAD + "value,id\n5\n", "2023.csv")
    assert [(p.code, p.line, p.column) for p in problems] == [("missing-key", 4, 1)]
    assert doc.data["values"] == {}


@pytest.mark.parametrize("year", ["²", "٢٠٢٣", "2023²"])
def test_a_year_in_other_digits_is_text(year: str) -> None:
    doc, _ = parse_csv(f"# provenance: sample\n# year: {year}\nid,value\n", "f.csv")
    assert doc.data["year"] == year


def test_a_bad_file_name_leaves_the_other_years(data_copy: Path, plan: Plan) -> None:
    bad = data_copy / "actuals" / "²³⁴⁵.csv"
    bad.write_text("# provenance: sample\nid,value\nurban_new_jobs,1\n", encoding="utf-8")
    code, out, err = invoke("status", "--data", str(data_copy), "-f", "csv", "--lang", "en")
    assert code == 1  # the bad file's errors are listed; the other years are still used
    assert "missing key 'year'" in err and "²³⁴⁵.csv" in err
    assert out.count("\n") == 1 + sum(1 for i in plan.indicators if i.tier == "main")


def test_a_quoted_note_may_span_lines() -> None:
    text = CSV_HEAD + 'id,value,note\nurban_new_jobs,1,"one\ntwo, three"\npostdoc_recruits,3,\n'
    doc, problems = parse_csv(text, "2023.csv")
    assert problems == []
    assert doc.data["values"] == {
        "urban_new_jobs": {"value": 1.0, "note": "one\ntwo, three"},
        "postdoc_recruits": {"value": 3.0},
    }
    # The note opens on line 4 and closes on line 5: the next row is line 6.
    assert doc.values[("values", "postdoc_recruits")] == (6, 1)


def test_an_unclosed_quote_is_reported_where_it_opens() -> None:
    _, problems = parse_csv(CSV_HEAD + 'id,value,note\nurban_new_jobs,1,"open\n', "2023.csv")
    # "urban_new_jobs,1," is 17 characters: the quote opens at column 18 of line 4.
    assert [(p.code, p.line, p.column) for p in problems] == [("csv-syntax", 4, 18)]


def test_a_column_named_twice_is_an_error_and_the_first_is_read() -> None:
    doc, problems = parse_csv(CSV_HEAD + "id,value,value\nurban_new_jobs,1,2\n", "2023.csv")
    # "id,value," is 9 characters: the second value column starts at column 10.
    assert [(p.code, p.line, p.column) for p in problems] == [("duplicate-key", 3, 10)]
    assert doc.data["values"]["urban_new_jobs"]["value"] == 1.0


def test_a_source_line_with_long_runs_of_spaces() -> None:
    # Once a regex that backtracked: "# source: a", 200,000 spaces, "b".
    text = "# provenance: sample\n# source: a" + " " * 200_000 + "b\n# year: 2023\nid,value\n"
    doc, _ = parse_csv(text, "2023.csv")
    assert doc.data["source"] == "a" + " " * 200_000 + "b"
    assert doc.values[("source",)] == (2, 11)


# ---------------------------------------------------------------- files that are not files


def test_a_fifo_is_refused_before_it_is_opened(tmp_path: Path, no_open: list[str]) -> None:
    fifo = tmp_path / "2023.yaml"
    os.mkfifo(fifo)
    no_open.append(str(fifo))
    with pytest.raises(TnplanError) as caught:
        read_text(fifo)
    (d,) = caught.value.diagnostics
    assert d.code == "file-unreadable" and "named pipe" in d.message


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_is_refused_before_it_is_opened(device: str, no_open: list[str]) -> None:
    if not os.path.exists(device):
        pytest.skip(f"no {device}")
    no_open.append(device)
    with pytest.raises(TnplanError) as caught:
        read_text(Path(device))
    (d,) = caught.value.diagnostics
    assert d.code == "file-unreadable" and "character device" in d.message


def test_the_byte_cap_does_not_trust_the_size(monkeypatch: pytest.MonkeyPatch) -> None:
    proc = Path("/proc/self/status")  # a regular file whose st_size is 0
    if not proc.is_file() or proc.stat().st_size != 0:
        pytest.skip("no /proc file that understates its size")
    monkeypatch.setattr(files, "MAX_BYTES", 100)
    with pytest.raises(TnplanError) as caught:
        read_text(proc)
    assert caught.value.diagnostics[0].code == "file-too-large"


def test_submissions_that_cannot_be_read_are_reported_not_passed_over(
    data_copy: Path,
) -> None:
    actuals = data_copy / "actuals"
    (actuals / "2023.yaml").unlink()
    os.mkfifo(actuals / "2023.yaml")
    (actuals / "2022.csv").symlink_to("nowhere")
    code, _, err = invoke("status", "--data", str(data_copy))
    assert code == 1
    assert "2023.yaml:1:1: error[file-unreadable] is a named pipe (FIFO)" in err
    assert "2022.csv:1:1: error[file-not-found] is a symbolic link" in err


def _symlink_loop(folder: Path) -> None:
    (folder / "targets.yaml").symlink_to("targets.yaml")


def _fifo(folder: Path) -> None:
    os.mkfifo(folder / "targets.yaml")


def _directory(folder: Path) -> None:
    (folder / "targets.yaml").mkdir()


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (lambda folder: None, "plan-not-found"),
        (_symlink_loop, "file-unreadable"),
        (_fifo, "file-unreadable"),
        (_directory, "is-directory"),
    ],
)
def test_a_plan_that_cannot_be_read_is_a_file_error(tmp_path: Path, make: Any, code: str) -> None:
    make(tmp_path)
    exit_code, _, err = invoke("status", "--data", str(tmp_path))
    assert exit_code == 2
    assert f"error[{code}]" in err


def test_a_missing_plan_directory_is_a_file_error(tmp_path: Path) -> None:
    exit_code, _, err = invoke("indicators", "--data", str(tmp_path / "nowhere"))
    assert exit_code == 2 and "plan-not-found" in err


# ---------------------------------------------------------------- plan bounds


def _plan_info(**years: int) -> dict[str, Any]:
    info: dict[str, Any] = {
        "id": "p",
        "title": "t",
        "title_en": "t",
        "issuer": "i",
        "document": "d",
        "issued": "2022",
    }
    return info | {"baseline_year": 2020, "start_year": 2021, "end_year": 2025} | years


@pytest.mark.parametrize(
    "years",
    [
        {"end_year": 100_000_000},
        {"baseline_year": -1_000_000},
        {"baseline_year": 1899, "start_year": 1900, "end_year": 1901},
        {"end_year": 2201},
        # 2020 to 2051 is 31 years, one more than a plan may span.
        {"end_year": 2051},
    ],
)
def test_plan_years_are_bounded(years: dict[str, int]) -> None:
    with pytest.raises(ValidationError):
        PlanInfo.model_validate(_plan_info(**years))


def test_a_thirty_year_plan_is_accepted() -> None:
    # 2020 to 2050: 30 years from the baseline, the most a plan may span.
    assert len(PlanInfo.model_validate(_plan_info(end_year=2050)).years) == 30


@pytest.mark.parametrize("value", [MAX_MAGNITUDE * 10, -MAX_MAGNITUDE * 10, 1e308])
def test_plan_figures_are_bounded(plan: Plan, value: float) -> None:
    indicator = plan.indicators[0].model_dump()
    indicator["target"]["value"] = value
    with pytest.raises(ValidationError):
        Indicator.model_validate(indicator)


def test_cross_check_sums_of_huge_figures_are_refused() -> None:
    with pytest.raises(ValidationError):
        Quantity.model_validate({"sum": [1e308, 1e308], "unit": "人", "text": "t", "source": "s"})


def test_a_tiny_target_does_not_break_the_audit(plan: Plan) -> None:
    audited = next(i for i in plan.indicators if i.tier == "main" and i.kind == "cumulative")
    indicator = audited.model_dump()
    indicator["target"]["value"] = 1e-320  # a subnormal: no plan prints one
    with pytest.raises(ValidationError, match=r"value-too-small|nearer zero"):
        Indicator.model_validate(indicator)
    indicator["target"]["value"] = 1e-9  # the least accepted
    indicator["published_completion"] = {"value": 212, "text": "212"}
    row = audit_completion(Indicator.model_validate(indicator), 105_900)
    assert row is not None and row.verdict is Verdict.MISMATCH


def test_plan_dir_with_end_year_far_away_is_invalid(data_copy: Path) -> None:
    targets = data_copy / "targets.yaml"
    text = targets.read_text(encoding="utf-8").replace("end_year: 2025", "end_year: 100000000")
    targets.write_text(text, encoding="utf-8")
    code, _, err = invoke("status", "--data", str(data_copy))
    assert code == 1 and "plan.end_year" in err


# ---------------------------------------------------------------- writing


def test_a_dangling_link_is_not_replaced(tmp_path: Path, data_dir: Path) -> None:
    link = tmp_path / "out.json"
    link.symlink_to(tmp_path / "nowhere")
    for extra in ([], ["--force"]):
        code, _, err = invoke("schema", "-o", str(link), "--data", str(data_dir), *extra)
        assert code == 2 and "symbolic link to nothing" in err
        assert link.is_symlink() and not (tmp_path / "nowhere").exists()


def test_a_link_is_followed_only_with_force(tmp_path: Path) -> None:
    real, link = tmp_path / "real.txt", tmp_path / "link.txt"
    real.write_text("old", encoding="utf-8")
    link.symlink_to(real)
    with pytest.raises(FileExistsError):
        write_atomic(link, "new")
    write_atomic(link, "new", force=True)
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"


def test_a_device_is_never_replaced(tmp_path: Path, data_dir: Path) -> None:
    if not os.path.exists("/dev/null"):
        pytest.skip("no /dev/null")
    link = tmp_path / "null"
    link.symlink_to("/dev/null")
    with pytest.raises(NotRegularFile):
        write_atomic(Path("/dev/null"), "x", force=True)
    code, _, err = invoke("schema", "-o", str(link), "--force", "--data", str(data_dir))
    assert code == 2 and "character device" in err
    assert Path("/dev/null").is_char_device() and link.is_symlink()


def test_output_onto_a_directory_says_so(tmp_path: Path, data_dir: Path) -> None:
    code, _, err = invoke("schema", "-o", str(tmp_path), "--data", str(data_dir))
    assert code == 2 and "is a directory" in err and "--force" not in err


def test_a_name_of_250_bytes_can_be_written(tmp_path: Path) -> None:
    target = tmp_path / ("a" * 245 + ".json")  # 250 bytes, under the usual limit of 255
    write_atomic(target, "{}\n")
    assert target.read_text(encoding="utf-8") == "{}\n"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no temporary file left


# ---------------------------------------------------------------- what reaches a terminal


def test_escape_sequences_in_a_file_name_are_shown_not_run(tmp_path: Path, data_dir: Path) -> None:
    path = tmp_path / "\x1b]0;pwned\x07\x1b[2J.yaml"
    path.write_text("", encoding="utf-8")
    _, out, _ = invoke("check", str(path), "--data", str(data_dir), "-f", "text")
    assert "\x1b" not in out and "\x07" not in out
    assert "\\x1b]0;pwned\\x07\\x1b[2J.yaml:1:1:" in out


def test_visible_escapes_what_a_terminal_acts_on() -> None:
    assert visible("a\x1b[2Jb\nc\u202ed\x9be\tf") == "a\\x1b[2Jb\\x0ac\\u202ed\\x9be\\x09f"
    assert visible("城镇 ≥5.5%") == "城镇 ≥5.5%"


def test_plan_text_cannot_become_live_yaml_in_the_template(plan: Plan) -> None:
    data = plan.model_dump(mode="json")
    data["plan"]["title"] = "Plan\npostdoc_recruits: 999"
    data["indicators"][0]["name"] = "城镇\r\nurban_new_jobs: 5\u2028x\x85y\x07z"
    data["indicators"][0]["source"] = "s\n  postdoc_recruits: 7"
    hostile = Plan.model_validate(data)
    text = submission_template(hostile, 2025, "s.json\nyear: 1999")
    document = yaml.safe_load(text)
    assert document["year"] == 2025
    assert document["values"] == {ind.id: None for ind in plan.indicators}
    assert len(text.splitlines()) == len(submission_template(plan, 2025, "s.json").splitlines())


# ---------------------------------------------------------------- messages that say what is wrong


def _not_utf8(tmp_path: Path, raw: bytes) -> Diagnostic:
    path = tmp_path / "2023.yaml"
    path.write_bytes(raw)
    with pytest.raises(TnplanError) as caught:
        read_text(path)
    (d,) = caught.value.diagnostics
    assert d.code == "not-utf8"
    return d


def test_big5_is_named_big5(tmp_path: Path) -> None:
    d = _not_utf8(tmp_path, "note: 說明：勞動人事爭議調解成功率\n".encode("cp950"))
    assert "Big5" in d.message and "iconv -f CP950" in d.message and "GB" not in d.message


def test_gbk_is_still_named_gbk(tmp_path: Path) -> None:
    d = _not_utf8(tmp_path, "note: 劳动人事争议调解成功率\n".encode("gbk"))
    assert "GB18030" in d.message and "Big5" not in d.message


def test_the_column_of_a_bad_byte_counts_characters(tmp_path: Path) -> None:
    d = _not_utf8(tmp_path, "note: 城镇 ".encode() + "就业".encode("gbk"))
    # "note: 城镇 " is 9 characters (15 bytes): the first GBK byte is column 10.
    assert (d.line, d.column) == (1, 10)


@pytest.mark.parametrize(
    ("encoding", "label"),
    [("utf-32", "UTF-32"), ("utf-16", "UTF-16"), ("utf-16-le", "UTF-16"), ("utf-32-be", "UTF-32")],
)
def test_wide_encodings_are_named(tmp_path: Path, encoding: str, label: str) -> None:
    d = _not_utf8(tmp_path, "year: 2023\nprovenance: sample\n".encode(encoding))
    assert f"file is {label};" in d.message


def test_a_control_character_is_named_by_its_code_point() -> None:
    (d,) = refused("a: 1\nb: 城x\x07y\n")
    # 城 is three bytes but one character: the bell is at column 6 of line 2.
    assert (d.line, d.column) == (2, 6)
    assert "U+0007" in d.message and "control character" in d.message


@pytest.mark.parametrize("separator", ["\u2028", "\x85", "\u2029"])
def test_unicode_line_separators_do_not_shift_lines(separator: str) -> None:
    # Editors show "a: 1<sep>b: 2" as line 1 and "c: d: e" as line 2, whose second colon
    # (column 5) YAML refuses; PyYAML alone would call it line 3.
    (d,) = refused(f"a: 1{separator}b: 2\nc: d: e\n")
    assert (d.code, d.line, d.column) == ("yaml-syntax", 2, 5)
    assert "line separator" in d.message


def test_positions_after_a_line_separator_are_those_editors_show() -> None:
    _, problems = parse_yaml('note: "x\u2028y"\nk: 1\nk: 2\n', "f.yaml")
    assert [(p.code, p.line, p.column) for p in problems] == [("duplicate-key", 3, 1)]


# ---------------------------------------------------------------- standard output


def _tnplan(shell: str, data_dir: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """tnplan in a shell, so that its standard output can be closed or pointed anywhere."""
    return subprocess.run(
        ["sh", "-c", f'"$0" -m tongnan_plan {shell}', sys.executable],
        capture_output=True,
        text=True,
        env={**os.environ, "TNPLAN_DATA": str(data_dir), "LANG": "en_US.UTF-8", **env},
        check=False,
    )


@pytest.mark.parametrize("args", ["status -f csv", "status", "check --help"])
def test_a_closed_standard_output_is_exit_2(data_dir: Path, args: str) -> None:
    done = _tnplan(f"{args} >&-", data_dir)
    assert done.returncode == 2
    assert done.stderr == "tnplan: cannot write to standard output: standard output is closed\n"


def test_a_full_standard_output_is_exit_2(data_dir: Path) -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    done = _tnplan("status -f csv >/dev/full", data_dir)
    assert done.returncode == 2
    assert done.stderr.startswith("tnplan: cannot write to standard output: ")
    assert done.stderr.count("\n") == 1


def test_an_ascii_standard_output_still_gets_everything(data_dir: Path, plan: Plan) -> None:
    done = _tnplan("status -f json", data_dir, PYTHONIOENCODING="ascii")
    assert done.returncode == 0
    import json

    rows = json.loads(done.stdout)  # \\uXXXX escapes are JSON's own
    main = [i for i in plan.indicators if i.tier == "main"]
    assert [r["name"] for r in rows] == [i.name for i in main]
    assert "written as \\u escapes" in done.stderr and done.stderr.count("\n") == 1


# ---------------------------------------------------------------- generated hostile shapes

BOMS = [b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"]
CONTROLS = [chr(c) for c in (*range(0, 9), 11, 12, *range(14, 32), 127, 0x85, 0x9B)] + [
    "\u2028",
    "\u2029",
    "\u202e",
    "\ufeff",
    "\ufffe",
]


@st.composite
def hostile_text(draw: st.DrawFn) -> str:
    """One of the shapes that broke tnplan, in a submission around it."""
    shape = draw(st.sampled_from(["nest", "indent", "digits", "spaces", "controls", "mixed"]))
    size = draw(st.integers(1, 3000))
    if shape == "nest":
        opener = draw(st.sampled_from(["- ", "[", "{a: ", "[- "]))
        return "a: " + opener * size + "1\n"
    if shape == "indent":
        return "".join(" " * i + f"k{i}:\n" for i in range(min(size, 400))) + "  x: 1\n"
    if shape == "digits":
        digits = draw(st.sampled_from(["9", "0", "1_", "1:"])) * size
        tail = draw(st.sampled_from(["", "a", ".5", "e5", "e400", ".0e+400"]))
        return HEAD + f"  urban_new_jobs: {draw(st.sampled_from(['', '-', '0x']))}{digits}{tail}\n"
    if shape == "spaces":
        gap = draw(st.sampled_from([" ", "\t", "　"])) * size
        return f"# source: a{gap}b\n" + HEAD + f"  urban_new_jobs: 1{gap}\n"
    if shape == "controls":
        chars = draw(st.lists(st.sampled_from(CONTROLS), min_size=1, max_size=6))
        return HEAD + f"  urban_new_jobs: 1\n  # {''.join(chars)}\n" + "".join(chars)
    return draw(st.text(alphabet=st.sampled_from([*CONTROLS, "[", "-", " ", "9", "\n"])))


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=hostile_text(), bom=st.sampled_from(BOMS), suffix=st.sampled_from([".yaml", ".csv"]))
def test_hostile_shapes_never_crash_the_readers(
    plan: Plan, text: str, bom: bytes, suffix: str
) -> None:
    raw = bom + text.encode("utf-8", "surrogatepass")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"2023{suffix}"
        path.write_bytes(raw)
        result = check_paths([path], plan)  # anything but a TnplanError would escape here
    for d in result.diagnostics:
        assert d.line >= 1 and d.column >= 1
        assert visible(d.as_text()).isprintable()
