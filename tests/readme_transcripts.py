"""The README's `$ tnplan …` transcripts, run again from the files the repository ships.

Every ```console block of README.md with a `$ tnplan` line is a transcript. They run in
README order in one scratch folder holding a copy of `data/` and of `docs/examples/` (the
submissions and documents the transcripts use), each command in bash with tnplan on the path,
at the terminal width the README states (COLUMNS=80, or the `<!-- transcript: COLUMNS=N -->`
line just above a block), the run's language left to the locale (Chinese), no colour.
Each command's standard output is shown, then its standard error (each in its own order).

    python tests/readme_transcripts.py            # say which transcripts differ, and how
    python tests/readme_transcripts.py --update   # write what the commands print into README.md

tests/test_readme_transcripts.py runs the check in CI. A change that alters an output makes it
fail, naming the transcript; run the script with --update, read the diff, and commit it.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
EXAMPLES = ROOT / "docs" / "examples"
#: The width of the terminal the transcripts are shown at, unless a block says otherwise.
COLUMNS = 80
_MARKER = re.compile(r"<!-- transcript: (?P<options>.*?) -->")
_FENCE = re.compile(r"^```console\n(?P<body>.*?)^```\n", re.MULTILINE | re.DOTALL)


@dataclass
class Command:
    """One `$ …` line of a transcript and the output shown under it."""

    line: int  # in README.md, 1-based
    command: str
    shown: str


@dataclass
class Transcript:
    """One console block: where its body is in the README, its width, its commands."""

    start: int
    end: int
    columns: int
    commands: list[Command]


def transcripts(text: str) -> list[Transcript]:
    """The README's console blocks that run tnplan."""
    found = []
    for block in _FENCE.finditer(text):
        body = block["body"]
        if not re.search(r"^\$ tnplan ", body, re.MULTILINE):
            continue
        columns = COLUMNS
        before = text[: block.start()].rstrip("\n").rsplit("\n", 1)[-1]
        marker = _MARKER.fullmatch(before.strip())
        if marker:
            for option in marker["options"].split():
                key, _, value = option.partition("=")
                if key == "COLUMNS":
                    columns = int(value)
        first_line = text.count("\n", 0, block.start("body")) + 1
        commands: list[Command] = []
        for number, line in enumerate(body.splitlines(keepends=True), first_line):
            if line.startswith("$ "):
                commands.append(Command(number, line[2:].rstrip("\n"), ""))
            elif commands:
                commands[-1].shown += line
        found.append(Transcript(block.start("body"), block.end("body"), columns, commands))
    return found


def _workspace() -> Path:
    """A scratch folder with what a clone gives a reader: data/ and the examples."""
    folder = Path(tempfile.mkdtemp(prefix="tnplan-readme-"))
    shutil.copytree(ROOT / "data", folder / "data")
    if EXAMPLES.is_dir():
        for item in sorted(EXAMPLES.iterdir()):
            target = folder / item.name
            if item.is_dir():
                shutil.copytree(item, target)
            else:
                shutil.copy(item, target)
    return folder


def _environment(columns: int) -> dict[str, str]:
    bin_dir = str(Path(sys.executable).parent)
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("TNPLAN_", "LC_", "GITHUB_")) and key not in ("LANG", "NO_COLOR")
    }
    env |= {
        "PATH": bin_dir + os.pathsep + env.get("PATH", ""),
        "COLUMNS": str(columns),
        "LINES": "50",
        "LANG": "C.UTF-8",
        "NO_COLOR": "1",
        "PYTHONIOENCODING": "utf-8",
    }
    return env


def _normal(text: str) -> str:
    """Output as the README holds it: no trailing spaces, one newline at the end."""
    lines = [line.rstrip() for line in text.splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    return "".join(line + "\n" for line in lines)


def run(transcript: Transcript, folder: Path) -> list[str]:
    """What each command of the transcript prints (standard output, then standard error), run
    one after another in one bash in folder (so `cd`, files and `$?` carry on)."""
    captured = Path(tempfile.mkdtemp(prefix="tnplan-out-"))
    try:
        script = []
        for n, command in enumerate(transcript.commands):
            out, err = captured / f"{n}.out", captured / f"{n}.err"
            script.append(f"{{ {command.command}\n}} >'{out}' 2>'{err}'")
        subprocess.run(
            ["bash", "-c", "\n".join(script)],
            cwd=folder,
            env=_environment(transcript.columns),
            stdin=subprocess.DEVNULL,
            check=False,
            timeout=300,
        )
        outputs = []
        for n in range(len(transcript.commands)):
            both = [captured / f"{n}.{kind}" for kind in ("out", "err")]
            text = "".join(p.read_text(encoding="utf-8") for p in both if p.exists())
            outputs.append(_normal(text))
        return outputs
    finally:
        shutil.rmtree(captured, ignore_errors=True)


def differences(text: str) -> tuple[list[str], str]:
    """Each transcript that differs, said with a diff; and the README as the commands print."""
    folder = _workspace()
    try:
        said, updated, cursor = [], [], 0
        for transcript in transcripts(text):
            outputs = run(transcript, folder)
            body = ""
            for command, output in zip(transcript.commands, outputs, strict=True):
                body += f"$ {command.command}\n{output}"
                if _normal(command.shown) != output:
                    diff = "".join(
                        difflib.unified_diff(
                            _normal(command.shown).splitlines(keepends=True),
                            output.splitlines(keepends=True),
                            "README.md",
                            "what tnplan prints",
                        )
                    )
                    said.append(
                        f"README.md:{command.line}: `$ {command.command}`"
                        f" (COLUMNS={transcript.columns}) differs:\n{diff}"
                    )
            updated.append(text[cursor : transcript.start] + body)
            cursor = transcript.end
        updated.append(text[cursor:])
        return said, "".join(updated)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--update", action="store_true", help="write the outputs into README.md")
    args = parser.parse_args()
    text = README.read_text(encoding="utf-8")
    said, updated = differences(text)
    if args.update:
        if updated != text:
            README.write_text(updated, encoding="utf-8")
        print(f"README.md: {len(said)} transcript command(s) rewritten")
        return 0
    for one in said:
        print(one)
    return 1 if said else 0


if __name__ == "__main__":
    sys.exit(main())
