"""Click's usage errors ("Missing option", "No such option") said in the run's language.

Click writes them in English before any command runs, so the language is read from the
command line itself (--lang), then TNPLAN_LANG, then the locale. The text Click prints is
translated line by line; a detail it cannot translate (a message of a library underneath) is
left out rather than shown in the other language.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .choices import Lang

__all__ = ["translate_usage", "usage_language"]


def usage_language(argv: Sequence[str]) -> Lang:
    """The language a usage error is said in: --lang on the command line where it names one,
    else TNPLAN_LANG, else the locale's."""
    for i, arg in enumerate(argv):
        value = arg.removeprefix("--lang=") if arg.startswith("--lang=") else None
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        if value in ("zh", "en"):
            return Lang(value)
    return Lang.of_environment()


def _details(message: str) -> str:
    """Why a value is wrong, in Chinese, where tnplan knows the words; else nothing."""
    message = message.removeprefix("Value error, ")
    choice = re.fullmatch(r"(?P<value>'.*?') is not one of (?P<choices>.*?)\.?", message)
    if choice:
        return f"：{choice['value']} 不是可选值之一（{choice['choices']}）"
    if message.startswith("Input should be a valid integer") or re.fullmatch(
        r"Value '.*' is not a valid int\.?", message
    ):
        return "：应为整数"
    if message.startswith("Input should be a valid number"):
        return "：应为数字"
    bound = re.fullmatch(r"Input should be greater than or equal to (\S+)", message)
    if bound:
        return f"：应不小于 {bound[1]}"
    return ""


def _error(message: str) -> str:
    """One error message of Click's in Chinese."""
    rules: list[tuple[str, Callable[[re.Match[str]], str]]] = [
        (r"Missing option (?P<x>.*?)\.(?: (?P<more>.*))?", lambda m: f"缺少选项 {m['x']}。"),
        (r"Missing argument (?P<x>.*?)\.(?: .*)?", lambda m: f"缺少参数 {m['x']}。"),
        (r"Missing parameter: (?P<x>.*)", lambda m: f"缺少参数：{m['x']}"),
        (r"No such option: (?P<x>\S+)(?P<rest>.*)", lambda m: f"没有选项 {m['x']}{_hint(m)}"),
        (r"No such command (?P<x>'.*?')\.(?P<rest>.*)", lambda m: f"没有命令 {m['x']}{_hint(m)}"),
        (
            r"Got unexpected extra argument(?:s|\(s\))? \((?P<x>.*)\)",
            lambda m: f"多余的参数（{m['x']}）",
        ),
        (
            r"Option (?P<x>'.*?') requires (?:an argument|(?P<n>\d+) arguments)\.",
            lambda m: f"选项 {m['x']} 需要{m['n'] or '一'}个值。",
        ),
        (
            r"Option (?P<x>'.*?') does not take a value\.",
            lambda m: f"选项 {m['x']} 不接受值。",
        ),
        (
            r"Invalid value for (?P<x>.*?): (?P<why>.*)",
            lambda m: f"选项 {m['x']} 的值无效{_details(m['why'])}。",
        ),
        (r"Invalid value: (?P<why>.*)", lambda m: f"值无效{_details(m['why'])}。"),
    ]
    for pattern, say in rules:
        match = re.fullmatch(pattern, message)
        if match:
            return say(match)
    return "用法有误；请用 -h 查看帮助。"


def _hint(match: re.Match[str]) -> str:
    """Click's suggestion after an unknown option or command, in Chinese."""
    rest = match["rest"].strip()
    near = re.search(r"Did you mean (.*?)\?", rest)
    if near:
        return f"；是否应为 {near[1]}？"
    possible = re.search(r"\(Possible options: (.*?)\)", rest)
    if possible:
        return f"（可能的选项：{possible[1]}）"
    return "。"


def _line(line: str) -> str:
    usage = re.fullmatch(r"Usage: (?P<x>.*)", line)
    if usage:
        words = {"[OPTIONS]": "[选项]", "COMMAND": "命令", "[ARGS]": "[参数]"}
        return "用法：" + re.sub(r"\[OPTIONS\]|COMMAND|\[ARGS\]", lambda m: words[m[0]], usage["x"])
    hint = re.fullmatch(r"Try (?P<x>'.*?') for help\.", line)
    if hint:
        return f"查看帮助：{hint['x']}"
    error = re.fullmatch(r"Error: (?P<x>.*)", line)
    if error:
        return f"错误：{_error(error['x'])}"
    return line


def translate_usage(text: str, lang: Lang | str) -> str:
    """A usage error as Click prints it, in lang: English as it is, Chinese translated."""
    if Lang(lang) is Lang.EN:
        return text
    return "\n".join(_line(line) for line in text.split("\n"))
