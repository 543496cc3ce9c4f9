"""Parts of messages, by name: what a message adds where it applies (a hint, the reading a
value was given), in English and Chinese; part of the one catalogue (model/catalogue.py), and
filled in by its ``phrase()``. A phrase is a ``str.format`` template, as a message is."""

from __future__ import annotations

from .command_phrases import COMMAND_PHRASES
from .problem import Words

__all__ = ["PHRASES"]

PHRASES = {
    # ---- a YAML syntax error
    "yaml.tabs": Words(
        "; YAML does not allow tabs for indentation: use spaces",
        "；YAML 不允许用制表符缩进，请用空格",
    ),
    "yaml.full-width-colon": Words(
        "; line {line} has a full-width colon '：' where YAML needs ':' followed by a space",
        "；第 {line} 行用了全角冒号“：”，YAML 需要半角冒号“:”加一个空格",
    ),
    "yaml.line-separator": Words(
        "; the file holds a Unicode line separator (U+0085, U+2028 or U+2029), which YAML 1.1"
        " reads as a line break where editors show none",
        "；文件中有 Unicode 行分隔符（U+0085、U+2028 或 U+2029），"
        "YAML 1.1 把它读作换行，编辑器却不显示换行",
    ),
    # ---- what a file is instead
    "file.no-ending": Words("a file without an ending", "无扩展名的文件"),
    "zip.word": Words(" (a Word document)", "（而是 Word 文档）"),
    "zip.powerpoint": Words(" (a PowerPoint file)", "（而是 PowerPoint 文件）"),
    "zip.opendocument": Words(" (an OpenDocument file)", "（而是 OpenDocument 文件）"),
    "sheet.hidden": Words("hidden", "隐藏"),
    "sheet.very-hidden": Words(
        "very hidden (Excel's menus cannot show it again)", "深度隐藏（Excel 菜单无法取消）"
    ),
    "header.workbook": Words(
        " in the sheet {sheet}: a header row naming the columns 指标id and 数值 (or id and value),"
        " as tnplan new --format xlsx writes it",
        "（工作表 {sheet} 中应有一行表头，含“指标id”和“数值”两列，"
        "如 tnplan new --format xlsx 所写）",
    ),
    "row.figure-without-id": Words(
        " (row {row} has a figure in column {column})", "（第 {row} 行在 {column} 列有数值）"
    ),
    # ---- a plan chosen that is not there, or not one (a usage error)
    "choice.no-plan": Words(
        "no plan {wanted!r} in {root}; its plans: {plans}",
        "{root} 中没有规划 {wanted!r}；其中的规划：{plans}",
    ),
    "choice.none-at-root": Words(
        "{root} holds {count} plans and none at its root: choose one with --plan (or"
        " TNPLAN_PLAN): {plans}",
        "{root} 中有 {count} 个规划，根目录下没有规划：请用 --plan（或 TNPLAN_PLAN）选择一个："
        "{plans}",
    ),
    "choice.same-id": Words(
        "{count} plans in {root} have the id {id!r} (folders: {folders}): choose one by its"
        " folder, and give each plan its own id",
        "{root} 中有 {count} 个规划的 id 都是 {id!r}（目录：{folders}）：请用目录名选择，并为每个"
        "规划设不同的 id",
    ),
    "choice.not-following": Words(
        "{start}-{end} does not follow {plan} ({first}-{last}): its baseline year {year} must be"
        " one of that plan's years",
        "{start}-{end} 年不接续 {plan}（{first}-{last} 年）：其基期 {year} 年应在该规划期之内",
    ),
    # ---- a plan's ids, as a message names their kind
    "kind.group": Words("group", "分组"),
    "kind.indicator": Words("indicator", "指标"),
    "kind.crosscheck": Words("crosscheck", "核对项"),
    # ---- a workbook or a document beyond tnplan's bounds
    "bounds.parts": Words(
        "it holds {parts} parts; a workbook or a document has a few dozen (at most {limit} are"
        " read)",
        "其中有 {parts} 个部件；工作簿或文档只有几十个（最多读取 {limit} 个）",
    ),
    "bounds.unpacked": Words(
        "it unpacks to more than {limit} bytes ({mib} MiB, the most tnplan unpacks)",
        "解压后超过 {limit} 字节（{mib} MiB，tnplan 的上限）",
    ),
    "bounds.no-cell": Words(
        "a cell is at {ref!r}, which is no cell of a sheet (the last is XFD1048576)",
        "有单元格位于 {ref!r}，工作表没有这样的单元格（最后一个是 XFD1048576）",
    ),
    "bounds.cells": Words(
        "the sheet 填报 {how} A1:{corner}, more than {limit} cells; a submission needs a few"
        " hundred",
        "工作表 填报 {how} A1:{corner}，超过 {limit} 个单元格；报送只需几百个",
    ),
    "extent.declared": Words("declares its extent as", "声明其范围为"),
    "extent.spans": Words("spans", "范围为"),
    "bounds.strings": Words(
        "its table of shared strings holds, or claims, more than {limit} strings",
        "其共享字符串表含有（或声称含有）超过 {limit} 个字符串",
    ),
    "bounds.sheets": Words("it lists too many sheets", "其中列出的工作表过多"),
    "bounds.total-time": Words(
        "reading it took longer than {seconds} s", "读取时间超过 {seconds} 秒"
    ),
    "bounds.page-time": Words(
        "a page took longer than {seconds} s to read", "某一页的读取时间超过 {seconds} 秒"
    ),
    "bounds.pages": Words(
        "it has more than {pages} pages; a plan has a few hundred at most",
        "页数超过 {pages}；规划最多几百页",
    ),
    "bounds.memory": Words(
        "reading it needed more than {mib} MiB of memory", "读取所需内存超过 {mib} MiB"
    ),
    "bounds.memory-or-depth": Words(
        "reading it needed more than {mib} MiB of memory, or nests too deep",
        "读取所需内存超过 {mib} MiB，或嵌套过深",
    ),
    "bounds.memory-or-time": Words(
        "reading it needed more than {mib} MiB of memory or its time budget",
        "读取所需内存超过 {mib} MiB 或超出时间限制",
    ),
    "document.html": Words("HTML page", "HTML 网页"),
    "document.word": Words("Word document", "Word 文档"),
    "document.pdf": Words("PDF", "PDF 文件"),
    # ---- the shape of a submission
    "keys.submission": Words("year, provenance and values", "year、provenance 和 values"),
    "missing.values": Words(" (indicator id: number)", "（指标 id: 数值）"),
    "missing.year": Words("", "（年份）"),
    "missing.provenance": Words(" ({allowed})", "（数据性质：{allowed}）"),
    "missing.value": Words("", "（数值）"),
    "hint.did-you-mean": Words("; did you mean {near!r}?", "；是否应为 {near!r}？"),
    "hint.keys": Words("; expected one of: {keys}", "；可用的键：{keys}"),
    "hint.config-keys": Words("; the keys are: {keys}", "；可用的键：{keys}"),
    "expected.text": Words("text; quote it", "文字，请加引号"),
    "expected.bool": Words("true or false", " true 或 false"),
    "expected.codes": Words("a list of codes", "代码列表"),
    "expected.mapping": Words("a mapping of indicator ids to numbers", "“指标 id: 数值”的映射"),
    "provenance.empty": Words("is empty; choose one of", "为空，请选择"),
    "provenance.not-one-of": Words("{given} is not one of", "{given} 不在可选值之内"),
    # ---- what a value that is not a number is, and the likely slip
    "is.text": Words("is text", "是文字"),
    "is.yaml11-text": Words(
        "is read as text by YAML 1.1 (PyYAML)", "在 YAML 1.1（PyYAML）中被读作文字"
    ),
    "is.date": Words("is read as a date", "被读作日期"),
    "is.boolean": Words("is a boolean", "是布尔值"),
    "is.list": Words("is a list", "是列表"),
    "is.mapping": Words("is a mapping", "是映射"),
    "is.other": Words("is a {kind}", "是 {kind}"),
    "hint.no-exponent": Words(
        ": write it without an exponent, e.g. {plain}", "：请不用指数写法，如 {plain}"
    ),
    "hint.write-zero": Words(": write it as 0", "：请写作 0"),
    "hint.nearer-zero": Words(
        ": at {text} it is nearer zero than any figure tnplan accepts",
        "：且 {text} 过于接近零，tnplan 不接受",
    ),
    "hint.too-large": Words(
        ": at {text} it is too large (larger than any figure tnplan accepts)",
        "：且 {text} 超出了 tnplan 接受的范围",
    ),
    "hint.thousands": Words(
        ": drop the thousands separators ({plain})", "：请去掉千位分隔符（{plain}）"
    ),
    "hint.thousands-unit": Words(
        ": drop the thousands separators, and mind the unit: {plain}{as_unit} = {value}: {fix}",
        "：请去掉千位分隔符，并注意单位：{plain}{as_unit} = {value}：{fix}",
    ),
    "hint.percent": Words(": drop the percent sign ({plain})", "：请去掉百分号（{plain}）"),
    "hint.full-width-digits": Words(
        ": it is written in full-width digits; write {plain}", "：用了全角数字，请写作 {plain}"
    ),
    "hint.quotes": Words(": remove the quotes", "：请去掉引号"),
    # ---- the indicators a file leaves out, and the bases a figure is judged by
    "the.plan": Words("the plan", "规划"),
    "the.plan-and-earlier": Words("the plan and the earlier years", "规划和往年数据"),
    "scope.tier": Words(
        "the file's tier, {tier} ({heading})", "本文件所填层级 {tier}（{heading}）"
    ),
    "missing.main": Words("{main} of them main indicators; ", "其中主要指标 {main} 项；"),
    "missing.more": Words(" and {more} more", " 等另 {more} 项"),
    # ---- a plan's rules
    "bound.floor": Words("a floor", "下限"),
    "bound.ceiling": Words("a ceiling", "上限"),
    "direction.lower": Words("lower", "越低"),
    "direction.higher": Words("higher", "越高"),
    "previous.none": Words("(none: plan.previous is not set)", "（无：plan 未设 previous）"),
    # ---- codes to ignore or warn about
    "hint.catalogue-lists": Words(
        "; `python -m tongnan_plan.model.catalogue` lists them",
        "；`python -m tongnan_plan.model.catalogue` 列出全部代码",
    ),
    "hint.another-unknown-code": Words(
        "{hint} (and {rest} more unknown code: {named}{more})",
        "{hint}（另有 {rest} 个未知代码：{named}{more}）",
    ),
    "hint.more-unknown-codes": Words(
        "{hint} (and {rest} more unknown codes: {named}{more})",
        "{hint}（另有 {rest} 个未知代码：{named}{more}）",
    ),
    # ---- what a clerk typed instead of a number (validate/clerk_hints.py)
    "hint.no-figure": Words(
        ": if there is no figure, delete the line (missing is never zero; do not write 0)",
        "：没有数据请删去该行（缺报不按零计，也不要填 0）",
    ),
    "hint.estimate": Words(
        ": write the number, {number}{unit}, and mark the file `provenance: estimate` (an"
        " estimate is said as one)",
        "：请只填数字 {number}{unit}，并在文件中写 `provenance: estimate`（估计数要标明）",
    ),
    "hint.number-alone": Words(
        ": write the number alone, {number}{unit}", "：请只填数字 {number}{unit}"
    ),
    "unit.goes": Words(" (the unit {unit} goes)", "（去掉单位 {unit}）"),
    "unit.already": Words(" ({own} is the indicator's unit already)", "（{own} 即该指标的单位）"),
    "unit.not-convertible": Words(
        " in the indicator's unit, {own} ({unit} is not one it converts from)",
        "，按该指标的单位 {own} 填写（{unit} 无法换算）",
    ),
    "unit.converts": Words(
        " with `unit: {unit}` beside it (tnplan converts it: {converted} {own}), or {converted}"
        " in {own}",
        "，并另写 `unit: {unit}`（tnplan 会换算为 {converted} {own}），或直接填 {converted}",
    ),
    # ---- a figure off by a unit step (validate/plausible.py)
    "slip.fraction": Words("a fraction of one", "以小数填写的"),
    "slip.as-fraction": Words(" as a fraction", "（小数）"),
    "slip.in-unit": Words("a figure in {unit}", "按“{unit}”填写的"),
    "slip.write": Words("write {value}", "请写 {value}"),
    "slip.write-or-unit": Words(
        "write {value}, or add unit: {unit}", "请写 {value}，或注明单位：{unit}"
    ),
    # ---- an unknown indicator
    "hint.write-its-id": Words("; write its id {id!r} ({name})", "；请写它的 id {id!r}（{name}）"),
    "hint.did-you-mean-named": Words(
        "; did you mean {near!r} ({name})?", "；是否应为 {near!r}（{name}）？"
    ),
    **COMMAND_PHRASES,
}
