"""The README's CI snippets work as written (issue 19): the pre-commit hook in a fresh
repository, the GitHub workflow in docs/ci/, and tnplan's own CI running the tests."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from typer.testing import CliRunner

from tongnan_plan.cli import app

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()


def _readme_hook() -> dict[str, object]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(r"```yaml\n(# \.pre-commit-config\.yaml\n.*?)```", readme, re.DOTALL)
    assert found, "the README's .pre-commit-config.yaml snippet"
    config = yaml.safe_load(found[1])
    (repo,) = config["repos"]
    assert repo["repo"] == "local"  # no tag or address needed: it works in a fresh repository
    (hook,) = repo["hooks"]
    return dict(hook)


def _fresh_repository(tmp_path: Path, data_dir: Path) -> Path:
    folder = tmp_path / "figures"
    folder.mkdir()
    shutil.copytree(data_dir, folder / "data")
    subprocess.run(["git", "init", "-q"], cwd=folder, check=True)
    subprocess.run(["git", "add", "-A"], cwd=folder, check=True)
    return folder


def _run_hook(hook: dict[str, object], folder: Path) -> subprocess.CompletedProcess[str]:
    """What pre-commit does for a `language: system` hook: its entry on the files it matches."""
    listed = subprocess.run(
        ["git", "ls-files"], cwd=folder, check=True, capture_output=True, text=True
    ).stdout.split()
    files = [f for f in listed if re.search(str(hook["files"]), f)]
    assert files
    entry = str(hook["entry"]).split()
    assert entry[0] == "tnplan"
    command = [sys.executable, "-m", "tongnan_plan", *entry[1:], *files]
    return subprocess.run(command, cwd=folder, capture_output=True, text=True, check=False)


def test_the_pre_commit_hook_works_in_a_fresh_repository(tmp_path: Path, data_dir: Path) -> None:
    hook = _readme_hook()
    assert hook["language"] == "system" and hook["id"] == "tnplan-check"
    shipped = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["files"] == shipped[0]["files"] and hook["entry"] == shipped[0]["entry"]
    folder = _fresh_repository(tmp_path, data_dir)
    done = _run_hook(hook, folder)
    assert done.returncode == 0, done.stdout + done.stderr
    (folder / "data" / "actuals" / "2024.yaml").write_text(
        "year: 2024\nprovenance: sample\nvalues:\n  urban_new_jobs: 1.1万人\n", encoding="utf-8"
    )
    done = _run_hook(hook, folder)
    assert done.returncode == 1 and "not-a-number" in done.stdout


def test_each_plans_submissions_are_checked_against_that_plan(data_dir: Path) -> None:
    # The hook passes every actuals/ file of the repository: the 13th plan's 2020 figures are
    # that plan's, not the 14th's (they were: 22 unknown indicators and a year outside).
    files = [
        str(data_dir / "actuals" / "2025.yaml"),
        str(data_dir / "13th" / "actuals" / "2020.yaml"),
    ]
    result = runner.invoke(app, ["check", "-f", "json", "--data", str(data_dir), *files])
    assert result.exit_code == 0, result.stdout
    assert "unknown-indicator" not in result.stdout and "year-outside-plan" not in result.stdout


def test_the_github_workflow_is_complete(tmp_path: Path, data_dir: Path) -> None:
    workflow = yaml.safe_load((ROOT / "docs" / "ci" / "tnplan-check.yml").read_text("utf-8"))
    assert workflow[True]["pull_request"]  # `on:` (YAML 1.1 reads the key as true)
    steps = workflow["jobs"]["check"]["steps"]
    assert steps[0]["uses"].startswith("actions/checkout@")
    assert any(s.get("uses", "").startswith("actions/setup-python@") for s in steps)
    (command,) = [s["run"] for s in steps if s.get("run", "").startswith("tnplan check")]
    folder = _fresh_repository(tmp_path, data_dir)
    done = subprocess.run(
        ["bash", "-c", command.replace("tnplan", f"{sys.executable} -m tongnan_plan", 1)],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "docs/ci/tnplan-check.yml" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_our_ci_runs_the_tests_and_so_the_readme_transcripts() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text("utf-8"))
    runs = [s.get("run", "") for s in workflow["jobs"]["test"]["steps"]]
    assert any("pytest" in run for run in runs) and any("mypy" in run for run in runs)
    assert (ROOT / "tests" / "test_readme_transcripts.py").is_file()
