"""Proposing how a target's figures combine (kind), which way is better, and what a baseline
measures; each proposal with its evidence, and a question wherever the text leaves it open."""

from __future__ import annotations

import re

from msgspec import Struct, field

from ..model.plan import Basis, Comparator, Direction, Kind
from .cells import CellFigure

__all__ = ["Judgement", "direction_of", "prose_kind", "table_kind"]

#: Words that make a name read as a level at a point in time (a stock), not a flow.
_STOCK = re.compile(
    r"总量|参保人数|数量|持卡数|覆盖率|余额|规模|保有量|机构数|从业人员|面积|场地|床位数|医师数"
)
#: Words that make a name read as a flow over time, to be summed.
_FLOW = re.compile(r"新增|招收|培训|引进|发放|征收|人次|累计|新建|新设|创建|就业人数|再就业")
#: Actions that create things during the plan: what they create adds up over the period.
_CREATE = re.compile(
    r"新增|新建|新设|创建|建设|建成|打造|培育|设立|培养|培训|引进|遴选|推荐|增加|评选|举办|服务|"
    r"提供|组织|认定|选拔|申报"
)
#: A rate or size of a decrease (单位GDP能耗下降率, 减量化规模): more of it is better.
_DECREASE_RATE = re.compile(r"(下降|降低|减少)(率|比例|幅度)$|减量化?规模")
_LOWER_BETTER = re.compile(r"失业率|欠薪|事故|发生率|死亡|下降|减少|压缩")
_STOCK_VERB = re.compile(r"达到|达\s*$|总量|全区.*达|突破|稳定在|保持在|维持在")


class Judgement(Struct):
    """A proposed kind and the baseline's basis, why, and what a person must settle."""

    kind: Kind
    basis: Basis = Basis.YEAR
    evidence: list[str] = field(default_factory=list)
    review: list[str] = field(default_factory=list)


def table_kind(
    name: str, unit: str | None, target: CellFigure, baseline: CellFigure | None, note: str
) -> Judgement:
    """The kind of a table row from its brackets, the table's note, its unit and its name."""
    target_comparator = target.comparator
    baseline_text = baseline.text if baseline is not None else None
    baseline_bracketed = bool(baseline and baseline.bracketed)
    if target.increase and unit != "%":
        return Judgement(
            Kind.CUMULATIVE,
            evidence=[f"kind cumulative: the target is printed as an increase ({target.text})"],
            review=[
                f"kind: printed “{target.text}”, an increase over the period: the total added "
                "over the five years (cumulative), or a level to reach (then write the level)?"
            ],
        )
    if unit == "%" or target_comparator is not Comparator.EQ:
        why = "a rate (%)" if unit == "%" else f"a bound ({target_comparator})"
        return Judgement(Kind.ANNUAL, evidence=[f"kind annual: {why}, held each year"])
    if target.bracketed:
        return _bracketed(name, baseline_text, baseline_bracketed, note)
    judgement = Judgement(Kind.ANNUAL, evidence=["kind annual: the target is printed without 【】"])
    if _FLOW.search(name):
        judgement.review.append(
            f"kind: “{name}” counts a flow (people or things added over time), but the table "
            "prints it without 【】, which elsewhere marks a five-year total: annual as printed, "
            "or cumulative?"
        )
    return judgement


def _bracketed(
    name: str, baseline_text: str | None, baseline_bracketed: bool, note: str
) -> Judgement:
    said = f"the table's note: “{note}”" if note else "the table has no note on 【】"
    stock = _STOCK.search(name)
    if stock is None:
        judgement = Judgement(
            Kind.CUMULATIVE, evidence=[f"kind cumulative: 【】 around the target; {said}"]
        )
        if not note:
            judgement.review.append(
                "kind: 【】 around the target, but no note says what 【】 means: a five-year total?"
            )
        if baseline_bracketed:
            judgement.basis = Basis.PERIOD
            judgement.evidence.append(
                "baseline basis period: 【】 around it too (the previous plan's total)"
            )
        return judgement
    question = (
        f"kind: 【】 marks a five-year total by {said}, but “{name}” ({stock.group(0)}) reads as "
        "a level at a point in time"
    )
    if baseline_text in (None, "", "—", "——", "-"):
        return Judgement(
            Kind.CUMULATIVE,
            evidence=[f"kind cumulative: 【】 around the target; {said}"],
            review=[
                question + "; with no baseline printed, a stock that starts at none equals the "
                "sum of what is added over the period: cumulative as the note says, or a level "
                "(annual)?"
            ],
        )
    return Judgement(
        Kind.ANNUAL,
        Basis.YEAR,
        evidence=[
            f"kind annual: “{stock.group(0)}” is a stock, and a baseline ({baseline_text}) "
            "is printed for it"
        ],
        review=[
            question
            + f", and a baseline {baseline_text} is printed: a level (annual), or a five-year "
            "total (cumulative)?"
        ],
    )


def prose_kind(name: str, unit: str, clause: str, sentence: str, per_year: bool) -> Judgement:
    """The kind of a target printed in running text, from its unit, its verb and its name."""
    if unit == "%":
        return Judgement(Kind.ANNUAL, evidence=["kind annual: a rate (%)"])
    if per_year:
        return Judgement(Kind.ANNUAL, evidence=["kind annual: an amount for each year (每年, 年…)"])
    if "首年" in clause:
        return Judgement(
            Kind.ANNUAL,
            evidence=["kind annual: an amount in one year (首年)"],
            review=[
                "time frame: 首年 (the first year after something is built), not the plan's "
                "last year: which year?"
            ],
        )
    if "累计" in clause:
        return Judgement(
            Kind.CUMULATIVE, evidence=["kind cumulative: 累计 (a total over the period)"]
        )
    if _STOCK.search(name) or (_STOCK_VERB.search(clause) and not _CREATE.search(name)):
        return Judgement(
            Kind.ANNUAL, evidence=["kind annual: a level to reach (达到, 总量, 数量 …)"]
        )
    if unit in {"平方米", "m²"}:
        return Judgement(Kind.ANNUAL, evidence=["kind annual: a size (floor space)"])
    if _CREATE.search(clause) or _CREATE.search(sentence) or unit.endswith("人次"):
        return Judgement(
            Kind.CUMULATIVE,
            evidence=["kind cumulative: things created or people served over the period add up"],
        )
    return Judgement(
        Kind.CUMULATIVE,
        evidence=["kind cumulative: by default"],
        review=[
            f"kind: the text does not say whether “{name}” is a total over the period or a "
            "level to reach: cumulative or annual?"
        ],
    )


def direction_of(
    name: str, comparator: Comparator, baseline: float | None, target: float | None
) -> tuple[Direction, str]:
    """Which way is better, and why: the comparator, the name, or the move baseline to target."""
    if comparator in (Comparator.LE, Comparator.LT):
        return Direction.LOWER, f"direction lower: a ceiling ({comparator})"
    if comparator in (Comparator.GE, Comparator.GT):
        return Direction.HIGHER, f"direction higher: a floor ({comparator})"
    if _DECREASE_RATE.search(name):
        return (
            Direction.HIGHER,
            "direction higher: a rate of decrease (下降率): the more, the better",
        )
    if _LOWER_BETTER.search(name):
        return Direction.LOWER, "direction lower: the name says less is better"
    if baseline is not None and target is not None and target < baseline:
        if _FLOW.search(name):
            return Direction.HIGHER, (
                "direction higher: a flow (what is added over the period), its baseline the "
                "previous period's; the target below it is a smaller amount to add, still more "
                "is better"
            )
        return Direction.LOWER, "direction lower: the target is below the baseline"
    return Direction.HIGHER, "direction higher: a target to reach"
