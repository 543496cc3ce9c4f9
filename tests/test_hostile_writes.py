"""What tnplan writes from hostile plan text, and where it refuses to write (issue 20).

A plan whose names and units hold control characters, U+FFFE and formulas is built here from
the shipped plan; every writer must finish, write no live formula and no character XML cannot
hold, and show the control characters as escapes. Output options are checked before the first
file is written.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import xml.dom.minidom
import zipfile
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from tongnan_plan.cli import app

runner = CliRunner()

FORMULA = '=HYPERLINK("http://x","y")'
CONTROLS = "\x1b]0;t\x07\x01\x08\ufffe"
NAME = FORMULA + CONTROLS
UNIT = "@SUM(A1)"
#: The controls as written everywhere: escapes a reader sees.
CONTROLS_SHOWN = r"\x1b]0;t\x07\x01\x08\ufffe"


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env={"TNPLAN_LANG": "zh"})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def hostile(tmp_path: Path, data_dir: Path) -> Path:
    target = tmp_path / "plan"
    shutil.copytree(data_dir, target)
    targets = target / "targets.yaml"
    text = targets.read_text(encoding="utf-8")
    name = json.dumps(NAME)  # a JSON string is a YAML double-quoted scalar
    assert "name: 城镇新增就业人数" in text
    text = text.replace("name: 城镇新增就业人数", f"name: {name}", 1)
    text = text.replace("name_en: New urban jobs", f"name_en: {name}", 1)
    group = json.dumps("就业" + CONTROLS)
    text = text.replace("name: 就业创业", f"name: {group}", 1)
    targets.write_text(text, encoding="utf-8")
    return target


def _cells(path: Path) -> list[openpyxl.cell.cell.Cell]:
    workbook = openpyxl.load_workbook(path)
    return [cell for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row]


@pytest.mark.parametrize(
    "command",
    [
        ["status", "-o", "out.xlsx"],
        ["status", "--lang", "en", "-o", "out.xlsx"],
        ["indicators", "-o", "out.xlsx"],
        ["new", "2025", "-o", "out.xlsx"],
        ["show", "urban_new_jobs", "-o", "out.xlsx"],
    ],
    ids=["status", "status-en", "indicators", "new", "show"],
)
def test_workbooks_hold_hostile_text_as_inert_text(
    hostile: Path, tmp_path: Path, command: list[str]
) -> None:
    # IllegalCharacterError (exit 3) before; the name was a live formula in every workbook.
    out = tmp_path / "out.xlsx"
    command = [*command[:-1], str(out)]
    code, _, err = invoke(*command, "--data", str(hostile))
    assert code == 0, err
    assert "\x1b" not in err and "\x07" not in err
    cells = _cells(out)
    assert not [c.coordinate for c in cells if c.data_type == "f"]  # no formula at all
    shown = [c.value for c in cells if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert shown and all(CONTROLS_SHOWN in v for v in shown), shown
    with zipfile.ZipFile(out) as archive:  # and every part is well-formed XML
        for name in archive.namelist():
            if name.endswith(".xml"):
                xml.dom.minidom.parseString(archive.read(name))


def test_svg_of_hostile_text_is_well_formed(hostile: Path, tmp_path: Path) -> None:
    out = tmp_path / "status.svg"
    code, _, err = invoke("status", "--format", "svg", "-o", str(out), "--data", str(hostile))
    assert code == 0, err
    document = xml.dom.minidom.parse(str(out))  # U+FFFE used to make it no XML at all
    assert document.documentElement.tagName == "svg"


@pytest.mark.parametrize("command", [["status"], ["indicators"]])
@pytest.mark.parametrize("excel", [[], ["--excel"]])
def test_csv_escapes_controls_and_neutralises_plan_text(
    hostile: Path, command: list[str], excel: list[str]
) -> None:
    targets = hostile / "targets.yaml"
    text = targets.read_text(encoding="utf-8").replace("unit: 万人", f"unit: {json.dumps(UNIT)}", 1)
    targets.write_text(text, encoding="utf-8")
    code, out, err = invoke(*command, "-f", "csv", *excel, "--data", str(hostile))
    assert code in (0, 1) and "internal error" not in err, err  # 1: a 2022 figure in 人
    assert not set(out) & {"\x1b", "\x07", "\x01", "\x08", "\ufffe"}
    rows = list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff"), newline="")))
    first = next(row for row in rows if row["id"] == "urban_new_jobs")
    assert first["name"] == "'" + FORMULA + CONTROLS_SHOWN
    assert first["unit"] == "'" + UNIT  # the unit is plan text: neutralised without --excel too


# ---- outputs checked before anything is written

LONG = "a" * 300


@pytest.mark.parametrize(
    "options",
    [["-o", f"{LONG}.yaml"], ["--previous", "-o", "p.yaml", "--results", f"{LONG}.yaml"]],
    ids=["output", "results"],
)
def test_a_name_too_long_is_a_usage_error_before_writing(
    tmp_path: Path, options: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # exit 3 (OSError: File name too long) before, for extract's -o and --results.
    monkeypatch.chdir(tmp_path)
    plan = _plan_text(tmp_path)
    code, _, err = invoke("extract", str(plan), *options, "--lang", "en")
    assert code == 2, err
    assert "the file name is too long (305 bytes; at most 255)" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.txt"]  # nothing written


def test_output_and_results_naming_one_file_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "wrote X", then "X exists": half the output; with --force the results replaced the draft.
    monkeypatch.chdir(tmp_path)
    plan = _plan_text(tmp_path)
    for force in ([], ["--force"]):
        args = ["extract", str(plan), "--previous", "-o", "X.yaml", "--results", "./X.yaml"]
        code, _, err = invoke(*args, *force, "--lang", "en")
        assert code == 2 and "--output and --results both name X.yaml" in err
        assert not (tmp_path / "X.yaml").exists()


@pytest.mark.parametrize("special", ["/dev/null", "fifo"])
def test_a_device_or_fifo_as_output_is_named_for_what_it_is(
    tmp_path: Path, special: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "exists; add --force" before, which --force did not cure.
    monkeypatch.chdir(tmp_path)
    plan = _plan_text(tmp_path)
    if special == "fifo":
        os.mkfifo(tmp_path / "fifo")
    for force in ([], ["--force"]):
        code, _, err = invoke("extract", str(plan), "-o", special, *force, "--lang", "en")
        assert code == 2, err
        kind = "a character device" if special == "/dev/null" else "a named pipe (FIFO)"
        assert f"{special} is {kind}, not a regular file" in err
        assert "exists" not in err


def _plan_text(folder: Path) -> Path:
    """A plan document with the 专栏1 and 专栏2 tables of the shipped plan's own text."""
    source = Path(__file__).parent / "fixtures" / "extract"
    plan = folder / "plan.txt"
    shutil.copyfile(source / "tongnan-14th-plan.txt", plan)
    return plan


@pytest.mark.parametrize("suffix", ["docx", "html", "md"])
def test_a_report_of_hostile_text_is_written_and_inert(
    hostile: Path, tmp_path: Path, suffix: str
) -> None:
    # python-docx refused the controls (ValueError, exit 3) in the Word report.
    out = tmp_path / f"report.{suffix}"
    code, _, err = invoke("report", "-o", str(out), "--data", str(hostile))
    assert code == 0, err
    if suffix != "docx":
        text = out.read_text(encoding="utf-8")
        assert not set(text) & {"\x1b", "\x07", "\x01", "\x08", "\ufffe"}
        return
    with zipfile.ZipFile(out) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
        for name in archive.namelist():
            if name.endswith(".xml"):
                xml.dom.minidom.parseString(archive.read(name))
    assert CONTROLS_SHOWN.replace("&", "&amp;") in body


# ---- temporary files

_KILLED_MID_WRITE = """
import os, signal, sys, time
from pathlib import Path
from tongnan_plan import fileio
from tongnan_plan.cli.entry import _terminate_cleanly

_terminate_cleanly()

def slow(fd):  # the disk is slow: SIGTERM arrives while the temporary file is written
    os.kill(os.getpid(), signal.SIGTERM)
    time.sleep(30)

os.fsync = slow
fileio.write_atomic(Path(sys.argv[1]), "x" * 1_000_000)
"""


def test_sigterm_mid_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    # Killed mid-write, tnplan left hidden 61 MB temporary files behind.
    import subprocess
    import sys

    target = tmp_path / "report.html"
    done = subprocess.run(
        [sys.executable, "-c", _KILLED_MID_WRITE, str(target)], timeout=60, check=False
    )
    assert done.returncode == 143  # 128 + SIGTERM, as a shell reports it
    assert list(tmp_path.iterdir()) == []  # neither the target nor a temporary file


def test_a_later_run_removes_what_a_killed_one_left(tmp_path: Path) -> None:
    from tongnan_plan.fileio import write_atomic

    dead = 2**22 + 12345  # above any pid_max: no such process
    with pytest.raises(ProcessLookupError):
        os.kill(dead, 0)
    left = tmp_path / f".tnplan-{dead}-abcd1234.tmp"
    left.write_bytes(b"half")
    running = tmp_path / f".tnplan-{os.getppid()}-efgh5678.tmp"  # a run still going
    running.write_bytes(b"busy")
    mine = tmp_path / "notes.tmp"
    mine.write_bytes(b"someone else's")
    write_atomic(tmp_path / "out.csv", "a,b\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [running.name, "notes.tmp", "out.csv"]
    )


def test_init_plan_from_hostile_text_writes_a_draft_that_loads(
    hostile: Path, tmp_path: Path
) -> None:
    # Controls in the previous plan's names went raw into a comment of the draft: it did not
    # load, after exit 0.
    import yaml

    code, _, err = invoke(
        "init-plan", str(hostile / "15th"), "--from", "tongnan-hrss-14th", "--period",
        "2026-2030", "--data", str(hostile),
    )  # fmt: skip
    assert code == 0, err
    text = (hostile / "15th" / "targets.yaml").read_text(encoding="utf-8")
    assert not set(text) & {"\x1b", "\x07", "\x01", "\x08", "\ufffe"}
    names = [i["name"] for i in yaml.safe_load(text)["indicators"]]
    assert NAME.replace("\t", " ") in names  # read back as the plan gave it
