"""What a submission looks like, for editors and people: its JSON Schema and a blank template."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Any

from msgspec import Struct

from ..model.plan import Indicator, Kind, Plan, Provenance
from ..model.submission import Submission, upper_bound

__all__ = [
    "SCHEMA_DIALECT",
    "submission_csv_template",
    "submission_schema",
    "submission_template",
]

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


class _Words(Struct, frozen=True):
    """The words of the blank submission in one language."""

    title: str
    header: tuple[str, ...]
    provenance: str
    source: str
    tier: str
    flow: str
    level: str


_TEMPLATE = {
    "zh": _Words(
        title="# {title}：{year} 年数据。",
        header=(
            "# 有数据的指标请填写数字；没有数据的指标请删除该行（缺报不按零计）。",
            "# 累计指标填写该年新增数（流量），不填累计数。",
            "# 统计口径有调整的，须写明调整内容和上年同口径数。",
            "# 填好后检查：tnplan check 文件名",
        ),
        provenance="official 正式 | preliminary 初步 | estimate 估计 | sample 示例",
        source="数据来自何处",
        tier="本模板的指标层级：缺报的指标只在这一层级中计",
        flow="累计，填该年新增",
        level="填当年数值",
    ),
    "en": _Words(
        title="# {title}: figures of {year}.",
        header=(
            "# Fill in a number for each indicator you have; delete the lines of those you do",
            "# not (missing is not zero). Cumulative indicators take the year's own flow.",
            "# Where a definition changed, say what changed, with the year before's figure on",
            "# the new basis.",
            "# Check the file with: tnplan check FILE",
        ),
        provenance="official | preliminary | estimate | sample",
        source="where the figures come from",
        tier="the tier of this template: missing indicators are counted in it",
        flow="cumulative: the year's flow",
        level="the year's value",
    ),
}


def _about(ind: Indicator, lang: str = "zh") -> str:
    """An indicator as a template's comment names it: name, unit, what to fill in, source."""
    words = _TEMPLATE[lang]
    opening, separator, closing = ("（", "；", "）") if lang == "zh" else (" (", "; ", ")")
    name = ind.name if lang == "zh" else ind.name_en
    how = words.flow if ind.kind is Kind.CUMULATIVE else words.level
    return _comment(f"{name}{opening}{ind.unit}{separator}{how}{closing} {ind.source}")


def submission_template(
    plan: Plan,
    year: int,
    schema_url: str | None = None,
    indicators: Sequence[Indicator] | None = None,
    *,
    lang: str = "zh",
    tier: str = "all",
) -> str:
    """A submission for year with each indicator's id left blank (every indicator of the plan
    unless indicators are given), names and units as comments, in lang (the keys and the
    provenance codes are the file's own, in either language)."""
    words = _TEMPLATE[lang]
    lines = []
    if schema_url:
        lines.append(f"# yaml-language-server: $schema={_comment(schema_url)}")
    title = plan.plan.title if lang == "zh" else plan.plan.title_en
    lines += [
        _comment(words.title.format(title=title, year=year)),
        *words.header,
        f"year: {year}",
        f"provenance:    # {words.provenance}",
        f"source:        # {words.source}",
        f"tier: {tier}    # {words.tier}",
        "values:",
    ]
    heading = None
    for ind in plan.indicators if indicators is None else indicators:
        if ind.tier is not heading:
            heading = ind.tier
            lines.append(_comment(f"  # ---- {plan.tier_heading(heading, lang)}"))
        lines.append(f"  # {_about(ind, lang)}")
        lines.append(f"  {ind.id}:")
    return "\n".join(lines) + "\n"


def _provenance_choices() -> str:
    return (
        " | ".join(p.value for p in Provenance) + " (" + " | ".join(p.zh for p in Provenance) + ")"
    )


def submission_csv_template(
    plan: Plan, year: int, indicators: Sequence[Indicator], tier: str = "all"
) -> str:
    """The same as CSV (sources/csv_reader.py): the year and provenance as comments before
    the header, a row per indicator with its name as a comment line above it."""
    from ..sources.csv_reader import COLUMNS as CSV_COLUMNS

    lines = [
        f"# {_comment(plan.plan.title)}: figures of {year}.",
        "# Fill in the value column; delete the rows you have no figure for (missing is not"
        " zero). Cumulative indicators (累计) take the year's own flow. A change of definition"
        " (口径调整): say what changed in basis_change, and give the year before's figure on"
        " the new basis in previous_same_basis where you have it.",
        f"# The provenance is one of: {_provenance_choices()}; the source says where the"
        " figures come from.",
        f"# year: {year}",
        "# provenance:",
        "# source:",
        f"# tier: {tier}",
        ",".join(CSV_COLUMNS),
    ]
    for ind in indicators:
        lines.append(f"# {_about(ind)}".replace(", ", "，").replace(",", "，"))
        lines.append(ind.id + "," * (len(CSV_COLUMNS) - 1))
    return "\n".join(lines) + "\n"
