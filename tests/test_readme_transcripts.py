"""The README is true: every `$ tnplan …` transcript reproduces from the files the repository
ships (tests/readme_transcripts.py runs them; it runs in CI with the rest of the suite)."""

from __future__ import annotations

import re

from .readme_transcripts import README, differences, transcripts

HOW = (
    "\n\nThe README's transcripts no longer match what tnplan prints. If the change of output"
    " is meant, regenerate them:\n    python tests/readme_transcripts.py --update\nthen read"
    " `git diff README.md` (and the prose around each block) before committing."
)


def test_every_transcript_reproduces() -> None:
    said, _ = differences(README.read_text(encoding="utf-8"))
    assert not said, "\n".join(said) + HOW


def test_every_tnplan_command_of_the_readme_is_a_checked_transcript() -> None:
    text = README.read_text(encoding="utf-8")
    checked = {c.line for t in transcripts(text) for c in t.commands}
    lines = [n for n, line in enumerate(text.splitlines(), 1) if line.startswith("$ tnplan ")]
    assert lines and set(lines) <= checked


def test_a_wrong_transcript_is_named_with_its_line_and_a_diff() -> None:
    text = "intro\n\n```console\n$ tnplan --version\ntnplan 0.0.0-wrong\n```\n"
    said, updated = differences(text)
    (one,) = said
    assert one.startswith("README.md:4: `$ tnplan --version` (COLUMNS=80) differs:")
    assert "-tnplan 0.0.0-wrong" in one and re.search(r"\+tnplan \d", one)
    assert re.search(r"```console\n\$ tnplan --version\ntnplan \d[^\n]*\n```\n$", updated)


def test_a_block_states_its_width() -> None:
    text = "<!-- transcript: COLUMNS=100 -->\n```console\n$ tnplan --version\n```\n"
    (transcript,) = transcripts(text)
    assert transcript.columns == 100
