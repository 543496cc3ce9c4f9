"""The layout of a Chinese official document (GB/T 9704-2012, 党政机关公文格式) as it applies to a
report, set up on a new python-docx Document.

A4 with the standard's margins (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm); the title
in a 小标宋 face, body text in 仿宋 at 三号 (16 pt) on a fixed 28.95 pt line (22 lines a page);
headings 一、 in 黑体, （一） in 楷体, 1. and （1） in 仿宋; the page number "— 1 —" in the footer,
on the right of odd pages and the left of even ones. Each face is named in the East Asian slot
of its run fonts (w:eastAsia) and listed in the font table with an alternative name, so that a
machine without 方正 fonts shows a Song face for the title; the other faces (仿宋, 黑体, 楷体)
ship with Windows and WPS. LibreOffice ignores the alternative names and draws what fontconfig
finds for zh-CN text (Noto Sans CJK here).

python-docx is imported inside the functions: this module is loaded only to write a .docx.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from msgspec import Struct

if TYPE_CHECKING:
    from docx.document import Document
    from docx.styles.style import ParagraphStyle

__all__ = [
    "BODY",
    "CAPTION",
    "FACES",
    "HEADINGS",
    "NOTE",
    "PLACEHOLDER",
    "TABLE",
    "TITLE",
    "Face",
    "chinese_numeral",
    "heading_number",
    "new_document",
]


class Face(Struct, frozen=True):
    """A typeface: the name Word looks for, the one it may use instead, and the GB2312
    character set and family that let a word processor pick a like face when it has neither."""

    name: str
    alt: str
    family: str = "roman"


#: The faces of the standard, each with a face every Chinese Windows has as its alternative.
FACES = {
    "title": Face("方正小标宋简体", "宋体"),
    "song": Face("宋体", "SimSun"),
    "fangsong": Face("仿宋", "仿宋_GB2312", "modern"),
    "hei": Face("黑体", "SimHei", "modern"),
    "kai": Face("楷体", "楷体_GB2312", "script"),
}
LATIN = "Times New Roman"

#: The styles a report uses, by name.
TITLE = "Report Title"
BODY = "Normal"
HEADINGS = ("Heading 1", "Heading 2", "Heading 3", "Heading 4")
TABLE = "Report Table Text"
CAPTION = "Caption"
NOTE = "Report Note"
PLACEHOLDER = "Report Placeholder"

ZIHAO = {"二号": 22.0, "三号": 16.0, "四号": 14.0, "小四": 12.0, "五号": 10.5, "小五": 9.0}
LINE = 28.95  # points: 22 lines of 三号 on the standard's type area
MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}
#: The footer's page number: 一字线 on each side, 宋体 四号, 7 mm below the type area.
FOOTER_FROM_EDGE_MM = MARGINS_MM["bottom"] - 7 - 5

_DIGITS = "零一二三四五六七八九"


def chinese_numeral(n: int) -> str:
    """A positive number in Chinese numerals, as headings count: 1 → 一, 10 → 十, 12 → 十二,
    35 → 三十五, 100 → 一百, 105 → 一百零五, 110 → 一百一十, 2003 → 二千零三; from 10,000 on, in
    Arabic figures (no report has that many headings)."""
    if n <= 0:
        raise ValueError(f"a heading number is positive, not {n}")
    if n >= 10_000:
        return str(n)
    if 10 <= n < 20:
        return "十" + (_DIGITS[n - 10] if n > 10 else "")
    out, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, n = divmod(n, value)
        if digit:
            out += ("零" if zero and out else "") + _DIGITS[digit] + unit
            zero = False
        elif out:
            zero = True
    return out


def heading_number(level: int, n: int, lang: str) -> str:
    """The number that opens a heading: 一、 （一） 1. （1） in Chinese; 1. 1.1 style in English
    is left to the caller, which knows the parents (here: 1. A. 1. (1))."""
    if lang == "zh":
        return (f"{chinese_numeral(n)}、", f"（{chinese_numeral(n)}）", f"{n}.", f"（{n}）")[
            level - 1
        ]
    return (f"{n}. ", f"{chr(ord('A') + n - 1)}. ", f"{n}. ", f"({n}) ")[level - 1]


def _fonts(style: Any, face: Face) -> None:
    """Name face for East Asian text and Times New Roman for Latin text."""
    from docx.oxml.ns import qn

    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, fonts)
    for attribute in list(fonts.attrib):
        del fonts.attrib[attribute]  # theme fonts would win over named ones
    fonts.set(qn("w:ascii"), LATIN)
    fonts.set(qn("w:hAnsi"), LATIN)
    fonts.set(qn("w:eastAsia"), face.name)
    fonts.set(qn("w:cs"), LATIN)


def _paragraph_style(
    document: Document,
    name: str,
    face: Face,
    size: str,
    lang: str,
    *,
    bold: bool = False,
    base: str | None = BODY,
) -> ParagraphStyle:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Pt, RGBColor

    styles = document.styles
    if name in styles:
        style = styles[name]
    else:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        if base is not None:
            style.base_style = styles[base]
    _fonts(style, face)
    font = style.font
    font.size = Pt(ZIHAO[size])
    font.bold = bold
    font.italic = False
    font.color.rgb = RGBColor(0, 0, 0)
    return style  # type: ignore[no-any-return]


def _spacing(style: ParagraphStyle, *, indent: bool, line: float | None = LINE) -> None:
    from docx.enum.text import WD_LINE_SPACING
    from docx.shared import Pt

    fmt = style.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    if line is not None:
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(line)
    fmt.first_line_indent = Pt(ZIHAO["三号"] * 2) if indent else Pt(0)


def _styles(document: Document, lang: str) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    body = _paragraph_style(document, BODY, FACES["fangsong"], "三号", lang, base=None)
    _spacing(body, indent=True)
    body.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    title = _paragraph_style(document, TITLE, FACES["title"], "二号", lang)
    _spacing(title, indent=False, line=ZIHAO["二号"] * 1.5)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_after = Pt(LINE)
    faces = (FACES["hei"], FACES["kai"], FACES["fangsong"], FACES["fangsong"])
    for level, (name, face) in enumerate(zip(HEADINGS, faces, strict=True), start=1):
        style = _paragraph_style(document, name, face, "三号", lang, bold=level == 3)
        _spacing(style, indent=True)
        style.paragraph_format.keep_with_next = True
    for name, size in ((TABLE, "小五"), (CAPTION, "五号"), (NOTE, "五号")):
        face = FACES["hei"] if name == CAPTION else FACES["fangsong"]
        style = _paragraph_style(document, name, face, size, lang)
        _spacing(style, indent=False, line=None)
        style.paragraph_format.line_spacing = 1.15
    document.styles[TABLE].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    document.styles[NOTE].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    document.styles[CAPTION].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.styles[CAPTION].paragraph_format.space_before = Pt(6)
    document.styles[CAPTION].paragraph_format.space_after = Pt(6)
    placeholder = _paragraph_style(document, PLACEHOLDER, FACES["kai"], "三号", lang)
    _spacing(placeholder, indent=True)


def _language(document: Document) -> None:
    """Mark East Asian text as zh-CN, the language a word processor picks substitute faces
    and line breaks by; Latin text (figures, English) as en-US."""
    from docx.oxml.ns import qn

    rpr = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    rpr = rpr.find(qn("w:rPr"))
    language = rpr.find(qn("w:lang"))
    if language is None:
        language = rpr.makeelement(qn("w:lang"), {})
        rpr.append(language)
    language.set(qn("w:val"), "en-US")  # Latin text: numbers are not broken between digits
    language.set(qn("w:eastAsia"), "zh-CN")


def _font_table(document: Document) -> None:
    """List each face in the font table with its alternative name, GB2312 character set and
    family: how Word and WPS choose a face for one a machine lacks."""
    from lxml import etree

    part = next(
        p for p in document.part.package.iter_parts() if p.partname == "/word/fontTable.xml"
    )
    root = etree.fromstring(part.blob)
    w = root.nsmap["w"]
    for face in FACES.values():
        font = etree.SubElement(root, f"{{{w}}}font", {f"{{{w}}}name": face.name})
        etree.SubElement(font, f"{{{w}}}altName", {f"{{{w}}}val": face.alt})
        etree.SubElement(font, f"{{{w}}}charset", {f"{{{w}}}val": "86"})
        etree.SubElement(font, f"{{{w}}}family", {f"{{{w}}}val": face.family})
        etree.SubElement(font, f"{{{w}}}pitch", {f"{{{w}}}val": "variable"})
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _page(document: Document) -> None:
    from docx.shared import Mm

    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = Mm(MARGINS_MM["top"])
    section.bottom_margin = Mm(MARGINS_MM["bottom"])
    section.left_margin = Mm(MARGINS_MM["left"])
    section.right_margin = Mm(MARGINS_MM["right"])
    section.footer_distance = Mm(FOOTER_FROM_EDGE_MM)
    section.header_distance = Mm(15)


def _page_number(document: Document) -> None:
    """The footers: "— PAGE —", the page number a field Word fills in, 宋体 四号; as the
    standard places it, one character in from the right on odd pages and from the left on
    even ones."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document.settings.odd_and_even_pages_header_footer = True
    section = document.sections[0]
    for footer, alignment in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        paragraph = footer.paragraphs[0]
        paragraph.alignment = alignment
        fmt = paragraph.paragraph_format
        fmt.first_line_indent = Pt(0)
        one_character = Pt(ZIHAO["四号"])
        if alignment == WD_ALIGN_PARAGRAPH.RIGHT:
            fmt.right_indent = one_character
        else:
            fmt.left_indent = one_character
        _page_field(paragraph)


def _page_field(paragraph: Any) -> None:
    """— PAGE — in paragraph: a field (begin, instruction, separate, a shown 1, end)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    def run(text: str = "") -> Any:
        made = paragraph.add_run(text)
        made.font.size = Pt(ZIHAO["四号"])
        made.font.name = LATIN
        made._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FACES["song"].name)
        return made

    run("— ")
    for kind in ("begin", "instruction", "separate", "shown", "end"):
        made = run("1" if kind == "shown" else "")
        if kind == "instruction":
            instruction = OxmlElement("w:instrText")
            instruction.set(qn("xml:space"), "preserve")
            instruction.text = " PAGE "
            made._element.append(instruction)
        elif kind != "shown":
            mark = OxmlElement("w:fldChar")
            mark.set(qn("w:fldCharType"), kind)
            made._element.append(mark)
    run(" —")


def new_document(lang: str = "zh") -> Document:
    """A new, empty document laid out as GB/T 9704-2012 sets out (see the module's note)."""
    import docx

    document = docx.Document()
    _page(document)
    _styles(document, lang)
    _language(document)
    _font_table(document)
    _page_number(document)
    return document
