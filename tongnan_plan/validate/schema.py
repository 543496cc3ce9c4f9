"""What a submission looks like, for editors and people: its JSON Schema and a blank template."""

from __future__ import annotations

import unicodedata
from typing import Any

from ..model.plan import Indicator, Kind, Plan, Provenance
from ..model.submission import Submission, upper_bound

__all__ = ["SCHEMA_DIALECT", "submission_schema", "submission_template"]

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def _describe(ind: Indicator) -> str:
    what = "该年新增数（流量）" if ind.kind is Kind.CUMULATIVE else "当年数值（水平）"
    return f"{ind.name}（{ind.unit}）: {what}; {ind.source}"


def submission_schema(plan: Plan) -> dict[str, Any]:
    """The JSON Schema of a submission to this plan, every indicator id listed with its name.

    Everything but the plan's facts comes from the pydantic models (model/submission.py):
    the shape, the bare number's and the entry's rules. The plan adds its years, its ids and
    each indicator's upper bound, so that an editor completes ids and flags unknown ones.
    """
    schema = Submission.model_json_schema()
    schema["$schema"] = SCHEMA_DIALECT
    schema["title"] = f"tnplan submission: {plan.plan.title}"
    properties = schema["properties"]
    properties["year"].update(minimum=plan.plan.start_year, maximum=plan.plan.end_year)
    (figure,) = properties["values"]["patternProperties"].values()
    number = next(form for form in figure["oneOf"] if form.get("type") == "number")
    entry = next(form for form in figure["oneOf"] if "$ref" in form)
    values = {
        ind.id: {
            "description": _describe(ind),
            "anyOf": [{**number, "maximum": upper_bound(ind)}, entry],
        }
        for ind in plan.indicators
    }
    properties["values"] = {
        "description": "Figures by indicator id (see tnplan indicators); missing is not zero.",
        "type": "object",
        "properties": values,
        "additionalProperties": False,
    }
    return schema


_NOT_IN_YAML = frozenset("\ufffe\uffff")


def _comment(text: str) -> str:
    """text made safe for the rest of a YAML comment line: line breaks and control characters
    (which would end the comment, or which YAML refuses) become spaces."""
    flat = " ".join(text.splitlines())  # LF, CR, NEL, U+2028, U+2029 and the rest
    return "".join(
        " " if c in _NOT_IN_YAML or unicodedata.category(c) in ("Cc", "Cs") else c for c in flat
    )


def submission_template(plan: Plan, year: int, schema_url: str | None = None) -> str:
    """A submission for year with every indicator id left blank, names and units as comments."""
    lines = []
    if schema_url:
        lines.append(f"# yaml-language-server: $schema={_comment(schema_url)}")
    choices = " | ".join(p.value for p in Provenance)
    lines += [
        f"# {_comment(plan.plan.title)}: figures of {year}.",
        "# Fill in a number for each indicator you have; delete the lines of those you do not",
        "# (missing is not zero). Cumulative indicators (累计) take the year's own flow.",
        "# Check the file with: tnplan check FILE",
        f"year: {year}",
        f"provenance:    # {choices}",
        "source:        # where the figures come from",
        "values:",
    ]
    tier = None
    for ind in plan.indicators:
        if ind.tier is not tier:
            tier = ind.tier
            lines.append(_comment(f"  # ---- {plan.tier_heading(tier)}"))
        flow = "累计, 填该年新增" if ind.kind is Kind.CUMULATIVE else "填当年数值"
        lines.append(_comment(f"  # {ind.name}（{ind.unit}; {flow}） {ind.source}"))
        lines.append(f"  {ind.id}:")
    return "\n".join(lines) + "\n"
