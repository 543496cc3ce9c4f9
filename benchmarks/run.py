"""tnplan's performance budget, measured side by side in one run.

    python benchmarks/run.py [--runs N] [--scale-runs N]

Every comparison runs its commands interleaved (A B A B …) after a warm-up, and prints the
medians, the spread (min–max) and the ratio against its budget. Machines are noisy: this is a
report, not a test, and it is not part of CI's pass or fail. Python standard library only.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate import generate, generate_repository  # noqa: E402


def tnplan() -> list[str]:
    """The installed tnplan script beside this Python, else `python -m tongnan_plan`."""
    script = Path(sys.executable).parent / "tnplan"
    return [str(script)] if script.exists() else [sys.executable, "-m", "tongnan_plan"]


def run_once(command: Sequence[str], cwd: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run(
        command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(
            f"{' '.join(command)} failed ({result.returncode}): {result.stderr.decode()}"
        )
    return elapsed


def measure(
    commands: dict[str, Sequence[str]], runs: int, cwd: Path, warmup: int = 2
) -> dict[str, list[float]]:
    """Run the commands interleaved; the times of each, warm-up runs left out."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for i in range(warmup + runs):
        for name, command in commands.items():
            elapsed = run_once(command, cwd)
            if i >= warmup:
                times[name].append(elapsed)
    return times


def peak_memory_mb(command: Sequence[str], cwd: Path) -> float:
    """The peak resident memory of one run of command, in MB (Linux reports KB)."""
    probe = (
        "import resource, subprocess, sys;"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe, *command], cwd=cwd, capture_output=True, text=True, check=True
    )
    return int(out.stdout.strip()) / 1024


def spread(values: list[float]) -> str:
    return f"{min(values):.3f}–{max(values):.3f}"


def verdict(ok: bool) -> str:
    return "within budget" if ok else "OVER BUDGET"


def ratio_line(label: str, times: dict[str, list[float]], a: str, b: str, budget: float) -> bool:
    ma, mb = statistics.median(times[a]), statistics.median(times[b])
    ratio = ma / mb
    ok = ratio <= budget
    print(f"{label:<46} {ma:.3f} s / {mb:.3f} s = {ratio:.2f}×", end="")
    print(f"  (budget ≤ {budget:.2f}×)  {verdict(ok)}")
    print(f"{'':<46} spread {a} {spread(times[a])} s, {b} {spread(times[b])} s, n={len(times[a])}")
    return ok


def _figure(row: dict[str, object]) -> float:
    """A plausible figure of an indicator: a year's share of a five-year total, else its
    target (1 where the plan prints none)."""
    target = row["target"] if isinstance(row["target"], int | float) else 1
    return round(target / 5 if row["kind"] == "cumulative" else target, 4)


#: An empty cell of the template: <c r="E7" s="5" t="n"></c>, or the same closed at once.
_EMPTY_CELL = re.compile(r'<c r="([A-Z]+[0-9]+)"((?: [a-z]+="[^"]*")*)\s*(?:/>|></c>)')


def _filled(match: re.Match[str], cells: dict[str, float], provenance: str) -> str:
    """The empty cell with its figure (or, for B3, the provenance) typed in."""
    ref, attributes = match[1], re.sub(r' t="[^"]*"', "", match[2])
    if ref == "B3":
        return f'<c r="B3"{attributes} t="inlineStr"><is><t>{provenance}</t></is></c>'
    if ref in cells:
        return f'<c r="{ref}"{attributes}><v>{cells[ref]}</v></c>'
    return match[0]


def same_figures(work: Path, cli: Sequence[str], data: Path) -> tuple[Path, Path]:
    """A YAML submission and a workbook (the template of `tnplan new --format xlsx`, its
    value cells filled in) of the same 83 figures, each in a folder of its own."""
    listed = subprocess.run(
        [*cli, "indicators", "-f", "json", "--data", str(data)],
        capture_output=True,
        check=True,
    ).stdout
    rows = json.loads(listed)
    figures = {row["id"]: _figure(row) for row in rows}
    (work / "yaml").mkdir()
    (work / "xlsx").mkdir()
    yaml_file = work / "yaml" / "2023.yaml"
    lines = ["year: 2023", "provenance: sample", "values:"]
    lines += [f"  {key}: {value}" for key, value in figures.items()]
    yaml_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    template = work / "xlsx" / "template.xlsx"
    subprocess.run(
        [*cli, "new", "2023", "--tier", "all", "-o", str(template), "--data", str(data)],
        capture_output=True,
        check=True,
    )
    # Fill the value cells (column E from row 7, in the plan's order) in the sheet's XML.
    cells = {f"E{row}": figures[item["id"]] for row, item in enumerate(rows, 7)}
    provenance = "示例"
    workbook = work / "xlsx" / "2023.xlsx"
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(workbook, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = content.decode("utf-8")
                text = _EMPTY_CELL.sub(lambda m: _filled(m, cells, provenance), text)
                content = text.encode("utf-8")
            target.writestr(item, content)
    return yaml_file, workbook


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=15, help="timed runs of each start-up command")
    parser.add_argument(
        "--scale-runs", type=int, default=5, help="timed runs of each scale command"
    )
    args = parser.parse_args()

    cli = tnplan()
    floor = [sys.executable, str(HERE / "floor.py")]
    # Measure tnplan as an installed wheel runs it: pip compiles a wheel's modules to bytecode,
    # while an editable install (and the floor script) would be compiled on every run where
    # PYTHONDONTWRITEBYTECODE is set.
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(ROOT / "tongnan_plan"), str(HERE)],
        check=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": ""},
    )
    shipped = ROOT / "data"
    all_ok = True
    print(f"tnplan: {' '.join(cli)}\nPython: {sys.version.split()[0]}, {os.cpu_count()} cores\n")

    print("== start-up, against the floor (benchmarks/floor.py)")
    times = measure(
        {
            "floor": [*floor, "--format", "table"],
            "status": [*cli, "status", "--data", str(shipped)],
            "version": [*cli, "--version"],
            "help": [*cli, "--help"],
        },
        args.runs,
        ROOT,
    )
    all_ok &= ratio_line("tnplan status / floor", times, "status", "floor", 1.2)
    all_ok &= ratio_line("tnplan --version / floor", times, "version", "floor", 1.0)
    all_ok &= ratio_line("tnplan --help / floor", times, "help", "floor", 1.0)

    print("\n== extract: drafting the 14th plan's file from its text, against status")
    seed = ROOT / "tests" / "fixtures" / "extract" / "tongnan-14th-plan.txt"
    times = measure(
        {
            "extract": [*cli, "extract", str(seed), "-o", "-"],
            "status": [*cli, "status", "--data", str(shipped)],
        },
        args.runs,
        ROOT,
    )
    all_ok &= ratio_line(
        "tnplan extract <the plan's text> / status", times, "extract", "status", 2.0
    )

    print("\n== extract of a table one cell per line: 40,000 rows against 4,000 (linear: 10×)")
    with tempfile.TemporaryDirectory() as tmp:
        tables = {}
        for rows in (4_000, 40_000):
            lines = [
                "某县规划（2026—2030年）",
                "",
                "序号",
                "指标",
                "单位",
                "2025年",
                "2030年",
                "属性",
            ]
            for k in range(1, rows + 1):
                lines += [str(k), f"指标{k}", "万人", f"{k}.5", f"≥{k + 1}", "预期性"]
            path = Path(tmp) / f"cells-{rows}.txt"
            path.write_text("\n".join(lines), encoding="utf-8")
            tables[f"{rows} rows"] = [*cli, "extract", str(path), "-o", "-"]
        times = measure(tables, 3, ROOT, warmup=0)
    all_ok &= ratio_line("extract 40,000 rows / 4,000 rows", times, "40000 rows", "4000 rows", 12.0)

    print("\n== the report: the Word document (charts drawn as pictures), against the HTML page")
    with tempfile.TemporaryDirectory() as tmp:
        report = [*cli, "report", "--data", str(shipped), "--force", "-o"]
        docx, html = str(Path(tmp) / "r.docx"), str(Path(tmp) / "r.html")
        times = measure({"docx": [*report, docx], "html": [*report, html]}, args.runs, ROOT)
    all_ok &= ratio_line("tnplan report -o r.docx / -o r.html", times, "docx", "html", 3.0)
    # A chart a main indicator: the document grows with the plan, and must grow in a line
    # (python-docx's own add_picture grew with the square of the pictures).
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        sizes = {}
        for count in (250, 500):
            folder = generate(work / f"plan{count}", count)
            out = str(work / f"r{count}.docx")
            sizes[f"docx {count}"] = [*cli, "report", "--data", str(folder), "--force", "-o", out]
        times = measure(sizes, args.scale_runs, ROOT, warmup=1)
    all_ok &= ratio_line(
        "report -o r.docx, 500 indicators / 250", times, "docx 500", "docx 250", 2.2
    )

    print(
        "\n== a repository of 40 generated plans (100 indicators, five years each), against status"
    )
    with tempfile.TemporaryDirectory() as tmp:
        repository = generate_repository(Path(tmp) / "plans", plans=40, count=100)
        times = measure(
            {
                "plans": [*cli, "plans", "--data", str(repository)],
                "status --plan": [
                    *cli, "status", "--data", str(repository), "--plan", "generated-37"
                ],
                "status": [*cli, "status", "--data", str(shipped)],
            },
            args.runs,
            ROOT,
        )  # fmt: skip
    all_ok &= ratio_line("tnplan plans (40 plans) / status", times, "plans", "status", 1.5)
    all_ok &= ratio_line(
        "tnplan status --plan (one of 40) / status", times, "status --plan", "status", 1.5
    )

    print("\n== check, against check-jsonschema with tnplan's own JSON Schema")
    cjs = shutil.which("check-jsonschema") or str(Path(sys.executable).parent / "check-jsonschema")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if Path(cjs).exists():
            schema = work / "schema.json"
            schema.write_bytes(
                subprocess.run(
                    [*cli, "schema", "--data", str(shipped)], capture_output=True, check=True
                ).stdout
            )
            submission = shipped / "actuals" / "2023.yaml"
            times = measure(
                {
                    "check": [*cli, "check", "--data", str(shipped), str(submission)],
                    "check-jsonschema": [cjs, "--schemafile", str(schema), str(submission)],
                },
                args.runs,
                ROOT,
            )
            all_ok &= ratio_line(
                "tnplan check 2023.yaml / check-jsonschema", times, "check", "check-jsonschema", 0.8
            )
        else:
            print("skipped: check-jsonschema is not installed (pip install check-jsonschema)")

        print("\n== check of a workbook, against a YAML file of the same figures")
        yaml_file, workbook = same_figures(work, cli, shipped)
        times = measure(
            {
                "xlsx": [*cli, "check", "--data", str(shipped), str(workbook)],
                "yaml": [*cli, "check", "--data", str(shipped), str(yaml_file)],
            },
            args.runs,
            ROOT,
        )
        all_ok &= ratio_line(
            "tnplan check 2023.xlsx / 2023.yaml (83 figures)", times, "xlsx", "yaml", 2.0
        )

        print("\n== scale: generated plans, five years of submissions each")
        # Both sizes are measured interleaved, so that the machine's drift between one minute
        # and the next does not pass for super-linear growth.
        commands: dict[str, Sequence[str]] = {}
        for count in (5_000, 10_000):
            folder = generate(work / f"plan{count}", count)
            files = sorted(str(p) for p in (folder / "actuals").glob("*.yaml"))
            commands[f"status {count}"] = [*cli, "status", "--format", "csv", "--data", str(folder)]
            commands[f"check {count}"] = [
                *cli,
                "check",
                "--format",
                "json",
                "--data",
                str(folder),
                *files,
            ]
        times = measure(commands, args.scale_runs, ROOT, warmup=1)
        for count in (5_000, 10_000):
            for name in ("status", "check"):
                key = f"{name} {count}"
                median = statistics.median(times[key])
                memory = peak_memory_mb(commands[key], ROOT)
                label = f"{name} ({count:,} indicators)"
                budget = ""
                if count == 5_000:
                    ok = median <= 2.0
                    all_ok &= ok
                    budget = f"(budget ≤ 2.00 s)  {verdict(ok)}"
                print(f"{label:<46} {median:.3f} s  spread {spread(times[key])} s", end="")
                print(f"  peak {memory:.0f} MB  {budget}")
        for name in ("status", "check"):
            growth = statistics.median(times[f"{name} 10000"]) / statistics.median(
                times[f"{name} 5000"]
            )
            ok = growth <= 2.2
            all_ok &= ok
            print(f"{name + ' 10,000 / 5,000':<46} {growth:.2f}×  (budget ≤ 2.20×)  {verdict(ok)}")
    print("\nall within budget" if all_ok else "\nsome lines are over budget")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
