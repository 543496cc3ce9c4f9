"""The typed side of a cell: the number a cell's text stands for, and the Excel number format
that shows it as the text does (累计 and ≥ before a total, * after an unofficial figure, a
percentage), so that a workbook keeps every figure a number. The text is cells.py's; this
module only pairs it with its number, once, for every writer (Markdown writes the text, a
workbook the number in its format).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..calc.rounding import typed_places
from .cells import (
    basis_mark,
    bound_completion,
    figure,
    latest_prefix,
    number,
    provenance_words,
    star,
    status_cells,
    without_pace,
)
from .view import Cell

if TYPE_CHECKING:
    from ..calc.progress import Evaluation
    from ..model.plan import Indicator

__all__ = ["PERCENT", "general", "printed_cell", "status_row_cells", "typed_cell"]

PERCENT = "0.0%"


def general(value: object) -> str:
    """General, or the decimals a figure was typed with: the cell reads as it was given."""
    places = typed_places(value)
    return "0." + "0" * places if places else "General"


def typed_cell(value: object) -> Cell:
    """A record's value as a cell: a number with its figure, else its text (empty for none)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return Cell(figure(value), value)
    return Cell("" if value is None else str(value))


def printed_cell(indicator: Indicator, which: str, text: str) -> Cell:
    """A baseline or target cell: its text, and its number where the text is just that
    number (not 【5】, ≤5.5, >95, or a target held at ≥100, which stay text)."""
    printed = indicator.baseline if which == "baseline" else indicator.target
    value = None if printed is None else number(printed.value)
    bare = value is not None and text in (str(value), figure(value))
    return Cell(text, value if bare else None)


def _latest(ev: Evaluation, text: str, lang: str) -> Cell:
    """The latest figure (the total, or its lower bound), in the format that writes what the
    text writes around it."""
    value, prefix = ev.shown, latest_prefix(ev, lang)
    suffix = star(ev) + basis_mark(ev)
    shown = (f'"{prefix}"' if prefix else "") + general(value) + (f'"{suffix}"' if suffix else "")
    return Cell(text, number(value), number_format=shown)


def _completion(ev: Evaluation, text: str) -> Cell:
    """Completion as a percentage, marked ≥ where the total is only a lower bound."""
    if ev.lower_bound is None:
        return Cell(text, number(ev.completion), number_format=PERCENT)
    return Cell(text, number(bound_completion(ev)), number_format='"≥"' + PERCENT)


def _paced(ev: Evaluation, text: str, fraction: float | None) -> Cell:
    """Progress or time elapsed: none where no pace is judged."""
    value = None if without_pace(ev) or ev.year is None else number(fraction)
    return Cell(text, value, number_format=PERCENT)


def status_row_cells(ev: Evaluation, lang: str) -> dict[str, Cell]:
    """Every cell of an evaluation's row, by column key: cells.status_cells' text, the number
    it stands for, the status's tone; and the id, provenance and missing years a workbook adds."""
    texts, ind = status_cells(ev, lang), ev.indicator
    cells = dict(
        id=Cell(ind.id),
        baseline=printed_cell(ind, "baseline", texts["baseline"]),
        target=printed_cell(ind, "target", texts["target"]),
        latest=_latest(ev, texts["latest"], lang),
        year=Cell(texts["year"], ev.year),
        completion=_completion(ev, texts["completion"]),
        progress=_paced(ev, texts["progress"], ev.progress),
        elapsed=_paced(ev, texts["elapsed"], ev.time_elapsed),
        annual=Cell(texts["annual"], number(ev.annual_target_completion), number_format=PERCENT),
        status=Cell(texts["status"], style=ev.status.info.style, tone=ev.status.info.css),
        provenance=Cell("" if ev.provenance is None else provenance_words(ev.provenance, lang)),
        missing=Cell(" ".join(str(y) for y in ev.missing_years)),
    )
    return cells | {key: Cell(text) for key, text in texts.items() if key not in cells}
