"""The commands' own messages, by name: usage errors, notices and the summaries tnplan prints
on standard error, in English and Chinese; part of the catalogue's phrases (model/phrases.py),
filled in by ``phrase()`` and called by name from cli/."""

from __future__ import annotations

from .problem import Words

__all__ = ["COMMAND_PHRASES"]

COMMAND_PHRASES = {
    # ---- a usage error of an option
    "usage.year-outside-plan": Words(
        "--year {year} is outside the plan period {first}-{last}",
        "--year {year} 不在规划期 {first}-{last} 年之内",
    ),
    "usage.schema-yaml-only": Words("--schema is for YAML templates", "--schema 只用于 YAML 模板"),
    "usage.results-need-previous": Words(
        "--results needs --previous", "--results 需与 --previous 一起使用"
    ),
    "usage.no-indicator": Words("no indicator {wanted!r}{hint}", "没有指标 {wanted!r}{hint}"),
    "usage.period-form": Words(
        "--period {period!r} is not a period such as 2026-2030",
        "--period {period!r} 不是规划期，应写作 2026-2030 这样的形式",
    ),
    "usage.period-range": Words(
        "--period {period!r}: a plan runs forward, within {first}-{last}, for at most {most} years",
        "--period {period!r}：规划期应由前往后，在 {first}-{last} 年之内，最长 {most} 年",
    ),
    "usage.cannot-make": Words(
        "cannot make {directory}: {reason}", "无法创建 {directory}：{reason}"
    ),
    # ---- the format an output is written in (present/writers.py)
    "format.excel-not-csv": Words(
        "--excel writes CSV for Excel; it does not go with --format {given}",
        "--excel 用于写给 Excel 的 CSV，不能与 --format {given} 同用",
    ),
    "format.ending-not-written": Words(
        "{output}: tnplan {command} does not write {suffix} files; it writes {endings}",
        "{output}：tnplan {command} 不写 {suffix} 文件；可写 {endings}",
    ),
    "format.ending-not-given": Words(
        "{output}: its ending names {named}, not the --format {given} asked for"
        " (a {given} file ends in {wanted})",
        "{output}：文件扩展名表示 {named}，与 --format {given} 不符"
        "（{given} 文件的扩展名为 {wanted}）",
    ),
    # ---- where an output goes (cli/output.py)
    "output.format-not-offered": Words(
        "{fmt} is not written here; this output is written as {offered}",
        "此项输出不能写成 {fmt}；可写 {offered}",
    ),
    "output.same-file": Words(
        "{first} and {option} both name {shown}: give each its own file",
        "{first} 与 {option} 都指向 {shown}：请各用一个文件",
    ),
    "output.directory": Words(
        "{shown} is a directory; give a file name (-o DIR/NAME)",
        "{shown} 是一个目录；请给出文件名（-o 目录/文件名）",
    ),
    "output.exists": Words(
        "{shown} exists; add --force to replace it", "{shown} 已存在；如需覆盖请加 --force"
    ),
    "output.not-regular": Words(
        "{shown} is {kind}, not a regular file: tnplan writes only regular files"
        " (use -o - for standard output)",
        "{shown} 是{kind}，不是普通文件：tnplan 只写普通文件（写到标准输出请用 -o -）",
    ),
    "output.name-too-long": Words(
        "{shown}: the file name is too long{said}", "{shown}：文件名过长{said}"
    ),
    "output.no-folder": Words(
        "{shown}: the folder {folder} does not exist", "{shown}：目录 {folder} 不存在"
    ),
    "output.cannot-write": Words("cannot write {shown}: {reason}", "无法写入 {shown}：{reason}"),
    "output.draft-unreadable": Words(
        "tnplan: internal error: the draft would not load ({problem}); nothing was written."
        " Please report this",
        "tnplan：内部错误：草稿无法读回（{problem}），未写入任何文件，请报告此问题",
    ),
    "output.binary-to-terminal": Words(
        "a workbook or a Word document is written to a file: add -o FILE.xlsx or"
        " -o FILE.docx (or -o - into a pipe)",
        "工作簿和 Word 文档需写入文件：请加 -o 文件名.xlsx 或 -o 文件名.docx（或用 -o - 写入管道）",
    ),
    "output.wrote": Words("wrote {shown}", "已写入 {shown}"),
    "output.stdout-failed": Words(
        "tnplan: cannot write to standard output: {reason}", "tnplan：无法写入标准输出：{reason}"
    ),
    "output.stdout-escaped": Words(
        "tnplan: standard output's encoding ({encoding}) cannot show {count} character(s);"
        " they were written as \\u escapes: set PYTHONIOENCODING=utf-8 or use -o FILE",
        "tnplan：标准输出的编码（{encoding}）无法显示其中 {count} 个字符，已写成 \\u"
        " 转义形式：请设置 PYTHONIOENCODING=utf-8 或用 -o 写入文件",
    ),
    # ---- notices of a run (cli/notices.py, cli/loading.py)
    "notice.unfinished": Words(
        "tnplan: {count} targets of {plan} are still to be written (todo: see tnplan check):"
        " they have no target yet",
        "tnplan：{plan} 有 {count} 项目标尚未填写（todo，见 tnplan check），暂按无目标处理",
    ),
    "notice.config-also": Words(" with --ignore and --warn-only", "及 --ignore、--warn-only"),
    "notice.config-changed": Words(
        "tnplan: the config file {shown}{also} ignored or made warnings of {count} problem(s) here",
        "tnplan：配置文件 {shown}{also} 忽略或降级了 {count} 个问题",
    ),
    "notice.config-unusable": Words(
        "tnplan: the config file {files} cannot be used; none of its settings applied:",
        "tnplan：配置文件 {files} 有错误，其设置均未采用：",
    ),
    "notice.errors-left-out": Words(
        "tnplan: {count} error(s) in the submissions; those figures were left out:",
        "tnplan：报送数据中有 {count} 个错误，相关数字未计入：",
    ),
    "notice.warnings": Words(
        "tnplan: the submissions counted carry {count} warning(s)"
        " (tnplan check lists them all; --quiet silences this):",
        "tnplan：计入的报送数据有 {count} 个警告（tnplan check 列出全部；--quiet 不再提示）：",
    ),
    "notice.more": Words("  … and {count} more", "  …… 另有 {count} 个"),
    # ---- what a draft holds (cli/drafting.py, cli/plans.py)
    "draft.rows": Words("rows", "行"),
    "draft.of-previous": Words(", previous plan", "，上一规划"),
    "draft.no-tables": Words("none", "无"),
    "draft.summary": Words(
        "tables: {tables}; targets in the text: {targets}; questions open: {questions}",
        "指标表：{tables}；正文目标：{targets} 个；待复核问题：{questions} 个",
    ),
    "draft.nothing-found": Words(
        "tnplan: {shown}: no indicator table or target found",
        "tnplan: {shown}: 没有找到指标表或目标",
    ),
    "draft.no-previous-table": Words(
        "tnplan: {shown}: no previous plan's table found", "tnplan: {shown}: 没有上一规划的指标表"
    ),
    "draft.no-headers": Words(
        "  no header of an indicator table seen (a row naming 指标 and a year, 十N五, "
        "基期 or 目标 column)",
        "  未见指标表表头（含“指标”列及年份、“十N五”、基期或目标列的一行）",
    ),
    "draft.header-at": Words("{where}: {cells}", "{where}：{cells}"),
    "draft.headers-seen": Words(
        "  headers seen, and why no table was read:", "  见到的表头及未能读出的原因："
    ),
    "draft.more-headers": Words("  … and {count} more", "  ……另有 {count} 处"),
    "draft.from-previous": Words(
        "{count} indicators of {plan}: {known} baselines from its {year} figures, {unknown}"
        " left null (not complete); {count} targets to write (tnplan check {written})",
        "{count} 项指标（{plan}）：基期取自其 {year} 年数据 {known} 项，{unknown}"
        " 项数据不全留空；{count} 项目标待填写（tnplan check {written}）",
    ),
}
