"""A repository of plans: the directory --data names, holding a plan at its root (targets.yaml,
actuals/) and/or one folder per plan (13th/, 15th/, …, each with its targets.yaml and actuals/).

Finding, choosing and listing plans reads only their heads (sources/plan_head.py), so that it
imports neither the models nor the checks; loading a plan (sources/store.py) does.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..model.diagnostics import Diagnostic, Severity, TnplanError
from .files import FILE_PROBLEMS
from .plan_head import PlanHead, read_head
from .readers import SUFFIXES

if TYPE_CHECKING:
    from ..calc.handover import NextPlan
    from ..calc.series import Observation
    from ..model.plan import Plan
    from ..validate.check import Actuals

__all__ = [
    "ACTUALS",
    "PLAN_FILE_PROBLEMS",
    "TARGETS",
    "PlanChoiceError",
    "PlanPlace",
    "PlanSummary",
    "Repository",
    "UsageError",
    "actual_files",
    "bundled_data",
    "locate_data",
    "plan_not_found",
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
    """The repository of plans: explicit, $TNPLAN_DATA, ./data if it holds a plan, else bundled.

    ./data counts when anything is at data/targets.yaml or at a data/FOLDER/targets.yaml (a
    broken link, a file that cannot be read): its problem is reported rather than passed over
    for the bundled plan.
    """
    if explicit is not None:
        return explicit
    env = os.environ.get("TNPLAN_DATA")
    if env:
        return Path(env)
    local = Path("data")
    if os.path.lexists(local / TARGETS) or (local.is_dir() and Repository.at(local).places):
        return local
    return bundled_data()


def actual_files(data_dir: Path) -> list[Path]:
    """The submission files of a plan directory (every ending a reader takes), in name order.

    Anything but a directory is listed (a FIFO, a broken link): reading it says what is
    wrong with it, where passing over it would leave a year out without a word.
    """
    folder = data_dir / ACTUALS
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in SUFFIXES and not p.is_dir())


class UsageError(Exception):
    """A request the repository cannot answer as asked: a usage error, said in both languages."""

    def __init__(self, en: str, zh: str) -> None:
        super().__init__(en)
        self.en, self.zh = en, zh


class PlanChoiceError(UsageError):
    """No plan, or not one plan, answers to the choice (--plan); the message lists the plans."""


@dataclass(frozen=True)
class PlanSummary:
    """One plan of a repository, as `tnplan plans` lists it: from its head (the plan is not
    loaded: `tnplan check` says whether it is valid); problems where the file does not parse."""

    place: PlanPlace
    head: PlanHead
    years: list[int]
    default: bool
    problems: list[Diagnostic]


@dataclass(frozen=True, slots=True)
class PlanPlace:
    """Where one plan of a repository lives: its directory, and its folder's name ("" for the
    plan at the repository's root)."""

    directory: Path
    folder: str

    @property
    def targets(self) -> Path:
        """The plan file."""
        return self.directory / TARGETS

    def years_submitted(self) -> list[int]:
        """The years of the submission files under actuals/ (YYYY.yaml, YYYY.csv, …)."""
        stems = {p.stem for p in actual_files(self.directory)}
        return sorted(int(stem) for stem in stems if stem.isdigit() and len(stem) == 4)


@dataclass
class Repository:
    """The plans of a data directory: the one at its root, then one per folder, by name."""

    root: Path
    places: list[PlanPlace]
    _heads: dict[Path, PlanHead] = field(default_factory=dict, repr=False)
    _plans: dict[Path, Plan | None] = field(default_factory=dict, repr=False)
    #: The places by plan id (the first place of each id) and by the id they follow: built
    #: once, so that a walk along a chain of a thousand plans reads each head once.
    _by_folder: dict[str, PlanPlace] | None = field(default=None, repr=False)
    _by_id: dict[str, PlanPlace] | None = field(default=None, repr=False)
    _followers: dict[str, list[PlanPlace]] | None = field(default=None, repr=False)

    @classmethod
    def at(cls, root: Path) -> Repository:
        """The plans under root (a folder counts when anything is at its targets.yaml)."""
        places = []
        if os.path.lexists(root / TARGETS):
            places.append(PlanPlace(root, ""))
        try:
            folders = sorted(p for p in root.iterdir() if p.is_dir() and p.name != ACTUALS)
        except OSError:
            folders = []
        places += [PlanPlace(f, f.name) for f in folders if os.path.lexists(f / TARGETS)]
        return cls(root, places)

    @property
    def where(self) -> str:
        """The repository's directory, as messages name it."""
        return str(self.root)

    def _head(self, place: PlanPlace) -> PlanHead:
        """The head of a plan file (id, previous, …), read once."""
        if place.directory not in self._heads:
            self._heads[place.directory] = read_head(place.targets)
        return self._heads[place.directory]

    def plan_id(self, place: PlanPlace) -> str | None:
        """The ``plan.id`` of a plan file, read without loading the rest (None if unreadable)."""
        return self._head(place).text("id")

    def _indexes(self) -> tuple[dict[str, PlanPlace], dict[str, PlanPlace]]:
        """The places by folder name and by plan id (the first of each)."""
        if self._by_id is None:
            self._index()
        assert self._by_folder is not None and self._by_id is not None
        return self._by_folder, self._by_id

    def _index(self) -> None:
        self._by_folder = {place.folder: place for place in reversed(self.places) if place.folder}
        self._by_id, self._followers = {}, {}
        for place in self.places:
            plan_id, previous = self.plan_id(place), self._head(place).text("previous")
            if plan_id is not None:
                self._by_id.setdefault(plan_id, place)
            if previous is not None:
                self._followers.setdefault(previous, []).append(place)

    def previous_of(self, plan_id: str) -> str | None:
        """The ``previous:`` the plan of this id names (from its head), if any."""
        place = self._indexes()[1].get(plan_id)
        return None if place is None else self._head(place).text("previous")

    def folders_of(self, plan_id: str) -> list[str]:
        """The folders of every plan whose file says this id ("" for the root plan)."""
        return [place.folder for place in self.places if self.plan_id(place) == plan_id]

    def plan_ids(self) -> list[str]:
        """The ids of the plans whose files say one."""
        return [i for i in (self.plan_id(place) for place in self.places) if i is not None]

    def load(self, place: PlanPlace) -> Plan:
        """The plan of a place; TnplanError (located) if it does not load."""
        from .store import load_plan

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

    def find(self, wanted: str) -> PlanPlace | None:
        """The plan a name picks: a folder's name first, else a plan's id."""
        by_folder, by_id = self._indexes()
        return by_folder.get(wanted) or by_id.get(wanted)

    def default(self) -> PlanPlace | None:
        """The plan used when none is chosen: the root plan, else the only one."""
        if self.places and (not self.places[0].folder or len(self.places) == 1):
            return self.places[0]
        return None

    def choose(self, wanted: str | None = None) -> PlanPlace:
        """The plan --plan names (or the default); PlanChoiceError listing the plans if none
        answers, TnplanError (plan-not-found) if the repository holds no plan at all."""
        if not self.places:
            raise TnplanError([plan_not_found(self.root / TARGETS)])
        if wanted:
            found = self.find(wanted)
            if found is not None and found.folder != wanted:
                self._one_with_id(wanted)
            if found is not None:
                return found
            listed = self.listing()
            raise PlanChoiceError(
                f"no plan {wanted!r} in {self.root}; its plans: {listed}",
                f"{self.root} 中没有规划 {wanted!r}；其中的规划：{listed}",
            )
        chosen = self.default()
        if chosen is None:
            listed = self.listing()
            raise PlanChoiceError(
                f"{self.root} holds {len(self.places)} plans and none at its root: choose one"
                f" with --plan (or TNPLAN_PLAN): {listed}",
                f"{self.root} 中有 {len(self.places)} 个规划，根目录下没有规划：请用 --plan"
                f"（或 TNPLAN_PLAN）选择一个：{listed}",
            )
        return chosen

    def _twice(self, place: PlanPlace) -> list[Diagnostic]:
        """duplicate-plan-id when another plan of the repository says place's id."""
        from ..model.catalogue import diagnostic

        plan_id = self.plan_id(place)
        folders = [] if plan_id is None else self.folders_of(plan_id)
        if len(folders) < 2:
            return []
        shown = ", ".join(folder or "(root)" for folder in folders)
        return [
            diagnostic("duplicate-plan-id", str(place.targets), 1, 1, id=plan_id, folders=shown)
        ]

    def _one_with_id(self, plan_id: str) -> None:
        """PlanChoiceError when more than one plan says this id: which is meant is not known."""
        folders = self.folders_of(plan_id)
        if len(folders) > 1:
            shown = ", ".join(folder or "(root)" for folder in folders)
            raise PlanChoiceError(
                f"{len(folders)} plans in {self.root} have the id {plan_id!r} (folders: {shown}):"
                " choose one by its folder, and give each plan its own id",
                f"{self.root} 中有 {len(folders)} 个规划的 id 都是 {plan_id!r}（目录：{shown}）："
                "请用目录名选择，并为每个规划设不同的 id",
            )

    def listing(self) -> str:
        """The plans as a choice names them: folder (id), …"""
        out = []
        for place in self.places:
            plan_id = self.plan_id(place) or "?"
            out.append(f"{place.folder} ({plan_id})" if place.folder else f"{plan_id} (root)")
        return ", ".join(out)

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
        from .store import load_actuals

        return before, load_actuals(place.directory, before, warnings=False)

    def summaries(self) -> list[PlanSummary]:
        """Every plan with what `tnplan plans` says of it, read from its head (forty plans of a
        hundred indicators are listed in a fraction of the time forty loads take); a file that
        does not parse is listed with its located problems."""
        default = self.default()
        out = []
        for place in self.places:
            head = read_head(place.targets, count_tiers=True)
            problems = [] if head.parsed else _problems_of(place)
            problems += self._twice(place)
            years = place.years_submitted()
            out.append(PlanSummary(place, head, years, place == default, problems))
        return out

    def next_plan(self, from_plan: str, start: int, end: int, plan_id: str) -> NextPlan:
        """The makings of the plan for start-end that follows from_plan: that plan, and each
        of its indicators' figures for start - 1 (UsageError if that is not one of its years)."""
        from ..calc.evaluation import observations
        from ..calc.handover import NextPlan, handovers
        from .store import load_actuals

        place = self.choose(from_plan)
        previous = self.load(place)
        info, year = previous.plan, start - 1
        if year not in info.years:
            raise UsageError(
                f"{start}-{end} does not follow {info.id} ({info.start_year}-{info.end_year}):"
                f" its baseline year {year} must be one of that plan's years",
                f"{start}-{end} 年不接续 {info.id}（{info.start_year}-{info.end_year} 年）："
                f"其基期 {year} 年应在该规划期之内",
            )
        actuals = load_actuals(place.directory, previous, warnings=False)
        figures = handovers(previous, observations(actuals.submissions), year)
        return NextPlan(plan_id, start, end, previous, figures)

    def following(self, plan_id: str) -> list[PlanPlace]:
        """The plans whose ``previous:`` is plan_id (read without loading the rest)."""
        if self._followers is None:
            self._index()
        assert self._followers is not None
        return self._followers.get(plan_id, [])

    def across(
        self, plan: Plan, directory: Path
    ) -> tuple[list[Plan], list[dict[str, dict[int, Observation]]], int]:
        """The plans of plan's lineage (see lineage), each plan's figures by indicator and
        year (its usable submissions), and plan's place among them."""
        from ..calc.evaluation import observations
        from .store import load_actuals

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
    from .store import load_plan

    try:
        load_plan(place.directory)
    except TnplanError as exc:
        return list(exc.diagnostics)
    return []


def plan_not_found(path: Path) -> Diagnostic:
    """The error of a plan directory without its targets.yaml (a usage error)."""
    return Diagnostic(
        str(path),
        1,
        1,
        Severity.ERROR,
        "plan-not-found",
        f"no {TARGETS} here; --data (or TNPLAN_DATA) must name a plan directory",
        "",
        f"这里没有 {TARGETS}；--data（或 TNPLAN_DATA）应指向规划数据目录",
    )
