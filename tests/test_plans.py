"""A repository of plans: which plans it holds, `tnplan plans`, and --plan on every command."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from tongnan_plan.cli import app
from tongnan_plan.sources.store import PlanChoiceError, Repository

runner = CliRunner()

#: Every command that reads a plan takes --plan.
PLAN_COMMANDS = ("status", "show", "indicators", "audit", "report", "check", "schema", "new")


def invoke(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env=env)
    return result.exit_code, result.stdout, result.stderr


def _tiers(path: Path) -> Counter[str]:
    """Indicators by tier, counted from the file itself (PyYAML, not tnplan)."""
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Counter(ind["tier"] for ind in document["indicators"])


@pytest.fixture
def repository(tmp_path: Path, data_dir: Path) -> Path:
    """The shipped data: the 14th plan at the root, the 13th in 13th/."""
    root = tmp_path / "data"
    shutil.copytree(data_dir, root)
    return root


@pytest.fixture
def folders_only(repository: Path) -> Path:
    """Two plans in folders and none at the root: 13th/ and 14th/."""
    (repository / "14th").mkdir()
    shutil.move(repository / "targets.yaml", repository / "14th" / "targets.yaml")
    shutil.move(repository / "actuals", repository / "14th" / "actuals")
    return repository


def test_the_shipped_repository_holds_two_linked_plans(data_dir: Path) -> None:
    plans = Repository.at(data_dir)
    assert [(p.folder, plans.plan_id(p)) for p in plans.places] == [
        ("", "tongnan-hrss-14th"),
        ("13th", "tongnan-hrss-13th"),
    ]
    assert plans.choose() == plans.places[0]  # the root plan is the default
    fourteenth = plans.load(plans.places[0])
    assert fourteenth.plan.previous == "tongnan-hrss-13th"
    assert plans.find("13th") == plans.find("tongnan-hrss-13th") == plans.places[1]


def test_plans_lists_them(data_dir: Path) -> None:
    code, out, _ = invoke("plans", "-f", "json", "--data", str(data_dir))
    assert code == 0
    rows = {row["id"]: row for row in json.loads(out)}
    fourteenth, thirteenth = rows["tongnan-hrss-14th"], rows["tongnan-hrss-13th"]
    tiers = _tiers(data_dir / "targets.yaml")
    assert (fourteenth["main"], fourteenth["goal"], fourteenth["action"]) == (
        tiers["main"],
        tiers["goal"],
        tiers["action"],
    )
    assert fourteenth["main"] == 17  # 专栏2's 17 rows
    assert (thirteenth["main"], thirteenth["indicators"]) == (25, 25)  # 专栏1's 25 rows
    assert (fourteenth["start_year"], fourteenth["end_year"]) == (2021, 2025)
    assert fourteenth["years"] == [2021, 2022, 2023, 2024, 2025] and thirteenth["years"] == [2020]
    assert fourteenth["default"] is True and thirteenth["default"] is False
    assert fourteenth["previous"] == "tongnan-hrss-13th" and thirteenth["previous"] is None
    assert (fourteenth["folder"], thirteenth["folder"]) == (".", "13th")


def test_plans_as_a_table(data_dir: Path) -> None:
    code, out, _ = invoke("plans", "--lang", "en", "--data", str(data_dir), env={"COLUMNS": "120"})
    assert code == 0
    row = next(line for line in out.splitlines() if line.strip().startswith("tongnan-hrss-14th "))
    assert "2021-2025" in row and "83 (17/2/64)" in row and "✓" in row
    assert "tongnan-hrss-14th: Tongnan District" in out and "(after tongnan-hrss-13th)" in out


@pytest.mark.parametrize("command", PLAN_COMMANDS)
def test_every_command_takes_plan(command: str) -> None:
    code, out, _ = invoke(command, "--help")
    assert code == 0 and "--plan" in out and "TNPLAN_PLAN" in out


def test_plan_by_folder_id_or_environment(repository: Path) -> None:
    by_folder = invoke("status", "-f", "json", "--data", str(repository), "--plan", "13th")
    by_id = invoke("status", "-f", "json", "--data", str(repository), "--plan", "tongnan-hrss-13th")
    by_env = invoke("status", "-f", "json", "--data", str(repository), env={"TNPLAN_PLAN": "13th"})
    as_before = invoke("status", "-f", "json", "--data", str(repository / "13th"))
    assert by_folder == by_id == by_env == as_before  # --data DIR/13th works as it did
    records = json.loads(by_folder[1])
    assert len(records) == 25 and {r["as_of"] for r in records} == {2020}


def test_an_unknown_plan_is_a_usage_error_that_lists_them(repository: Path) -> None:
    code, _, err = invoke("status", "--data", str(repository), "--plan", "15th", "--lang", "en")
    assert code == 2
    assert "no plan '15th'" in err
    assert "tongnan-hrss-14th (root)" in err and "13th (tongnan-hrss-13th)" in err


def test_several_plans_and_none_at_the_root_need_a_choice(folders_only: Path) -> None:
    code, _, err = invoke("status", "--data", str(folders_only), "--lang", "en")
    assert code == 2
    assert "2 plans and none at its root" in err and "--plan" in err
    assert "13th (tongnan-hrss-13th)" in err and "14th (tongnan-hrss-14th)" in err
    code, out, _ = invoke("status", "-f", "json", "--data", str(folders_only), "--plan", "14th")
    assert code == 0 and len(json.loads(out)) == 17
    with pytest.raises(PlanChoiceError):
        Repository.at(folders_only).choose()
    code, out, _ = invoke("plans", "-f", "json", "--data", str(folders_only))
    assert code == 0 and not any(row["default"] for row in json.loads(out))


def test_the_only_plan_is_the_default(folders_only: Path) -> None:
    shutil.rmtree(folders_only / "13th")
    code, out, _ = invoke("status", "-f", "json", "--data", str(folders_only))
    assert code == 0 and len(json.loads(out)) == 17


def test_a_plan_file_that_does_not_parse_is_listed_with_its_errors(repository: Path) -> None:
    targets = repository / "13th" / "targets.yaml"
    text = targets.read_text(encoding="utf-8")
    targets.write_text(text.replace("  start_year: 2016", "  start_year: [2016", 1), "utf-8")
    code, out, err = invoke("plans", "-f", "json", "--data", str(repository))
    assert code == 1  # a plan of the repository cannot be read
    broken = next(row for row in json.loads(out) if row["folder"] == "13th")
    assert broken["id"] is None and broken["errors"] == 1
    assert "13th/targets.yaml:" in err and "yaml-syntax" in err
    # The others still work.
    assert invoke("status", "--data", str(repository))[0] == 0


def test_plans_lists_from_the_heads_and_check_checks(repository: Path) -> None:
    # A model error (an unknown group) is not a listing's business: plans lists the plan from
    # its head, and loading it (status, check) says where it is wrong.
    targets = repository / "13th" / "targets.yaml"
    text = targets.read_text(encoding="utf-8")
    targets.write_text(text.replace("group: talent", "group: talents", 1), "utf-8")
    code, out, _ = invoke("plans", "-f", "json", "--data", str(repository))
    assert code == 0
    assert next(r for r in json.loads(out) if r["folder"] == "13th")["indicators"] == 25
    code, _, err = invoke("status", "--data", str(repository), "--plan", "13th")
    assert code == 1 and "error[unknown-group]" in err
    code, out, _ = invoke("check", str(targets), "--data", str(repository))
    assert code == 1 and "error[unknown-group]" in out


def test_the_heads_tiers_are_the_models() -> None:
    from tongnan_plan.model.plan import Tier
    from tongnan_plan.sources.plan_head import TIER_NAMES

    assert TIER_NAMES == tuple(tier.value for tier in Tier)


def test_a_head_is_read_in_any_yaml_layout(tmp_path: Path) -> None:
    from tongnan_plan.sources.plan_head import read_head

    path = tmp_path / "targets.yaml"
    path.write_text(
        "plan: {id: flow-style, previous: null, start_year: 2021}\n"
        "indicators:\n"
        "  - {id: a, tier: main, note: 'tier: goal'}\n"
        "  - id: b\n    baseline: {value: 1, text: x}\n    tier: action\n"
        "  - id: c  # no tier: counted, but in no tier\n"
        "thresholds: {ahead: 1.05}\n",
        encoding="utf-8",
    )
    head = read_head(path, count_tiers=True)
    assert head.text("id") == "flow-style" and head.text("previous") is None
    assert head.year("start_year") == 2021
    assert (head.indicators, dict(head.tiers)) == (3, {"main": 1, "action": 1})
    path.write_text("plan: {id: x}\nindicators:\n  - {id: a, tier: [\n", encoding="utf-8")
    assert not read_head(path, count_tiers=True).parsed


def test_an_empty_repository(tmp_path: Path) -> None:
    code, _, err = invoke("plans", "--data", str(tmp_path))
    assert code == 2 and "plan-not-found" in err


def test_check_of_a_plan_file_needs_no_choice_of_plan(folders_only: Path) -> None:
    # Several plans and none at the root: a plan file needs no --plan, nor does a submission
    # in a plan's actuals/ (it is that plan's); one elsewhere does.
    target = folders_only / "14th" / "targets.yaml"
    code, out, _ = invoke("check", str(target), "--data", str(folders_only), "--lang", "en")
    assert code == 0, out
    submission = folders_only / "14th" / "actuals" / "2025.yaml"
    code, out, _ = invoke("check", str(submission), "--data", str(folders_only))
    assert code == 0, out
    elsewhere = folders_only / "2025.yaml"
    elsewhere.write_bytes(submission.read_bytes())
    code, _, err = invoke("check", str(elsewhere), "--data", str(folders_only))
    assert code == 2 and "--plan" in err
    code, _, _ = invoke("check", str(elsewhere), "--data", str(folders_only), "--plan", "14th")
    assert code == 0


def test_previous_is_resolved_in_the_repository_given(folders_only: Path) -> None:
    target = folders_only / "14th" / "targets.yaml"
    text = target.read_text(encoding="utf-8").replace(
        "previous: tongnan-hrss-13th", "previous: tongnan-hrss-12th"
    )
    target.write_text(text, encoding="utf-8")
    code, out, _ = invoke("check", str(target), "--data", str(folders_only), "--lang", "en")
    assert code == 1
    lines = text.splitlines()
    (error,) = [line for line in out.splitlines() if "error[unknown-previous]" in line]
    line = int(error.split(":")[1])
    assert "previous: tongnan-hrss-12th" in lines[line - 1]
    assert "tongnan-hrss-13th" in error  # the plans there are


@pytest.mark.parametrize("command", ["plans", "init-plan"])
def test_the_new_commands_have_help_with_an_example(command: str) -> None:
    code, out, _ = invoke(command, "--help", "--lang", "en")
    assert code == 0 and "Example: tnplan " + command in out
