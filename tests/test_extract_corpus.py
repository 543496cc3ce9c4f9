"""extract scored on a corpus of real plans, each with a key written by reading it.

tests/fixtures/plans/corpus/ holds each document as retrieved and its key (format:
KEY_FORMAT.md there). A key row is right when a drafted row of the same name has the same unit,
baseline and target (value and comparator) and attribute. Run with -s for the per-document
table. The goal is 90 % of the rows right in total and 80 % in every document.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from tabulate import tabulate

from tongnan_plan.extract import extract_plan
from tongnan_plan.extract.draft import Draft, DraftIndicator, Printed
from tongnan_plan.model.units import normalise_unit

from .conftest import FIXTURES

CORPUS = FIXTURES / "plans" / "corpus"
DOCUMENT_SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")
GOAL_TOTAL = 0.90
GOAL_EACH = 0.80


def keys() -> list[Path]:
    return sorted(CORPUS.glob("*.key.yaml"))


def document_of(key: Path) -> Path | None:
    stem = key.name.removesuffix(".key.yaml")
    found = [CORPUS / f"{stem}{s}" for s in DOCUMENT_SUFFIXES if (CORPUS / f"{stem}{s}").exists()]
    return found[0] if found else None


_DROPPED = str.maketrans("", "", "“”‘’\"' \t\r\n\u3000")


def fold(text: str | None) -> str:
    """A name or unit as compared: NFKC, no whitespace, no quote marks."""
    return unicodedata.normalize("NFKC", text or "").translate(_DROPPED)


def same_figure(key: dict[str, Any] | None, got: Printed | None) -> bool:
    if key is None:
        return got is None or (got.value is None and str(got.comparator) == "=")
    if got is None:
        return False
    value = key.get("value")
    if (value is None) != (got.value is None):
        return False
    if value is not None and got.value is not None and not math.isclose(value, got.value):
        return False
    return str(key.get("comparator", "=")) == str(got.comparator)


@dataclass
class Score:
    """One document's score: rows right of rows in the key, and what went wrong."""

    name: str
    rows: int = 0
    right: int = 0
    missing: int = 0
    previous_rows: int = 0
    previous_right: int = 0
    meta_right: int = 0
    meta_fields: int = 0
    wrong: list[str] = field(default_factory=list)


def _field_errors(key: dict[str, Any], got: DraftIndicator, previous: bool) -> list[str]:
    errors = []
    if fold(normalise_unit(key.get("unit") or "")) != fold(normalise_unit(got.unit)):
        errors.append(f"unit {got.unit!r} ≠ {key.get('unit')!r}")
    if not same_figure(key.get("target"), got.target):
        errors.append(f"target {got.target.value} {got.target.comparator} ≠ {key.get('target')}")
    if previous:
        if not same_figure(key.get("result"), got.result):
            errors.append(f"result ≠ {key.get('result')}")
    elif not same_figure(key.get("baseline"), got.baseline):
        shown = None if got.baseline is None else (got.baseline.value, str(got.baseline.comparator))
        errors.append(f"baseline {shown} ≠ {key.get('baseline')}")
    attribute = key.get("attribute")
    if attribute is not None and str(got.attribute) != attribute:
        errors.append(f"attribute {got.attribute} ≠ {attribute}")
    return errors


def _match(
    rows: list[dict[str, Any]], drafted: list[DraftIndicator], previous: bool, score: Score
) -> int:
    pool = list(drafted)
    right = 0
    for key in rows:
        got = next((d for d in pool if fold(d.name) == fold(key["name"])), None)
        if got is None:
            score.missing += 1
            score.wrong.append(f"{key['name']}: not drafted")
            continue
        pool.remove(got)
        errors = _field_errors(key, got, previous)
        if errors:
            score.wrong.append(f"{key['name']}: {'; '.join(errors)}")
        else:
            right += 1
    return right


def _meta(key: dict[str, Any], draft: Draft, score: Score) -> None:
    plan = key.get("plan") or {}
    got = {
        "title": draft.plan.title,
        "issuer": draft.plan.issuer,
        "document": draft.plan.document,
        "start_year": draft.plan.start_year,
        "end_year": draft.plan.end_year,
    }
    for name, value in plan.items():
        if name not in got:
            continue
        score.meta_fields += 1
        expected = value if value is not None else ""
        if fold(str(expected)) == fold(str(got[name])):
            score.meta_right += 1
        else:
            score.wrong.append(f"plan.{name}: {got[name]!r} ≠ {value!r}")


def score_document(key_path: Path) -> Score:
    key = yaml.safe_load(key_path.read_text(encoding="utf-8"))
    document = document_of(key_path)
    assert document is not None, f"{key_path.name}: no document beside the key"
    score = Score(key_path.name.removesuffix(".key.yaml"))
    draft = extract_plan(document)
    rows = key.get("rows") or []
    score.rows = len(rows)
    score.right = _match(rows, draft.plan.indicators, False, score)
    previous_rows = key.get("previous_rows") or []
    score.previous_rows = len(previous_rows)
    if previous_rows:
        drafted = draft.previous.indicators if draft.previous else []
        score.previous_right = _match(previous_rows, drafted, True, score)
    _meta(key, draft, score)
    return score


@pytest.fixture(scope="module")
def scores() -> list[Score]:
    return [score_document(k) for k in keys()]


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f} %" if whole else "–"


def test_every_document_has_its_key_and_every_key_its_document() -> None:
    documents = {
        p.stem for p in CORPUS.iterdir() if p.suffix in DOCUMENT_SUFFIXES and not p.stem.isupper()
    }
    stems = {k.name.removesuffix(".key.yaml") for k in keys()}
    assert documents == stems
    for key in keys():
        data = yaml.safe_load(key.read_text(encoding="utf-8"))
        assert data.get("source"), f"{key.name}: no source address"
        assert data.get("rows"), f"{key.name}: no rows"


def test_the_per_document_table(scores: list[Score]) -> None:
    table = [
        (
            s.name,
            f"{s.right}/{s.rows}",
            _percent(s.right, s.rows),
            f"{s.previous_right}/{s.previous_rows}" if s.previous_rows else "",
            f"{s.meta_right}/{s.meta_fields}",
        )
        for s in scores
    ]
    rows = sum(s.rows for s in scores)
    right = sum(s.right for s in scores)
    table.append(("total", f"{right}/{rows}", _percent(right, rows), "", ""))
    print()
    print(tabulate(table, ["document", "rows right", "%", "previous", "plan fields"]))
    for s in scores:
        for wrong in s.wrong:
            print(f"  {s.name}: {wrong}")
    assert rows == sum(len(yaml.safe_load(k.read_text("utf-8"))["rows"]) for k in keys())


def test_the_goal_is_met(scores: list[Score]) -> None:
    rows = sum(s.rows for s in scores)
    right = sum(s.right for s in scores)
    assert right >= GOAL_TOTAL * rows, f"{right}/{rows} rows right in total"
    below = [f"{s.name} {s.right}/{s.rows}" for s in scores if s.right < GOAL_EACH * s.rows]
    assert not below, f"below {GOAL_EACH:.0%}: {below}"
