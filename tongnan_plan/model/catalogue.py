"""Every diagnostic code tnplan emits, once: its severity, its messages in English and Chinese,
and a line of documentation (the README's table of codes is made from it).

A message is a ``str.format`` template; its parameters are plain values, or :class:`Words`
where the wording differs by language. Run ``python -m tongnan_plan.model.catalogue`` to print
the README's table.
"""

from __future__ import annotations

from collections.abc import Mapping

from .diagnostics import Diagnostic
from .plan_problems import PLAN_FILE_PROBLEMS
from .problem import INFO, E, Problem, W, Words
from .wording import figure_text, ratio_text, shorten

__all__ = [
    "CATALOGUE",
    "PROBLEMS",
    "Problem",
    "Words",
    "diagnostic",
    "figure_text",
    "markdown_table",
    "ratio_text",
    "render",
    "shorten",
]


PROBLEMS = (
    # ---- reading the file
    Problem(
        "file-not-found", E, "no such file", "文件不存在", "the file does not exist", usage=True
    ),
    Problem(
        "is-directory",
        E,
        "is a directory, not a file",
        "这是一个目录，不是文件",
        "a directory was named where a file belongs",
        usage=True,
    ),
    Problem(
        "unsupported-format",
        E,
        "tnplan reads submissions as {suffixes}, not {given}",
        "tnplan 读取的报送文件格式为 {suffixes}，不包括 {given}",
        "a file whose ending names no format tnplan reads (.yaml, .yml, .csv and .xlsx do)",
        usage=True,
    ),
    Problem(
        "file-unreadable",
        E,
        "{reason}",
        "无法读取：{reason}",
        "the file cannot be read (permissions, an I/O error)",
    ),
    Problem(
        "file-too-large",
        E,
        "file is {size} bytes; tnplan reads at most {limit} bytes",
        "文件有 {size} 字节，tnplan 最多读取 {limit} 字节",
        "a file over 16 MiB is refused before it is parsed",
    ),
    Problem(
        "not-utf8",
        E,
        "file is not UTF-8 ({detail})",
        "文件不是 UTF-8 编码（{detail}）",
        "not UTF-8 (a UTF-8 BOM is fine); GBK files are recognised and the message says how to"
        " convert them",
    ),
    Problem(
        "empty-file",
        E,
        "file holds no {what}",
        "文件中没有{what}",
        "no YAML document, or a CSV without a header row",
    ),
    # ---- YAML and CSV syntax
    Problem(
        "yaml-syntax",
        E,
        "YAML does not parse: {problem}",
        "YAML 无法解析（{problem}）",
        "YAML that does not parse (the message points at the key or bracket concerned, and"
        " names tabs and full-width colons `：`)",
    ),
    Problem(
        "too-deep",
        E,
        "nesting is deeper than tnplan accepts ({limit} levels)",
        "嵌套层数超过 tnplan 接受的 {limit} 层",
        "nesting deeper than any submission needs",
    ),
    Problem(
        "duplicate-key",
        E,
        "key {key!r} appears again (first at line {first}); YAML would silently keep only the last",
        "键 {key!r} 重复出现（第一次在第 {first} 行）；YAML 会悄悄只保留最后一个",
        "a key (or a CSV id) given twice, where PyYAML would silently keep the last: both lines"
        " are named",
    ),
    Problem(
        "yaml-alias",
        E,
        "value is an alias of the anchor {anchor!r}; tnplan does not accept YAML aliases:"
        " write the value out",
        "此值是锚点 {anchor!r} 的别名；tnplan 不接受 YAML 别名，请直接写出数值",
        "anchors and aliases: refused, never expanded",
    ),
    Problem(
        "yaml-merge-key",
        E,
        "merge keys ('<<') are not accepted: write the keys out",
        "不接受合并键（'<<'），请逐个写出",
        "`<<` merge keys: refused",
    ),
    Problem(
        "yaml-tag",
        E,
        "tag {tag!r} is not allowed: tnplan reads plain data only (no objects, no binary, no sets)",
        "不允许使用标签 {tag!r}：tnplan 只读取普通数据",
        "tags such as `!!python/object`: refused, never constructed",
    ),
    Problem(
        "yaml-complex-key",
        E,
        "a key must be a plain name",
        "键必须是简单的名称",
        "a mapping or list used as a key",
    ),
    Problem(
        "key-not-text",
        E,
        "key {key!r} is read as a {kind} by YAML 1.1, not as a name; quote it",
        "键 {key!r} 在 YAML 1.1 中被读作 {kind}，不是名称，请加引号",
        "a key YAML 1.1 reads as something other than a name (`yes` is true)",
    ),
    Problem(
        "yaml11-boolean",
        E,
        "{text!r} is read as the boolean {value} by YAML 1.1; quote it if it is text",
        "{text!r} 在 YAML 1.1 中被读作布尔值 {value}；如果是文字请加引号",
        "YAML 1.1 reads `no`, `yes`, `on`, `off` as booleans",
    ),
    Problem(
        "yaml11-octal",
        E,
        "{text!r} is read as the octal number {value} by YAML 1.1;"
        " write {decimal} without the leading zero",
        "{text!r} 在 YAML 1.1 中被读作八进制数 {value}；请去掉开头的 0，写作 {decimal}",
        "YAML 1.1 reads `010` as 8",
    ),
    Problem(
        "yaml11-sexagesimal",
        E,
        "{text!r} is read as the base-60 number {value} by YAML 1.1; quote it if it is text",
        "{text!r} 在 YAML 1.1 中被读作六十进制数 {value}；如果是文字请加引号",
        "YAML 1.1 reads `1:30` as 90",
    ),
    Problem(
        "csv-syntax",
        E,
        "a quoted cell is never closed: it runs to the end of the file",
        "引号内的单元格没有闭合，一直延续到文件末尾",
        "a CSV cell opened with a quote and never closed",
    ),
    Problem(
        "extra-cells",
        E,
        "row has {cells} cells, the header {columns}",
        "此行有 {cells} 格，表头只有 {columns} 列",
        "a CSV row with more cells than its header has columns",
    ),
    # ---- workbooks
    Problem(
        "not-a-workbook",
        E,
        "{problem}",
        "{problem}",
        "a .xlsx file that is no workbook tnplan can read: damaged, a zip of something else,"
        " an old .xls renamed, or protected by a password (the message says which)",
    ),
    Problem(
        "missing-sheet",
        E,
        "the workbook has no sheet {sheet!r} (its sheets: {sheets}); a template that has it is"
        " made by: tnplan new YEAR --format xlsx",
        "工作簿中没有名为 {sheet!r} 的工作表（现有：{sheets}）；可用 tnplan new 年份 --format xlsx"
        " 生成模板",
        "a workbook without the sheet 填报 that `tnplan new --format xlsx` writes",
    ),
    Problem(
        "formula-without-value",
        E,
        "the cell holds the formula {formula} but no saved result; open the file in Excel or"
        " WPS and save it (which calculates the formula), or type the number",
        "该单元格是公式 {formula}，但没有保存计算结果：请在 Excel 或 WPS 中打开并保存"
        "（会计算公式），或直接填写数字",
        "a formula whose result was never saved (a workbook is read by the results saved with"
        " its formulas)",
    ),
    Problem(
        "formula-error",
        E,
        "the formula {formula} gives the error {error}, not a number",
        "公式 {formula} 的结果是错误值 {error}，不是数字",
        "a formula whose saved result is an error value (`#DIV/0!`, `#REF!`, …)",
    ),
    Problem(
        "error-value",
        E,
        "the cell holds the error value {error}, not a figure: type the number, or leave the"
        " cell empty if the figure is not reported",
        "该单元格是错误值 {error}，不是数字：请填写数字；未报送的请留空",
        "an error constant such as `#N/A` typed or pasted into a value cell (never read as"
        " a figure not reported)",
    ),
    Problem(
        "misplaced-figure",
        E,
        "the {header} cell holds the number {given}, and the value cell {value_cell} is empty:"
        " a figure goes in the value cell (数值); move it there, or clear this cell",
        "{header} 单元格中是数字 {given}，而数值单元格 {value_cell} 为空：数字应填在“数值”列；"
        "请移过去，或清空此单元格",
        "a number typed into the source, note or unit column of a row whose value cell is"
        " empty (never read as a figure not reported)",
    ),
    Problem(
        "workbook-beyond-bounds",
        E,
        "{problem}: tnplan refuses a workbook beyond these bounds before it reads it",
        "{problem}：超出这些界限的工作簿在读取前即被拒绝",
        "a workbook that unpacks to more than 64 MiB, or whose sheet 填报 spans more than"
        " 200,000 cells or reaches past XFD1048576, or whose shared strings are too many;"
        " measured by streaming, never taken from the sizes the file declares",
    ),
    Problem(
        "duplicate-sheet",
        E,
        "the workbook has {count} sheets named {sheet!r}: tnplan cannot tell which holds the"
        " figures; keep one",
        "工作簿中有 {count} 个名为 {sheet!r} 的工作表，无法判断数据在哪一个：请只保留一个",
        "two or more sheets of the same name 填报 (Excel never writes this; a tool could)",
    ),
    Problem(
        "hidden-sheet",
        W,
        "the sheet {sheet!r} is {state}: its figures are read, though nobody who opens the"
        " workbook sees them",
        "工作表 {sheet!r} 已{state}：其中的数字照常读取，但打开工作簿的人看不到它",
        "the sheet 填报 is hidden, or very hidden (which Excel's menus cannot undo)",
    ),
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
    *PLAN_FILE_PROBLEMS,
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
    ),
    Problem(
        "unknown-key",
        E,
        "unknown key {key!r}{hint}",
        "未知的键 {key!r}{hint}",
        "a key (or CSV column) tnplan does not know; the nearest known one is suggested",
        at_key=True,
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
    # ---- plan documents (extract)
    Problem(
        "unknown-format",
        E,
        "cannot read {suffix} files; give .txt, .md, .html, .docx or .pdf",
        "无法读取 {suffix} 文件；请提供 .txt、.md、.html、.docx 或 .pdf",
        "a plan document whose ending and first bytes name no format extract reads",
        usage=True,
    ),
    Problem(
        "binary-file",
        E,
        "a binary file, not text; give the plan as .txt, .md, .html, .docx or .pdf",
        "这是二进制文件，不是文本；请提供 .txt、.md、.html、.docx 或 .pdf 格式的规划",
        "a plan document named as text or HTML that holds binary bytes",
        usage=True,
    ),
    Problem(
        "unreadable-document",
        E,
        "cannot read this {what}: {reason}",
        "无法读取此{what}：{reason}",
        "an HTML page, Word document or PDF its parser cannot read",
    ),
    Problem(
        "document-beyond-bounds",
        E,
        "{bound}: tnplan refuses a document beyond these bounds",
        "{bound}：超出这些界限的文档不予读取",
        "a plan document larger or deeper than tnplan reads (pages, parts, nesting, time)",
    ),
    Problem(
        "no-text-layer",
        E,
        "the PDF has no text layer (a scan?); extract reads text, not images",
        "PDF 没有文字层（扫描件？）；extract 只能读取文字，不能识别图像",
        "a PDF of pictures only (a scan): there is no text to draft a plan file from",
    ),
    # ---- choosing what fails
    Problem(
        "invalid-config",
        E,
        "{problem}",
        "{problem}",
        "a config file (`tnplan.toml`, `[tool.tnplan]` in pyproject.toml) that is not TOML, or"
        " a key or value it does not take",
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

#: Every code, by name.
CATALOGUE: Mapping[str, Problem] = {p.code: p for p in PROBLEMS}


def render(code: str, params: Mapping[str, object]) -> Words:
    """The message of code with its parameters filled in, in English and in Chinese."""
    problem = CATALOGUE[code]
    en = {k: v.en if isinstance(v, Words) else v for k, v in params.items()}
    zh = {k: v.zh if isinstance(v, Words) else v for k, v in params.items()}
    return Words(problem.en.format_map(en), problem.zh.format_map(zh))


def diagnostic(code: str, file: str, line: int, column: int, /, **params: object) -> Diagnostic:
    """A diagnostic of code at file:line:column, its message made from the catalogue."""
    message = render(code, params)
    severity = CATALOGUE[code].severity
    return Diagnostic(file, line, column, severity, code, message.en, "", message.zh)


def markdown_table() -> str:
    """The README's table of codes: one row a code, in the catalogue's order."""
    rows = ["| code | severity | what it means |", "| --- | --- | --- |"]
    rows += [f"| `{p.code}` | {p.severity} | {p.doc} |" for p in PROBLEMS]
    return "\n".join(rows) + "\n"


if __name__ == "__main__":  # pragma: no cover - a tool for the README
    print(markdown_table(), end="")
