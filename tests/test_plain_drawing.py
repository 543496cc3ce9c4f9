"""A screen without styles is drawn by tnplan's own arithmetic (terminal.Prose.plain_text,
layout.FittedTable.plain_text, layout.name_lines' short cuts): here each is held to what Rich
draws for the same renderable on varied text (Chinese, full-width and half-width forms,
English words longer than a column, runs of spaces, controls, tabs, line breaks, joined
emoji) at many widths, and `status`, `indicators` and `figures` are drawn both ways."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import RenderableType
from rich.text import Text
from typer.testing import CliRunner

from tongnan_plan.cli import app
from tongnan_plan.present import terminal
from tongnan_plan.present.layout import Fitted, FittedTable, cell_text, fit, name_lines
from tongnan_plan.present.terminal import Prose, Screen, has_cjk, measuring
from tongnan_plan.present.view import Cell

#: Characters of every kind the drawing treats differently: Chinese (two cells) and its
#: punctuation, full-width and half-width forms, ASCII letters, digits and punctuation,
#: spaces, an ideographic space, a tab, line breaks, controls, a combining accent, a
#: zero-width joiner and an emoji's variation selector, box and bar characters.
ALPHABET = (
    "中文指标完成度累计万人次新增就业，。；：、！？）（“”【】"
    "ＡＢ１２％ｱｲｳ"
    "abcdefghij ABC 0123456789.,%;:!?()-/≥≤>*†"
    "   \u3000\t\n\r\x1b\x07\x85\u2028\u0301\u200d\ufe0f😀"
    "█▌░│┃▸"
)
ORDINARY = "中文指标完成度累计万人，。；：、（）“”【】abcdefghij ABC 0123456789.,%≥*"

texts = st.text(alphabet=ALPHABET, max_size=60)
#: The same but the joining characters, which leave a table's drawing to Rich.
unjoined = st.text(alphabet=ALPHABET.replace("\u200d", "").replace("\ufe0f", ""), max_size=30)
ordinary = st.text(alphabet=ORDINARY, max_size=40)
widths = st.integers(min_value=1, max_value=130)


def rich_drawn(renderable: RenderableType, width: int) -> str:
    """What Rich prints for the renderable on a plain screen this wide (the drawing the plain
    arithmetic replaces; the one a terminal with colours still gets)."""
    buffer = io.StringIO()
    Screen.plain(width).console(buffer).print(renderable)
    return buffer.getvalue()


@given(texts, widths, st.sampled_from(["", "bold yellow"]))
def test_prose_is_drawn_as_rich_draws_it(paragraph: str, width: int, style: str) -> None:
    prose = Prose(paragraph, style)
    plain = prose.plain_text(width)
    if plain is not None:
        assert plain == rich_drawn(prose, width)


@given(ordinary, st.integers(min_value=4, max_value=130))
def test_ordinary_prose_is_always_drawn_plainly(paragraph: str, width: int) -> None:
    prose = Prose(paragraph)
    assert prose.plain_text(width) == rich_drawn(prose, width)


def old_name_lines(name: str, width: int) -> int | None:
    """name_lines as it was: every name wrapped by Rich to count its lines."""
    for word in name.split():
        if not has_cjk(word) and cell_len(word) > width:
            return None
    return len(Text(name).wrap(measuring(), width, overflow="fold"))


@given(texts, widths)
def test_name_lines_count_as_rich_wraps(name: str, width: int) -> None:
    assert name_lines(name, width) == old_name_lines(name, width)


@given(st.text(alphabet="中文指标完成度，。（）ＡＢｱ😀a1", min_size=1, max_size=40), widths)
def test_folded_names_count_as_rich_folds(name: str, width: int) -> None:
    assert name_lines(name, width) == old_name_lines(name, width)


KEYS = ("name", "unit", "latest", "judged_bar", "status")
NUMERIC = frozenset({"latest", "judged_bar"})


@st.composite
def tables(draw: st.DrawFn, cells: st.SearchStrategy[str]) -> tuple[FittedTable, int]:
    """A table of KEYS with headers and cells from cells (some cells as runs of styled
    text), its widths fitted by layout.fit or drawn at random, and a screen width (mostly
    one the columns fit in)."""
    count = draw(st.integers(min_value=0, max_value=5))
    headers = {key: draw(cells) for key in KEYS}
    rows = []
    for _ in range(count):
        row = [Cell(draw(cells), style=draw(st.sampled_from(["", "green"]))) for _ in KEYS]
        if draw(st.booleans()):
            runs = ((draw(cells), ""), (draw(cells), "bold red"))
            row[3] = Cell("".join(run for run, _ in runs), runs=runs)
        rows.append(row)
    width = draw(st.integers(min_value=10, max_value=130))
    texts = [{k: c.text for k, c in zip(KEYS, row, strict=True)} for row in rows]
    fitted = fit([KEYS], KEYS, [t | {"short_name": t["name"]} for t in texts], headers, width)
    if draw(st.booleans()) or not fitted.widths:
        # the widest cell's width, or about it (a cell a little too wide), or none
        sizes = {
            key: max(
                0, max([0, *(cell_len(cell_text(r[i])) for r in rows)]) + draw(st.integers(-1, 3))
            )
            for i, key in enumerate(KEYS)
        }
        sizes["name"] = draw(st.integers(min_value=0, max_value=24))
        fitted = Fitted(KEYS, sizes, tuple(t["name"] for t in texts), count, 1)
        if draw(st.integers(0, 3)):  # a screen as wide as the columns, or a little wider
            width = sum(sizes.values()) + 2 * (len(KEYS) - 1) + draw(st.integers(0, 4))
    names = [Cell(name) for name in fitted.names]
    shown = [[name, *row[1:]] for name, row in zip(names, rows, strict=True)]
    return FittedTable(fitted, headers, shown, NUMERIC), width


@given(st.one_of(tables(texts), tables(unjoined)))
def test_fitted_tables_are_drawn_as_rich_draws_them(drawn: tuple[FittedTable, int]) -> None:
    table, width = drawn
    plain = table.plain_text(width)
    if plain is not None:
        assert plain == rich_drawn(table, width)


@given(tables(ordinary))
def test_ordinary_fitted_tables_are_drawn_plainly(drawn: tuple[FittedTable, int]) -> None:
    table, width = drawn
    sizes = table.fitted.widths
    room = sum(sizes.values()) + 2 * (len(KEYS) - 1) <= width and min(sizes.values()) > 1
    whole = all(
        cell_len(cell_text(cell)) <= sizes[key]
        for row in table.rows
        for key, cell in zip(KEYS, row, strict=True)
        if key != "name"
    )
    plain = table.plain_text(width)
    if room and whole:
        assert plain is not None  # a table that fits is never left to Rich
    if plain is not None:
        assert plain == rich_drawn(table, width)


def test_a_wrapped_name_and_header_are_drawn_as_rich_draws_them() -> None:
    headers = {"name": "Indicator name", "unit": "单位", "latest": "Latest value"}
    keys = ("name", "unit", "latest")
    fitted = Fitted(keys, {"name": 9, "unit": 4, "latest": 6}, ("",), 3, 3)
    rows = [[Cell("城镇新增就业人数（万人）"), Cell("万人"), Cell("5.45 ")]]
    table = FittedTable(fitted, headers, rows, frozenset({"latest"}))
    plain = table.plain_text(40)
    assert plain is not None
    assert plain == rich_drawn(table, 40)
    # the name folds at 4 characters (8 cells of 9), the header between words, at the bottom
    # of its row; a figure right-aligned without its trailing space
    assert plain.split("\n") == [
        "Indicator" + " " * 8 + "Latest",
        "name" + " " * 7 + "单位" + " " * 3 + "value",
        "─" * (9 + 2 + 4 + 2 + 6),
        "城镇新增" + " " * 3 + "万人" + " " * 4 + "5.45",
        "就业人数" + " " * (1 + 2 + 4 + 2 + 6),
        "（万人）" + " " * (1 + 2 + 4 + 2 + 6),
        "",
    ]


runner = CliRunner()


def _run(*args: str, width: int) -> str:
    result = runner.invoke(app, list(args), env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result.stderr
    return result.stdout


COMMANDS = [
    ("status",),
    ("status", "--year", "2023"),
    ("status", "--tier", "all"),
    ("indicators",),
    ("figures",),
]


@pytest.mark.parametrize("width", [60, 80, 100, 120, 160])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_commands_draw_as_rich_draws_them(
    data_dir: Path, width: int, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    own = terminal._plain
    drawn: list[str] = []

    def counted(renderable: RenderableType, screen: Screen) -> str | None:
        plain = own(renderable, screen)
        drawn.extend([type(renderable).__name__] if plain is not None else [])
        return plain

    for command in COMMANDS:
        args = (*command, "--lang", lang, "--data", str(data_dir))
        with monkeypatch.context() as patched:
            patched.setattr(terminal, "_plain", counted)
            plain = _run(*args, width=width)
        with monkeypatch.context() as patched:
            patched.setattr(terminal, "_plain", lambda renderable, screen: None)
            assert _run(*args, width=width) == plain, command
    assert {"Prose", "FittedTable"} <= set(drawn)  # the plain arithmetic drew them


@given(texts)
def test_phrases_are_cut_as_the_regular_expression_cut_them(paragraph: str) -> None:
    old = re.compile("[^，。；：、！？）”]*[，。；：、！？）”]?")
    assert terminal._phrases(paragraph) == [p for p in old.findall(paragraph) if p]


@given(st.characters() | st.sampled_from(list(ALPHABET)))
def test_latin_letters_and_number_characters_are_those_of_the_classes(char: str) -> None:
    assert (char in terminal._LATIN) == bool(re.match("[A-Za-z]", char))
    assert (char in terminal._NUMBER) == bool(re.match(r"[0-9.,%]", char))
