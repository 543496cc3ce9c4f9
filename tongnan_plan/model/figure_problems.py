"""The codes of a submission's content: the plan it is checked against, its shape, its figures,
the checks across files, and choosing what fails; part of the one catalogue of codes
(model/catalogue.py), in its order."""

from __future__ import annotations

from .problem import INFO, E, Problem, W, Words

__all__ = ["CHOICE_PROBLEMS", "PLAN_PROBLEMS", "SUBMISSION_PROBLEMS"]

PLAN_PROBLEMS = (
    # ---- the plan
    Problem(
        "plan-not-found",
        E,
        "no {targets} here; --data (or TNPLAN_DATA) must name a plan directory",
        "这里没有 {targets}；--data（或 TNPLAN_DATA）应指向规划数据目录",
        "the plan directory has no targets.yaml",
    ),
    Problem(
        "invalid-value",
        E,
        "{path}: {reason}",
        "{path}：{reason}",
        "a value of the plan (targets.yaml) that its model does not accept",
    ),
)

SUBMISSION_PROBLEMS = (
    # ---- the shape of a submission
    Problem(
        "not-a-mapping",
        E,
        "a submission is a mapping with {keys}",
        "报送文件应为包含 {keys} 的映射",
        "the file is not a mapping of year, provenance and values",
    ),
    Problem(
        "missing-key",
        E,
        "missing key {key!r}{what}",
        "缺少键 {key!r}{what}",
        "a required key (year, provenance, values, an entry's value, a CSV's id and value"
        " columns) is missing",
        forms={
            "header": Words(
                "the header row must name the columns id and value (then unit, source, note)",
                "表头行必须有 id 和 value 两列（可再加 unit、source、note）",
            ),
            "no-id": Words(
                "row has {cells} cell(s) and no id (the header puts id in column {column})",
                "此行只有 {cells} 格，没有 id（表头中 id 是第 {column} 列）",
            ),
        },
    ),
    Problem(
        "unknown-key",
        E,
        "unknown key {key!r}{hint}",
        "未知的键 {key!r}{hint}",
        "a key (or CSV column) tnplan does not know; the nearest known one is suggested",
        at_key=True,
        forms={
            "column": Words(
                "unknown column {key!r}; the columns are: {columns}",
                "未知的列 {key!r}；可用的列：{columns}",
            )
        },
    ),
    Problem(
        "invalid-type",
        E,
        "{key} must be {expected}",
        "{key} 应为{expected}",
        "text, a mapping or true/false where something else was given",
    ),
    Problem(
        "invalid-year",
        E,
        "year must be a whole number, not {given}",
        "年份应为整数，不能是 {given}",
        "`year` is not a whole number",
    ),
    Problem(
        "year-outside-plan",
        E,
        "year {year} is outside the plan period {first}-{last}",
        "{year} 年不在规划期 {first}-{last} 年之内",
        "`year` is outside the plan's years (2021–2025)",
    ),
    Problem(
        "year-mismatch",
        E,
        "year {year} does not match the file name {stem}",
        "年份 {year} 与文件名 {stem} 不符",
        "`year` does not match the file name (`YYYY.yaml`, `YYYY.csv`)",
    ),
    Problem(
        "duplicate-year",
        E,
        "{other} already gives the figures of {year}",
        "{other} 已经提交了 {year} 年的数据",
        "another file of the same run gives the same year",
    ),
    Problem(
        "invalid-provenance",
        E,
        "provenance {problem}: {allowed}",
        "provenance（数据性质）{problem}：{allowed}",
        "provenance is not `official`, `preliminary`, `estimate` or `sample` (or in Chinese"
        " 正式, 初步, 估计, 示例)",
    ),
    Problem(
        "invalid-tier",
        E,
        "tier {given} is not a tier: main, goal, action or all (the tier the template was made"
        " for; delete the line to count the whole plan)",
        "tier（指标层级）{given} 不是可用的层级：main、goal、action 或 all（模板所属的层级；"
        "删去该行则按整个规划计）",
        "`tier` (the tier a template records) is not `main`, `goal`, `action` or `all`",
    ),
    # ---- the figures
    Problem(
        "unknown-indicator",
        E,
        "unknown indicator {key!r}{hint}",
        "未知指标 {key!r}{hint}",
        "an id the plan does not have; the nearest id is suggested (for the first few), and a"
        " Chinese name is pointed to its id",
        at_key=True,
    ),
    Problem(
        "not-a-number",
        E,
        "{given} {what}, not a number{hint}",
        "{given} {what}，不是数字{hint}",
        "text (`6,200`, `5%`, full-width digits, `1e3`), a date, a boolean or a list where a"
        " number belongs",
        forms={
            "too-long": Words(
                "a number of {length} characters: tnplan reads numbers of at most {limit}"
                " characters",
                "数字长达 {length} 个字符：tnplan 只读取不超过 {limit} 个字符的数字",
            ),
            "tagged-int": Words(
                "{text!r} is tagged as an integer but is not one",
                "{text!r} 被标注为整数，但不是整数",
            ),
            "tagged-float": Words(
                "{text!r} is tagged as a number but is not one", "{text!r} 被标注为数字，但不是数字"
            ),
        },
    ),
    Problem(
        "not-finite",
        E,
        "{given} is not a finite number",
        "{given} 不是有限的数字",
        "NaN or infinity",
    ),
    Problem(
        "missing-value",
        E,
        "no value given; leave the id out if there is no figure (missing is not zero)",
        "未填数值；没有数据的指标请删去该行（缺报不按零计）",
        "an empty value where a number belongs",
    ),
    Problem(
        "negative-value",
        E,
        "{name} cannot be negative ({value})",
        "{name}不能为负数（{value}）",
        "a negative figure: every indicator of the plan counts or measures something",
    ),
    Problem(
        "percent-out-of-range",
        E,
        "{name} is a percentage: {value} is over {limit}",
        "{name}是百分比，{value} 超过了 {limit}",
        "a percentage over 100",
    ),
    Problem(
        "value-too-large",
        E,
        "{name}: {given} {given_unit} is larger than any figure tnplan accepts"
        " (at most {limit} {unit})",
        "{name}：{given} {given_unit} 超出了 tnplan 接受的范围（最大 {limit} {unit}）",
        "a figure over 10^15 in the indicator's unit, after any conversion: no real count is"
        " that large, and sums of such figures would overflow",
    ),
    Problem(
        "value-too-small",
        E,
        "{given} is nearer zero than any figure tnplan accepts (the least is {least}; zero is"
        " written 0)",
        "{given} 过于接近零，tnplan 不接受（非零数最小为 {least}；零请写 0）",
        "a figure such as 5e-324 (a subnormal): no plan prints one, and its ratios would fail",
    ),
    Problem(
        "invalid-comparator",
        E,
        "comparator {given} is not one of: {allowed}",
        "比较符 {given} 不在可选值之内：{allowed}",
        "a comparator other than `=`, `>=`, `≥`, `>`, `<=`, `≤`, `<`",
    ),
    Problem(
        "to-date-not-cumulative",
        E,
        "{name} is a level, not a total over the plan: to_date does not apply",
        "{name}是水平值，不是规划期累计数，不能用 to_date",
        "`to_date: true` on an indicator that is a level, not a total over the plan",
    ),
    Problem(
        "unit-mismatch",
        E,
        "unit {unit!r} does not convert to {name}'s unit {expected!r}",
        "单位 {unit!r} 无法换算为{name}的单位 {expected!r}",
        "a stated unit that does not convert to the indicator's (人↔万人, 人次↔万人次,"
        " 元/万元/亿元, 张↔万张 do)",
    ),
    Problem(
        "child-exceeds-parent",
        E,
        "{name} ({value}) is larger than its parent {parent} ({parent_value} {unit}),"
        " of which it is a part (其中)",
        "{name}（{value}）大于其所属的{parent}（{parent_value} {unit}），其中项不能超过总项",
        "a 其中 row larger than its parent in the same unit (the row is left out)",
    ),
    Problem(
        "unit-converted",
        INFO,
        "{given} {unit} converted to {value} {expected}",
        "{given} {unit} 已换算为 {value} {expected}",
        "a figure given in another unit of the same kind, and what it became",
    ),
    # ---- across files and against the plan
    Problem(
        "running-total",
        W,
        "{name} is a yearly flow summed by tnplan, but {value} is close to the total to date"
        " ({total} over {years} in {where}, plus a year): give {year}'s own figure",
        "{name}按年度新增数累计，但 {value} 接近截至上年的累计数（{where} 中 {years} 年共"
        " {total}）再加一年：请填 {year} 年当年的数字",
        "a cumulative indicator given as the total to date rather than the year's flow (the"
        " figure is at least 90 % of the total to date the year before plus one more average"
        " year)",
    ),
    Problem(
        "unit-slip",
        E,
        "{name}: {given} looks like {written} ({ratio} against about {around} {unit}, from"
        " {basis}): {given}{as_unit} = {value} {unit}: {fix}",
        "{name}：{given} 像是{written}（{basis}所示约为 {around} {unit}，相差 {ratio}）："
        "{given}{as_unit} = {value} {unit}：{fix}",
        "a figure off from what the indicator can plausibly be (its baseline, target and"
        " earlier years) by a unit step: 10^4 (人 for 万人), 10^8 (元 for 亿元) or 100 (a"
        " percentage written as a fraction); the figure is left out unless the code is"
        " ignored or made a warning",
        judgement=True,
    ),
    Problem(
        "implausible-jump",
        W,
        "{name} moves from {old} to {new} {unit} ({ratio}) against {previous} in {file}:"
        " is the unit right?",
        "{name}从 {previous} 年（{file}）的 {old} 变为 {new} {unit}（{ratio}）：单位是否填错？",
        "a figure ten times larger or smaller than the previous year's (in the same run, or"
        " `YYYY.yaml` beside the file), but not by a unit step",
    ),
    Problem(
        "missing-indicators",
        W,
        "{absent} of the {total} indicators of {scope} are not reported ({main}missing is not"
        " zero): {shown}{more}",
        "{scope}的 {total} 项指标中有 {absent} 项未报送（{main}缺报不按零计）：{shown}{more}",
        "indicators that the file leaves out, of its `tier:` (a template records the tier it was"
        " made for) or of the whole plan (listed once, by name; missing is not zero)",
        at_key=True,
    ),
)

CHOICE_PROBLEMS = (
    # ---- choosing what fails
    Problem(
        "invalid-config",
        E,
        "not TOML: {reason}",
        "不是有效的 TOML：{reason}",
        "a config file (`tnplan.toml`, `[tool.tnplan]` in pyproject.toml) that is not TOML, or"
        " a key or value it does not take",
        forms={
            "too-long": Words(
                "the config is {chars} characters; tnplan reads configs of at most {limit}"
                " (a config holds a few lines)",
                "配置文件有 {chars} 个字符；tnplan 读取的配置最多 {limit} 个字符（配置只需几行）",
            ),
            "too-deep": Words(
                "arrays or tables nested more than {limit} deep; a config nests none",
                "数组或表嵌套超过 {limit} 层；配置文件无需嵌套",
            ),
            "not-a-table": Words("[tool.tnplan] must be a table", "[tool.tnplan] 应为表"),
            "unknown-key": Words("unknown key {key!r}{hint}", "未知的键 {key!r}{hint}"),
            "wrong-type": Words("{key} must be {expected}", "{key} 应为{expected}"),
        },
    ),
    Problem(
        "unknown-code",
        E,
        "unknown code {code!r}{hint}",
        "未知的代码 {code!r}{hint}",
        "a code to ignore or warn about (`--ignore`, a config file, `# tnplan: ignore[…]`)"
        " that is not one of these",
    ),
    Problem(
        "cannot-ignore",
        E,
        "{code!r} cannot be ignored or made a warning: its figure cannot be used, and would"
        " be left out without a word (warnings, notes and unit-slip can be)",
        "{code!r} 不能忽略或降为警告：相关数字无法使用，忽略会让它悄无声息地缺失"
        "（可以忽略的是警告、提示和 unit-slip）",
        "an error named to ignore or warn about whose figure cannot be used (only warnings,"
        " notes and errors that are judgements, such as `unit-slip`, can be silenced)",
    ),
)
