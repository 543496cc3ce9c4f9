"""Loading plans and checking files: targets.yaml and actuals/YYYY.yaml of a repository of plans
(sources/repository.py says where they are).

The files are read here (each submission by the reader its ending names, sources/readers.py)
and the documents handed to the checks (validate/), which open no files themselves.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from msgspec import field
from pydantic import ValidationError

from ..calc.evaluation import observations
from ..model.catalogue import phrase
from ..model.diagnostics import Diagnostic, Severity, TnplanError
from ..model.plan import Plan
from ..sources.yaml_reader import load_yaml
from ..validate.across import check_run
from ..validate.check import Actuals, CheckedSubmission, check_document
from ..validate.selection import Selection
from .config import find_config, load_config
from .plan_head import is_plan_data, read_head
from .readers import SUFFIXES, read_submission

if TYPE_CHECKING:
    from ..calc.handover import NextPlan
    from ..calc.series import Observation

from .repository import (
    ACTUALS,
    PLAN_FILE_PROBLEMS,
    TARGETS,
    PlanChoiceError,
    PlanFolders,
    PlanPlace,
    PlanSummary,
    UsageError,
    actual_files,
    bundled_data,
    locate_data,
    plan_not_found,
)

__all__ = [
    "PLAN_FILE_PROBLEMS",
    "Actuals",
    "PlanChoiceError",
    "PlanPlace",
    "PlanSummary",
    "Repository",
    "UsageError",
    "actual_files",
    "bundled_data",
    "check_file",
    "check_files",
    "load_actuals",
    "load_plan",
    "locate_data",
]


def load_plan(data_dir: Path) -> Plan:
    """Load and validate data_dir/targets.yaml; TnplanError with located diagnostics if bad.

    A plan that cannot be read at all (missing, a directory, a FIFO, unreadable, a loop of
    links) is said with one of the codes in PLAN_FILE_PROBLEMS.
    """
    path = data_dir / TARGETS
    if not os.path.lexists(path):
        raise TnplanError([plan_not_found(path)])
    # A plan is read far more often than it is wrong: positions are found only when needed.
    doc, diagnostics = load_yaml(path, positions=False)
    errors = [d for d in diagnostics if d.severity is Severity.ERROR]
    if errors:
        raise TnplanError(errors)
    try:
        return Plan.model_validate(doc.data)
    except ValidationError:
        # The check's account of the model's errors: every one, located.
        from ..validate.plan_rules import plan_model_diagnostics

        raise TnplanError(plan_model_diagnostics(doc)[1]) from None


def load_actuals(data_dir: Path, plan: Plan, *, warnings: bool = True) -> Actuals:
    """Load and check every submission under data_dir/actuals (bad entries are left out).

    warnings=False skips the checks across years (jumps, running totals), which can only
    warn: for callers that report errors alone. The codes that the config file found beside
    the data (sources/config.py) ignores or makes warnings are chosen as `tnplan check`
    chooses them; a config that cannot be used is reported in config_problems (not among
    the figures' diagnostics), and none applies.
    """
    selection, problems = Selection(), []
    found = find_config(data_dir / ACTUALS)
    if found is not None:
        try:
            selection = load_config(found).selection
        except TnplanError as exc:
            problems = exc.diagnostics
    actuals = check_files(actual_files(data_dir), plan, compare=warnings, selection=selection)
    actuals.config_problems = problems
    actuals.config = None if problems else found
    return actuals


#: The plan submissions are checked against, or how to load it when the first one needs it.
PlanSource = Plan | Callable[[], Plan]


def check_file(path: Path, plan: PlanSource, plans: Repository | None = None) -> CheckedSubmission:
    """Read one file and check it on its own: a submission against the plan, or a plan file
    (recognised by its ``plan:`` key) on its own and against the plans it may follow.

    A plan file's result has no submission and no document: it takes no part in the checks
    across years.
    """
    try:
        doc, diagnostics = read_submission(path)
    except TnplanError as exc:
        return CheckedSubmission(str(path), None, None, list(exc.diagnostics))
    if is_plan_data(doc.data):
        from ..validate.plan_rules import check_plan_document

        checked = check_plan_document(doc, diagnostics, plans)
        return CheckedSubmission(checked.file, None, None, checked.diagnostics)
    return check_document(doc, plan if isinstance(plan, Plan) else plan(), diagnostics)


def check_files(
    paths: Sequence[Path],
    plan: PlanSource,
    *,
    compare: bool = True,
    plans: Repository | None = None,
    selection: Selection | None = None,
    history: Path | Callable[[], Path] | None = None,
) -> Actuals:
    """Check submission (and plan) files, then across years: the usable submissions and every
    diagnostic. plans: the repository a plan file's ``previous:`` is looked up in.

    A year the files lack is taken, for comparison only, from a YYYY file beside them, else
    from history/actuals (history: the plan directory `status` reads, or how to find it): a
    file checked anywhere is held against the years `status` would count with it, and stands
    in for that directory's file of its own year.
    selection: the codes to ignore or to report as warnings (see validate/selection.py).
    """
    loaded: list[Plan] = []

    def the_plan() -> Plan:
        if not loaded:
            loaded.append(plan if isinstance(plan, Plan) else plan())
        return loaded[0]

    checked = [check_file(path, the_plan, plans) for path in paths]
    if not loaded:  # plan files only: nothing to check across years
        chosen = selection or Selection()
        return Actuals(
            diagnostics=[d for one in checked for d in chosen.apply(one.diagnostics, one.document)],
            files=[one.file for one in checked],
        )
    earlier: list[CheckedSubmission] = []
    if compare:
        folders = [path.parent for path in paths]
        if history is not None:
            folders.append((history if isinstance(history, Path) else history()) / ACTUALS)
        earlier = _earlier(folders, paths, checked, loaded[0])
    return check_run(checked, loaded[0], earlier, compare=compare, selection=selection)


def _earlier(
    folders: Sequence[Path],
    paths: Sequence[Path],
    checked: Sequence[CheckedSubmission],
    plan: Plan,
) -> list[CheckedSubmission]:
    """The earlier years' submissions in folders (the first that has a year wins, a folder
    named twice counts once), for the years the run lacks; paths: the run's own files."""
    years = {c.submission.year for c in checked if c.submission is not None}
    if not years or years.issuperset(range(plan.plan.start_year, max(years))):
        return []  # no year is lacking: nothing to look for (nor any path to resolve)
    named = {path.resolve() for path in paths}
    unique: dict[Path, Path] = {}
    for folder in folders:
        unique.setdefault(folder.resolve(), folder)
    out: list[CheckedSubmission] = []
    seen = set(years)
    for folder in unique.values():
        for year in range(plan.plan.start_year, max(years)):
            if year in seen:
                continue
            for suffix in SUFFIXES:
                candidate = folder / f"{year}{suffix}"
                if candidate.resolve() in named:
                    seen.add(year)  # in the run already, and without a usable submission
                    break
                if candidate.is_file():
                    found = check_file(candidate, plan)
                    if found.submission is not None and found.submission.year == year:
                        out.append(found)
                        seen.add(year)
                    break
    return out


class Repository(PlanFolders):
    """The plans of a data directory, loaded: each plan, the one it follows and the ones
    that follow it, with their checked figures."""

    _plans: dict[Path, Plan | None] = field(default_factory=dict)

    def summaries(self) -> list[PlanSummary]:
        """Every plan with what `tnplan plans` says of it, read from its head (forty plans of a
        hundred indicators are listed in a fraction of the time forty loads take); a file that
        does not parse is listed with its located problems."""
        default = self.default()
        out = []
        for place in self.places:
            head = read_head(place.targets, count_tiers=True)
            problems = [] if head.parsed else _problems_of(place)
            problems += self.twice(place)
            years = place.years_submitted()
            out.append(PlanSummary(place, head, years, place == default, problems))
        return out

    def load(self, place: PlanPlace) -> Plan:
        """The plan of a place; TnplanError (located) if it does not load."""
        return load_plan(place.directory)

    def plan_by_id(self, plan_id: str) -> Plan | None:
        """The plan of this id, if there is one and it loads (cached)."""
        place = self.find(plan_id)
        if place is None:
            return None
        if place.directory not in self._plans:
            try:
                self._plans[place.directory] = self.load(place)
            except TnplanError:
                self._plans[place.directory] = None
        return self._plans[place.directory]

    def previous(self, plan: Plan) -> tuple[Plan, Actuals] | None:
        """The plan this one names as its previous (``previous:``) and its checked figures;
        None where it names none, or the repository has no such plan that loads."""
        previous_id = plan.plan.previous
        place = None if previous_id is None else self.find(previous_id)
        if previous_id is None or place is None:
            return None
        before = self.plan_by_id(previous_id)
        if before is None:
            return None
        return before, load_actuals(place.directory, before, warnings=False)

    def next_plan(self, from_plan: str, start: int, end: int, plan_id: str) -> NextPlan:
        """The makings of the plan for start-end that follows from_plan: that plan, and each
        of its indicators' figures for start - 1 (UsageError if that is not one of its years)."""
        from ..calc.handover import NextPlan, handovers

        place = self.choose(from_plan)
        previous = self.load(place)
        info, year = previous.plan, start - 1
        if year not in info.years:
            span = {"first": info.start_year, "last": info.end_year}
            said = phrase(
                "choice.not-following", start=start, end=end, plan=info.id, year=year, **span
            )
            raise UsageError(said)
        actuals = load_actuals(place.directory, previous, warnings=False)
        figures = handovers(previous, observations(actuals.submissions), year)
        return NextPlan(plan_id, start, end, previous, figures)

    def across(
        self, plan: Plan, directory: Path
    ) -> tuple[list[Plan], list[dict[str, dict[int, Observation]]], int]:
        """The plans of plan's lineage (see lineage), each plan's figures by indicator and
        year (its usable submissions), and plan's place among them."""
        plans, directories, at = self.lineage(plan, directory)
        figures = [
            observations(load_actuals(folder, one, warnings=False).submissions)
            for one, folder in zip(plans, directories, strict=True)
        ]
        return plans, figures, at

    def lineage(self, plan: Plan, directory: Path) -> tuple[list[Plan], list[Path], int]:
        """The plans that lead to plan and follow it, oldest first, with their directories and
        plan's place among them. Back through ``previous:``, forward through the first plan
        (by folder) that names the last one as its previous; a plan that does not load, or a
        loop of links, ends the chain."""
        back, back_dirs = [plan], [directory]
        seen = {plan.plan.id}
        while (before := back[-1].plan.previous) is not None and before not in seen:
            place = self.find(before)
            earlier = None if place is None else self.plan_by_id(before)
            if place is None or earlier is None:
                break
            seen.add(before)
            back.append(earlier)
            back_dirs.append(place.directory)
        plans, directories = back[::-1], back_dirs[::-1]
        at = len(plans) - 1
        while True:
            after = [p for p in self.following(plans[-1].plan.id) if self.plan_id(p) not in seen]
            later = self.plan_by_id(self.plan_id(after[0]) or "") if after else None
            if later is None:
                return plans, directories, at
            seen.add(later.plan.id)
            plans.append(later)
            directories.append(after[0].directory)


def _problems_of(place: PlanPlace) -> list[Diagnostic]:
    """Why a plan does not load, located (its file's problems as a load reports them)."""
    try:
        load_plan(place.directory)
    except TnplanError as exc:
        return list(exc.diagnostics)
    return []
