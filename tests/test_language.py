"""One language at a time: every command and format, run in Chinese and in English, prints no
word of the other language, names aside.

What may cross over is what the plan file and the submissions hold (names, titles, the text
printed verbatim, sources, units, notes), ids, codes, file names and option names; each is
taken out of the output before it is read. What is left must be Chinese in zh mode (no
Latin word) and English in en mode (no Chinese character). Machine formats (CSV, JSON) are
the same in both languages.
"""

from __future__ import annotations

import html
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer
import yaml
from typer.testing import CliRunner

from tongnan_plan.cli import app
from tongnan_plan.cli import entry as cli_entry
from tongnan_plan.model.plan import Plan, Provenance
from tongnan_plan.present.cells import GLOSSED
from tongnan_plan.validate.schema import submission_template

from .conftest import FIXTURES

runner = CliRunner()

CJK = re.compile("[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff5e]")
CJK_RUN = re.compile("[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff5e]+")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*[A-Za-z]|[A-Za-z]")
#: Latin that is not English words: formats, encodings, the program, and the units a figure
#: is printed in.
NOT_WORDS = frozenset(
    {"tnplan", "YAML", "CSV", "JSON", "UTF", "BOM", "GBK", "CRLF", "Excel"}
    # the keys and codes of a submission file, which a blank submission names
    | {"year", "provenance", "source", "values", *(p.value for p in Provenance)}
    # and the tier a template records (`tier: main`)
    | {"tier", "main", "goal", "action", "all"}
)
#: Codes in a line of `check`: "file:line:col: severity[code]" (a stable format for scripts).
CHECK_CODE = re.compile(r"\b(?:error|warning|info)\[[a-z0-9-]+\]")
#: A command, as in "tnplan status" (the title of a recorded picture).
COMMAND = re.compile(r"\btnplan\s[a-z]+")
OPTION = re.compile(r"(?<![\w-])--?[a-z][a-z-]*")
PATH = re.compile(r"[\w./<>-]*\.(?:yaml|yml|csv|html|md|json|txt)\b|/[\w./<>+-]+")


def _strings(node: object) -> Iterator[str]:
    """Every string value in a loaded YAML document (keys are not shown to people)."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


def _allowed(data: Path, lang: str) -> list[str]:
    """The plan's and the submissions' own text (a note only in its own language), longest
    first, so that a longer text is taken out before a shorter one inside it."""
    texts: set[str] = set()
    files = [data / "targets.yaml", *(data / "actuals").glob("*.yaml")]
    for file in files:
        document = yaml.safe_load(file.read_text(encoding="utf-8"))
        for indicator in document.get("indicators", []):
            # The notes of the other language must not be shown.
            indicator.pop("note_zh" if lang == "en" else "note", None)
            if lang == "zh" and "note_zh" not in indicator:
                indicator.pop("note", None)
        texts.update(s for s in _strings(document) if s.strip())
    return sorted(texts, key=len, reverse=True)


def _visible(output: str) -> str:
    """The text a reader sees: an SVG's or HTML page's text and labels, not its markup; not
    the fences of Markdown's code blocks."""
    if "<svg" not in output and "<html" not in output:
        output = re.sub(r"(?m)^```+(?:text)?$", " ", output)
        return re.sub(r"\\([\\`\[\]|])", r"\1", output).replace("&lt;", "<").replace("&amp;", "&")
    output = re.sub(r"(?s)<style.*?</style>|<!--.*?-->", " ", output)
    labels = " ".join(re.findall(r'aria-label="([^"]*)"', output))
    output = re.sub(r"(?s)<[^>]*>", " ", output)
    return html.unescape(output + " " + labels)


def leftovers(output: str, allowed: list[str], lang: str, *, wrapped: bool = False) -> list[str]:
    """The words of the other language left once allowed text, codes and paths are out.

    wrapped: the output is a picture of a fixed width, where a long text is wrapped and is
    found word by word.
    """
    # Paths first: an allowed figure ("25") must not break a file name (actuals/2025.yaml) apart.
    text = PATH.sub(" ", _visible(output))
    for known in allowed:
        text = text.replace(known, " ")
    text = COMMAND.sub(" ", text)
    if wrapped:  # word by word, a word of English only where it stands alone
        pieces = {w for t in allowed for w in [*t.split(), *CJK_RUN.findall(t)]}
        for word in sorted(pieces, key=len, reverse=True):
            text = re.sub(rf"(?<![A-Za-z]){re.escape(word)}(?![A-Za-z])", " ", text)
    for pattern in (OPTION, PATH, CHECK_CODE):
        text = pattern.sub(" ", text)
    if lang == "en":
        return sorted(set(CJK.findall(text)))
    words = set(LATIN_WORD.findall(text)) - NOT_WORDS
    return sorted(w for w in words if not re.fullmatch(r"[a-z][a-z0-9_]*_[a-z0-9_]+", w))


@pytest.fixture
def usage_in_language(monkeypatch: pytest.MonkeyPatch) -> None:
    """Click's usage errors translated, as main() has them, for this test only."""
    usage_error = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError")
    monkeypatch.setattr(usage_error, "show", usage_error.show)  # put back after the test
    cli_entry._usage_in_language()


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> Path:
    """A copy of the shipped data, a submission to check, and a plan's text to extract."""
    root = tmp_path_factory.mktemp("lang")
    shutil.copytree(data_dir, root / "data")
    shutil.copy(FIXTURES / "valid" / "2023.yaml", root / "2023.yaml")
    return root


def _runs(root: Path) -> list[tuple[str, list[str]]]:
    data = ["--data", str(root / "data")]
    thirteenth = ["--data", str(root / "data" / "13th")]
    runs = [
        ("status", ["status", *data]),
        ("status all", ["status", "--tier", "all", *data]),
        ("status 2025", ["status", "--year", "2025", *data]),
        ("status 13th", ["status", *thirteenth]),
        ("show", ["show", "urban_new_jobs", *data]),
        ("show incomplete", ["show", "migrant_worker_training", *data]),
        ("indicators", ["indicators", *data]),
        ("audit", ["audit", *data]),
        ("audit 13th", ["audit", *thirteenth]),
        ("check", ["check", str(root / "2023.yaml"), "--format", "text", *data]),
        ("report", ["report", "-o", "-", *data]),
        ("report 13th", ["report", "-o", "-", *thirteenth]),
        ("new", ["new", "2025", "-o", "-", *data]),
        ("usage: missing option", ["report", *data]),
        ("usage: no such option", ["status", "--bogus"]),
        ("usage: bad year", ["status", "--year", "1999", *data]),
    ]
    formats = {
        "status": ["markdown", "svg", "html"],
        "show": ["markdown"],
        "indicators": ["markdown"],
        "audit": ["markdown"],
        "report": ["markdown"],
    }
    out = []
    for name, args in runs:
        out.append((name, args))
        for fmt in formats.get(name.split()[0], []):
            out.append((f"{name} -f {fmt}", [*args, "--format", fmt]))
    return out


def _run(args: list[str], lang: str) -> str:
    # Wide enough that no text is wrapped (the layout is tested in test_layout.py): a name
    # or note is found whole.
    result = runner.invoke(app, [*args], env={"TNPLAN_LANG": lang, "COLUMNS": "1000"})
    assert result.exit_code != 3, result.output
    return result.stdout + result.stderr


@pytest.mark.usefixtures("usage_in_language")
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_command_speaks_one_language(workspace: Path, plan: Plan, lang: str) -> None:
    texts = _allowed(workspace / "data", lang) + _allowed(workspace / "data" / "13th", lang)
    # The units and brackets an English table keeps, and explains once under it.
    texts += list(GLOSSED) if lang == "en" else []
    allowed = sorted(set(texts), key=len, reverse=True)
    found = {}
    for name, args in _runs(workspace):
        if name == "new" and lang == "en":
            # `new` has no --lang: the command line is to hand the run's language on to the
            # template (see the report to the lead); the template itself is read here.
            output = submission_template(plan, 2025, lang="en")
        else:
            output = _run(args, lang)
        left = leftovers(output, allowed, lang, wrapped=name.endswith(("svg", "html")))
        if left:
            found[name] = left
    assert not found, "\n".join(f"{name}: {words}" for name, words in found.items())


@pytest.mark.parametrize(
    "args",
    [
        ["status", "-f", "csv"],
        ["status", "-f", "json", "--tier", "all"],
        ["show", "urban_new_jobs", "-f", "json"],
        ["indicators", "-f", "csv"],
        ["audit", "-f", "json"],
    ],
)
def test_machine_formats_are_the_same_in_both_languages(data_dir: Path, args: list[str]) -> None:
    both = [_run([*args, "--data", str(data_dir)], lang) for lang in ("zh", "en")]
    assert both[0] == both[1]


def test_the_probe_finds_the_other_language(plan: Plan, data_dir: Path) -> None:
    # A test that cannot fail is a defect: an English status word in Chinese output, and a
    # Chinese one in English output, are found; a name, an id and a unit are not.
    allowed = _allowed(data_dir, "zh")
    assert leftovers("城镇新增就业人数 urban_new_jobs 【5】万人 ahead", allowed, "zh") == ["ahead"]
    allowed = _allowed(data_dir, "en")
    assert leftovers("New urban jobs 万人 快于预期", allowed, "en") == ["于", "快", "期", "预"]
    assert plan.indicator("urban_new_jobs").note_zh  # the Chinese note exists to be shown
