"""Pydantic's errors as located diagnostics: where in the document, which code, what to do.

Each error's ``loc`` is a path into the document; the reader recorded where every path
stands. Pydantic's own error types (a string where a number belongs, a missing key) are
turned into tnplan's codes here, with a hint at the likely slip; tnplan's own rules raise
errors that already carry a code of the catalogue and the facts for its message.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Any, get_args

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from ..model.catalogue import CATALOGUE, NO_WORDS, Words, figure_text, phrase, shorten
from ..model.diagnostics import Diagnostic
from ..model.plan import Indicator, Plan, Provenance
from ..model.submission import COMPARATORS, Entry, Submission
from ..model.units import LEAST_MAGNITUDE, MAX_MAGNITUDE
from ..sources.yaml_reader import Document, Key, format_path
from .plausible import corrected_text, plan_references, slip_of, slip_words

__all__ = [
    "REPORTED",
    "SUGGEST_AT_MOST",
    "Explainer",
    "emit",
    "emit_at",
    "error_diagnostics",
    "error_path",
]

#: Put in place of a value the reader has already reported (a YAML 1.1 reading): it fails
#: validation like any bad value, and its errors are not reported a second time.
REPORTED = object()
#: How many unknown ids of a document get a suggestion (difflib is slow on a long list).
SUGGEST_AT_MOST = 5
#: Longer words are not compared at all.
_SUGGEST_LONGEST = 64
#: Facts of tnplan's own errors that hold a user's text (cut short in a message).
_USER_TEXT = frozenset({"key", "unit", "given_unit"})

Path = tuple[Key, ...]


def emit(doc: Document, path: Sequence[Key], code: str, /, **params: object) -> Diagnostic:
    """A diagnostic of code located at path in doc, its message from the catalogue."""
    return doc.diagnostic(path, code, **{k: _plain(v) for k, v in params.items()})


def emit_at(doc: Document, line: int, column: int, code: str, /, **params: object) -> Diagnostic:
    """A diagnostic of code at line and column of doc, its message from the catalogue."""
    return doc.at(line, column, code, **{k: _plain(v) for k, v in params.items()})


def _plain(value: object) -> object:
    """A parameter as a message shows it: numbers written in full but briefly."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int):
        return _whole(value)
    if isinstance(value, float):
        return figure_text(value)
    return value


def _whole(number: int) -> str:
    # str() of a whole number of more than 4,300 digits raises; none that long is a figure.
    if number.bit_length() <= 128:
        return str(number)
    return f"{'-' if number < 0 else ''}≈10^{int(number.bit_length() * math.log10(2))}"


def error_path(loc: Sequence[Any]) -> Path:
    """The document path of an error's loc (a key's error points at its key: see Problem)."""
    parts = [p for p in loc if isinstance(p, str | int)]
    if parts and parts[-1] == "[key]":
        parts.pop()
    # A figure is a bare number or an Entry: pydantic names the form it tried; the document not.
    if len(parts) >= 3 and parts[0] == "values" and parts[2] in ("entry", "number"):
        del parts[2]
    return tuple(parts)


class Explainer:
    """Turns one document's validation errors into diagnostics (suggesting for the first few)."""

    def __init__(self, doc: Document, plan: Plan) -> None:
        self.doc = doc
        self.plan = plan
        self.by_id = plan.by_id
        self.suggestions_left = SUGGEST_AT_MOST
        self._names: dict[str, str] | None = None
        self._handlers: dict[str, Callable[[Path, Any, ErrorDetails], Diagnostic]] = {
            "model_type": self._not_a_mapping,
            "missing": self._missing,
            "extra_forbidden": self._unknown_key,
            "int_type": self._invalid_year,
            "enum": self._not_a_choice,
            "string_type": self._invalid_type,
            "bool_type": self._invalid_type,
            "dict_type": self._invalid_type,
            "float_type": self._not_a_number,
            "finite_number": self._not_finite,
            "greater_than_equal": self._negative,
            "string_pattern_mismatch": self._unknown_indicator,
        }

    def explain(self, errors: Iterable[ErrorDetails]) -> list[Diagnostic]:
        """A diagnostic for each error, except those of values the reader already reported."""
        out: list[Diagnostic] = []
        for err in errors:
            if err["input"] is REPORTED:
                continue
            path = error_path(err["loc"])
            handler = self._handlers.get(err["type"])
            if err["type"] == "unknown-indicator":  # one error naming every unknown id
                keys = err.get("ctx", {}).get("keys", ())
                out.extend(self._unknown_indicator((*path, key), key, err) for key in keys)
            elif handler is not None:
                out.append(handler(path, err["input"], err))
            elif err["type"] in CATALOGUE:
                facts = {
                    k: shorten(v) if k in _USER_TEXT and isinstance(v, str) else v
                    for k, v in err.get("ctx", {}).items()
                }
                out.append(emit(self.doc, path, err["type"], **facts))
            else:  # nothing tnplan expects: say what pydantic says, located
                out.append(_invalid_value(self.doc, path, err))
        return out

    # ---- the shape

    def _not_a_mapping(self, path: Path, given: Any, err: ErrorDetails) -> Diagnostic:
        return emit(self.doc, path, "not-a-mapping", keys=phrase("keys.submission"))

    def _missing(self, path: Path, given: Any, err: ErrorDetails) -> Diagnostic:
        key = path[-1]
        named = _MISSING.get(str(key))
        what = phrase(named, allowed=_provenance_choices()) if named else NO_WORDS
        return emit(self.doc, path[:-1], "missing-key", key=key, what=what)

    def _unknown_key(self, path: Path, given: Any, err: ErrorDetails) -> Diagnostic:
        key = str(path[-1])
        allowed = tuple(Submission.model_fields if len(path) == 1 else Entry.model_fields)
        near = _suggest(key, allowed)
        key = shorten(key)
        if near is not None:
            hint = phrase("hint.did-you-mean", near=near)
        else:
            hint = phrase("hint.keys", keys=Words(", ".join(allowed), "、".join(allowed)))
        return emit(self.doc, path, "unknown-key", key=key, hint=hint)

    def _invalid_type(self, path: Path, given: Any, err: ErrorDetails) -> Diagnostic:
        expected = phrase(_EXPECTED[err["type"]])
        return emit(self.doc, path, "invalid-type", key=path[-1], expected=expected)

    def _invalid_year(self, path: Path, given: Any, err: ErrorDetails) -> Diagnostic:
        return emit(self.doc, path, "invalid-year", given=_quoted(given))

    def _not_a_choice(self, path: Path, given: Any, err: ErrorDetails) -> Diagnostic:
        if path[-1] == "comparator":
            return emit(
                self.doc,
                path,
                "invalid-comparator",
                given=_quoted(given),
                allowed=Words(", ".join(COMPARATORS), "、".join(COMPARATORS)),
            )
        allowed = _provenance_choices()
        if given is None:
            problem = phrase("provenance.empty")
        else:
            problem = phrase("provenance.not-one-of", given=_quoted(given))
        return emit(self.doc, path, "invalid-provenance", problem=problem, allowed=allowed)

    # ---- the figures

    def _indicator_name(self, path: Path) -> str:
        indicator = self.by_id.get(str(path[1])) if len(path) > 1 else None
        return indicator.name if indicator is not None else str(path[-1])

    def _not_a_number(self, path: Path, given: Any, err: ErrorDetails) -> Diagnostic:
        if given is None:
            return emit(self.doc, path, "missing-value")
        if isinstance(given, int) and not isinstance(given, bool):  # too large for a float
            indicator = self.by_id.get(str(path[1])) if len(path) > 1 else None
            unit = indicator.unit if indicator is not None else ""
            return emit(
                self.doc,
                path,
                "value-too-large",
                name=self._indicator_name(path),
                given=given,
                given_unit=unit,
                limit=MAX_MAGNITUDE,
                unit=unit,
            )
        if isinstance(given, str):
            what, hint = _text_reading(given, self.doc.quirks.get(path))
            indicator = self.by_id.get(str(path[1])) if len(path) > 1 else None
            if len(given) <= _HINT_LONGEST and path not in self.doc.quirks:
                from .clerk_hints import clerk_hint

                hint = clerk_hint(given, indicator) or hint
            if indicator is not None and re.fullmatch(_THOUSANDS, given.strip()):
                hint = self._thousands_in_unit(given.strip(), indicator) or hint
            return emit(self.doc, path, "not-a-number", given=_quoted(given), what=what, hint=hint)
        what = phrase(_KINDS.get(type(given), "is.other"), kind=type(given).__name__)
        return emit(self.doc, path, "not-a-number", given=_quoted(given), what=what, hint=NO_WORDS)

    def _thousands_in_unit(self, text: str, indicator: Indicator) -> Words | None:
        """The hint for a figure with thousands separators that, without them, reads as
        written in another unit (6,200 人次 in a 万人次 field): the figure it is meant to be."""
        plain = text.replace(",", "")
        slip = slip_of(float(plain), indicator, plan_references(indicator, self.plan.plan))
        if slip is None:
            return None
        _, as_unit, fix = slip_words(slip, self.doc.units_stated)
        value = f"{corrected_text(slip)} {indicator.unit}"
        return phrase("hint.thousands-unit", plain=plain, as_unit=as_unit, value=value, fix=fix)

    def _not_finite(self, path: Path, given: Any, err: ErrorDetails) -> Diagnostic:
        return emit(self.doc, path, "not-finite", given=given)

    def _negative(self, path: Path, given: Any, err: ErrorDetails) -> Diagnostic:
        return emit(self.doc, path, "negative-value", name=self._indicator_name(path), value=given)

    def _unknown_indicator(self, path: Path, given: Any, err: ErrorDetails) -> Diagnostic:
        key = str(path[-1])
        hint = self._nearest(key)
        return emit(self.doc, path, "unknown-indicator", key=shorten(key), hint=hint)

    def _nearest(self, key: str) -> Words:
        """Where an unknown id most likely points: a name's id, else the closest id or name."""
        if self._names is None:
            self._names = {ind.name: ind.id for ind in self.plan.indicators}
        names, known = self._names, self.by_id
        if key in names:
            ind = known[names[key]]
            return phrase("hint.write-its-id", id=ind.id, name=ind.name)
        if self.suggestions_left <= 0:
            return NO_WORDS
        self.suggestions_left -= 1
        found = self.plan.nearest(key) if len(key) <= _SUGGEST_LONGEST else None
        if found is None:
            return NO_WORDS
        return phrase("hint.did-you-mean-named", near=found.id, name=found.name)


#: The phrase of what a missing key holds, by key.
_MISSING = {
    "values": "missing.values",
    "year": "missing.year",
    "provenance": "missing.provenance",
    "value": "missing.value",
}
#: The phrase of what a value given where a number belongs is, by its type.
_KINDS = {bool: "is.boolean", list: "is.list", dict: "is.mapping"}
#: The phrase of what a pydantic type error expected.
_EXPECTED = {
    "string_type": "expected.text",
    "bool_type": "expected.bool",
    "dict_type": "expected.mapping",
}


def _provenance_choices() -> Words:
    """The provenances a submission may give, by code and by word."""
    return Words(
        ", ".join(f"{p.value} ({p.zh})" for p in Provenance),
        "、".join(f"{p.zh}（{p.value}）" for p in Provenance),
    )


def _quoted(given: Any) -> str:
    """A value as it was written, quoted if text, cut short if long."""
    if isinstance(given, bool):
        return str(given).lower()
    if isinstance(given, str):
        return repr(shorten(given))
    if isinstance(given, int):
        return _whole(given)
    return shorten(repr(given))


def _suggest(word: str, choices: Iterable[str]) -> str | None:
    if len(word) > _SUGGEST_LONGEST:
        return None
    import difflib  # only for a name that is wrong

    found = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return found[0] if found else None


_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９．－", "0123456789.-")
#: A number with its thousands separated, and a plain decimal: compiled on first use (only
#: text where a number belongs is looked at).
_THOUSANDS = r"[-+]?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?"
_DECIMAL = r"[-+]?[0-9]+(\.[0-9]+)?"
#: Text longer than this is not examined for the slip that made it text.
_HINT_LONGEST = 64


def _text_reading(raw: str, quirk: tuple[str, str] | None) -> tuple[Words, Words]:
    """What text where a number belongs was read as, and the likely slip (as (what, hint))."""
    text = raw.strip()
    if quirk and quirk[0] == "number-as-text":
        return phrase("is.yaml11-text"), _exponent_hint(text)
    if quirk and quirk[0] == "date":
        return phrase("is.date"), NO_WORDS
    what = phrase("is.text")
    if len(text) > _HINT_LONGEST:
        return what, NO_WORDS
    if re.fullmatch(_THOUSANDS, text):
        return what, phrase("hint.thousands", plain=text.replace(",", ""))
    if text.endswith(("%", "％")):
        return what, phrase("hint.percent", plain=text.rstrip("%％").strip())
    converted = text.translate(_FULLWIDTH_DIGITS)
    if converted != text and re.fullmatch(_DECIMAL, converted):
        return what, phrase("hint.full-width-digits", plain=converted)
    if re.fullmatch(_DECIMAL, text):
        return what, phrase("hint.quotes")
    return what, NO_WORDS


def _exponent_hint(text: str) -> Words:
    """How to write a number YAML 1.1 read as text (1e3, which it takes for a string)."""
    value = float(text.replace("_", "")) if len(text) <= _HINT_LONGEST else math.inf
    if math.isfinite(value) and LEAST_MAGNITUDE <= abs(value) <= MAX_MAGNITUDE:
        return phrase("hint.no-exponent", plain=format(Decimal(repr(value)), "f"))
    if value == 0:
        return phrase("hint.write-zero")
    if math.isfinite(value) and abs(value) < LEAST_MAGNITUDE:
        return phrase("hint.nearer-zero", text=shorten(text))
    return phrase("hint.too-large", text=shorten(text))


def _invalid_value(doc: Document, path: Path, err: ErrorDetails) -> Diagnostic:
    return emit(doc, path, "invalid-value", path=format_path(path) or "(top)", reason=err["msg"])


def error_diagnostics(
    doc: Document,
    errors: Iterable[ErrorDetails],
    model: type[BaseModel] | None = None,
) -> list[Diagnostic]:
    """Validation errors (pydantic's, or built as pydantic's are) as located diagnostics."""
    out: list[Diagnostic] = []
    for err in errors:
        path = error_path(err["loc"])
        kind = err["type"]
        if kind in CATALOGUE:
            facts = dict(err.get("ctx", {}))
            if "first_at" in facts:
                facts["first_at"] = doc.where(facts["first_at"])[0]
            out.append(emit(doc, path, kind, **facts))
        elif kind == "extra_forbidden":
            key = str(path[-1])
            hint = NO_WORDS
            if model is not None:
                allowed = _fields_at(model, path[:-1])
                near = _suggest(key, allowed)
                if near is not None:
                    hint = phrase("hint.did-you-mean", near=near)
            out.append(emit(doc, path, "unknown-key", key=shorten(key), hint=hint))
        elif kind == "missing":
            out.append(emit(doc, path[:-1], "missing-key", key=path[-1], what=NO_WORDS))
        else:
            out.append(_invalid_value(doc, path, err))
    return out


def _fields_at(model: type[BaseModel], path: Sequence[Key]) -> tuple[str, ...]:
    """The keys the model accepts at path (list indexes and mapping keys are walked over)."""
    current = model
    for part in path:
        field = current.model_fields.get(part) if isinstance(part, str) else None
        if field is None:
            continue  # an index into a list, or a key of a mapping of models
        found = _model_in(field.annotation)
        if found is None:
            return ()
        current = found
    return tuple(current.model_fields)


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The first model class an annotation names (inside tuples, mappings, unions)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in get_args(annotation):
        found = _model_in(argument)
        if found is not None:
            return found
    return None
