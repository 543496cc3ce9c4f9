"""Rich renderables turned into text for a terminal, a file, an SVG picture or an HTML page.

Every table is drawn into a string here and handed back; the command line writes it out, so
one door (the CLI's) handles a closed pipe or a full disk. Plan text enters Rich only as
:class:`rich.text.Text` made by :func:`text`: never parsed as markup, never highlighted,
stripped of control characters.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING

from msgspec import Struct

from .escaping import one_line

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, JustifyMethod, OverflowMethod, RenderableType
    from rich.measure import Measurement
    from rich.text import Text

__all__ = [
    "WIDE",
    "Prose",
    "Screen",
    "has_cjk",
    "measuring",
    "plain_cell",
    "recorded",
    "render",
    "text",
    "wrap_phrases",
]

#: The width of a table written to a file, and the width from which a table shows every column.
WIDE = 120


def text(value: str, style: str = "") -> Text:
    """User text (or tnplan's own) as a Rich Text: no markup, no emoji codes, no controls."""
    from rich.text import Text

    return Text(one_line(value), style=style)


#: A sentence wraps after its punctuation, between its phrases. (Not a regular expression:
#: compiling the class of these takes 0.3 ms of every start-up.)
_PHRASE_END = frozenset("，。；：、！？）”")
#: A letter of a Latin word (an English word within Chinese text is never split either),
#: and what a number is made of.
_LATIN = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_NUMBER = frozenset("0123456789.,%")
_NO_LINE_START = "，。；：、！？）”%,.;:!?)"
_NO_LINE_END = "（【“("


#: The blocks of Chinese characters and full-width forms, each two cells wide.
_CJK_BLOCKS = (("\u2e80", "\u9fff"), ("\uf900", "\ufaff"), ("\uff00", "\uffef"))


def has_cjk(value: str) -> bool:
    """Whether value holds a Chinese character or a full-width form. Not a regular
    expression: compiling a character class this wide takes 2 ms of every start-up."""
    return any(low <= char <= high for char in value for low, high in _CJK_BLOCKS)


def wrap_phrases(paragraph: str, width: int) -> list[str]:
    """A paragraph as lines of at most width cells. Chinese breaks after its punctuation
    (，。；：、）), so a phrase ("有数据的 16 项中，") stays whole where it fits on a line; a
    longer phrase breaks between characters, never inside a number or between a number and
    the word after it. English breaks between words."""
    from rich.cells import cell_len

    lines: list[str] = []
    line = ""
    for phrase in _phrases(one_line(paragraph)):
        if cell_len(line + phrase) <= width:
            line += phrase
            continue
        if cell_len(phrase.strip()) > width:
            line += phrase  # longer than a line: it starts where the line is, and is cut
        else:
            if line.strip():
                lines.append(line.rstrip())
            line = phrase.lstrip()
        while cell_len(line) > width:
            cut = _cut(line, width)
            lines.append(line[:cut].rstrip())
            line = line[cut:].lstrip()
    if line.strip():
        lines.append(line.rstrip())
    return lines


def _phrases(text: str) -> list[str]:
    """text cut after each of its phrases' punctuation (_PHRASE_END), the rest a phrase too;
    none empty."""
    phrases: list[str] = []
    start = 0
    for at, char in enumerate(text):
        if char in _PHRASE_END:
            phrases.append(text[start : at + 1])
            start = at + 1
    if start < len(text):
        phrases.append(text[start:])
    return phrases


def _cut(line: str, width: int) -> int:
    """Where to break a line too long for the width: English at its last space that fits;
    Chinese at the last place that leaves no number or opening bracket ending the line and
    no punctuation starting the next."""
    from rich.cells import cell_len

    fits = 1
    while fits < len(line) and cell_len(line[: fits + 1]) <= width:
        fits += 1
    if not has_cjk(line[: fits + 1]):
        space = line.rfind(" ", 0, fits + 1)
        return space if space > 0 else fits
    for cut in range(fits, 0, -1):
        left, right = line[:cut].rstrip(), line[cut:].lstrip()
        if (
            left
            and left[-1] not in _NUMBER
            and left[-1] not in _NO_LINE_END
            and right[:1] not in _NO_LINE_START
            and not (left[-1] in _LATIN and line[cut : cut + 1] in _LATIN)
        ):
            return cut
    return fits


class Prose:
    """A paragraph for a terminal, wrapped by wrap_phrases to the width it is drawn in."""

    def __init__(self, paragraph: str, style: str = "") -> None:
        self.paragraph = paragraph
        self.style = style

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        """As narrow as its longest number or word (never split), as wide as all of it."""
        from rich.cells import cell_len
        from rich.measure import Measurement

        unbroken = re.findall(r"[^\s\u2e80-\u9fff\uff00-\uffef]+", self.paragraph)
        least = max((cell_len(piece) for piece in unbroken), default=0)
        widest = cell_len(one_line(self.paragraph))
        least = max(least, 2 if widest else 0)
        return Measurement(min(least, options.max_width), min(widest, options.max_width))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Text]:
        for line in wrap_phrases(self.paragraph, options.max_width) or [""]:
            shown = text(line, self.style)
            shown.no_wrap = True
            yield shown

    def plain_text(self, width: int) -> str | None:
        """The paragraph as Rich prints it without styles on a screen this wide: its lines;
        None where Rich would crop a line (a character wider than the screen)."""
        from rich.cells import cell_len

        lines = wrap_phrases(self.paragraph, width) or [""]
        if any(cell_len(line) > width for line in lines):
            return None
        return "".join(f"{line}\n" for line in lines)


#: Characters that join their neighbours into one of Rich's cells (a zero-width joiner, an
#: emoji's variation selector): a text holding one is measured only by Rich.
_JOINER, _SELECTOR = "\u200d", "\ufe0f"


def plain_cell(
    value: str, width: int, right: bool, wraps: bool, overflow: OverflowMethod
) -> list[str] | None:
    """The lines a table's cell of one_line text takes in a column this wide, as Rich draws
    it without styles: justified left or right (a right-aligned cell loses its trailing
    spaces), each line exactly width cells; a cell wider than that wrapped as Rich wraps
    it, where it wraps. None where only Rich knows (a cell too wide that may not wrap, or a
    text with a joining character)."""
    from rich.cells import cell_len

    if _JOINER in value or _SELECTOR in value:
        return None
    size = cell_len(value)
    if size <= width:
        if right:
            shown = value.rstrip()
            size = size if shown == value else cell_len(shown)
            return [" " * (width - size) + shown]
        return [value + " " * (width - size)]
    if not wraps:
        return None
    from rich.text import Text

    justify: JustifyMethod = "right" if right else "left"
    lines = Text(value).wrap(measuring(), width, justify=justify, overflow=overflow)
    plain = [line.plain for line in lines]
    sizes = [cell_len(line) for line in plain]
    if max(sizes, default=width + 1) > width:
        return None
    return [line + " " * (width - size) for line, size in zip(plain, sizes, strict=True)]


@cache
def measuring() -> Console:
    """A console that only measures and wraps text (Text.wrap asks one for its tab size)."""
    from rich.console import Console

    return Console(file=io.StringIO(), color_system=None)


class Screen(Struct, frozen=True):
    """Where the text goes: its width in cells, and its styles (None: plain text; no_color:
    bold and the like without colours). A width of None stands for standard output, measured
    only when something is drawn (a CSV run never loads Rich)."""

    width: int | None = WIDE
    color_system: str | None = None
    no_color: bool = False

    @classmethod
    def detect(cls) -> Screen:
        """Standard output, to be measured as Rich sees it: a terminal's width and colours
        (none when NO_COLOR is set, TERM is dumb or the output is not a terminal)."""
        return cls(None)

    @classmethod
    def plain(cls, width: int | None = None) -> Screen:
        """A file: plain text, WIDE unless width is given."""
        return cls(width or WIDE)

    def measured(self) -> Screen:
        """This screen with its width and colours known."""
        if self.width is not None:
            return self
        from rich.console import Console

        probe = Console()
        styles = probe.color_system if probe.is_terminal else None
        return Screen(probe.width, styles, probe.no_color)

    def console(self, file: io.StringIO) -> Console:
        """A console drawing into file as this screen would show it."""
        from rich.console import Console

        screen = self.measured()
        return Console(
            file=file,
            width=screen.width,
            color_system=screen.color_system,  # type: ignore[arg-type]
            force_terminal=screen.color_system is not None,
            no_color=screen.no_color,
            highlight=False,
            emoji=False,
            markup=False,
            legacy_windows=False,
        )


def render(renderables: Iterable[RenderableType], screen: Screen) -> str:
    """The renderables drawn one after another, as text for the screen. Without styles, a
    renderable that draws itself as plain text (Prose, a fitted table, an empty line) does,
    without Rich's segments; Rich draws the rest."""
    screen = screen.measured()
    buffer = io.StringIO()
    console: Console | None = None
    for renderable in renderables:
        drawn = _plain(renderable, screen)
        if drawn is None:
            console = console or screen.console(buffer)
            console.print(renderable)
        else:
            buffer.write(drawn)
    return buffer.getvalue()


def _plain(renderable: RenderableType, screen: Screen) -> str | None:
    """The renderable as plain text drawn by its own arithmetic, where it has one and the
    screen shows no styles; else None."""
    if screen.color_system is not None or screen.width is None:
        return None
    if renderable == "":
        return "\n"
    plain = getattr(renderable, "plain_text", None)
    return plain(screen.width) if callable(plain) else None


def recorded(renderables: Iterable[RenderableType], title: str, *, svg: bool) -> str:
    """The renderables as Rich records them: an SVG picture, or an HTML page."""
    from rich.console import Console

    console = Console(
        file=io.StringIO(),
        width=WIDE,
        record=True,
        force_terminal=True,
        highlight=False,
        emoji=False,
        markup=False,
    )
    for renderable in renderables:
        console.print(renderable)
    if svg:
        return _wide_glyphs(console.export_svg(title=title))
    return _wide_cells(console.export_html(inline_styles=True))


def _runs(content: str) -> list[tuple[str, int]]:
    """Text cut where its characters change from one terminal cell wide to two, with the
    cells of each run."""
    from itertools import groupby

    from rich.cells import cell_len

    return [
        (run, cell_len(run))
        for _, chars in groupby(content, key=lambda char: cell_len(char) == 2)
        for run in ["".join(chars)]
    ]


def _wide_glyphs(svg: str) -> str:
    """Draw each run of Chinese in Rich's SVG on the terminal's grid, two cells a character.

    Rich gives a whole run of text one textLength, counting a character as one cell: Chinese
    is squeezed, and a run mixing Chinese with spaces is spread unevenly (the more spaces,
    the less each character moves). Each run of wide characters gets its own text element at
    its cell, two cells a character, so every Chinese character sits at the same pitch.
    """
    import html

    pattern = re.compile(
        r'<text (?P<head>[^>]*?\bx=")(?P<x>[0-9.]+)(?P<mid>"[^>]*?\btextLength=")'
        r'(?P<length>[0-9.]+)(?P<tail>"[^>]*)>(?P<text>[^<]*)</text>'
    )

    def split(match: re.Match[str]) -> str:
        content = html.unescape(match["text"])
        runs = _runs(content)
        if len(content) == sum(cells for _, cells in runs) or not content:
            return match[0]  # no wide character: Rich's own is exact
        cell = float(match["length"]) / len(content)  # Rich counts each character one cell
        x, out = float(match["x"]), []
        for run, cells in runs:
            shown = html.escape(run, quote=False).replace(" ", "&#160;")
            out.append(
                f"<text {match['head']}{x:g}{match['mid']}{cells * cell:g}{match['tail']}>"
                f"{shown}</text>"
            )
            x += cells * cell
        return "".join(out)

    return pattern.sub(split, svg)


#: Monospace fonts whose Chinese is two Latin characters wide, before the usual ones.
_MONOSPACE = (
    "'DejaVu Sans Mono','Noto Sans Mono CJK SC','Sarasa Mono SC',Menlo,consolas,"
    "'Courier New',monospace"
)


def _wide_cells(page: str) -> str:
    """Rich's HTML with each run of Chinese in a box two characters wide a character.

    A browser draws Chinese from whatever font has it, rarely exactly two Latin characters
    wide, so the columns after it drift; a box of 2ch a character keeps every column where
    the terminal has it, whatever the fonts.
    """
    page = re.sub(r'<pre style="font-family:[^"]*"', f'<pre style="font-family:{_MONOSPACE}"', page)
    start, end = page.find("<pre"), page.rfind("</pre>")
    if start < 0 or end < 0:
        return page

    def boxed(match: re.Match[str]) -> str:
        return "".join(
            f'<span style="display:inline-block;width:{cells}ch">{run}</span>'
            if cells == 2 * len(run)
            else run
            for run, cells in _runs(match[0])
        )

    body = re.sub(r"(?<=>)[^<]+|^[^<]+", boxed, page[start:end])
    return page[:start] + body + page[end:]
