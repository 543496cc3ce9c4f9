"""The Chinese of every --help text, keyed by the English the commands are written with.

A test walks every command and option and fails, naming the text, where one has no Chinese
here: change the English, and its Chinese is asked for. The --format helps are made from the
registry of writers in both languages (see help.format_help_zh), not written here.
"""

from __future__ import annotations

__all__ = ["HELP_ZH", "WORDS_ZH", "WRITER_ABOUT_ZH"]

#: The words Click writes around the help texts.
WORDS_ZH = {
    "Usage:": "用法：",
    "Options:": "选项：",
    "Arguments:": "参数：",
    "Commands:": "命令：",
    "OPTIONS": "选项",
    "COMMAND": "命令",
    "ARGS": "参数",
    "default": "默认",
    "env var": "环境变量",
    "required": "必填",
    "Show this message and exit.": "显示本帮助并退出。",
    "Example:": "示例：",
}

#: What each output format is (writers.WRITERS' `about`), in Chinese.
WRITER_ABOUT_ZH = {
    "a table for the terminal": "终端中的表格",
    "comma-separated values": "逗号分隔",
    "tab-separated values": "制表符分隔",
    "JSON": "JSON",
    "JSON Lines: a record a line": "JSON Lines：每行一条记录",
    "Markdown": "Markdown",
    "a workbook": "Excel 工作簿",
    "an SVG picture": "SVG 图片",
    "a web page": "网页",
    "a Word document": "Word 文档",
    "YAML": "YAML",
}

_LANG = (
    "Language of headers, names, status words and messages (default: TNPLAN_LANG, else the"
    " locale: zh unless the locale is English)."
)

HELP_ZH: dict[str, str] = {
    # ---- the app and the options many commands share
    "Track the indicators of Tongnan District's five-year plans for human resources and"
    " social security.": "跟踪潼南区人力资源和社会保障事业五年规划的各项指标。",
    "Track the indicators of Tongnan District's five-year plans.": "跟踪潼南区五年规划的各项指标。",
    "Show the version and exit.": "显示版本并退出。",
    _LANG: "表头、名称、状态用语和提示信息的语言（默认：TNPLAN_LANG，否则按系统语言环境："
    "英文环境用 en，其余用 zh）。",
    "Plan directory holding targets.yaml and actuals/ (default: ./data if it has targets.yaml,"
    " else the plan shipped with tnplan).": "规划目录，内含 targets.yaml 和 actuals/（默认："
    "当前目录下的 data/（其中有 targets.yaml 时），否则为 tnplan 自带的规划）。",
    "The plan of --data to use, by its id or folder name (default: the plan at the root of"
    " --data, else the only one; see tnplan plans).": "要使用的 --data 中的规划，按编号或目录名"
    "（默认：--data 根目录的规划，否则为唯一的一个；见 tnplan plans）。",
    "The plan's tier of targets: main, goal, action (as the plan heads them: see tnplan plans),"
    " or all (default for status and report: main, or the plan's first tier if it has no main"
    " indicators).": "规划的指标层级：main（主要指标）、goal（目标）、action（行动计划），"
    "或 all（全部）（status 和 report 默认：main；规划没有主要指标时为其第一个层级）。",
    "Evaluate as of this year (default: the latest with data).": "按该年评估（默认：有数据的"
    "最近一年）。",
    "Write to this file (atomically) instead of standard output.": "写入该文件（原子写入），"
    "而不是标准输出。",
    "Replace a file that is already there.": "覆盖已存在的文件。",
    "CSV for Excel: a UTF-8 BOM and CRLF line ends (implies --format csv).": "写给 Excel 的"
    " CSV：带 UTF-8 BOM、CRLF 换行（即 --format csv）。",
    "Expected path for every indicator (default: each indicator's own, linear unless the plan"
    " says compound).": "所有指标的序时路径（默认：各指标自己的，规划未注明复合增长时为线性）。",
    "Do not list the submissions' warnings on standard error.": "不在标准错误输出中列出报送"
    "数据的警告。",
    # ---- status, show, indicators, audit, report, figures
    "Show where every indicator stands: completion, 序时进度 and status.\n\nExample: tnplan"
    " status --year 2023 --format csv --output status.csv": "显示每项指标的进展：完成率、序时"
    "进度和状态。\n\n示例：tnplan status --year 2023 --format csv --output status.csv",
    "Show one indicator's whole story: every year's figure against the expected path and"
    " target.\n\nExample: tnplan show urban_new_jobs --across-plans": "显示一项指标的全过程："
    "各年数字与序时路径和目标的对照。\n\n示例：tnplan show urban_new_jobs --across-plans",
    "An indicator's id or name (see tnplan indicators).": "指标编号或名称（见 tnplan"
    " indicators）。",
    "Draw the indicator through every plan it runs through (previous:, continues:), each"
    " plan's period and target marked.": "跨规划显示该指标（previous:、continues:），标出各"
    "规划的期间和目标。",
    "List the plan's indicators: id, name, unit, kind, attribute, baseline, target,"
    " source.\n\nExample: tnplan indicators --tier main --format json": "列出规划的指标：编号、"
    "名称、单位、类型、属性、基期值、目标值、出处。\n\n示例：tnplan indicators --tier main"
    " --format json",
    "Recompute the completion figures the plan prints, compare figures printed twice, and\neach"
    " baseline with the previous plan's figure for its year (previous:, continues:).\n\n"
    "Verdicts: ok (agrees at the printed precision), not_comparable (a total over a period\n"
    "against a year's figure, units that do not convert, bounds), rounding (differs only by\n"
    "truncation or rounding up), mismatch (the printed figure is not what its inputs give).\n"
    "Exits 1 when a mismatch is found, so that it can guard a published table in CI.\n\n"
    "Example: tnplan audit --data data/13th": "重算规划所印的完成情况，比对印了两次的数字，"
    "并将每个基期值与上一规划该年的数字比对（previous:、continues:）。\n\n结论：ok（按所印精度"
    "一致）、not_comparable（不可比：期间累计对单年数字、单位无法换算、界限值）、rounding"
    "（只因截断或进位而不同）、mismatch（所印数字与其来源算出的不符）。发现不符时退出码为 1，"
    "可在 CI 中把关已公布的表格。\n\n示例：tnplan audit --data data/13th",
    "CSV/JSON: the figures printed twice instead of the completions.": "CSV/JSON：输出印了"
    "两次的数字，而不是完成情况。",
    "CSV/JSON: the baselines against the previous plan's figures instead.": "CSV/JSON：输出"
    "基期值与上一规划数字的比对。",
    "Write the evaluation report: summary, tables by area, a chart per main indicator,"
    " audit.\n\nThe HTML page is self-contained (no network needed) and prints well. The Word"
    " document\n(-o FILE.docx) drafts a sentence per indicator and marks what only a person can"
    " write.\n\nExample: tnplan report --year 2023 -o 中期评估.html": "撰写评估报告：总体情况、"
    "分领域表格、每项主要指标一张图、核对结果。\n\nHTML 页面自成一体（无需联网），打印效果良好。"
    "Word 文档（-o 文件名.docx）为每项指标起草一句，并标出只能由人来写的部分。\n\n示例：tnplan"
    " report --year 2023 -o 中期评估.html",
    "The file to write (atomically); - for standard output.": "要写入的文件（原子写入）；- 表示"
    "标准输出。",
    "List every reported figure, one row per indicator and year: its value, unit,\nprovenance"
    " and source, the running total and the expected value for that year.\n\nDefault: every"
    " tier. For pandas or DuckDB: --format csv or json (see Column types).\n\nExample: tnplan"
    " figures --format csv -o figures.csv": "列出报送的每个数字，每项指标每年一行：数值、单位、"
    "数据性质和来源，以及该年的累计数和序时预期值。\n\n默认：全部层级。供 pandas 或 DuckDB"
    " 读取：--format csv 或 json（见 README 的 Column types）。\n\n示例：tnplan figures"
    " --format csv -o figures.csv",
    # ---- check, schema, new
    "Validate data submissions against the plan, and plan files (their plan: key) on their\nown;"
    " print every problem with file:line:column.\n\nExit 0 when valid (warnings allowed), 1 when"
    " not, 2 for a usage error.\n\nExample: tnplan check --strict --ignore missing-indicators"
    " data/actuals/*.yaml": "按规划检查报送数据，并单独检查规划文件（含 plan: 键者）；每个问题"
    "都注明 文件:行:列。\n\n有效时退出码为 0（允许有警告），无效为 1，用法错误为 2。\n\n示例："
    "tnplan check --strict --ignore missing-indicators data/actuals/*.yaml",
    "Submission files (YYYY.yaml, YYYY.csv, YYYY.xlsx), or plan files (targets.yaml).": "报送"
    "文件（YYYY.yaml、YYYY.csv、YYYY.xlsx）或规划文件（targets.yaml）。",
    "text; json; github (workflow annotations); auto: github under GitHub Actions, else"
    " text.": "text：文本；json；github：GitHub 工作流注释；auto：在 GitHub Actions 中为"
    " github，否则为 text。",
    "Warnings fail the check too (default: the config file's `strict`, else no).": "警告也算"
    "不通过（默认：按配置文件的 `strict`，否则不算）。",
    "Do not report this code (repeatable).": "不报告该代码（可重复使用）。",
    "Report this code as a warning (repeatable).": "把该代码降为警告（可重复使用）。",
    "The config file (default: the nearest tnplan.toml, or pyproject.toml with [tool.tnplan],"
    " from the files' folder up).": "配置文件（默认：从文件所在目录向上最近的 tnplan.toml，"
    "或含 [tool.tnplan] 的 pyproject.toml）。",
    "Stop listing after this many errors.": "列出这么多个错误后不再列出。",
    "Print the JSON Schema of a submission, every indicator id listed, for editors.\n\nPut"
    " `# yaml-language-server: $schema=tnplan.schema.json` at the top of a submission and\nan"
    " editor with the YAML language server completes ids and flags mistakes as you type.\n\n"
    "Example: tnplan schema -o tnplan.schema.json": "输出报送文件的 JSON Schema（列出每个"
    "指标编号），供编辑器使用。\n\n在报送文件开头写上 `# yaml-language-server:"
    " $schema=tnplan.schema.json`，装有 YAML language server 的编辑器就会在输入时补全编号、"
    "标出错误。\n\n示例：tnplan schema -o tnplan.schema.json",
    "Write a blank submission for a year: a row per indicator of the tier, its name and"
    " unit.\n\nRefuses to replace an existing file unless --force is given.\n\nExample: tnplan"
    " new 2025 --format xlsx (writes 2025.xlsx)": "生成某年的空白报送表：该层级每项指标一行，"
    "附名称和单位。\n\n文件已存在时不覆盖，除非加 --force。\n\n示例：tnplan new 2025 --format"
    " xlsx（写出 2025.xlsx）",
    "The year the figures are for.": "数字所属的年份。",
    "Where to write (default: YYYY.yaml, .csv or .xlsx here; - for standard output).": "写到"
    "哪里（默认：当前目录下的 YYYY.yaml、.csv 或 .xlsx；- 表示标准输出）。",
    "Add a yaml-language-server line pointing at this schema.": "加一行 yaml-language-server"
    " 注释，指向该 schema。",
    # ---- extract, plans, init-plan
    "Draft a plan file (targets.yaml) from a plan's own text, asking only what it leaves"
    " open.\n\nFinds the indicator tables by their header and the targets the prose sets, links"
    " figures\nprinted twice, and gives each target a proposed kind with its evidence (note:)"
    " and the\nquestions a person must settle (review:). A summary goes to standard error.\nExit"
    " 0 when a draft was written, 1 when no indicator table or target was found, 2 for a\nusage"
    " error (a file that cannot be read, an existing output without --force).\n\nExample:"
    " tnplan extract plan.txt -o data/targets.yaml": "根据规划原文起草规划文件"
    "（targets.yaml），只问原文没有说清的。\n\n按表头找出指标表，找出正文设定的目标，关联印了"
    "两次的数字，为每个目标提出类型及其依据（note:）和需要人来确定的问题（review:）。概要写到"
    "标准错误输出。写出草稿时退出码为 0，没有找到指标表或目标为 1，用法错误（文件无法读取、"
    "输出已存在而未加 --force）为 2。\n\n示例：tnplan extract plan.txt -o data/targets.yaml",
    "The plan document: .txt or .md (as copied from a web page), .html, .docx, .pdf.": "规划"
    "文件：.txt 或 .md（从网页复制）、.html、.docx、.pdf。",
    "Where to write the draft; - for standard output.": "草稿写到哪里；- 表示标准输出。",
    "Draft the previous plan instead, from the table of its results (专栏1).": "改为起草上一"
    "规划，依据其完成情况表（专栏1）。",
    "With --previous: also write that table's results as a submission file.": "与 --previous"
    " 同用：同时把该表的完成情况写成报送文件。",
    "List the plans of the data directory: id, folder, title, period, indicators by tier,\nthe"
    " years with submissions, and which one commands use without --plan. A plan that does\nnot"
    " load is listed, its problems printed, and the exit code is 1.\n\nExample: tnplan plans"
    " --data data": "列出数据目录中的规划：编号、目录、标题、规划期、各层级指标数、有报送数据"
    "的年份，以及不加 --plan 时命令使用哪一个。无法载入的规划也列出，并打印其问题，退出码为"
    " 1。\n\n示例：tnplan plans --data data",
    "Start the next plan: a draft targets.yaml with the same indicators, the previous plan's\n"
    "final figures as baselines (null with a note where incomplete) and every target left as"
    " a\nplaceholder that `tnplan check` reports as unfinished. Refuses to overwrite without"
    " --force.\n\nExample: tnplan init-plan data/15th --from tongnan-hrss-14th --period"
    " 2026-2030": "开始下一个规划：起草一个指标相同的 targets.yaml，以上一规划的最终数字为"
    "基期值（数据不全的为 null 并附说明），每个目标都留作占位，`tnplan check` 会报告其未完成。"
    "未加 --force 时不覆盖。\n\n示例：tnplan init-plan data/15th --from tongnan-hrss-14th"
    " --period 2026-2030",
    "The new plan's folder (created if missing); its targets.yaml is written.": "新规划的目录"
    "（不存在时创建），写入其中的 targets.yaml。",
    "The plan it follows, by id or folder name.": "它所接续的规划，按编号或目录名。",
    "The new plan's years, e.g. 2026-2030.": "新规划的年份，如 2026-2030。",
    "The new plan's id (default: DIR's name).": "新规划的编号（默认：DIR 的名称）。",
}
