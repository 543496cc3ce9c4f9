"""The command line's own shape: each run speaks its own language (no language of the
process), and the command modules share only public, documented names."""

from __future__ import annotations

import ast
import shutil
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from tongnan_plan.cli import app
from tongnan_plan.cli.run import Run
from tongnan_plan.present.choices import Lang

PACKAGE = Path(__file__).parent.parent / "tongnan_plan"
CLI = PACKAGE / "cli"
runner = CliRunner()


def test_two_runs_in_one_process_each_speak_their_own_language(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An English run starts; while it loads its submissions a Chinese run starts and ends in
    # the same process (an embedding program, a test harness). Each says "wrote FILE" in its
    # own language: a language kept by the process, set as each run starts, would make the
    # English run's message Chinese.
    from tongnan_plan.sources import store

    data = tmp_path / "plan"
    shutil.copytree(data_dir, data)
    english, chinese = tmp_path / "status.csv", tmp_path / "indicators.csv"
    real = store.load_actuals
    inner: list[Any] = []

    def load_actuals(*args: Any, **kwargs: Any) -> Any:
        if not inner:
            args_zh = ["indicators", "--lang", "zh", "--data", str(data), "-o", str(chinese)]
            inner.append(runner.invoke(app, args_zh))
        return real(*args, **kwargs)

    monkeypatch.setattr(store, "load_actuals", load_actuals)
    args_en = ["status", "--lang", "en", "--data", str(data), "-o", str(english)]
    outer = runner.invoke(app, args_en)
    assert inner and inner[0].exit_code == 0, inner[0].output
    assert inner[0].stderr == f"已写入 {chinese}\n"
    assert outer.exit_code == 0, outer.output
    assert outer.stderr == f"wrote {english}\n"
    assert english.read_text(encoding="utf-8").startswith("id,name,unit")
    assert chinese.read_text(encoding="utf-8").startswith("id,")


def test_a_run_keeps_its_language_whatever_runs_are_made_after_it() -> None:
    english = Run.start(Lang.EN)
    chinese = Run.start(Lang.ZH)
    assert english.say("wrote", "已写入") == "wrote"
    assert chinese.say("wrote", "已写入") == "已写入"
    assert english.lang is Lang.EN


def test_a_run_without_lang_takes_tnplan_lang_then_the_locale(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TNPLAN_LANG", "en")
    assert Run.start(None).lang is Lang.EN
    monkeypatch.delenv("TNPLAN_LANG")
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    assert Run.start(None).lang is Lang.ZH
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")
    assert Run.start(None).lang is Lang.EN


def _private_imports(path: Path) -> list[str]:
    """Each import of a private name (_x) from a module of the package, as file:line name."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.ImportFrom):
            continue
        if not node.level and not (node.module or "").startswith("tongnan_plan"):
            continue
        for alias in node.names:
            if alias.name.startswith("_") and not alias.name.startswith("__"):
                found.append(f"{path.name}:{node.lineno} {alias.name}")
    return found


def test_no_module_imports_a_private_name_of_another() -> None:
    # What the command modules share has a public name in its own module (run, output,
    # loading, notices, options); `from .common import _load_plan` is what this forbids.
    found = [hit for path in sorted(PACKAGE.rglob("*.py")) for hit in _private_imports(path)]
    assert found == []


def test_the_check_finds_a_private_import(tmp_path: Path) -> None:
    planted = tmp_path / "planted.py"
    planted.write_text("from .common import EXIT_OK, _load_plan\n", encoding="utf-8")
    assert _private_imports(planted) == ["planted.py:1 _load_plan"]


@pytest.mark.parametrize("module", ["run", "output", "loading", "notices", "options", "root"])
def test_what_the_commands_share_is_public_and_documented(module: str) -> None:
    tree = ast.parse((CLI / f"{module}.py").read_text(encoding="utf-8"))
    assert ast.get_docstring(tree), f"cli/{module}.py has no docstring"
    exported = next(
        node.value
        for node in tree.body
        if isinstance(node, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets)
    )
    assert isinstance(exported, ast.List)
    names = {str(e.value) for e in exported.elts if isinstance(e, ast.Constant)}
    defined = {
        node.name: node for node in tree.body if isinstance(node, ast.FunctionDef | ast.ClassDef)
    }
    for name in names & set(defined):
        assert ast.get_docstring(defined[name]), f"cli/{module}.py: {name} has no docstring"
    assert not {n for n in defined if not n.startswith("_")} - names, "public but not in __all__"


def _options_of(name: str) -> dict[str, Any]:
    """The Click options of a registered command, by their long name."""
    from tongnan_plan.cli import app

    group: Any = typer.main.get_command(app)
    found = group.commands[name]
    return {max(p.opts, key=len): p for p in found.params if p.param_type_name == "option"}


COMMANDS = [
    "status",
    "show",
    "indicators",
    "audit",
    "report",
    "figures",
    "check",
    "schema",
    "new",
    "extract",
    "plans",
    "init-plan",
]
#: The commands that declare a shared option their own way (its value is still the Run's).
REDECLARED = {("report", "--output"), ("new", "--output"), ("extract", "--output")}


def test_each_shared_option_reads_the_same_in_every_command_that_takes_it() -> None:
    # One declaration (options.SHARED) serves every command: the same help, names, default
    # and environment variable wherever --data, --plan, --lang... appear.
    from tongnan_plan.cli.options import SHARED

    seen: dict[str, set[tuple[Any, ...]]] = {}
    for name in COMMANDS:
        for long, option in _options_of(name).items():
            key = option.name
            if key in SHARED and (name, long) not in REDECLARED:
                said = (tuple(option.opts), option.help, option.default, option.envvar)
                seen.setdefault(key, set()).add(said)
    assert set(seen) == set(SHARED)
    assert {key: len(said) for key, said in seen.items()} == {key: 1 for key in SHARED}


def test_each_format_option_offers_what_the_registry_says_the_command_writes() -> None:
    from tongnan_plan.present.writers import OFFERED

    for name, offered in OFFERED.items():
        option = _options_of(name)["--format"]
        assert [m.value for m in option.type_descriptor.annotation] == list(offered), name


def test_a_command_that_leaves_an_own_option_out_of_its_list_is_refused() -> None:
    from tongnan_plan.cli.options import command

    def stray(run: Run, extra: bool = False) -> None:
        """A command whose list forgets --extra."""

    with pytest.raises(TypeError, match="extra"):
        command("lang data", name="stray")(stray)


def test_each_shared_option_fills_a_field_of_the_run() -> None:
    from tongnan_plan.cli.options import SHARED

    assert (set(SHARED) - {"lang"}) | {"fmt"} <= set(Run._fields)
