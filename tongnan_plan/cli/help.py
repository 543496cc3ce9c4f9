"""--help in the run's language, with placeholders people read (FILE…, YEAR, ID, DIR).

The language is read from the command line as help is asked for (--lang, then TNPLAN_LANG,
then the locale: present/usage.py), before Click parses it. The Chinese of each text is
help_zh.py's; the --format helps are made from the registry of writers in either language.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import Enum
from typing import Any

from typer.core import TyperCommand, TyperGroup

from ..present.choices import Lang

__all__ = ["TnplanCommand", "TnplanGroup", "format_help", "format_help_zh", "translated"]

#: What an option's value is, where its type alone would say `<path>` or `<int>`.
OPTION_METAVARS = {
    "--data": "DIR",
    "--output": "FILE",
    "--config": "FILE",
    "--results": "FILE",
    "--year": "YEAR",
    "--max-errors": "N",
    "--schema": "URL",
    "--plan": "PLAN",
    "--from": "PLAN",
    "--id": "ID",
    "--period": "YEARS",
}
_LANG_META = "tnplan.lang"
#: The widest the column of options gets before an option's help starts on its next line.
_FIRST_COLUMN = 30


def format_help(command: str) -> str:
    """The help of a command's --format: each format it offers (from the registry)."""
    from ..present.writers import OFFERED, WRITERS

    offered = OFFERED[command]
    said = {name: WRITERS[name].about for name in offered}
    each = ", ".join(f"{n} ({about})" if about.lower() != n else n for n, about in said.items())
    return f"{each} (default: from -o's ending, else {offered[0]})."


def format_help_zh(command: str) -> str:
    """The Chinese of a command's --format help (format_help's)."""
    from ..present.writers import OFFERED, WRITERS
    from .help_zh import WRITER_ABOUT_ZH

    offered = OFFERED[command]
    said = {name: WRITER_ABOUT_ZH[WRITERS[name].about] for name in offered}
    each = "、".join(f"{n}（{a}）" if a.lower() != n else n for n, a in said.items())
    return f"{each}（默认：按 -o 文件的扩展名，否则为 {offered[0]}）。"


def translated(text: str, lang: Lang) -> str:
    """text in lang: the English as written, or its Chinese (a format help made afresh)."""
    if lang is Lang.EN or not text:
        return text
    from .help_zh import HELP_ZH

    if text in HELP_ZH:
        return HELP_ZH[text]
    from ..present.writers import OFFERED

    for command in OFFERED:
        if text == format_help(command):
            return format_help_zh(command)
    return text


def _word(word: str, lang: Lang) -> str:
    if lang is Lang.EN:
        return word
    from .help_zh import WORDS_ZH

    return WORDS_ZH.get(word, word)


def _language(ctx: Any) -> Lang:
    found = ctx.find_root().meta.get(_LANG_META)
    return found if isinstance(found, Lang) else Lang.of_environment()


def _remember_language(ctx: Any, args: Sequence[str]) -> None:
    from ..present.usage import usage_language

    root = ctx.find_root()
    if _LANG_META not in root.meta or "--lang" in " ".join(args):
        root.meta[_LANG_META] = usage_language(list(args))


#: A word of Latin script (with what sticks to it), a space, or one other character.
#: (Compiled on first use, by --help.)
_TOKEN = r"[\x21-\x7e]+|\s+|."
_LAST_WORD = r"[\x21-\x7e]+$"
#: Never at the start of a line: it stays with the character before it.
_CLOSING = frozenset("，。；：、）」』】》！？,.;:)")
#: Never at the end of a line: it goes down with the character after it.
_OPENING = frozenset("（「『【《")


def cell_len(text: str) -> int:
    """The cells text takes on a terminal: two for a wide (CJK) character (the standard
    library's table: help is drawn without importing Rich)."""
    from unicodedata import east_asian_width

    return sum(2 if east_asian_width(c) in "WF" else 1 for c in text)


def _lines(paragraph: str, width: int) -> list[str]:
    """A paragraph as lines of at most width cells (CJK counts double), breaking between
    words and between Chinese characters, never before closing punctuation nor after an
    opening bracket."""
    lines, line = [], ""
    for token in re.findall(_TOKEN, " ".join(paragraph.split())):
        if cell_len(line + token) <= width or not line.strip():
            line += token
            continue
        # the closing marks and the word or character before them go down with a closing
        # mark; the opening brackets at the line's end go down with what follows them
        closes = token[0] in _CLOSING and not line[-1].isspace()
        start = _start_of_last(line) if closes else len(line)
        while start > 0 and line[start - 1] in _OPENING:
            start -= 1
        if line[:start].strip():
            lines.append(line[:start].rstrip())
            line = line[start:]
        elif not closes:
            lines.append(line.rstrip())
            line = ""
        line += "" if token.isspace() and not line else token
    if line.strip():
        lines.append(line.rstrip())
    return lines


def _start_of_last(line: str) -> int:
    """Where the line's last word (a Latin one, or one character) starts, with the closing
    marks that follow it."""
    start = len(line) - 1
    while start > 0 and line[start] in _CLOSING:
        start -= 1
    last = re.search(_LAST_WORD, line[: start + 1])
    return last.start() if last else start


def _wrap(text: str, width: int, indent: int) -> list[str]:
    """text's paragraphs wrapped to width cells, each line indented."""
    lines: list[str] = []
    for paragraph in text.split("\n\n"):
        if lines:
            lines.append("")
        lines += [" " * indent + line for line in _lines(paragraph, width - indent)]
    return lines


def _placeholder(param: Any, ctx: Any) -> str:
    """An argument's or option's placeholder: FILE…, YEAR, [a|b], or nothing for a flag."""
    if param.param_type_name == "argument":
        name = param.metavar or param.name.upper()
        return name if param.nargs == 1 or name.endswith("…") else f"{name}…"
    if param.metavar:
        return str(param.metavar)
    named = next((OPTION_METAVARS[o] for o in param.opts if o in OPTION_METAVARS), None)
    if named:
        return named
    kind = getattr(getattr(param, "type_descriptor", None), "annotation", None)
    if kind is bool:
        return ""
    if isinstance(kind, type) and issubclass(kind, Enum):
        return "[" + "|".join(str(member.value) for member in kind) + "]"
    return str(param.name).upper()


def _usage(ctx: Any, command: Any, lang: Lang) -> str:
    pieces = [f"[{_word('OPTIONS', lang)}]"]
    for param in command.params:
        if param.param_type_name == "argument":
            pieces.append(_placeholder(param, ctx))
    if isinstance(command, TyperGroup):
        pieces += [_word("COMMAND", lang), f"[{_word('ARGS', lang)}]…"]
    space = "" if lang is Lang.ZH else " "
    return f"{_word('Usage:', lang)}{space}{ctx.command_path} {' '.join(pieces)}"


def _rows(ctx: Any, command: Any, lang: Lang, kind: str) -> list[tuple[str, str]]:
    rows = []
    for param in command.params:
        if param.param_type_name != kind or getattr(param, "hidden", False):
            continue
        placeholder = _placeholder(param, ctx)
        if kind == "argument":
            name = placeholder
        else:
            opts = sorted(param.opts, key=len)
            name = ", ".join(opts)
            if param.secondary_opts:
                name += " / " + ", ".join(param.secondary_opts)
            if placeholder:
                name += f" {placeholder}"
        extra = []
        colon = "：" if lang is Lang.ZH else ": "
        if getattr(param, "show_envvar", False) and param.envvar:
            extra.append(f"{_word('env var', lang)}{colon}{param.envvar}")
        default = param.default
        if param.show_default and default not in (None, False) and placeholder:
            extra.append(f"{_word('default', lang)}{colon}{getattr(default, 'value', default)}")
        if getattr(param, "required", False):
            extra.append(_word("required", lang))
        help_text = translated(param.help or "", lang)
        if extra:
            help_text += f"  [{'; '.join(extra)}]"
        rows.append((name, help_text))
    if kind == "option":
        rows.append(("-h, --help", _word("Show this message and exit.", lang)))
    return rows


def _definitions(rows: Sequence[tuple[str, str]], width: int) -> list[str]:
    first = min(max((cell_len(n) for n, _ in rows), default=0), _FIRST_COLUMN) + 4
    lines = []
    for name, text in rows:
        wrapped = _wrap(text, width, first) or [""]
        if cell_len(name) + 4 <= first:
            lines.append(f"  {name}{' ' * (first - cell_len(name) - 2)}{wrapped[0].lstrip()}")
        else:
            lines += [f"  {name}", wrapped[0]]
        lines += wrapped[1:]
    return [line.rstrip() for line in lines]


def help_text(ctx: Any, command: Any, width: int) -> str:
    """The whole --help of a command (or of the app) in the run's language."""
    lang = _language(ctx)
    lines = [_usage(ctx, command, lang), ""]
    doc = translated(command.help or "", lang)
    if doc:
        lines += [*_wrap(_joined(doc), width, 2), ""]
    arguments = _rows(ctx, command, lang, "argument")
    if arguments:
        lines += [_word("Arguments:", lang), *_definitions(arguments, width), ""]
    lines += [_word("Options:", lang), *_definitions(_rows(ctx, command, lang, "option"), width)]
    if isinstance(command, TyperGroup):
        listed = []
        names = command.list_commands(ctx)
        room = width - max((len(n) for n in names), default=0) - 4
        for name in names:
            sub = command.get_command(ctx, name)
            if sub is not None and not sub.hidden:
                said = _first_sentence(translated(sub.help or "", lang), lang)
                listed.append((name, _one_line(said, room)))
        lines += ["", _word("Commands:", lang), *_definitions(listed, width)]
    return "\n".join(lines) + "\n"


def _joined(doc: str) -> str:
    """A docstring's paragraphs each on one line (they are wrapped again to the screen)."""
    return "\n\n".join(" ".join(p.split("\n")) for p in doc.split("\n\n"))


def _one_line(text: str, width: int) -> str:
    """text cut to one line of width cells, with … where it was cut."""
    lines = _lines(text, width - 1)
    return lines[0] + ("…" if len(lines) > 1 else "") if lines else ""


def _first_sentence(doc: str, lang: Lang) -> str:
    first = _joined(doc).split("\n\n")[0]
    if lang is Lang.ZH and "：" in first:  # what it does, before the list of what it shows
        return first[: first.index("：")] + "。"
    end = first.find("。" if lang is Lang.ZH else ". ")
    return first if end < 0 else first[: end + 1]


class _Help:
    """What both classes share: the language remembered, the help written by help_text."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        _remember_language(ctx, args)
        return super().parse_args(ctx, args)  # type: ignore[misc, no-any-return]

    def format_help(self, ctx: Any, formatter: Any) -> None:
        width = min(formatter.width or 80, 100)
        formatter.write(help_text(ctx, self, width))


class TnplanCommand(_Help, TyperCommand):
    """A command whose --help speaks the run's language."""


class TnplanGroup(_Help, TyperGroup):
    """The app, whose --help speaks the run's language and lists commands in it."""
