"""A repository of plans: the directory --data names, holding a plan at its root (targets.yaml,
actuals/) and/or one folder per plan (13th/, 15th/, …, each with its targets.yaml and actuals/).

Finding, choosing and listing plans (PlanFolders) reads only their heads (sources/plan_head.py),
so that it imports neither the models nor the checks; loading a plan (sources/store.py's
Repository) does.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Self

from msgspec import Struct, field

from ..model.catalogue import Words, diagnostic, phrase
from ..model.diagnostics import Diagnostic, TnplanError
from .files import FILE_PROBLEMS
from .plan_head import PlanHead, read_head
from .readers import SUFFIXES

__all__ = [
    "ACTUALS",
    "PLAN_FILE_PROBLEMS",
    "TARGETS",
    "PlanChoiceError",
    "PlanFolders",
    "PlanPlace",
    "PlanSummary",
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
    if os.path.lexists(local / TARGETS) or (local.is_dir() and PlanFolders.at(local).places):
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

    def __init__(self, words: Words) -> None:
        super().__init__(words.en)
        self.en, self.zh = words


class PlanChoiceError(UsageError):
    """No plan, or not one plan, answers to the choice (--plan); the message lists the plans."""


class PlanSummary(Struct, frozen=True):
    """One plan of a repository, as `tnplan plans` lists it: from its head (the plan is not
    loaded: `tnplan check` says whether it is valid); problems where the file does not parse."""

    place: PlanPlace
    head: PlanHead
    years: list[int]
    default: bool
    problems: list[Diagnostic]


class PlanPlace(Struct, frozen=True):
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


class PlanFolders(Struct):
    """The plans of a data directory, found and listed from their heads without loading one:
    the one at its root, then one per folder, by name (sources/store.py's Repository loads
    them)."""

    root: Path
    places: list[PlanPlace]
    _heads: dict[Path, PlanHead] = field(default_factory=dict)
    #: The places by folder, by plan id (the first place of each id) and by the id they
    #: follow: built once, so that a walk along a chain of a thousand plans reads each head
    #: once.
    _by_folder: dict[str, PlanPlace] | None = None
    _by_id: dict[str, PlanPlace] | None = None
    _followers: dict[str, list[PlanPlace]] | None = None

    @classmethod
    def at(cls, root: Path) -> Self:
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
        if self._by_folder is None or self._by_id is None:
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

    def twice(self, place: PlanPlace) -> list[Diagnostic]:
        """duplicate-plan-id when another plan of the repository says place's id."""
        plan_id = self.plan_id(place)
        folders = [] if plan_id is None else self.folders_of(plan_id)
        if len(folders) < 2:
            return []
        shown = ", ".join(folder or "(root)" for folder in folders)
        return [
            diagnostic("duplicate-plan-id", str(place.targets), 1, 1, id=plan_id, folders=shown)
        ]

    def plan_ids(self) -> list[str]:
        """The ids of the plans whose files say one."""
        return [i for i in (self.plan_id(place) for place in self.places) if i is not None]

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
            said = phrase("choice.no-plan", wanted=wanted, root=self.root, plans=listed)
            raise PlanChoiceError(said)
        chosen = self.default()
        if chosen is None:
            listed = self.listing()
            count = len(self.places)
            said = phrase("choice.none-at-root", root=self.root, count=count, plans=listed)
            raise PlanChoiceError(said)
        return chosen

    def _one_with_id(self, plan_id: str) -> None:
        """PlanChoiceError when more than one plan says this id: which is meant is not known."""
        folders = self.folders_of(plan_id)
        if len(folders) > 1:
            shown = ", ".join(folder or "(root)" for folder in folders)
            facts = {"count": len(folders), "root": self.root, "id": plan_id, "folders": shown}
            raise PlanChoiceError(phrase("choice.same-id", **facts))

    def listing(self) -> str:
        """The plans as a choice names them: folder (id), …"""
        out = []
        for place in self.places:
            plan_id = self.plan_id(place) or "?"
            out.append(f"{place.folder} ({plan_id})" if place.folder else f"{plan_id} (root)")
        return ", ".join(out)

    def following(self, plan_id: str) -> list[PlanPlace]:
        """The plans whose ``previous:`` is plan_id (read without loading the rest)."""
        if self._followers is None:
            self._index()
        assert self._followers is not None
        return self._followers.get(plan_id, [])


def plan_not_found(path: Path) -> Diagnostic:
    """The error of a plan directory without its targets.yaml (a usage error)."""
    return diagnostic("plan-not-found", str(path), 1, 1, targets=TARGETS)
