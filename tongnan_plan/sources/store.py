"""Where the plan lives on disk, and loading it: targets.yaml and actuals/YYYY.yaml.

The files are read here (each submission by the reader its ending names, sources/readers.py)
and the documents handed to the checks (validate/), which open no files themselves.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from pydantic import ValidationError

from ..model.diagnostics import Diagnostic, Severity, TnplanError
from ..model.plan import Plan
from ..sources.files import FILE_PROBLEMS
from ..sources.yaml_reader import load_yaml
from ..validate.across import check_run
from ..validate.check import Actuals, CheckedSubmission, check_document
from ..validate.explain import pydantic_diagnostics
from ..validate.selection import Selection
from .config import find_config, load_config
from .readers import SUFFIXES, read_submission

__all__ = [
    "PLAN_FILE_PROBLEMS",
    "Actuals",
    "actual_files",
    "bundled_data",
    "check_file",
    "check_files",
    "load_actuals",
    "load_plan",
    "locate_data",
]

TARGETS = "targets.yaml"
ACTUALS = "actuals"
#: Codes of a plan that cannot be read at all: a usage error, not invalid data.
PLAN_FILE_PROBLEMS = FILE_PROBLEMS | {"plan-not-found"}


def bundled_data() -> Path:
    """The plan that ships with tnplan: inside the wheel, or at the top of a source checkout."""
    here = Path(__file__).resolve().parent.parent
    inside = here / "data"
    return inside if (inside / TARGETS).is_file() else here.parent / "data"


def locate_data(explicit: Path | None = None) -> Path:
    """The plan directory: explicit, $TNPLAN_DATA, ./data if it has targets.yaml, else bundled.

    ./data counts when anything is at data/targets.yaml (a broken link, a file that cannot be
    read): its problem is reported rather than passed over for the bundled plan.
    """
    if explicit is not None:
        return explicit
    env = os.environ.get("TNPLAN_DATA")
    if env:
        return Path(env)
    local = Path("data")
    if os.path.lexists(local / TARGETS):
        return local
    return bundled_data()


def load_plan(data_dir: Path) -> Plan:
    """Load and validate data_dir/targets.yaml; TnplanError with located diagnostics if bad.

    A plan that cannot be read at all (missing, a directory, a FIFO, unreadable, a loop of
    links) is said with one of the codes in PLAN_FILE_PROBLEMS.
    """
    path = data_dir / TARGETS
    if not os.path.lexists(path):
        raise TnplanError(
            [
                Diagnostic(
                    str(path),
                    1,
                    1,
                    Severity.ERROR,
                    "plan-not-found",
                    f"no {TARGETS} here; --data (or TNPLAN_DATA) must name a plan directory",
                    "",
                    f"这里没有 {TARGETS}；--data（或 TNPLAN_DATA）应指向规划数据目录",
                )
            ]
        )
    # A plan is read far more often than it is wrong: positions are found only when needed.
    doc, diagnostics = load_yaml(path, positions=False)
    errors = [d for d in diagnostics if d.severity is Severity.ERROR]
    if errors:
        raise TnplanError(errors)
    try:
        return Plan.model_validate(doc.data)
    except ValidationError as exc:
        raise TnplanError(pydantic_diagnostics(doc, exc)) from None


def actual_files(data_dir: Path) -> list[Path]:
    """The submission files of a plan directory (every ending a reader takes), in name order.

    Anything but a directory is listed (a FIFO, a broken link): reading it says what is
    wrong with it, where passing over it would leave a year out without a word.
    """
    folder = data_dir / ACTUALS
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in SUFFIXES and not p.is_dir())


def load_actuals(
    data_dir: Path, plan: Plan, *, warnings: bool = True, config: bool = True
) -> Actuals:
    """Load and check every submission under data_dir/actuals (bad entries are left out).

    warnings=False skips the checks across years (jumps, running totals), which can only
    warn: for callers that report errors alone. config: the codes that the config file
    found beside the data (sources/config.py) ignores or makes warnings are chosen as
    `tnplan check` chooses them; a config that cannot be used is reported among the
    diagnostics, and none applies.
    """
    selection, problems = Selection(), []
    if config:
        found = find_config(data_dir / ACTUALS)
        if found is not None:
            try:
                selection = load_config(found).selection
            except TnplanError as exc:
                problems = exc.diagnostics
    actuals = check_files(actual_files(data_dir), plan, compare=warnings, selection=selection)
    actuals.diagnostics[:0] = problems
    return actuals


def check_file(path: Path, plan: Plan) -> CheckedSubmission:
    """Read one submission file and check it on its own."""
    try:
        doc, diagnostics = read_submission(path)
    except TnplanError as exc:
        return CheckedSubmission(str(path), None, None, list(exc.diagnostics))
    return check_document(doc, plan, diagnostics)


def check_files(
    paths: Sequence[Path],
    plan: Plan,
    *,
    compare: bool = True,
    selection: Selection | None = None,
) -> Actuals:
    """Check submission files, then across years: the usable submissions and every diagnostic.

    A year the files lack is taken, for comparison only, from a YYYY file beside them.
    selection: the codes to ignore or to report as warnings (see validate/selection.py).
    """
    checked = [check_file(path, plan) for path in paths]
    earlier = _beside(paths, checked, plan)
    return check_run(checked, plan, earlier, compare=compare, selection=selection)


def _beside(
    paths: Sequence[Path], checked: Sequence[CheckedSubmission], plan: Plan
) -> list[CheckedSubmission]:
    """The earlier years' submissions in the folders of paths, for the years the run lacks."""
    years = {c.submission.year for c in checked if c.submission is not None}
    if not years:
        return []
    named = set(paths)
    out = []
    for folder in dict.fromkeys(path.parent for path in paths):
        for year in range(plan.plan.start_year, max(years)):
            if year in years:
                continue
            for suffix in SUFFIXES:
                candidate = folder / f"{year}{suffix}"
                if candidate in named:
                    break  # in the run already, and without a usable submission
                if candidate.is_file():
                    found = check_file(candidate, plan)
                    if found.submission is not None and found.submission.year == year:
                        out.append(found)
                    break
    return out
