"""`tnplan check` on a plan file: every problem at its line and column, the loader alike.

The one-problem plan files in fixtures/plans/ are named after their code and mark the faulty
line with `# fault`; each is base.yaml (which checks clean) with that one line changed.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tongnan_plan.cli import app
from tongnan_plan.extract import draft_yaml, extract_plan
from tongnan_plan.model.catalogue import CATALOGUE
from tongnan_plan.model.diagnostics import Severity, TnplanError
from tongnan_plan.model.plan import Plan
from tongnan_plan.sources.store import Repository, check_files, load_plan

from .conftest import FIXTURES

PLANS = FIXTURES / "plans"
ONE_PROBLEM = sorted(p for p in PLANS.glob("*.yaml") if p.name != "base.yaml")
runner = CliRunner()


def _check(path: Path, plans: Repository | None = None) -> list[tuple[str, int, int]]:
    def no_plan() -> Plan:
        raise AssertionError("a plan file is checked without the plan of submissions")

    diagnostics = check_files([path], no_plan, plans=plans or Repository.at(PLANS)).diagnostics
    return [(d.code, d.line, d.column) for d in diagnostics]


def _fault(path: Path) -> tuple[int, str]:
    """The line marked `# fault` (1-based) and its text."""
    lines = path.read_text(encoding="utf-8").splitlines()
    (line,) = [i for i, text in enumerate(lines, 1) if text.endswith("# fault")]
    return line, lines[line - 1]


def test_the_base_plan_checks_clean() -> None:
    assert _check(PLANS / "base.yaml") == []


def test_every_plan_code_has_its_fixture() -> None:
    plan_codes = {
        "duplicate-id",
        "unknown-group",
        "unknown-parent",
        "parent-cycle",
        "nested-parent",
        "invalid-period",
        "plan-too-long",
        "annual-target-outside",
        "child-target-exceeds-parent",
        "comparator-contradicts-direction",
        "target-equals-baseline",
        "unfinished-target",
        "unreviewed",
        "unknown-previous",
        "unknown-continues",
    }
    assert plan_codes <= set(CATALOGUE)
    assert plan_codes <= {p.stem for p in ONE_PROBLEM}


@pytest.mark.parametrize("path", ONE_PROBLEM, ids=lambda p: p.stem)
def test_one_problem_at_its_line(path: Path) -> None:
    line, text = _fault(path)
    found = _check(path)
    assert [(code, at) for code, at, _ in found] == [(path.stem, line)]
    (_, _, column) = found[0]
    # The column is where the faulty key or value starts on that line, never 1:1 by default.
    assert 1 <= column <= len(text) and text[column - 1] not in " :#"
    assert CATALOGUE[path.stem].severity is (
        Severity.WARNING
        if path.stem in ("target-equals-baseline", "unreviewed")
        else Severity.ERROR
    )


def test_columns_point_at_the_value() -> None:
    # `    group: talents  # fault`: the value starts after 4 spaces and "group: " (7).
    ((_, _, column),) = _check(PLANS / "unknown-group.yaml")
    assert column == 4 + 7 + 1
    # `    colour: red  # fault`: an unknown key is located at the key, after 4 spaces.
    ((_, _, column),) = _check(PLANS / "unknown-key.yaml")
    assert column == 5


def test_every_problem_of_a_file_in_one_run(tmp_path: Path) -> None:
    text = (PLANS / "base.yaml").read_text(encoding="utf-8")
    text = text.replace("    kind: cumulative\n", "    kind: cumulativ\n")  # new_jobs: the model
    text = text.replace("    parent: talent_total\n", "    parent: talent\n")  # a reference
    text = text.replace('{value: 80, text: "80"}', '{value: 120, text: "120"}')  # a figure
    path = tmp_path / "targets.yaml"
    path.write_text(text, encoding="utf-8")
    codes = [code for code, _, _ in _check(path)]
    # In file order, although the first one stops the model before its references are checked.
    assert codes == ["invalid-value", "unknown-parent", "percent-out-of-range"]


def test_the_loader_reports_the_same_positions(tmp_path: Path) -> None:
    for code in ("unknown-group", "duplicate-id", "invalid-period", "unknown-key"):
        folder = tmp_path / code
        folder.mkdir()
        shutil.copy(PLANS / f"{code}.yaml", folder / "targets.yaml")
        with pytest.raises(TnplanError) as raised:
            load_plan(folder)
        loaded = [(d.code, d.line, d.column) for d in raised.value.diagnostics]
        assert loaded == _check(folder / "targets.yaml"), code
        assert loaded[0][1] == _fault(folder / "targets.yaml")[0]


def test_the_loader_keeps_what_check_alone_reports(tmp_path: Path) -> None:
    # A warning, a draft's open question and a placeholder do not stop a plan from loading.
    for code in ("target-equals-baseline", "unreviewed", "unfinished-target"):
        folder = tmp_path / code
        folder.mkdir()
        shutil.copy(PLANS / f"{code}.yaml", folder / "targets.yaml")
        assert load_plan(folder).plan.id == "small-plan"


def test_a_placeholder_is_never_a_zero(tmp_path: Path) -> None:
    folder = tmp_path / "plan"
    folder.mkdir()
    shutil.copy(PLANS / "unfinished-target.yaml", folder / "targets.yaml")
    indicator = load_plan(folder).indicator("coverage_rate")
    assert indicator.target.value is None and indicator.target.unfinished
    assert not indicator.has_target


def test_a_placeholder_with_a_value_is_refused(tmp_path: Path) -> None:
    text = (PLANS / "base.yaml").read_text(encoding="utf-8")
    text = text.replace('{value: 80, text: "80"}', '{value: 80, text: "80", todo: "write it"}')
    path = tmp_path / "targets.yaml"
    path.write_text(text, encoding="utf-8")
    ((code, line, _),) = _check(path)  # said once: not also as unfinished
    lines = text.splitlines()
    assert code == "invalid-value" and "todo" in lines[line - 1]


def test_the_shipped_plans_check(data_dir: Path) -> None:
    plans = Repository.at(data_dir)
    # 劳动保障监察举报投诉案件结案率 (专栏2 第15项): baseline 100, target 100, a bare number.
    found = _check(data_dir / "targets.yaml", plans)
    assert [code for code, _, _ in found] == ["target-equals-baseline"]
    lines = (data_dir / "targets.yaml").read_text(encoding="utf-8").splitlines()
    assert 'text: "100"' in lines[found[0][1] - 1]
    assert _check(data_dir / "13th" / "targets.yaml", plans) == []


def test_previous_and_continues_resolve_in_the_repository(tmp_path: Path) -> None:
    root = tmp_path / "data"
    (root / "old").mkdir(parents=True)
    (root / "new").mkdir()
    base = (PLANS / "base.yaml").read_text(encoding="utf-8")
    (root / "old" / "targets.yaml").write_text(
        base.replace("id: small-plan", "id: old-plan"), encoding="utf-8"
    )
    new = base.replace("  end_year: 2023\n", "  end_year: 2023\n  previous: old-plan\n")
    good = new.replace(
        "    source: 表1 第1项\n", "    source: 表1 第1项\n    continues: new_jobs\n"
    )
    (root / "new" / "targets.yaml").write_text(good, encoding="utf-8")
    assert _check(root / "new" / "targets.yaml", Repository.at(root)) == []
    bad = good.replace("continues: new_jobs", "continues: old_jobs")
    (root / "new" / "targets.yaml").write_text(bad, encoding="utf-8")
    assert [c for c, _, _ in _check(root / "new" / "targets.yaml", Repository.at(root))] == [
        "unknown-continues"
    ]


# ---- the open questions of a draft written by `tnplan extract` (issue 14)


@pytest.fixture(scope="module")
def draft_file(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    draft = extract_plan(FIXTURES / "extract" / "tongnan-14th-plan.txt")
    path = tmp_path_factory.mktemp("draft") / "targets.yaml"
    path.write_text(draft_yaml(draft), encoding="utf-8")
    questions = draft.plan.questions()
    return path, questions


def test_each_open_question_of_a_draft_is_a_warning_at_its_line(
    draft_file: tuple[Path, int],
) -> None:
    path, questions = draft_file
    lines = path.read_text(encoding="utf-8").splitlines()
    found = [(line, column) for code, line, column in _check(path) if code == "unreviewed"]
    assert questions > 0 and len(found) == questions
    for line, column in found:
        # One `- "…"` line each, the warning at the question's opening quote.
        assert lines[line - 1].lstrip().startswith('- "'), lines[line - 1]
        assert lines[line - 1][column - 1] == '"'


def test_removing_a_review_item_settles_it(draft_file: tuple[Path, int], tmp_path: Path) -> None:
    path, questions = draft_file
    lines = path.read_text(encoding="utf-8").splitlines()
    (first, _), *_ = [(line, c) for code, line, c in _check(path) if code == "unreviewed"]
    settled = tmp_path / "targets.yaml"
    settled.write_text("\n".join(lines[: first - 1] + lines[first:]) + "\n", encoding="utf-8")
    left = [code for code, _, _ in _check(settled)]
    assert left.count("unreviewed") == questions - 1
    assert "yaml-syntax" not in left


def test_check_of_a_draft_exits_0_with_warnings_and_1_with_strict(
    draft_file: tuple[Path, int],
) -> None:
    path, questions = draft_file
    result = runner.invoke(app, ["check", str(path), "-f", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert sum(d["code"] == "unreviewed" for d in report["diagnostics"]) == questions
    assert runner.invoke(app, ["check", str(path), "--strict"]).exit_code == 1


def test_check_of_a_broken_plan_file_exits_1(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", str(PLANS / "unknown-group.yaml"), "--lang", "en"])
    line, _ = _fault(PLANS / "unknown-group.yaml")
    assert result.exit_code == 1
    assert f"unknown-group.yaml:{line}:12: error[unknown-group]" in result.stdout


def test_a_review_list_left_empty_is_settled(tmp_path: Path) -> None:
    text = (PLANS / "unreviewed.yaml").read_text(encoding="utf-8")
    line, _ = _fault(PLANS / "unreviewed.yaml")
    lines = text.splitlines()
    path = tmp_path / "targets.yaml"
    path.write_text("\n".join(lines[: line - 1] + lines[line:]) + "\n", encoding="utf-8")
    assert "    review:" in path.read_text(encoding="utf-8")  # the key is left, with no item
    assert _check(path) == []
