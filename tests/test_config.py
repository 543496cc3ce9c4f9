"""Choosing what fails: --ignore, --warn-only, a config file found as ruff finds its own, and
`# tnplan: ignore[CODE]` written into a submission."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tongnan_plan.cli import app
from tongnan_plan.model.catalogue import CATALOGUE
from tongnan_plan.model.diagnostics import TnplanError
from tongnan_plan.sources.config import find_config, load_config

runner = CliRunner()


def check(*args: str) -> tuple[int, dict[str, object], str]:
    result = runner.invoke(app, ["check", "-f", "json", *args])
    report = json.loads(result.stdout) if result.stdout.startswith("{") else {}
    return result.exit_code, report, result.stderr


def codes(report: dict[str, object]) -> list[tuple[str, str]]:
    return [(d["code"], d["severity"]) for d in report["diagnostics"]]  # type: ignore[attr-defined, index]


@pytest.fixture
def shipped(tmp_path: Path, data_dir: Path) -> Path:
    """A copy of the shipped data, in a repository folder of its own."""
    repository = tmp_path / "repository"
    shutil.copytree(data_dir, repository / "data")
    # Without their `tier: main`, the files are counted against the whole plan: each leaves
    # indicators of the other tiers out, a warning to choose about.
    for path in (repository / "data" / "actuals").glob("*.yaml"):
        path.write_text(path.read_text("utf-8").replace("tier: main\n", ""), "utf-8")
    return repository / "data"


def _files(data: Path) -> list[str]:
    return sorted(str(p) for p in (data / "actuals").glob("*.yaml"))


def test_strict_with_missing_indicators_ignored_is_a_ci_gate(shipped: Path) -> None:
    files = _files(shipped)
    # Every shipped file leaves out indicators of the other tiers: --strict alone fails …
    code, report, _ = check("--strict", "--data", str(shipped), *files)
    assert code == 1 and {c for c, _ in codes(report)} == {"missing-indicators", "unit-converted"}
    # … and with that one code ignored, the shipped data passes.
    code, report, _ = check(
        "--strict", "--ignore", "missing-indicators", "--data", str(shipped), *files
    )
    assert code == 0 and codes(report) == [("unit-converted", "info")]
    assert report["warnings"] == 0


def test_an_unknown_code_is_a_usage_error(data_dir: Path) -> None:
    files = _files(data_dir)
    code, _, err = check("--ignore", "missing-indicator", "--data", str(data_dir), *files)
    assert code == 2
    assert "unknown code 'missing-indicator'; did you mean 'missing-indicators'?" in err or (
        "未知的代码 'missing-indicator'；是否应为 'missing-indicators'？" in err
    )


def test_an_error_whose_figure_is_lost_cannot_be_ignored(data_dir: Path) -> None:
    assert not CATALOGUE["not-a-number"].silenceable
    assert CATALOGUE["unit-slip"].silenceable and CATALOGUE["implausible-jump"].silenceable
    code, _, err = check("--warn-only", "not-a-number", "--data", str(data_dir), "x.yaml")
    assert code == 2 and "not-a-number" in err


def test_warn_only_keeps_the_figure(tmp_path: Path, data_dir: Path) -> None:
    path = tmp_path / "2021.yaml"
    path.write_text(
        "year: 2021\nprovenance: sample\nvalues:\n  urban_new_jobs: 10500\n", encoding="utf-8"
    )
    assert check("--data", str(data_dir), str(path))[0] == 1
    code, report, _ = check("--warn-only", "unit-slip", "--data", str(data_dir), str(path))
    assert code == 0 and ("unit-slip", "warning") in codes(report)
    code, report, _ = check("--ignore", "unit-slip", "--data", str(data_dir), str(path))
    assert code == 0 and "unit-slip" not in {c for c, _ in codes(report)}


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_tnplan_toml_beside_the_data(shipped: Path) -> None:
    _write(shipped / "tnplan.toml", 'ignore = ["missing-indicators"]\nstrict = true\n')
    files = _files(shipped)
    code, report, _ = check("--data", str(shipped), *files)
    assert code == 0 and codes(report) == [("unit-converted", "info")]
    # strict = true from the file: a warning now fails, unless --no-strict says otherwise.
    _write(shipped / "tnplan.toml", "strict = true\n")
    assert check("--data", str(shipped), *files)[0] == 1
    assert check("--no-strict", "--data", str(shipped), *files)[0] == 0


def test_a_pyproject_with_a_tnplan_table_in_a_folder_above(shipped: Path) -> None:
    repository = shipped.parent
    # A pyproject.toml without [tool.tnplan] is someone else's: the search goes on up.
    _write(shipped / "actuals" / "pyproject.toml", "[tool.black]\nline-length = 80\n")
    _write(
        repository / "pyproject.toml",
        '[project]\nname = "figures"\n\n[tool.tnplan]\nignore = ["missing-indicators"]\n',
    )
    assert find_config(shipped / "actuals") == repository / "pyproject.toml"
    code, report, _ = check("--strict", "--data", str(shipped), *_files(shipped))
    assert code == 0, report
    # tnplan.toml wins over pyproject.toml in the same folder, as ruff.toml does for ruff.
    _write(repository / "tnplan.toml", "strict = false\n")
    assert find_config(shipped) == repository / "tnplan.toml"


@pytest.mark.parametrize(
    ("header", "found"),
    [
        ('\t[ tool . "tnplan" ]\n', True),
        ("[tool.tnplan]  # ours\n", True),
        ('[project.scripts]\ntnplan = "tongnan_plan.cli:main"\n', False),
        ("# [tool.tnplan]\n", False),
    ],
)
def test_a_pyproject_counts_by_its_tnplan_header_alone(
    tmp_path: Path, header: str, found: bool
) -> None:
    _write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n' + header + "strict = true\n")
    assert (find_config(tmp_path) == tmp_path / "pyproject.toml") is found


def test_config_named_on_the_command_line(tmp_path: Path, shipped: Path) -> None:
    config = _write(tmp_path / "elsewhere" / "ci.toml", 'ignore = ["missing-indicators"]\n')
    files = _files(shipped)
    assert check("--strict", "--config", str(config), "--data", str(shipped), *files)[0] == 0
    code, _, err = check("--config", str(tmp_path / "none.toml"), "--data", str(shipped), *files)
    assert code == 2 and "none.toml" in err


@pytest.mark.parametrize(
    "case",
    [
        ("ignore = [\n", "invalid-config", 2, 1, "not TOML"),
        ('strict = true\nignor = ["x"]\n', "invalid-config", 2, 1, "did you mean 'ignore'?"),
        ('strict = "yes"\n', "invalid-config", 1, 1, "strict must be true or false"),
        ('ignore = "missing-indicators"\n', "invalid-config", 1, 1, "a list of codes"),
        ('ignore = [\n  "unit-slp",\n]\n', "unknown-code", 2, 3, "did you mean 'unit-slip'?"),
        ('warn-only = ["negative-value"]\n', "cannot-ignore", 1, 14, "cannot be ignored"),
    ],
)
def test_a_config_that_cannot_be_used_is_located(
    tmp_path: Path, case: tuple[str, str, int, int, str]
) -> None:
    text, code, line, column, words = case
    path = _write(tmp_path / "tnplan.toml", text)
    with pytest.raises(TnplanError) as raised:
        load_config(path)
    (problem,) = raised.value.diagnostics
    assert (problem.code, problem.line, problem.column) == (code, line, column)
    assert words in problem.message


def test_a_broken_config_stops_check_with_exit_2(shipped: Path) -> None:
    _write(shipped / "tnplan.toml", 'ignore = ["nope"]\n')
    code, _, err = check("--data", str(shipped), *_files(shipped))
    assert code == 2 and "tnplan.toml:1:11: error[unknown-code]" in err


def test_status_follows_the_config_beside_the_data(tmp_path: Path, data_dir: Path) -> None:
    data = tmp_path / "data"
    (data / "actuals").mkdir(parents=True)
    shutil.copy(data_dir / "targets.yaml", data)
    _write(
        data / "actuals" / "2021.yaml",
        "year: 2021\nprovenance: sample\nvalues:\n  postdoc_recruits: 1\n"
        "  hr_industry_annual_revenue: 95000\n",
    )
    # 95000 亿元 against a target of 10 亿元 a year: a slip (95000 万元 = 9.5 亿元), left out.
    result = runner.invoke(app, ["status", "--tier", "action", "-f", "json", "--data", str(data)])
    assert result.exit_code == 1 and "unit-slip" in result.stderr
    # The data repository says the figure is right: status uses it, and exits 0.
    _write(data / "tnplan.toml", 'warn-only = ["unit-slip"]\n')
    result = runner.invoke(app, ["status", "--tier", "action", "-f", "json", "--data", str(data)])
    assert result.exit_code == 0
    rows = {row["id"]: row for row in json.loads(result.stdout)}
    assert rows["hr_industry_annual_revenue"]["actual"] == 95000
    # A config that cannot be used is said as a config error, after the table, and applies
    # nowhere: a usage error (exit 2), as check says it.
    _write(data / "tnplan.toml", "warn-only = [1]\n")
    result = runner.invoke(app, ["status", "--tier", "action", "-f", "json", "--data", str(data)])
    assert result.exit_code == 2 and "invalid-config" in result.stderr
    assert "the config file" in result.stderr or "配置文件" in result.stderr


def test_a_directive_on_a_yaml_line(tmp_path: Path, data_dir: Path) -> None:
    path = _write(
        tmp_path / "2021.yaml",
        "year: 2021\nprovenance: sample\nvalues:  # tnplan: ignore[missing-indicators]\n"
        "  urban_new_jobs:  # tnplan: ignore[unit-slip]\n    value: 10500\n"
        "  postdoc_recruits: 1  # tnplan: ignore[unit-slp, negative-value]\n",
    )
    code, report, _ = check("--data", str(data_dir), str(path))
    found = [(d["code"], d["line"], d["column"]) for d in report["diagnostics"]]  # type: ignore[attr-defined]
    # The slip is silenced from its key's line (the figure spans two lines); the unknown and
    # the unsilenceable codes are errors at the directive's #.
    assert found == [("unknown-code", 6, 24), ("cannot-ignore", 6, 24)]
    assert code == 1
