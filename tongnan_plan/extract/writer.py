"""Writing the draft as YAML a person can read and tnplan can load.

Written by hand rather than by a YAML library so that the draft reads like the shipped plan
files: figures on one line, strings quoted (no YAML 1.1 surprises), the evidence under `note`
and each open question on its own line under `review`, where a check can point at it.
"""

from __future__ import annotations

from ..yaml_text import yaml_block_line, yaml_comment, yaml_number, yaml_string
from .draft import Draft, DraftIndicator, DraftPlan, Printed

__all__ = ["draft_yaml", "results_yaml"]

#: Pace-ratio bands: tnplan's defaults (Eurostat's 0.95 and 0.6 below 1, a symmetric 1.05
#: above), not something a plan prints; the draft says so.
DEFAULT_THRESHOLDS = (("ahead", 1.05), ("on_track", 0.95), ("behind", 0.6), ("about", 0.05))


_q = yaml_string
_number = yaml_number


def _figure(printed: Printed) -> str:
    parts = [
        f"value: {_number(printed.value)}",
        f"comparator: {_q(printed.comparator.value)}",
        f"text: {_q(printed.text)}",
    ]
    if printed.basis is not None:
        parts.append(f"basis: {printed.basis.value}")
    if printed.source:
        parts.append(f"source: {_q(printed.source)}")
    return "{" + ", ".join(parts) + "}"


def _list(key: str, items: list[str], indent: str) -> list[str]:
    if not items:
        return []
    return [f"{indent}{key}:", *(f"{indent}  - {_q(item)}" for item in items)]


def _block(key: str, lines: list[str], indent: str) -> list[str]:
    if not lines:
        return []
    body = [f"{indent}  {yaml_block_line(line)}" for line in lines if yaml_block_line(line)]
    return [f"{indent}{key}: |-", *body]


def _indicator(ind: DraftIndicator) -> list[str]:
    pad = "    "
    out = [
        f"  # {yaml_comment(ind.source)}" + (f", {yaml_comment(ind.where)}" if ind.where else ""),
        f"  - id: {ind.id}",
        f"{pad}name: {_q(ind.name)}",
        f'{pad}name_en: ""',
        f"{pad}unit: {_q(ind.unit)}",
        f"{pad}group: {ind.group}",
        f"{pad}tier: {ind.tier.value}",
        f"{pad}kind: {ind.kind.value}",
        f"{pad}attribute: {ind.attribute.value}",
        f"{pad}direction: {ind.direction.value}",
    ]
    if ind.baseline is not None:
        out.append(f"{pad}baseline: {_figure(ind.baseline)}")
    out.append(f"{pad}target: {_figure(ind.target)}")
    if ind.parent:
        out.append(f"{pad}parent: {ind.parent}")
    out.append(f"{pad}source: {_q(ind.source)}")
    out += _list("also_printed", ind.also_printed, pad)
    if ind.annual_targets:
        pairs = ", ".join(f"{y}: {_number(v)}" for y, v in sorted(ind.annual_targets.items()))
        out.append(f"{pad}annual_targets: {{{pairs}}}")
    if ind.published_completion is not None:
        out.append(f"{pad}published_completion: {_figure(ind.published_completion)}")
    out += _block("note", ind.note, pad)
    out += _list("review", ind.review, pad)
    return out


def _plan_lines(plan: DraftPlan, source_file: str) -> list[str]:
    out = [
        f"# Draft plan file written by `tnplan extract` from {yaml_comment(source_file)}.",
        "# Check every entry against the document. `note` keeps the evidence for each proposal;",
        "# `review` lists the questions the text leaves open: settle each one, then delete it.",
        "",
        "plan:",
        f"  id: {_q(plan.id)}",
        f"  title: {_q(plan.title)}",
        '  title_en: ""',
        f"  issuer: {_q(plan.issuer)}",
        f"  document: {_q(plan.document)}",
        f"  issued: {_q(plan.issued)}",
        f"  baseline_year: {plan.baseline_year}",
        f"  start_year: {plan.start_year}",
        f"  end_year: {plan.end_year}",
    ]
    out += _block("source_note", plan.note, "  ")
    out += _list("review", plan.review, "  ")
    out += ["", "# tnplan's default pace-ratio bands; the plan prints none.", "thresholds:"]
    out += [f"  {key}: {value}" for key, value in DEFAULT_THRESHOLDS]
    out += ["", "groups:"]
    for group in plan.groups:
        out += [f"  - id: {group.id}", f"    name: {_q(group.name)}", '    name_en: ""']
    out += ["", "indicators:"]
    for ind in plan.indicators:
        out += _indicator(ind)
        out.append("")
    return out


def draft_yaml(draft: Draft, *, previous: bool = False) -> str:
    """The draft plan file: the document's own plan, or (previous=True) the previous plan's."""
    plan = draft.previous if previous else draft.plan
    if plan is None:
        raise ValueError("the document prints no previous plan's table")
    return "\n".join(_plan_lines(plan, draft.file)).rstrip() + "\n"


def results_yaml(draft: Draft) -> str:
    """The previous plan's results, as its table prints them, as a submission for its last year."""
    plan = draft.previous
    if plan is None:
        raise ValueError("the document prints no previous plan's table")
    out = [
        f"# The results column of {yaml_comment(plan.indicators[0].source.split()[0])},"
        f" written by `tnplan extract` from {yaml_comment(draft.file)}.",
        "# 【】 figures are totals to date (to_date: true); bounds keep their comparator.",
        f"year: {plan.end_year}",
        "provenance: official",
        f"source: {_q(draft.file)}",
        "values:",
    ]
    for ind in plan.indicators:
        result = ind.result
        if result is None or result.value is None:
            continue
        fields = [f"value: {_number(result.value)}"]
        if result.comparator.value != "=":
            fields.append(f"comparator: {_q(result.comparator.value)}")
        if "【" in result.text:
            fields.append("to_date: true")
        said = f"{ind.name}（{ind.unit}） {ind.source}: printed {result.text}"
        out.append(f"  # {yaml_comment(said)}")
        out.append(f"  {ind.id}: {{{', '.join(fields)}}}")
    return "\n".join(out) + "\n"
