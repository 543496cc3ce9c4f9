"""Repositories of plans under hostile links (issue 20): long chains, loops, twin ids.

Each repository is built here from the shipped 13th plan, its id and ``previous:`` rewritten.
Nothing is timed: the walk along a chain is held to reading each plan's head once.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tongnan_plan.cli import app
from tongnan_plan.sources import repository

runner = CliRunner()


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, [*args, "--lang", "en"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def chain(root: Path, data_dir: Path, links: dict[str, str | None]) -> Path:
    """A repository of one folder per plan id, each plan naming its previous as links say."""
    base = (data_dir / "13th" / "targets.yaml").read_text(encoding="utf-8")
    root.mkdir()
    for plan_id, previous in links.items():
        folder = root / plan_id
        (folder / "actuals").mkdir(parents=True)
        text = base.replace("id: tongnan-hrss-13th", f"id: {plan_id}", 1)
        if previous is not None:
            text = text.replace("  end_year: 2020\n", f"  end_year: 2020\n  previous: {previous}\n")
        (folder / "targets.yaml").write_text(text, encoding="utf-8")
    return root


def _heads_read(root: Path, at: str, monkeypatch: pytest.MonkeyPatch) -> int:
    """How many times plan heads are read to show one indicator across the chain at root."""
    reads: list[Path] = []
    real = repository.read_head

    def counted(path: Path, **kwargs: bool) -> repository.PlanHead:
        reads.append(path)
        return real(path, **kwargs)

    monkeypatch.setattr(repository, "read_head", counted)
    code, out, err = invoke("show", "new_jobs", "--across-plans", "--plan", at, "--data", str(root))
    assert code == 0, err
    assert "p000" in out  # the whole chain is shown, from its first plan
    monkeypatch.undo()
    return len(reads)


def test_a_long_chain_is_walked_in_linear_time(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 1,000 plans took 35 s: every step forward read every plan's head again (quadratic).
    reads = []
    for count in (20, 40):
        links = {f"p{i:03d}": (f"p{i - 1:03d}" if i else None) for i in range(count)}
        root = chain(tmp_path / f"plans{count}", data_dir, links)
        reads.append(_heads_read(root, f"p{count // 2:03d}", monkeypatch))
    assert reads[1] == 2 * reads[0]  # twice the plans, twice the reading: not four times


def test_a_loop_of_previous_links_is_reported_by_check(tmp_path: Path, data_dir: Path) -> None:
    links = {"a": "c", "b": "a", "c": "b", "d": "c"}
    root = chain(tmp_path / "plans", data_dir, links)
    code, out, _ = invoke(
        "check", str(root / "b" / "targets.yaml"), "--data", str(root), "-f", "json"
    )
    assert code == 1
    (problem,) = [d for d in json.loads(out)["diagnostics"] if d["code"] == "previous-cycle"]
    assert "b → a → c → b" in problem["message"] and problem["path"] == "plan.previous"
    # d follows the loop without being in it: no loop of its own to report.
    code, out, _ = invoke(
        "check", str(root / "d" / "targets.yaml"), "--data", str(root), "-f", "json"
    )
    assert "previous-cycle" not in out


def test_a_plan_that_follows_itself_is_reported(tmp_path: Path, data_dir: Path) -> None:
    root = chain(tmp_path / "plans", data_dir, {"a": "a"})
    code, out, _ = invoke("check", str(root / "a" / "targets.yaml"), "--data", str(root))
    assert code == 1 and "error[previous-cycle] plan.previous leads back to this plan: a → a" in out


def test_the_walk_across_a_loop_ends(tmp_path: Path, data_dir: Path) -> None:
    root = chain(tmp_path / "plans", data_dir, {"a": "c", "b": "a", "c": "b"})
    code, out, err = invoke(
        "show", "new_jobs", "--across-plans", "--plan", "a", "--data", str(root)
    )
    assert code == 0, err
    assert all(name in out for name in ("a", "b", "c"))


def test_two_plans_of_one_id_are_reported(tmp_path: Path, data_dir: Path) -> None:
    # --plan picked one silently and `plans` listed both without a word.
    root = chain(tmp_path / "plans", data_dir, {"a": None, "b": None})
    for folder in ("a", "b"):
        targets = root / folder / "targets.yaml"
        targets.write_text(
            targets.read_text(encoding="utf-8").replace(f"id: {folder}", "id: twin", 1),
            encoding="utf-8",
        )
    code, _, err = invoke("status", "--plan", "twin", "--data", str(root))
    assert code == 2 and "2 plans in" in err and "(folders: a, b)" in err
    code, _, _ = invoke("status", "--plan", "a", "--data", str(root))  # a folder is one plan
    assert code == 0
    code, _, err = invoke("plans", "--data", str(root))
    assert code == 1 and err.count("error[duplicate-plan-id]") == 2
    code, out, _ = invoke(
        "check", str(root / "a" / "targets.yaml"), "--data", str(root), "-f", "json"
    )
    (problem,) = [d for d in json.loads(out)["diagnostics"] if d["code"] == "duplicate-plan-id"]
    assert problem["path"] == "plan.id"


def test_usage_errors_show_ids_and_paths_as_escapes(tmp_path: Path, data_dir: Path) -> None:
    # A plan id or a --data path with an escape sequence went raw to the terminal.
    root = chain(tmp_path / "plans\x1b[31m", data_dir, {"a": None, "b": None})
    targets = root / "b" / "targets.yaml"
    hostile = json.dumps("x\x1b]0;pwn\x07")
    targets.write_text(
        targets.read_text(encoding="utf-8").replace("id: b", f"id: {hostile}", 1), encoding="utf-8"
    )
    for extra in ([], ["--plan", "nope"]):
        code, _, err = invoke("status", "--data", str(root), *extra)
        assert code == 2
        assert "\x1b" not in err and "\x07" not in err
        assert r"plans\x1b[31m" in err and r"b (x\x1b]0;pwn\x07)" in err
