"""The golden run: every command × format × language on three plans, each output to a file.

    python benchmarks/golden.py OUT_DIR [--jobs N] [--source DIR]

The plans: the shipped 14th plan (`data/`), the 13th plan (`data/13th`) and a generated
3-year plan. Each run writes OUT_DIR/<plan>/<lang>/<command…>.out (standard output, or the
file -o wrote), .err (standard error, where there is any) and a line of OUT_DIR/runs.tsv with
its exit code. --source runs another copy of the project (`git archive COMMIT | tar -x -C
DIR`: its package, its data and its fixtures). Compare two runs with `diff -r`.

Nothing is normalised but temporary paths (written `$TMP`; the project run, `$ROOT`), and
a workbook is written as the text of its parts (a .xlsx is a zip whose entries carry the
time of writing; docProps/core.xml, which holds nothing but that time and the author, is
left out).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent  # the project run: this one, or --source
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

LANGS = ("zh", "en")
#: Every command's formats (the tabular ones); a new format is a new entry.
TABLE_FORMATS = ("table", "csv", "json", "markdown", "tsv", "jsonl")
FORMATS = {
    "status": (*TABLE_FORMATS, "xlsx", "svg", "html"),
    "show": (*TABLE_FORMATS, "xlsx", "svg"),
    "indicators": (*TABLE_FORMATS, "xlsx"),
    "audit": (*TABLE_FORMATS, "xlsx"),
    "plans": (*TABLE_FORMATS, "xlsx"),
    "report": ("html", "markdown", "docx"),
    "check": ("text", "json", "github"),
    "new": ("yaml", "csv", "xlsx"),
}
#: Formats a file holds best (written with -o, never to standard output).
FILE_ONLY = {"xlsx", "docx"}


@dataclass(frozen=True)
class Plan:
    """A plan to run every command on: its name in OUT_DIR, the options that pick it, an
    indicator to show (one a year's total, one a level), a year mid-period, its last year."""

    name: str
    options: tuple[str, ...]
    folder: Path
    shown: tuple[str, ...]
    mid_year: int
    end_year: int


@dataclass(frozen=True)
class Run:
    """One command line and where its output goes."""

    name: str
    args: tuple[str, ...]
    output: str | None = None  # the suffix of the file -o writes, where the run writes one


def runs_for(plan: Plan) -> list[Run]:
    """Every command × format on one plan (the language is added by the caller)."""
    runs: list[Run] = []

    def each_format(command: str, name: str, args: tuple[str, ...]) -> None:
        for fmt in FORMATS[command]:
            suffix = {"markdown": "md", "table": "txt"}.get(fmt, fmt)
            output = suffix if fmt in FILE_ONLY else None
            runs.append(Run(f"{name}.{suffix}", (*args, "--format", fmt), output))

    each_format("status", "status", ("status", *plan.options))
    each_format(
        "status", f"status-{plan.mid_year}", ("status", "--year", str(plan.mid_year), *plan.options)
    )
    runs.append(Run("status-all.txt", ("status", "--tier", "all", *plan.options)))
    runs.append(Run("status-excel.csv", ("status", "--excel", *plan.options)))
    runs.append(Run("status-compound.txt", ("status", "--path", "compound", *plan.options)))
    for suffix in ("csv", "json", "md", "xlsx", "svg", "html", "tsv", "jsonl", "docx", "txt"):
        runs.append(Run(f"status-o.{suffix}", ("status", *plan.options), suffix))
    for shown in plan.shown:
        each_format("show", f"show-{shown}", ("show", shown, *plan.options))
        runs.append(
            Run(
                f"show-{shown}-{plan.mid_year}.txt",
                ("show", shown, "--year", str(plan.mid_year), *plan.options),
            )
        )
        each_format(
            "show", f"show-{shown}-across", ("show", shown, "--across-plans", *plan.options)
        )
    each_format("indicators", "indicators", ("indicators", *plan.options))
    each_format("indicators", "indicators-main", ("indicators", "--tier", "main", *plan.options))
    for mode in ("", "--crosschecks", "--baselines"):
        each_format(
            "audit",
            f"audit{mode.replace('--', '-')}",
            ("audit", *((mode,) if mode else ()), *plan.options),
        )
    for fmt in FORMATS["report"]:
        suffix = {"markdown": "md"}.get(fmt, fmt)
        runs.append(Run(f"report.{suffix}", ("report", "--format", fmt, *plan.options), suffix))
        runs.append(
            Run(
                f"report-{plan.mid_year}.{suffix}",
                ("report", "--year", str(plan.mid_year), "--format", fmt, *plan.options),
                suffix,
            )
        )
    for suffix in ("html", "md", "docx", "pdf"):
        runs.append(Run(f"report-o.{suffix}", ("report", *plan.options), suffix))
    submissions = sorted(str(path) for path in (plan.folder / "actuals").iterdir())
    for fmt in FORMATS["check"]:
        runs.append(
            Run(f"check-actuals.{fmt}", ("check", *submissions, "--format", fmt, *plan.options))
        )
        runs.append(
            Run(
                f"check-plan.{fmt}",
                ("check", str(plan.folder / "targets.yaml"), "--format", fmt, *plan.options),
            )
        )
    runs.append(Run("schema.json", ("schema", *plan.options)))
    for fmt in FORMATS["new"]:
        output = fmt if fmt in FILE_ONLY else None
        args = ("new", str(plan.end_year), "--format", fmt, *plan.options)
        runs.append(Run(f"new.{fmt}", args if output else (*args, "-o", "-"), output))
    each_format("plans", "plans", ("plans", *plan.options[:2]))
    return runs


def extract_runs() -> list[Run]:
    """extract and init-plan, which read a plan's text or a data directory of their own."""
    fixtures = ROOT / "tests" / "fixtures" / "extract"
    text = str(fixtures / "tongnan-14th-plan.txt")
    return [
        Run("extract-14th.yaml", ("extract", text, "-o", "-")),
        Run("extract-13th.yaml", ("extract", text, "--previous", "-o", "-")),
        Run("extract-health.yaml", ("extract", str(fixtures / "health-15th-plan.md"), "-o", "-")),
        Run(
            "init-plan.yaml",
            (
                "init-plan",
                "{tmp}/next",
                "--from",
                "tongnan-hrss-14th",
                "--period",
                "2026-2030",
                "--data",
                str(ROOT / "data"),
            ),
        ),
    ]


def tnplan() -> list[str]:
    """tnplan of the project run (ROOT)."""
    return [sys.executable, "-m", "tongnan_plan"]


def environment() -> dict[str, str]:
    """A fixed environment: 100 columns, a UTF-8 locale, no tnplan variables, the package
    of the project run first on the path."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TNPLAN_")}
    env["PYTHONPATH"] = str(ROOT)
    env.update(COLUMNS="100", LINES="50", LANG="C.UTF-8", LC_ALL="C.UTF-8", TERM="dumb")
    env.pop("GITHUB_ACTIONS", None)
    return env


def workbook_text(path: Path) -> bytes:
    """The parts of a workbook, each under its name, docProps/core.xml (the time) left out;
    a file that is no zip, as it is."""
    if not zipfile.is_zipfile(path):
        return b"(not a zip file)\n" + path.read_bytes()
    parts: list[bytes] = []
    with zipfile.ZipFile(path) as archive:
        for name in sorted(archive.namelist()):
            if name != "docProps/core.xml":
                parts.append(f"=== {name}\n".encode() + archive.read(name) + b"\n")
    return b"".join(parts)


def execute(run: Run, lang: str, folder: Path, scratch: Path, temps: list[Path]) -> str:
    """Run one command; write its outputs under folder; its line of runs.tsv."""
    tmp = Path(tempfile.mkdtemp(dir=scratch))
    args = [arg.replace("{tmp}", str(tmp)) for arg in run.args]
    written = tmp / f"out.{run.output}" if run.output else None
    if written is not None:
        args += ["-o", str(written)]
    if run.name.startswith("init-plan"):
        written = tmp / "next" / "targets.yaml"
    result = subprocess.run(
        [*tnplan(), *args, "--lang", lang],
        capture_output=True,
        env=environment(),
        cwd=tmp,
        check=False,
    )

    def clean(data: bytes) -> bytes:
        for temp in (tmp, *temps):
            data = data.replace(str(temp).encode(), b"$TMP")
        return data.replace(str(ROOT).encode(), b"$ROOT")

    out = result.stdout
    if written is not None and written.exists():
        out = (
            workbook_text(written) if written.suffix in (".xlsx", ".docx") else written.read_bytes()
        )
        if result.stdout:
            (folder / f"{run.name}.stdout").write_bytes(clean(result.stdout))
    elif written is not None:
        out = b""
    (folder / f"{run.name}.out").write_bytes(clean(out))
    if result.stderr:
        (folder / f"{run.name}.err").write_bytes(clean(result.stderr))
    shutil.rmtree(tmp, ignore_errors=True)
    shown = clean(" ".join(run.args).encode()).decode()
    return (
        f"{folder.parent.name}/{lang}/{run.name}\t{result.returncode}\ttnplan {shown} --lang {lang}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--source", type=Path, help="the project to run (default: this one)")
    options = parser.parse_args()
    if options.source is not None:
        global ROOT  # noqa: PLW0603 - the project every run reads
        ROOT = options.source.resolve()
    out: Path = options.out.resolve()
    if out.exists():
        raise SystemExit(f"{out} exists: give a new folder")
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        generated = generate(scratch / "gen3", 12, seed=3, plan_id="generated-3y", years=3)
        plans = [
            Plan(
                "14th",
                ("--data", str(ROOT / "data")),
                ROOT / "data",
                ("urban_new_jobs", "surveyed_unemployment_rate"),
                2024,
                2025,
            ),
            Plan(
                "13th",
                ("--data", str(ROOT / "data" / "13th")),
                ROOT / "data" / "13th",
                ("new_jobs",),
                2020,
                2020,
            ),
            Plan(
                "gen3",
                ("--data", str(generated)),
                generated,
                ("ind_00000", "ind_00001"),
                2022,
                2023,
            ),
        ]
        jobs: list[tuple[Run, str, Path]] = []
        for plan in plans:
            for lang in LANGS:
                folder = out / plan.name / lang
                folder.mkdir(parents=True)
                jobs += [(run, lang, folder) for run in runs_for(plan)]
        for lang in LANGS:
            folder = out / "extract" / lang
            folder.mkdir(parents=True)
            jobs += [(run, lang, folder) for run in extract_runs()]
        with ThreadPoolExecutor(options.jobs) as pool:
            lines = list(pool.map(lambda job: execute(*job, scratch, [scratch]), jobs))
    (out / "runs.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} runs written to {out}")


if __name__ == "__main__":
    main()
