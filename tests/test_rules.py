"""`check` on fixture files: one problem per invalid file, asserted by code, line and column."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from tongnan_plan.model.diagnostics import Severity
from tongnan_plan.model.plan import Plan, Provenance
from tongnan_plan.sources.store import check_files as check_paths
from tongnan_plan.validate.explain import SUGGEST_AT_MOST

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
    assert [p.stem for p in paths] == [str(y) for y in range(2021, 2026)]
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
    # 12 万人 after 1.1: a jump of ×10.9, but no unit step (12 人 would be 0.0012 万人).
    path = _write(
        tmp_path, "2023.yaml", "year: 2023\nprovenance: sample\nvalues:\n  urban_new_jobs: 12\n"
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
    assert f"{len(plan.indicators) - 1} of the {len(plan.indicators)} indicators of the plan" in (
        missing[0].message
    )


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


def test_csv_and_yaml_give_the_figures_written(tmp_path: Path, plan: Plan) -> None:
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
    # 10500 人 = 10500 / 10^4 = 1.05 万人, urban_new_jobs' unit; postdoc_recruits is counted in 人.
    expected = {"urban_new_jobs": 1.05, "postdoc_recruits": 1.0}
    for path in (csv_path, yaml_path):
        (submission,) = check_paths([path], plan).submissions
        assert (submission.year, submission.provenance) == (2022, Provenance.SAMPLE)
        got = {k: e.value for k, e in submission.entries().items()}
        assert got == pytest.approx(expected)


@pytest.mark.parametrize("path", [*INVALID, FIXTURES / "csv" / "2023.csv"], ids=lambda p: p.name)
def test_every_problem_is_also_said_in_chinese(path: Path, plan: Plan) -> None:
    for diagnostic in check_paths([path], plan).diagnostics:
        assert diagnostic.message_zh, (diagnostic.code, diagnostic.message)
        assert diagnostic.text("zh") != diagnostic.text("en")


def _column(line: str, text: str) -> int:
    """The 1-based column where text starts in line."""
    return line.index(text) + 1


def test_every_error_of_a_value_is_reported(tmp_path: Path, plan: Plan) -> None:
    line = "  urban_new_jobs: {value: {value: 1}, to_date: maybe}"
    path = _write(tmp_path, "2023.yaml", f"year: 2023\nprovenance: sample\nvalues:\n{line}\n")
    assert _errors(path, plan) == [
        ("not-a-number", 4, _column(line, "{value: 1}")),
        ("invalid-type", 4, _column(line, "maybe")),
    ]


def test_a_figure_is_capped_after_its_unit_is_converted(tmp_path: Path, plan: Plan) -> None:
    # postdoc_recruits is counted in 人; 1 万人 = 10^4 人.
    assert plan.indicator("postdoc_recruits").unit == "人"
    cases = [
        ("1.0e+305", "value-too-large"),  # 10^309 人: past float's range, not infinity
        ("1.0000001e+11", "value-too-large"),  # 1.0000001 × 10^15 人: just over the cap
        ("1.0e+11", None),  # 10^11 × 10^4 = 10^15 人: the cap itself
    ]
    for given, code in cases:
        entry = f"  postdoc_recruits: {{value: {given}, unit: 万人}}\n"
        path = _write(tmp_path, "2023.yaml", f"year: 2023\nprovenance: sample\nvalues:\n{entry}")
        assert [c for c, _, _ in _errors(path, plan)] == ([code] if code else []), given


def test_a_percentage_just_over_100_says_how_much(plan: Plan) -> None:
    path = FIXTURES / "invalid" / "percent-out-of-range--just-over.yaml"
    (d,) = [d for d in check_paths([path], plan).diagnostics if d.severity is Severity.ERROR]
    assert "100.0000001 is over 100" in d.message
    assert "100.0000001 超过了 100" in d.message_zh


def test_only_the_first_few_unknown_ids_get_a_suggestion(tmp_path: Path, plan: Plan) -> None:
    # Each id is a real one with an "x" added: difflib would find every one of them.
    ids = [ind.id for ind in plan.indicators][:30]
    lines = "".join(f"  {id_}x: 1\n" for id_ in ids)
    path = _write(tmp_path, "2023.yaml", f"year: 2023\nprovenance: sample\nvalues:\n{lines}")
    unknown = [d for d in check_paths([path], plan).diagnostics if d.code == "unknown-indicator"]
    assert len(unknown) == 30
    assert sum("did you mean" in d.message for d in unknown) == SUGGEST_AT_MOST
    assert "did you mean 'urban_new_jobs'" in unknown[0].message


def test_many_unknown_ids_are_reported_quickly(tmp_path: Path, plan: Plan) -> None:
    rows = "".join(f"unknown_indicator_{i},1\n" for i in range(20_000))
    path = _write(tmp_path, "2023.csv", f"# provenance: sample\nid,value\n{rows}")
    start = time.perf_counter()
    result = check_paths([path], plan)
    elapsed = time.perf_counter() - start
    assert sum(d.code == "unknown-indicator" for d in result.diagnostics) == 20_000
    # One difflib look-up for each id took about 1.5 ms against the plan's 83 ids: 30 s here.
    assert elapsed < 10, elapsed


def test_a_bad_figure_leaves_the_good_ones(tmp_path: Path, plan: Plan) -> None:
    text = (
        "year: 2023\nprovenance: sample\nvalues:\n"
        "  urban_new_jobs: 1.1\n  basic_pension_coverage: 962\n  postdoc_recruits: abc\n"
        "  surveyed_unemployment_rate: {value: 5.2, unit: ％}\n"
    )
    (submission,) = check_paths([_write(tmp_path, "2023.yaml", text)], plan).submissions
    got = {k: e.value for k, e in submission.entries().items()}
    assert got == {"urban_new_jobs": 1.1, "surveyed_unemployment_rate": 5.2}


def test_a_part_over_its_whole_is_left_out(plan: Plan) -> None:
    result = check_paths([FIXTURES / "invalid" / "child-exceeds-parent.yaml"], plan)
    (submission,) = result.submissions
    assert {k: e.value for k, e in submission.entries().items()} == {"new_skill_certificates": 0.8}


def test_a_bad_year_leaves_the_file_out_but_every_problem_is_said(
    tmp_path: Path, plan: Plan
) -> None:
    text = (
        'year: "2023"\nprovenance: sample\nvalues:\n'
        "  basic_pension_coverage: 962\n  urban_new_jobs: -1\n"
    )
    result = check_paths([_write(tmp_path, "2023.yaml", text)], plan)
    assert result.submissions == []
    assert [(d.code, d.line) for d in result.diagnostics if d.severity is Severity.ERROR] == [
        ("invalid-year", 1),
        ("percent-out-of-range", 4),
        ("negative-value", 5),
    ]


def test_running_total_counts_from_a_total_to_date(tmp_path: Path, plan: Plan) -> None:
    _write(
        tmp_path, "2021.yaml", "year: 2021\nprovenance: sample\nvalues:\n  urban_new_jobs: 1.1\n"
    )
    _write(
        tmp_path,
        "2022.yaml",
        "year: 2022\nprovenance: sample\nvalues:\n  urban_new_jobs: {value: 2.1, to_date: true}\n",
    )
    path = tmp_path / "2023.yaml"

    def warned(value: float) -> bool:
        path.write_text(
            f"year: 2023\nprovenance: sample\nvalues:\n  urban_new_jobs: {value}\n", "utf-8"
        )
        return any(d.code == "running-total" for d in check_paths([path], plan).diagnostics)

    # Total to date 2.1 over two years, 1.05 a year: a running total would be 2.1 + 1.05 = 3.15,
    # and the warning starts at 0.9 × 3.15 = 2.835.
    assert warned(3.2)
    assert warned(2.84)
    assert not warned(2.83)
    assert not warned(1.0)


def test_running_total_is_not_guessed_across_a_gap(tmp_path: Path, plan: Plan) -> None:
    # 2021 is missing: the total to date is unknown, so nothing is compared with it.
    _write(
        tmp_path, "2022.yaml", "year: 2022\nprovenance: sample\nvalues:\n  urban_new_jobs: 1.0\n"
    )
    path = _write(
        tmp_path, "2023.yaml", "year: 2023\nprovenance: sample\nvalues:\n  urban_new_jobs: 5.0\n"
    )
    assert not [d for d in check_paths([path], plan).diagnostics if d.code == "running-total"]
