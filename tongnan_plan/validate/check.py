"""The check of one submission: a document in, the usable submission and its diagnostics out.

Reads no files: a reader (sources/readers.py) makes the document. The rules themselves live
in the models (model/submission.py); this module runs them once per document, explains what
they find, and, where something is wrong, leaves out the parts at fault and validates the
rest again, so that every problem is found and the good figures are kept.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import PurePath
from typing import Any

from msgspec import Struct, field
from pydantic import ValidationError
from pydantic_core import ErrorDetails

from ..model.catalogue import NO_WORDS, Words, phrase, shorten
from ..model.diagnostics import Diagnostic
from ..model.given import Given
from ..model.plan import Plan, Provenance, Tier
from ..model.submission import Entry, Submission, SubmissionContext
from ..sources.yaml_reader import Document, Key
from .explain import REPORTED, Explainer, emit, error_path
from .selection import directive_problems

__all__ = ["Actuals", "CheckedSubmission", "as_typed", "check_document"]

#: How many missing ids a warning names before it says "and N more".
LIST_AT_MOST = 12
#: Readings the YAML reader notes without reporting them (they explain a not-a-number).
_READER_HINTS = frozenset({"number-as-text", "date"})
_YEAR_STEM = re.compile(r"[0-9]{4}")


class CheckedSubmission(Struct):
    """One submission after checking: the usable submission (if any), its document, problems."""

    file: str
    submission: Submission | None
    document: Document | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    #: The figures that keep the model's rules, also where the submission as a whole cannot be
    #: used (a wrong provenance): the rules across years still judge them.
    figures: dict[str, Entry | float] = field(default_factory=dict)
    #: The year the document gives, where it is one of the plan's.
    year: int | None = None


class Actuals(Struct):
    """Submissions after checking: the usable ones, what was found, and the files read."""

    submissions: list[Submission] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    #: The file each usable submission came from, in the order of submissions.
    submission_files: list[str] = field(default_factory=list)
    #: Why the config file found beside the submissions could not be used (its file and line):
    #: a problem of the settings, not of the figures, so kept apart from diagnostics.
    config_problems: list[Diagnostic] = field(default_factory=list)
    #: How many diagnostics the codes chosen to ignore or to warn about (a config file's, or
    #: the command line's; not a file's own directives) changed: said with the config's name.
    changed_by_selection: int = 0
    #: The config file whose choice was applied (status, show and report name it).
    config: PurePath | None = None


def check_document(
    doc: Document, plan: Plan, diagnostics: Sequence[Diagnostic] = ()
) -> CheckedSubmission:
    """Check a parsed submission against the plan (diagnostics: the reader's, kept first)."""
    out = list(diagnostics)
    explainer = Explainer(doc, plan)
    data: Any = _without_reported(doc)
    usable = True
    submission: Submission | None = None
    context = SubmissionContext(plan)
    while True:
        context = SubmissionContext(plan)
        try:
            submission = Submission.model_validate(data, context=context)
            break
        except ValidationError as exc:
            errors = exc.errors(include_url=False)
        out.extend(explainer.explain(errors))
        pruned = _prune(data, errors, plan)
        if pruned is None:
            break
        data, fatal = pruned
        usable = usable and not fatal
    if submission is not None:
        submission = as_typed(submission, data)
    figures = dict(submission.values) if submission is not None else {}
    if submission is not None:
        out.extend(_conversions(doc, context, plan))
        if usable:
            out.extend(_year_against_file_name(doc, submission))
        else:
            submission = None
    out.extend(_missing_indicators(doc, plan))
    out.extend(directive_problems(doc))
    year = doc.data.get("year") if isinstance(doc.data, dict) else None
    known = year if type(year) is int and year in plan.plan.years else None
    return CheckedSubmission(doc.file, submission, doc, out, figures, known)


def as_typed(submission: Submission, data: Any) -> Submission:
    """The submission with each figure the reader kept as typed (a Given: 0.140) given back:
    validation makes every number a plain float. A figure converted to the indicator's unit
    is a new number and stays one."""
    given = data.get("values") if isinstance(data, dict) else None
    if not isinstance(given, dict):
        return submission
    restored: dict[str, Entry | float] = {}
    for key, raw in given.items():
        value = submission.values.get(key)
        if type(raw) is Given:
            if raw == value:
                restored[key] = raw
        elif isinstance(raw, dict) and isinstance(value, Entry):
            update = {
                name: raw[name]
                for name in ("value", "previous_same_basis")
                if type(raw.get(name)) is Given and raw[name] == getattr(value, name)
            }
            if update and value.unit in (None, raw.get("unit")):
                restored[key] = value.model_copy(update=update)
    if not restored:
        return submission
    return submission.model_copy(update={"values": {**submission.values, **restored}})


def _prune(data: Any, errors: list[ErrorDetails], plan: Plan) -> tuple[Any, bool] | None:
    """data without the parts at fault, and whether a part it cannot do without was at fault.

    The year and the provenance cannot be left out: a stand-in takes their place so that the
    rest is still checked, and the submission is not used. None when nothing can be pruned.
    """
    if not isinstance(data, dict):
        return None
    top = dict(data)
    values = top.get("values")
    values = dict(values) if isinstance(values, dict) else values
    stand_in: dict[Key, Any] = {"year": plan.plan.start_year, "provenance": Provenance.SAMPLE.value}
    fatal = changed = False
    for err in errors:
        path = error_path(err["loc"])
        if not path:
            return None
        head = path[0]
        if err["type"] == "unknown-indicator" and isinstance(values, dict):
            for key in err.get("ctx", {}).get("keys", ()):
                values.pop(key, None)
            changed = True
        elif head == "values" and len(path) > 1:
            if isinstance(values, dict) and path[1] in values:
                del values[path[1]]
                changed = True
        elif head in stand_in:
            fatal = True
            if top.get(head) != stand_in[head]:
                top[head], changed = stand_in[head], True
        elif head == "values":
            if values != {}:
                values, changed = {}, True
        elif head in top:
            del top[head]
            changed = True
    if "values" in top or values is not None:
        top["values"] = values
    return (top, fatal) if changed else None


def _without_reported(doc: Document) -> Any:
    """The document's data with each value the reader already reported replaced by REPORTED."""
    reported = [path for path, (code, _) in doc.quirks.items() if code not in _READER_HINTS]
    data = doc.data
    for path in reported:
        data = _replaced(data, path)
    return data


def _replaced(data: Any, path: Sequence[Key]) -> Any:
    """A copy of data (only along path) with the value at path replaced by REPORTED."""
    if not path:
        return REPORTED
    head, rest = path[0], path[1:]
    if isinstance(data, dict) and head in data:
        return {**data, head: _replaced(data[head], rest)}
    if isinstance(data, list) and isinstance(head, int) and 0 <= head < len(data):
        return [*data[:head], _replaced(data[head], rest), *data[head + 1 :]]
    return data


def _conversions(doc: Document, context: SubmissionContext, plan: Plan) -> list[Diagnostic]:
    return [
        emit(
            doc,
            ("values", c.indicator_id, "unit"),
            "unit-converted",
            given=c.given,
            unit=shorten(c.unit),
            value=c.value,
            expected=plan.indicator(c.indicator_id).unit,
        )
        for c in context.conversions
    ]


def _year_against_file_name(doc: Document, submission: Submission) -> list[Diagnostic]:
    """A file named YYYY.yaml (or .csv, …) must hold the figures of that year."""
    stem = PurePath(doc.file).stem
    if _YEAR_STEM.fullmatch(stem) and int(stem) != submission.year:
        return [emit(doc, ("year",), "year-mismatch", year=submission.year, stem=stem)]
    return []


def _missing_indicators(doc: Document, plan: Plan) -> list[Diagnostic]:
    """One warning naming, in each language, the indicators the submission leaves out
    (missing is not 0): of its `tier:` (a template records the tier it was made for), or of
    the whole plan for a file without one."""
    data = doc.data
    if not isinstance(data, dict) or "values" not in data:
        return []
    given = data["values"] if data["values"] is not None else {}
    if not isinstance(given, dict):
        return []
    tier = data.get("tier")
    chosen = Tier(tier) if isinstance(tier, str) and tier in {t.value for t in Tier} else None
    whole = chosen is None
    if chosen is None:
        asked, scope = list(plan.indicators), phrase("the.plan")
    else:
        asked = [ind for ind in plan.indicators if ind.tier is chosen]
        heading = Words(plan.tier_heading(chosen, "en"), plan.tier_heading(chosen, "zh"))
        scope = phrase("scope.tier", tier=tier, heading=heading)
    main = sum(1 for ind in asked if ind.id not in given and ind.tier is Tier.MAIN)
    order = list(Tier)
    absent = sorted(
        (ind for ind in asked if ind.id not in given), key=lambda ind: order.index(ind.tier)
    )
    if not absent:
        return []
    more = len(absent) - LIST_AT_MOST
    listed = absent[:LIST_AT_MOST]
    return [
        emit(
            doc,
            ("values",),
            "missing-indicators",
            absent=len(absent),
            total=len(asked),
            scope=scope,
            main=phrase("missing.main", main=main) if whole else NO_WORDS,
            shown=Words(
                "; ".join(ind.name_en for ind in listed), "、".join(ind.name for ind in listed)
            ),
            more=phrase("missing.more", more=more) if more > 0 else NO_WORDS,
        )
    ]
