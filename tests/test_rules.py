"""`check` on fixture files: one problem per invalid file, asserted by code, line and column."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tongnan_plan.model.diagnostics import Severity
from tongnan_plan.model.plan import Plan
from tongnan_plan.sources.store import check_files as check_paths

from .conftest import FIXTURES

INVALID = sorted((FIXTURES / "invalid").glob("*.yaml"))
EXPECT = re.compile(r"^# expect: (?P<code>[a-z0-9-]+) (?P<line>\d+):(?P<column>\d+)$")


def _expectation(path: Path) -> tuple[str, int, int]:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    match = EXPECT.match(first)
    assert match, f"{path.name} must start with '# expect: CODE LINE:COL'"
    return match["code"], int(match["line"]), int(match["column"])


def _errors(path: Path, plan: Plan) -> list[tuple[str, int, int]]:
    result = check_paths([path], plan)
    return [(d.code, d.line, d.column) for d in result.diagnostics if d.severity is Severity.ERROR]


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_fixture_reports_its_one_error(path: Path, plan: Plan) -> None:
    assert _errors(path, plan) == [_expectation(path)]


def test_fixture_names_match_their_codes() -> None:
    for path in INVALID:
        code = _expectation(path)[0]
        assert path.stem.split("--")[0] == code


def test_valid_fixture_has_no_error_and_converts_units(plan: Plan) -> None:
    result = check_paths([FIXTURES / "valid" / "2023.yaml"], plan)
    assert [d for d in result.diagnostics if d.severity is Severity.ERROR] == []
    (submission,) = result.submissions
    entries = submission.entries()
    # 10800 人 is 10800 / 10^4 万人.
    assert entries["urban_new_jobs"].value == pytest.approx(10800 / 10_000)
    codes = {(d.code, d.severity) for d in result.diagnostics}
    assert ("unit-converted", Severity.INFO) in codes
    assert ("missing-indicators", Severity.WARNING) in codes


def test_shipped_submissions_are_valid(plan: Plan, data_dir: Path) -> None:
    paths = sorted((data_dir / "actuals").glob("*.yaml"))
    assert [p.stem for p in paths] == [str(y) for y in range(2021, 2025)]
    result = check_paths(paths, plan)
    assert [d.as_text() for d in result.diagnostics if d.severity is Severity.ERROR] == []


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_year_must_match_file_name(tmp_path: Path, plan: Plan) -> None:
    path = _write(tmp_path, "2023.yaml", "year: 2022\nprovenance: sample\nvalues: {}\n")
    assert _errors(path, plan) == [("year-mismatch", 1, 7)]


def test_two_files_for_one_year(tmp_path: Path, plan: Plan) -> None:
    a = _write(tmp_path, "a.yaml", "year: 2022\nprovenance: sample\nvalues: {}\n")
    b = _write(tmp_path, "b.yaml", "year: 2022\nprovenance: sample\nvalues: {}\n")
    result = check_paths([a, b], plan)
    dup = [d for d in result.diagnostics if d.code == "duplicate-year"]
    assert [(d.file, d.line) for d in dup] == [(str(b), 1)]
    assert len(result.submissions) == 1


def test_jump_against_previous_year_in_same_directory(tmp_path: Path, plan: Plan) -> None:
    _write(
        tmp_path, "2022.yaml", "year: 2022\nprovenance: sample\nvalues:\n  urban_new_jobs: 1.1\n"
    )
    # 11000 typed without its unit: a thousand-fold jump from 1.1 万人.
    path = _write(
        tmp_path, "2023.yaml", "year: 2023\nprovenance: sample\nvalues:\n  urban_new_jobs: 11000\n"
    )
    result = check_paths([path], plan)
    jumps = [
        (d.code, d.line, d.column, d.severity)
        for d in result.diagnostics
        if d.code == "implausible-jump"
    ]
    assert jumps == [("implausible-jump", 4, 19, Severity.WARNING)]


def test_missing_indicators_warned_once(tmp_path: Path, plan: Plan) -> None:
    path = _write(
        tmp_path, "2023.yaml", "year: 2023\nprovenance: sample\nvalues:\n  urban_new_jobs: 1.1\n"
    )
    result = check_paths([path], plan)
    missing = [d for d in result.diagnostics if d.code == "missing-indicators"]
    assert len(missing) == 1
    assert f"{len(plan.indicators) - 1} of the plan's {len(plan.indicators)}" in missing[0].message


def test_utf8_bom_is_accepted(tmp_path: Path, plan: Plan) -> None:
    path = tmp_path / "2023.yaml"
    path.write_bytes(
        "\ufeffyear: 2023\nprovenance: sample\nvalues:\n  urban_new_jobs: 1.1\n".encode()
    )
    assert _errors(path, plan) == []


def test_gbk_file_is_refused_with_a_hint(tmp_path: Path, plan: Plan) -> None:
    path = tmp_path / "2023.yaml"
    path.write_bytes("year: 2023\nprovenance: sample\nnote: 区人社局\nvalues: {}\n".encode("gbk"))
    result = check_paths([path], plan)
    (diagnostic,) = result.diagnostics
    assert (diagnostic.code, diagnostic.line, diagnostic.column) == ("not-utf8", 3, 7)
    assert "GB18030" in diagnostic.message


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (lambda p: p, "file-not-found"),
        (lambda p: p.mkdir() or p, "is-directory"),
    ],
)
def test_files_that_cannot_be_read(tmp_path: Path, plan: Plan, make, code: str) -> None:  # type: ignore[no-untyped-def]
    path = make(tmp_path / "2023.yaml")
    assert _errors(path, plan) == [(code, 1, 1)]


def test_suggests_nearest_id(plan: Plan) -> None:
    result = check_paths([FIXTURES / "invalid" / "unknown-indicator.yaml"], plan)
    (d,) = [d for d in result.diagnostics if d.code == "unknown-indicator"]
    assert "'urban_new_jobs'" in d.message


def test_chinese_name_points_to_id(plan: Plan) -> None:
    result = check_paths([FIXTURES / "invalid" / "unknown-indicator--chinese-name.yaml"], plan)
    (d,) = [d for d in result.diagnostics if d.code == "unknown-indicator"]
    assert "write its id 'urban_new_jobs'" in d.message


def test_running_total_instead_of_the_years_flow(tmp_path: Path, plan: Plan) -> None:
    _write(
        tmp_path, "2021.yaml", "year: 2021\nprovenance: sample\nvalues:\n  urban_new_jobs: 1.1\n"
    )
    _write(
        tmp_path, "2022.yaml", "year: 2022\nprovenance: sample\nvalues:\n  urban_new_jobs: 1.0\n"
    )
    # 2021 + 2022 + about one more year: 1.1 + 1.0 + 1.05 = 3.15 is what a running total gives.
    path = _write(
        tmp_path, "2023.yaml", "year: 2023\nprovenance: sample\nvalues:\n  urban_new_jobs: 3.2\n"
    )
    result = check_paths([path], plan)
    found = [(d.code, d.line, d.severity) for d in result.diagnostics if d.code == "running-total"]
    assert found == [("running-total", 4, Severity.WARNING)]
    # A flow in line with the earlier years is not flagged.
    path.write_text(
        "year: 2023\nprovenance: sample\nvalues:\n  urban_new_jobs: 1.2\n", encoding="utf-8"
    )
    assert not [d for d in check_paths([path], plan).diagnostics if d.code == "running-total"]


def test_running_total_is_not_checked_for_levels(tmp_path: Path, plan: Plan) -> None:
    for year, value in ((2021, 4.38), (2022, 4.45)):
        _write(
            tmp_path,
            f"{year}.yaml",
            f"year: {year}\nprovenance: sample\nvalues:\n"
            f"  unemployment_insurance_insured: {value}\n",
        )
    path = _write(
        tmp_path,
        "2023.yaml",
        "year: 2023\nprovenance: sample\nvalues:\n  unemployment_insurance_insured: 4.52\n",
    )
    assert not [d for d in check_paths([path], plan).diagnostics if d.code == "running-total"]


def test_csv_submission_is_checked_with_row_and_column(plan: Plan) -> None:
    result = check_paths([FIXTURES / "csv" / "2023.csv"], plan)
    found = [(d.code, d.line, d.column) for d in result.diagnostics if d.severity is Severity.ERROR]
    assert found == [
        ("not-a-number", 6, 18),
        ("percent-out-of-range", 7, 24),
        ("unknown-indicator", 8, 1),
        ("duplicate-key", 9, 1),
        ("missing-value", 10, 24),
    ]
    (submission,) = result.submissions
    assert submission.year == 2023  # from the file name
    assert submission.entries()["urban_new_jobs"].value == pytest.approx(10800 / 10_000)


def test_csv_needs_a_header_and_a_provenance(tmp_path: Path, plan: Plan) -> None:
    path = tmp_path / "2023.csv"
    path.write_text("urban_new_jobs,1.1\n", encoding="utf-8")
    assert ("missing-key", 1, 1) in _errors(path, plan)
    path.write_text("id,value,colour\nurban_new_jobs,1.1,red\n", encoding="utf-8")
    errors = _errors(path, plan)
    assert ("unknown-key", 1, 10) in errors
    assert ("missing-key", 1, 1) in errors  # no provenance line


def test_csv_and_yaml_give_the_same_submission(tmp_path: Path, plan: Plan) -> None:
    csv_path = tmp_path / "2022.csv"
    csv_path.write_text(
        '# provenance: sample\nid,value,unit\nurban_new_jobs,10500,人\n"postdoc_recruits",1,\n',
        encoding="utf-8",
    )
    yaml_path = tmp_path / "yaml" / "2022.yaml"
    yaml_path.parent.mkdir()
    yaml_path.write_text(
        "year: 2022\nprovenance: sample\nvalues:\n"
        "  urban_new_jobs: {value: 10500, unit: 人}\n  postdoc_recruits: 1\n",
        encoding="utf-8",
    )
    from_csv = check_paths([csv_path], plan).submissions[0]
    from_yaml = check_paths([yaml_path], plan).submissions[0]
    assert from_csv.year == from_yaml.year and from_csv.provenance is from_yaml.provenance
    assert {k: e.value for k, e in from_csv.entries().items()} == {
        k: e.value for k, e in from_yaml.entries().items()
    }


@pytest.mark.parametrize("path", [*INVALID, FIXTURES / "csv" / "2023.csv"], ids=lambda p: p.name)
def test_every_problem_is_also_said_in_chinese(path: Path, plan: Plan) -> None:
    for diagnostic in check_paths([path], plan).diagnostics:
        assert diagnostic.message_zh, (diagnostic.code, diagnostic.message)
        assert diagnostic.text("zh") != diagnostic.text("en")
