"""CSV as spreadsheets save it (commas padding every row, quoted comment cells, CRLF, a BOM),
and the provenance in Chinese, in every format."""

from __future__ import annotations

from pathlib import Path

import pytest

from tongnan_plan.model.diagnostics import Severity
from tongnan_plan.model.plan import Plan, Provenance
from tongnan_plan.model.submission import figure_of
from tongnan_plan.sources.store import check_files

#: A submission as Excel saves one: every row padded to the widest, a comment holding a comma
#: quoted whole, CRLF line ends and a byte-order mark.
SAVED = (
    "\ufeff# provenance: preliminary,,,,\r\n"
    '"# source: 区人力社保局, 统计科",,,,\r\n'
    "id,value,unit,source,note,,\r\n"
    "urban_new_jobs,10800,人,就业统计年报,,,\r\n"
    ",,,,,,\r\n"
    "surveyed_unemployment_rate,5.3,,,,,\r\n"
    "postdoc_recruits,x,,,,,\r\n"
)


def _check(tmp_path: Path, plan: Plan, text: str, name: str = "2023.csv") -> object:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return check_files([path], plan)


def test_a_csv_as_excel_saves_it(tmp_path: Path, plan: Plan) -> None:
    result = _check(tmp_path, plan, SAVED)
    errors = [
        (d.code, d.line, d.column)
        for d in result.diagnostics  # type: ignore[attr-defined]
        if d.severity is Severity.ERROR
    ]
    # Only the figure that is wrong, where it stands: row 7, the value column's first character.
    assert errors == [("not-a-number", 7, 18)]
    (submission,) = result.submissions  # type: ignore[attr-defined]
    assert submission.provenance is Provenance.PRELIMINARY  # not 'preliminary,,,,'
    assert submission.source == "区人力社保局, 统计科"
    assert figure_of(submission.values["urban_new_jobs"])[0] == pytest.approx(1.08)


def test_the_metadata_keeps_its_positions(tmp_path: Path, plan: Plan) -> None:
    text = '"# provenance: 估计x",,,\nid,value\n'
    result = _check(tmp_path, plan, text)
    (error,) = [d for d in result.diagnostics if d.code == "invalid-provenance"]  # type: ignore[attr-defined]
    # The value starts after the quote, "# provenance: ": column 1 + 1 + 14 = 16.
    assert (error.line, error.column) == (1, 16)


def test_cells_past_the_header_still_count_when_they_hold_something(
    tmp_path: Path, plan: Plan
) -> None:
    text = "# provenance: official\nid,value\nurban_new_jobs,1.1,,,\npostdoc_recruits,1,,x\n"
    result = _check(tmp_path, plan, text)
    errors = [
        (d.code, d.line, d.column) for d in result.diagnostics if d.severity is Severity.ERROR
    ]  # type: ignore[attr-defined]
    assert errors == [("extra-cells", 4, 20)]


def test_a_gbk_file_still_gets_its_hint(tmp_path: Path, plan: Plan) -> None:
    path = tmp_path / "2023.csv"
    path.write_bytes(
        "# provenance: official,,,\r\nid,value\r\n# 城镇新增就业人数\r\n".encode("gbk")
    )
    (error,) = check_files([path], plan).diagnostics
    assert error.code == "not-utf8" and "iconv -f GB18030 -t UTF-8" in error.message


@pytest.mark.parametrize(
    ("word", "provenance"),
    [
        ("正式", Provenance.OFFICIAL),
        ("初步", Provenance.PRELIMINARY),
        ("估计", Provenance.ESTIMATE),
        ("示例", Provenance.SAMPLE),
        ("Official", Provenance.OFFICIAL),  # as a spreadsheet capitalises a cell
        (" sample ", Provenance.SAMPLE),
    ],
)
def test_the_provenance_in_chinese(
    tmp_path: Path, plan: Plan, word: str, provenance: Provenance
) -> None:
    yaml = _check(tmp_path, plan, f"year: 2023\nprovenance: '{word}'\nvalues: {{}}\n", "2023.yaml")
    csv = _check(tmp_path, plan, f"# provenance: {word},,\nid,value\n")
    for result in (yaml, csv):
        (submission,) = result.submissions  # type: ignore[attr-defined]
        assert submission.provenance is provenance


def test_a_wrong_provenance_names_the_words(tmp_path: Path, plan: Plan) -> None:
    result = _check(tmp_path, plan, "year: 2023\nprovenance: 正式数据\nvalues: {}\n", "2023.yaml")
    (error,) = [d for d in result.diagnostics if d.code == "invalid-provenance"]  # type: ignore[attr-defined]
    assert error.message.endswith(
        "'正式数据' is not one of: official (正式), preliminary (初步), estimate (估计),"
        " sample (示例)"
    )
