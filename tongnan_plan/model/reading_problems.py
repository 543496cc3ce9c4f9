"""The codes of reading a file: the file itself, YAML and CSV syntax, workbooks, and the plan
documents extract reads; part of the one catalogue of codes (model/catalogue.py), in its
order."""

from __future__ import annotations

from .problem import E, Problem, W, Words

__all__ = ["DOCUMENT_PROBLEMS", "READING_PROBLEMS"]

READING_PROBLEMS = (
    # ---- reading the file
    Problem(
        "file-not-found",
        E,
        "no such file",
        "文件不存在",
        "the file does not exist",
        usage=True,
        forms={
            "broken-link": Words(
                "is a symbolic link to a file that does not exist",
                "这是一个符号链接，指向的文件不存在",
            )
        },
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
        forms={
            "permission": Words("permission denied", "没有读取权限"),
            "not-regular": Words(
                "is {kind}, not a regular file: tnplan reads regular files only"
                " (a pipe or a device may never end)",
                "这是{kind}，不是普通文件：tnplan 只读取普通文件（管道或设备可能没有尽头）",
            ),
        },
    ),
    Problem(
        "file-too-large",
        E,
        "file is {size} bytes; tnplan reads at most {limit} bytes",
        "文件有 {size} 字节，tnplan 最多读取 {limit} 字节",
        "a file over 16 MiB is refused before it is parsed",
        forms={
            "grew": Words(
                "file is larger than it says; tnplan reads at most {limit} bytes",
                "文件比它声称的更大，tnplan 最多读取 {limit} 字节",
            )
        },
    ),
    Problem(
        "not-utf8",
        E,
        "file is not UTF-8 (byte 0x{byte})",
        "文件不是 UTF-8 编码（字节 0x{byte}）",
        "not UTF-8 (a UTF-8 BOM is fine); GBK files are recognised and the message says how to"
        " convert them",
        forms={
            "legacy": Words(
                "file is not UTF-8 (byte 0x{byte}); it reads as {label} (as saved by many"
                " Windows tools): convert it with `iconv -f {iconv} -t UTF-8 FILE > NEW` or save"
                " it as UTF-8",
                "文件不是 UTF-8 编码（字节 0x{byte}）；它是 {label} 编码（许多 Windows 软件这样"
                "保存）：请用 `iconv -f {iconv} -t UTF-8 原文件 > 新文件` 转换，或另存为 UTF-8",
            ),
            "wide": Words(
                "file is {encoding}; save it as UTF-8", "文件是 {encoding} 编码，请另存为 UTF-8"
            ),
        },
    ),
    Problem(
        "empty-file",
        E,
        "file holds no YAML document",
        "文件中没有 YAML 内容",
        "no YAML document, or a CSV without a header row",
        forms={"no-header": Words("no header row (id,value,…)", "没有表头行（id,value,…）")},
    ),
    # ---- YAML and CSV syntax
    Problem(
        "yaml-syntax",
        E,
        "YAML does not parse: {problem}{hints}",
        "YAML 无法解析（{problem}）{hints}",
        "YAML that does not parse (the message points at the key or bracket concerned, and"
        " names tabs and full-width colons `：`)",
        forms={
            "context": Words(
                "YAML does not parse: {context}, {problem} at line {line} column {column}{hints}",
                "YAML 无法解析（{context}, {problem}），问题出现在第 {line} 行第 {column} 列"
                "{hints}",
            ),
            "character": Words(
                "character{named} is not allowed in YAML", "YAML 中不允许出现字符{named}"
            ),
            "control-character": Words(
                "character{named} (a control character) is not allowed in YAML",
                "YAML 中不允许出现字符{named}（控制字符）",
            ),
        },
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
        forms={
            "column": Words(
                "column {key!r} appears again (first at column {first}); only the first is read",
                "列 {key!r} 重复出现（第一次在第 {first} 列）；只读取第一列",
            ),
            "id": Words(
                "id {key!r} appears again (first in row {first})",
                "id {key!r} 重复出现（第一次在第 {first} 行）",
            ),
        },
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
        "{text!r} is read as the boolean {value} by YAML 1.1; quote it ('{text}') if it is text",
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
        "{text!r} is read as the base-60 number {value} by YAML 1.1; quote it if it is text"
        " (a time, a ratio)",
        "{text!r} 在 YAML 1.1 中被读作六十进制数 {value}；如果是文字（时间、比例）请加引号",
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
        "is not a workbook: an .xlsx file is a zip archive, and this is not one",
        "不是工作簿：.xlsx 文件是 zip 压缩包，而此文件不是",
        "a .xlsx file that is no workbook tnplan can read: damaged, a zip of something else,"
        " an old .xls renamed, or protected by a password (the message says which)",
        forms={
            "encrypted": Words(
                "is protected by a password (encrypted): save a copy without the password",
                "文件设置了打开密码（已加密）：请另存一份不设密码的副本",
            ),
            "xls": Words(
                "is an Excel 97-2003 workbook (.xls) named .xlsx: save it as an Excel workbook"
                " (.xlsx)",
                "这是 Excel 97-2003 工作簿（.xls），只是扩展名为 .xlsx：请另存为 Excel 工作簿"
                "（.xlsx）",
            ),
            "text": Words(
                "is text, not a workbook: a CSV file is read when it is named .csv",
                "这是文本文件，不是工作簿：CSV 文件请以 .csv 为扩展名",
            ),
            "broken-zip": Words(
                "is damaged: not a complete zip archive ({reason})",
                "文件已损坏：不是完整的 zip 压缩包（{reason}）",
            ),
            "other-zip": Words(
                "is a zip archive but not an Excel workbook{kind}: save the figures as .xlsx",
                "是 zip 压缩包，但不是 Excel 工作簿{kind}：请把数据另存为 .xlsx",
            ),
            "damaged-sheet": Words(
                "is damaged: the sheet {sheet} cannot be read ({reason})",
                "文件已损坏，无法读取工作表 {sheet}（{reason}）",
            ),
            "damaged": Words(
                "is damaged: its sheets cannot be read ({reason})",
                "文件已损坏，无法读取工作表（{reason}）",
            ),
        },
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
)

DOCUMENT_PROBLEMS = (
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
)
