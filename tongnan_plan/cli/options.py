"""The options several commands share, each declared once (--data, --plan, --tier, --year,
--lang, --path, --output, --force, --excel, --quiet, and each command's --format, its choices
and help from the registry of writers), and `command`, which registers a command taking them.

A command names the options it takes, in the order its --help lists them; the shared ones
arrive in its Run (run.py), its own as its parameters:

    @command("year tier fmt lang path output force excel data plan_id quiet")
    def status(run: Run) -> None: ...
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from ..present.choices import Lang, PathChoice, TierChoice
from .help import TnplanCommand, format_help
from .root import app
from .run import Run

__all__ = ["REQUIRED", "SHARED", "Command", "command"]

Command = Callable[..., None]
#: The default of an option or argument that must be given.
REQUIRED = inspect.Parameter.empty

PathOption = Annotated[
    PathChoice | None,
    typer.Option(
        "--path",
        help="Expected path for every indicator (default: each indicator's own, linear unless "
        "the plan says compound).",
        show_default=False,
    ),
]


DataOption = Annotated[
    Path | None,
    typer.Option(
        "--data",
        envvar="TNPLAN_DATA",
        help="Plan directory holding targets.yaml and actuals/ (default: ./data if it has "
        "targets.yaml, else the plan shipped with tnplan).",
        show_default=False,
    ),
]


PlanOption = Annotated[
    str | None,
    typer.Option(
        "--plan",
        envvar="TNPLAN_PLAN",
        help="The plan of --data to use, by its id or folder name (default: the plan at the "
        "root of --data, else the only one; see tnplan plans).",
        show_default=False,
    ),
]


TierOption = Annotated[
    TierChoice | None,
    typer.Option(
        "--tier",
        help="The plan's tier of targets: main, goal, action (as the plan heads them: see "
        "tnplan plans), or all (default for status and report: main, or the plan's first "
        "tier if it has no main indicators).",
        show_default=False,
    ),
]


LangOption = Annotated[
    Lang | None,
    typer.Option(
        "--lang",
        envvar="TNPLAN_LANG",
        help="Language of headers, names, status words and messages "
        "(default: TNPLAN_LANG, else the locale: zh unless the locale is English).",
        show_default=False,
    ),
]


YearOption = Annotated[
    int | None,
    typer.Option(
        "--year",
        "-y",
        help="Evaluate as of this year (default: the latest with data).",
        show_default=False,
    ),
]


OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write to this file (atomically) instead of standard output.",
        show_default=False,
    ),
]


ForceOption = Annotated[bool, typer.Option("--force", help="Replace a file that is already there.")]


ExcelOption = Annotated[
    bool,
    typer.Option(
        "--excel", help="CSV for Excel: a UTF-8 BOM and CRLF line ends (implies --format csv)."
    ),
]


QuietOption = Annotated[
    bool,
    typer.Option("--quiet", "-q", help="Do not list the submissions' warnings on standard error."),
]


#: Each shared option by the name a command's list gives it (the field of Run it fills): its
#: declaration and its default. --format is each command's own: see _format.
SHARED: dict[str, tuple[Any, Any]] = {
    "data": (DataOption, None),
    "plan_id": (PlanOption, None),
    "tier": (TierOption, None),
    "year": (YearOption, None),
    "lang": (LangOption, None),
    "path": (PathOption, None),
    "output": (OutputOption, None),
    "force": (ForceOption, False),
    "excel": (ExcelOption, False),
    "quiet": (QuietOption, False),
}


def _format(name: str) -> Any:
    """A command's --format: the formats it offers and their help, from the registry."""
    from ..present.writers import choices

    option = typer.Option("--format", "-f", help=format_help(name), show_default=False)
    return Annotated[choices(name) | None, option]


def command(options: str, name: str | None = None, **declared: Any) -> Callable[[Command], Command]:
    """Register a command on the app, taking the options named (space-separated, in the
    order of its --help): a shared one (SHARED, or `fmt` for its --format) is declared here
    and given in the Run; any other is the function's own parameter. A keyword re-declares a
    shared option for this command, as (declaration, default or REQUIRED): report's required
    --output, extract's (default targets.yaml), new's (its own help); its value is still the
    Run's. A name that is neither shared nor the function's is a KeyError at import."""

    def register(function: Command) -> Command:
        called = name or function.__name__.replace("_", "-")
        own = set(inspect.signature(function).parameters) - {"run"}
        listed = options.split()
        if own - set(listed):
            raise TypeError(f"{called}: {sorted(own - set(listed))} not in its options")
        for key in listed:
            if key not in own and key not in declared and key != "fmt" and key not in SHARED:
                raise KeyError(key)
        registered = _Registered(function, called, own, listed, declared)
        app.command(called, cls=TnplanCommand)(registered)
        return function

    return register


class _Registered:
    """A registered command as Typer calls it: the shared options into the Run, its own as
    its parameters.

    Its signature (each option's declaration, --format's choices) is made when Typer first
    reads it, building the command: a run builds only the command it runs (cli/entry.py),
    not the other commands of its module.
    """

    def __init__(
        self,
        function: Command,
        called: str,
        own: set[str],
        listed: list[str],
        declared: dict[str, Any],
    ) -> None:
        functools.update_wrapper(self, function)
        self.__annotations__: dict[str, Any] = {}  # Typer reads the signature alone
        self.function, self.called, self.own = function, called, own
        self.listed, self.declared = listed, declared

    @functools.cached_property
    def __signature__(self) -> inspect.Signature:
        own = dict(inspect.signature(self.function, eval_str=True).parameters)
        del own["run"]
        return inspect.Signature(
            [_parameter(key, self.called, own, self.declared) for key in self.listed]
        )

    def __call__(self, **given: Any) -> None:
        shared = {key: given.pop(key) for key in list(given) if key not in self.own}
        self.function(Run.start(shared.pop("lang", None), command=self.called, **shared), **given)


def _parameter(
    key: str, called: str, own: dict[str, inspect.Parameter], declared: dict[str, Any]
) -> inspect.Parameter:
    """The parameter Typer reads an option from: the function's own, or a shared one."""
    if key in own:
        return own[key].replace(kind=inspect.Parameter.KEYWORD_ONLY)
    annotation, default = declared.get(key) or (
        (_format(called), None) if key == "fmt" else SHARED[key]
    )
    return inspect.Parameter(
        key, inspect.Parameter.KEYWORD_ONLY, annotation=annotation, default=default
    )
