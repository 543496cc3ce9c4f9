"""The codes of a plan file (targets.yaml), checked by `tnplan check` and by every load; part of
the one catalogue of codes (model/catalogue.py), in its order."""

from __future__ import annotations

from .problem import E, Problem, W

__all__ = ["PLAN_FILE_PROBLEMS"]

PLAN_FILE_PROBLEMS = (
    Problem(
        "invalid-period",
        E,
        "the plan's years must run baseline_year < start_year <= end_year; here they are"
        " {baseline}, {start} and {end}",
        "规划年份应满足 baseline_year < start_year <= end_year，此处为 {baseline}、{start}、{end}",
        "a plan whose start year is after its end year, or whose baseline year is not before"
        " its start",
    ),
    Problem(
        "plan-too-long",
        E,
        "a plan spans at most {limit} years from its baseline year to its end year; this one"
        " spans {span}",
        "规划从基期到期末最多 {limit} 年，此处为 {span} 年",
        "a plan that spans more than 30 years from its baseline year to its end year",
    ),
    Problem(
        "duplicate-id",
        E,
        "{what} id {id!r} is given twice (first at line {first_at})",
        "{what} id {id!r} 重复（第一次在第 {first_at} 行）",
        "two groups, indicators or cross-checks with the same id",
    ),
    Problem(
        "unknown-group",
        E,
        "{id!r}: unknown group {group!r}; the plan's groups are: {groups}",
        "{id!r}：未知分组 {group!r}；本规划的分组为：{groups}",
        "an indicator's `group` that the plan's `groups` do not list",
    ),
    Problem(
        "unknown-parent",
        E,
        "{id!r}: parent {parent!r} is not an indicator of this plan",
        "{id!r}：所属指标 {parent!r} 不是本规划的指标",
        "a 其中 row whose `parent` names no indicator of the plan",
    ),
    Problem(
        "parent-cycle",
        E,
        "{id!r}: its parents lead round in a cycle ({chain})",
        "{id!r}：所属关系形成循环（{chain}）",
        "`parent` links that lead back to where they started",
    ),
    Problem(
        "nested-parent",
        E,
        "{id!r}: parent {parent!r} is itself a 其中 row of {grandparent!r}; a 其中 row belongs"
        " to a row that has no parent",
        "{id!r}：所属指标 {parent!r} 本身是 {grandparent!r} 的其中项；其中项只能属于总项",
        "a 其中 row whose parent is itself a 其中 row",
    ),
    Problem(
        "annual-target-outside",
        E,
        "an annual target for {year}, outside the plan's years {first}-{last}",
        "{year} 年的年度目标不在规划期 {first}-{last} 年之内",
        "an `annual_targets` year outside the plan's years",
    ),
    Problem(
        "child-target-exceeds-parent",
        E,
        "{name}'s target ({value} {unit}) is larger than its parent {parent}'s"
        " ({parent_value} {unit}), of which it is a part (其中)",
        "{name}的目标（{value} {unit}）大于其所属的{parent}的目标（{parent_value} {unit}），"
        "其中项不能超过总项",
        "a 其中 row whose target is larger than its parent's, in the same unit and of the same"
        " kind",
    ),
    Problem(
        "comparator-contradicts-direction",
        E,
        "{name}: the target {text} is {bound}, but {direction} is better (direction: {given})",
        "{name}：目标 {text} 是{bound}，但 direction 为 {given}（{direction}为好）",
        "a floor (≥, >) on an indicator where lower is better, or a ceiling (≤, <) where higher"
        " is better",
    ),
    Problem(
        "target-equals-baseline",
        W,
        "{name}: the target {target} equals the baseline: no progress can be measured, so it"
        " is judged met / not met",
        "{name}：目标 {target} 等于基期值，无法衡量进度，只判断是否守住目标",
        "a level whose target equals its baseline (no path to climb: judged met / not met)",
    ),
    Problem(
        "unfinished-target",
        E,
        "{name}: the target is still to be written ({todo}); give value, comparator and text,"
        " and delete todo",
        "{name}：目标尚未填写（{todo}）；请填写 value、comparator 和 text，并删去 todo",
        "a target left as a placeholder (`todo:`), as `tnplan init-plan` writes it: never"
        " read as zero",
    ),
    Problem(
        "unreviewed",
        W,
        "open question: {question}",
        "待复核：{question}",
        "a question a draft leaves open (`review:`, as `tnplan extract` writes them); delete"
        " the item once it is settled",
    ),
    Problem(
        "unknown-previous",
        E,
        "previous plan {previous!r} is not in {repository}; its plans are: {plans}",
        "上一规划 {previous!r} 不在 {repository} 中；其中的规划为：{plans}",
        "`previous:` names a plan the repository of plans does not hold",
    ),
    Problem(
        "previous-cycle",
        E,
        "plan.previous leads back to this plan: {loop}; a plan cannot follow itself",
        "plan.previous 最终又指回本规划：{loop}；规划不能接续自己",
        "plans whose `previous:` links make a loop (a plan that follows itself, or A after B"
        " after A): the chain across plans ends there",
    ),
    Problem(
        "duplicate-plan-id",
        E,
        "the id {id!r} is also the id of another plan of the repository (folders: {folders});"
        " give each plan its own id",
        "id {id!r} 与仓库中其他规划重复（目录：{folders}）；请为每个规划设不同的 id",
        "two plans of one data directory with the same `plan.id`: `--plan` and `previous:`"
        " could not tell them apart",
    ),
    Problem(
        "unknown-continues",
        E,
        "{id!r} continues {continues!r}, which the previous plan {previous} does not have",
        "{id!r} 接续的 {continues!r} 不是上一规划 {previous} 的指标",
        "`continues:` names an indicator the previous plan does not have",
    ),
)
