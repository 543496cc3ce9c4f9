"""What a submission looks like, for editors and people: its JSON Schema and a blank template."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..model.plan import Indicator, Kind, Plan, Submission, Tier

__all__ = ["SCHEMA_DIALECT", "submission_schema", "submission_template"]

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def _describe(ind: Indicator) -> str:
    what = "该年新增数（流量）" if ind.kind is Kind.CUMULATIVE else "当年数值（水平）"
    return f"{ind.name}（{ind.unit}）: {what}; {ind.source}"


def submission_schema(plan: Plan) -> dict[str, Any]:
    """The JSON Schema of a submission to this plan, every indicator id listed with its name.

    The shape comes from the pydantic model; the plan adds the ids, the year range and the
    percentage bounds, so that an editor completes ids and flags unknown ones while typing.
    """
    schema = Submission.model_json_schema()
    schema["$schema"] = SCHEMA_DIALECT
    schema["title"] = f"tnplan submission: {plan.plan.title}"
    schema["required"] = ["year", "provenance", "values"]
    properties = schema["properties"]
    properties["year"].update(minimum=plan.plan.start_year, maximum=plan.plan.end_year)
    entry = schema["$defs"]["Entry"]
    entry["properties"]["value"]["minimum"] = 0
    values: dict[str, Any] = {}
    for ind in plan.indicators:
        number: dict[str, Any] = {"type": "number", "minimum": 0}
        if ind.unit == "%":
            number["maximum"] = 100
        values[ind.id] = {
            "description": _describe(ind),
            "anyOf": [number, {"$ref": "#/$defs/Entry"}],
        }
    properties["values"] = {
        "description": "Figures by indicator id (see tnplan indicators); missing is not zero.",
        "type": "object",
        "properties": values,
        "additionalProperties": False,
    }
    return schema


@dataclass(frozen=True, slots=True)
class _Words:
    """The words of the blank submission in one language."""

    title: str
    header: tuple[str, ...]
    provenance: str
    source: str
    tiers: dict[Tier, str]
    flow: str
    level: str


_TEMPLATE = {
    "zh": _Words(
        title="# {title}：{year} 年数据。",
        header=(
            "# 有数据的指标请填写数字；没有数据的指标请删除该行（缺报不按零计）。",
            "# 累计指标填写该年新增数（流量），不填累计数。",
            "# 填好后检查：tnplan check 文件名",
        ),
        provenance="official 正式 | preliminary 初步 | estimate 估计 | sample 示例",
        source="数据来自何处",
        tiers={
            Tier.MAIN: "专栏2 主要指标",
            Tier.GOAL: "第一章第四节 目标",
            Tier.ACTION: "行动计划",
        },
        flow="累计，填该年新增",
        level="填当年数值",
    ),
    "en": _Words(
        title="# {title}: figures of {year}.",
        header=(
            "# Fill in a number for each indicator you have; delete the lines of those you do",
            "# not (missing is not zero). Cumulative indicators take the year's own flow.",
            "# Check the file with: tnplan check FILE",
        ),
        provenance="official | preliminary | estimate | sample",
        source="where the figures come from",
        tiers={Tier.MAIN: "main indicators", Tier.GOAL: "goals", Tier.ACTION: "action plans"},
        flow="cumulative: the year's flow",
        level="the year's value",
    ),
}


def submission_template(
    plan: Plan, year: int, schema_url: str | None = None, lang: str = "zh"
) -> str:
    """A submission for year with every indicator id left blank, names and units as comments,
    in lang (the keys and the provenance codes are the file's own, in either language)."""
    words = _TEMPLATE[lang]
    lines = []
    if schema_url:
        lines.append(f"# yaml-language-server: $schema={schema_url}")
    title = plan.plan.title if lang == "zh" else plan.plan.title_en
    lines += [
        words.title.format(title=title, year=year),
        *words.header,
        f"year: {year}",
        f"provenance:    # {words.provenance}",
        f"source:        # {words.source}",
        "values:",
    ]
    opening, separator, closing = ("（", "；", "）") if lang == "zh" else (" (", "; ", ")")
    tier = None
    for ind in plan.indicators:
        if ind.tier is not tier:
            tier = ind.tier
            lines.append(f"  # ---- {words.tiers[tier]}")
        name = ind.name if lang == "zh" else ind.name_en
        how = words.flow if ind.kind is Kind.CUMULATIVE else words.level
        lines.append(f"  # {name}{opening}{ind.unit}{separator}{how}{closing} {ind.source}")
        lines.append(f"  {ind.id}:")
    return "\n".join(lines) + "\n"
