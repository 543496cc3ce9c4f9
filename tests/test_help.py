"""--help in the run's language with real placeholders, and --lang on every command (issue 19)."""

from __future__ import annotations

import pytest
import typer
from rich.cells import cell_len
from typer.testing import CliRunner

from tongnan_plan.cli import app
from tongnan_plan.cli.help import translated
from tongnan_plan.present.choices import Lang

runner = CliRunner()
COMMANDS = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


def helped(*args: str, lang: str | None = None) -> str:
    env = {"COLUMNS": "80", "TNPLAN_LANG": lang or ""}
    result = runner.invoke(app, [*args, "--help"], env=env)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_every_help_text_has_its_chinese() -> None:
    group = typer.main.get_command(app)
    texts = [group.help or ""]
    for command in group.commands.values():  # type: ignore[attr-defined]
        texts.append(command.help or "")
        texts += [p.help for p in command.params if getattr(p, "help", None)]
    missing = [t for t in texts if t and translated(t, Lang.ZH) == t]
    assert missing == [], "add to cli/help_zh.py: " + repr(missing[:3])


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_takes_lang(command: str) -> None:
    assert "--lang [zh|en]" in helped(command, lang="en")


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_help_speaks_the_runs_language_at_80_columns(command: str, lang: str) -> None:
    text = helped(command, lang=lang)
    assert text.startswith("用法：tnplan " if lang == "zh" else "Usage: tnplan ")
    assert ("选项：" in text) == (lang == "zh") and ("Options:" in text) == (lang == "en")
    assert max(cell_len(line) for line in text.splitlines()) <= 80, text
    for raw in ("{", "<list", "<int", "<path>", "<str>", "<bool>"):
        assert raw not in text, (raw, text)


def test_lang_on_the_command_line_wins() -> None:
    assert helped("status", "--lang", "en", lang="zh").startswith("Usage: tnplan status")
    assert helped("status", "--lang", "zh", lang="en").startswith("用法：tnplan status")


@pytest.mark.parametrize(
    ("args", "usage"),
    [
        (["check"], "tnplan check [OPTIONS] FILE…"),
        (["new"], "tnplan new [OPTIONS] YEAR"),
        (["show"], "tnplan show [OPTIONS] ID"),
        (["init-plan"], "tnplan init-plan [OPTIONS] DIR"),
        (["extract"], "tnplan extract [OPTIONS] PLAN_FILE"),
        ([], "tnplan [OPTIONS] COMMAND [ARGS]…"),
    ],
)
def test_usage_lines_name_real_placeholders(args: list[str], usage: str) -> None:
    assert helped(*args, lang="en").splitlines()[0] == f"Usage: {usage}"


def test_options_name_what_they_take() -> None:
    text = helped("status", lang="en")
    for shown in ("--year, -y YEAR", "--data DIR", "-o, --output FILE", "--plan PLAN"):
        assert shown.replace("--year, -y", "-y, --year") in text, shown
    assert "--max-errors N" in helped("check", lang="en")


def test_the_app_lists_its_commands_in_chinese() -> None:
    text = helped(lang="zh")
    assert "命令：" in text and "显示每项指标的进展。" in text


def test_no_line_of_help_starts_with_closing_punctuation_or_ends_with_an_opening() -> None:
    # "xlsx（Excel 工作簿" / "）、svg…" was show's Chinese --format help on an 80-column
    # terminal: a closing mark (or a run of them) goes down with the character before it,
    # an opening bracket with what follows it.
    from tongnan_plan.cli.help import _lines

    closing, opening = tuple("，。；：、）」』】》！？"), tuple("（「『【《")
    group = typer.main.get_command(app)
    texts = [group.help or ""]
    for command in group.commands.values():  # type: ignore[attr-defined]
        texts.append(command.help or "")
        texts += [p.help for p in command.params if getattr(p, "help", None)]
    for text in {translated(t, lang) for t in texts for lang in Lang}:
        for width in range(30, 101):
            lines = _lines(text, width)
            assert [line for line in lines if line.startswith(closing)] == [], (width, text)
            assert [line for line in lines if line.endswith(opening)] == [], (width, text)
