"""The files a person fills in: the draft plan file of the next plan (`tnplan init-plan`),
written as YAML a person edits, and a year's blank submission (`tnplan new`).

The next plan keeps the previous plan's indicators (ids, names, units, kinds, groups, tiers);
each baseline is the previous plan's final figure where it is complete (`null` with a note
where it is not); each target is a placeholder (``todo``) that `tnplan check` reports as
unfinished until a person writes it. Nothing is guessed: a target is never carried over.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..calc.handover import Handover, NextPlan
from ..model.plan import Basis, Comparator, Indicator, Kind, Plan, PlanInfo, Provenance
from ..yaml_text import yaml_comment, yaml_number, yaml_string
from .view import Drawing, Options, View

__all__ = ["blank_submission_view", "next_plan_yaml"]


def _figure_text(value: float, comparator: Comparator) -> str:
    return f"{comparator.sign}{yaml_number(value)}"


def _baseline(figure: Handover, previous: PlanInfo) -> tuple[str, str]:
    """The baseline figure as YAML, and the note that says where it comes from."""
    ind, year = figure.indicator, figure.year
    if figure.basis is Basis.PERIOD:
        what = f"the {previous.start_year}-{year} total of {previous.id}"
    else:
        what = f"the {year} figure of {previous.id}"
    if figure.value is None:
        figure_yaml = f'{{value: null, comparator: "=", text: "—", basis: {figure.basis.value}}}'
        return figure_yaml, f"baseline: null: {what} is not known ({_why(figure)})"
    provenance = figure.provenance
    official = provenance is None or provenance is Provenance.OFFICIAL
    source = f"{previous.id}, {year}" + ("" if official else f" ({provenance})")
    value = figure.value
    text = _figure_text(value, figure.comparator)
    figure_yaml = (
        f"{{value: {yaml_number(value)}, comparator: {yaml_string(figure.comparator)},"
        f" text: {yaml_string(text)}, basis: {figure.basis.value}, source: {yaml_string(source)}}}"
    )
    caveat = "" if official else f"; its figures are {provenance}, not official statistics"
    return figure_yaml, f"baseline: {what}, {text} {ind.unit}{caveat}"


def _why(figure: Handover) -> str:
    """Why a final figure is not known, with what is known."""
    missing = ", ".join(str(y) for y in figure.missing_years)
    if figure.indicator.kind is Kind.CUMULATIVE:
        if figure.known_total is None:
            return "nothing was reported"
        return (
            f"{missing} missing; the years reported sum to at least"
            f" {yaml_number(figure.known_total)} {figure.indicator.unit}"
        )
    latest = figure.latest
    if latest is None:
        return "nothing was reported"
    return (
        f"no {figure.year} figure; the latest is {yaml_number(latest.value)}"
        f" {figure.indicator.unit} in {latest.year}"
    )


def _todo(ind: Indicator, draft: NextPlan) -> str:
    """What the placeholder asks for: the end year's target, its unit and kind, and the
    previous plan's target beside it for reference."""
    span = f"{draft.start}-{draft.end} 年累计" if ind.kind is Kind.CUMULATIVE else "期末水平"
    was = f"；上一规划目标 {ind.target.text}" if ind.target.text else ""
    return f"{draft.end} 年目标（{ind.unit}，{span}{was}）"


def _indicator(figure: Handover, draft: NextPlan) -> list[str]:
    ind = figure.indicator
    baseline, note = _baseline(figure, draft.previous.plan)
    pad = "    "
    out = [
        f"  # {yaml_comment(f'{ind.name}: {draft.previous.plan.id} {ind.source}')}",
        f"  - id: {ind.id}",
        f"{pad}name: {yaml_string(ind.name)}",
        f"{pad}name_en: {yaml_string(ind.name_en)}",
        f"{pad}unit: {yaml_string(ind.unit)}",
        f"{pad}group: {ind.group}",
        f"{pad}tier: {ind.tier.value}",
        f"{pad}kind: {ind.kind.value}",
        f"{pad}attribute: {ind.attribute.value}",
        f"{pad}direction: {ind.direction.value}",
        f"{pad}baseline: {baseline}",
        f"{pad}target: {{todo: {yaml_string(_todo(ind, draft))}}}",
    ]
    if ind.parent:
        out.append(f"{pad}parent: {ind.parent}")
    out += [f'{pad}source: ""', f"{pad}note: {yaml_string(note)}"]
    return out


def _head(draft: NextPlan) -> list[str]:
    previous = draft.previous.plan
    years = f"{draft.start}-{draft.end}"
    return [
        f"# Draft of the plan for {years} that follows {previous.id},"
        " written by `tnplan init-plan`.",
        f"# The indicators are {previous.id}'s; each baseline is its final figure for"
        f" {draft.baseline_year} (a total over",
        "# its years where the indicator is one), or null with a note where that figure is not",
        "# known. Every target is a placeholder: write value, comparator and text, delete todo,",
        "# and give `source` (where the new plan prints it). `tnplan check` lists what is left.",
        "",
        "plan:",
        f"  id: {yaml_string(draft.plan_id)}",
        f"  title: {yaml_string(f'（草稿）{years}年规划，接续 {previous.title}')}",
        f"  title_en: {yaml_string(f'(draft) Plan for {years}, following {previous.title_en}')}",
        f"  issuer: {yaml_string(previous.issuer)}",
        '  document: ""',
        '  issued: ""',
        f"  baseline_year: {draft.baseline_year}",
        f"  start_year: {draft.start}",
        f"  end_year: {draft.end}",
        f"  previous: {yaml_string(previous.id)}",
    ]


def next_plan_yaml(draft: NextPlan) -> str:
    """The next plan's draft file: the previous plan's indicators, its final figures as
    baselines, and a placeholder for every target."""
    previous = draft.previous
    thresholds = previous.thresholds
    out = _head(draft)
    out += [
        "",
        f"# Pace-ratio bands, as {previous.plan.id} has them.",
        "thresholds:",
        f"  ahead: {yaml_number(thresholds.ahead)}",
        f"  on_track: {yaml_number(thresholds.on_track)}",
        f"  behind: {yaml_number(thresholds.behind)}",
    ]
    if previous.tiers:
        out += [
            "",
            f"# {previous.plan.id}'s headings of its tiers: rename them as the new plan does.",
            "tiers:",
        ]
        for tier, info in previous.tiers.items():
            names = f"name: {yaml_string(info.name)}, name_en: {yaml_string(info.name_en)}"
            out.append(f"  {tier.value}: {{{names}}}")
    out += ["", "groups:"]
    for group in previous.groups:
        out += [
            f"  - id: {group.id}",
            f"    name: {yaml_string(group.name)}",
            f"    name_en: {yaml_string(group.name_en)}",
        ]
    out += ["", "indicators:"]
    for figure in draft.figures:
        out += [*_indicator(figure, draft), ""]
    return "\n".join(out).rstrip() + "\n"


def blank_submission_view(
    plan: Plan, year: int, indicators: Sequence[Indicator], schema_url: str | None, tier: str
) -> View:
    """`tnplan new`: a blank submission for a year, as YAML, CSV or a workbook; each records
    its tier (a missing indicator is counted among that tier's only)."""

    def yaml(options: Options) -> str:
        from ..validate.schema import submission_template

        return submission_template(plan, year, schema_url, indicators, lang=options.lang, tier=tier)

    def csv(options: Options) -> str:
        from ..validate.schema import submission_csv_template

        return submission_csv_template(plan, year, indicators, tier)

    def workbook(options: Options) -> bytes:
        from .xlsx import submission_workbook

        return submission_workbook(plan, year, indicators, tier)

    drawings: dict[str, Drawing] = {"yaml": yaml, "csv": csv, "xlsx": workbook}
    return View(f"{plan.plan.id} {year}", drawings=drawings)
