"""tnplan extract: draft a plan file from the plan's text."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from ..extract.draft import Draft

from ..model.problem import Words
from .options import command
from .output import can_write, deliver, distinct_outputs, loadable
from .root import EXIT_INVALID, EXIT_USAGE
from .run import Run, words

#: The options of `extract`, each as the command declares it.
PlanFileArgument = Annotated[
    Path,
    typer.Argument(
        metavar="PLAN_FILE",
        help="The plan document: .txt or .md (as copied from a web page), .html, .docx, .pdf.",
        show_default=False,
    ),
]
DraftOutputOption = Annotated[
    Path,
    typer.Option("--output", "-o", help="Where to write the draft; - for standard output."),
]
PreviousOption = Annotated[
    bool,
    typer.Option(
        "--previous",
        help="Draft the previous plan instead, from the table of its results (专栏1).",
    ),
]
ResultsOption = Annotated[
    Path | None,
    typer.Option(
        "--results",
        help="With --previous: also write that table's results as a submission file.",
        show_default=False,
    ),
]


@command(
    "plan_file output force previous results lang",
    output=(DraftOutputOption, Path("targets.yaml")),
)
def extract(
    run: Run,
    plan_file: PlanFileArgument,
    previous: PreviousOption = False,
    results: ResultsOption = None,
) -> None:
    """Draft a plan file (targets.yaml) from a plan's own text, asking only what it leaves open.

    Finds the indicator tables by their header and the targets the prose sets, links figures
    printed twice, and gives each target a proposed kind with its evidence (note:) and the
    questions a person must settle (review:). A summary goes to standard error.
    Exit 0 when a draft was written, 1 when no indicator table or target was found, 2 for a
    usage error (a file that cannot be read, an existing output without --force).

    Example: tnplan extract plan.txt -o data/targets.yaml
    """
    if results is not None and not previous:
        run.usage(*words("usage.results-need-previous"))
    draft = _drafted(run, plan_file, previous)
    _write_draft(run, draft, results, previous=previous)


def _drafted(run: Run, plan_file: Path, previous: bool) -> Draft:
    """The plan file's draft, its summary on standard error; exit 1 when it found nothing."""
    from ..extract import extract_plan
    from ..model.diagnostics import TnplanError

    try:
        draft = extract_plan(plan_file)
    except TnplanError as exc:
        run.fail(exc.diagnostics, EXIT_USAGE)
    found = draft.previous if previous else draft.plan
    typer.echo(_extract_summary(run, draft), err=True)
    if found is None or not found.indicators:
        from ..present.escaping import visible

        nothing = "draft.no-previous-table" if previous else "draft.nothing-found"
        typer.echo(run.say(*words(nothing, shown=visible(str(plan_file)))), err=True)
        for line in _rejections(run, draft):
            typer.echo(line, err=True)
        raise typer.Exit(EXIT_INVALID)
    return draft


def _write_draft(run: Run, draft: Draft, results: Path | None, *, previous: bool) -> None:
    """The draft written to output (- for standard output), and its results to results if
    asked: both checked writable first, so that both are written or neither is."""
    from ..extract import draft_yaml, results_yaml

    target = None if str(run.output) == "-" else run.output
    distinct_outputs(run, ("--output", target), ("--results", results))
    for path in (target, results):  # both writable, or neither is written
        can_write(run, path)
    text = loadable(run, draft_yaml(draft, previous=previous))
    found_results = None if results is None else loadable(run, results_yaml(draft))
    deliver(run, text, target)
    if results is not None and found_results is not None:
        deliver(run, found_results, results)


def _extract_summary(run: Run, draft: Draft) -> str:
    """Tables found, rows, prose targets and open questions, in the run's language."""
    parts = []
    for table in draft.tables:
        whose = run.say(*words("draft.of-previous")) if table.previous else ""
        parts.append(f"{table.label} ({table.rows} {run.say(*words('draft.rows'))}{whose})")
    tables = ", ".join(parts) or run.say(*words("draft.no-tables"))
    questions = draft.plan.questions() + (draft.previous.questions() if draft.previous else 0)
    return run.say(
        *words("draft.summary", tables=tables, targets=draft.prose_targets, questions=questions)
    )


def _rejections(run: Run, draft: Draft) -> list[str]:
    """Why nothing was found: each header seen, where, and why no table was read under it."""
    from ..extract.headers import REJECTIONS

    if not draft.rejected:
        return [run.say(*words("draft.no-headers"))]
    lines = [run.say(*words("draft.headers-seen"))]
    for seen in draft.rejected[:10]:
        en, zh = REJECTIONS.get(seen.reason, (seen.reason, seen.reason))
        cells = " | ".join(seen.cells)[:60]
        where = Words(seen.where, _where_zh(seen.where))
        lines.append("  " + run.say(*words("draft.header-at", where=where, cells=cells)))
        lines.append(f"    {run.say(en, zh)}")
    if len(draft.rejected) > 10:
        lines.append(run.say(*words("draft.more-headers", count=len(draft.rejected) - 10)))
    return lines


#: The words of a place in a document, and their Chinese (a regular expression's replacement).
_WHERE_ZH = ((r"line (\d+)", r"第\1行"), (r"page (\d+)", r"第\1页"), (r"table (\d+)", r"表\1"))


def _where_zh(where: str) -> str:
    """ "line 12", "page 3 table 1" in Chinese: 第12行, 第3页 表1."""
    import re

    for english, chinese in _WHERE_ZH:
        where = re.sub(english, chinese, where)
    return where
