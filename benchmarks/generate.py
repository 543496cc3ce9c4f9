"""Generate a large plan directory (targets.yaml and five years of submissions) for benchmarks."""

from __future__ import annotations

import random
import sys
from pathlib import Path

GROUPS = ("employment", "social_security", "talent", "labour_relations", "public_service")
UNITS = ("万人", "%", "万人次", "人", "个", "亿元")


def generate(
    folder: Path, count: int, seed: int = 2021, plan_id: str = "generated", years: int = 5
) -> Path:
    """Write folder/targets.yaml with count indicators and folder/actuals/ a submission for
    each of the plan's years (2021 on; five years unless told)."""
    rng = random.Random(seed)
    (folder / "actuals").mkdir(parents=True, exist_ok=True)
    lines = [
        "plan:",
        f"  id: {plan_id}",
        "  title: Generated plan",
        "  title_en: Generated plan",
        "  issuer: benchmark",
        "  document: none",
        '  issued: "2022"',
        "  baseline_year: 2020",
        "  start_year: 2021",
        f"  end_year: {2020 + years}",
        "thresholds: {ahead: 1.05, on_track: 0.95, behind: 0.6}",
        "groups:",
    ]
    lines += [f"  - {{id: {g}, name: {g}, name_en: {g}}}" for g in GROUPS]
    lines.append("indicators:")
    kinds = []
    for i in range(count):
        unit = UNITS[i % len(UNITS)]
        cumulative = i % 3 == 0 and unit != "%"
        kinds.append((cumulative, unit))
        base = round(rng.uniform(10, 80), 2)
        target = round(base * rng.uniform(1.1, 1.6), 2) if unit != "%" else min(99.0, base + 15)
        lines += [
            f"  - id: ind_{i:05d}",
            f"    name: 指标{i}",
            f"    name_en: Indicator {i}",
            f'    unit: "{unit}"',
            f"    group: {GROUPS[i % len(GROUPS)]}",
            "    tier: main",
            f"    kind: {'cumulative' if cumulative else 'annual'}",
            "    attribute: 预期性",
            "    direction: higher",
            f'    baseline: {{value: {base}, text: "{base}"}}',
            f'    target: {{value: {target * (years if cumulative else 1)}, text: "{target}"}}',
            f"    source: generated {i}",
        ]
    (folder / "targets.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for year in range(2021, 2021 + years):
        rows = [f"year: {year}", "provenance: sample", "values:"]
        for i in range(len(kinds)):
            value = round(rng.uniform(5, 90), 3)
            rows.append(f"  ind_{i:05d}: {value}")
        (folder / "actuals" / f"{year}.yaml").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder


def generate_repository(root: Path, plans: int = 40, count: int = 100) -> Path:
    """A repository of plans: root/plan00 … each a generated plan of count indicators and five
    years of submissions, its id generated-00 …"""
    for i in range(plans):
        generate(root / f"plan{i:02d}", count, seed=i, plan_id=f"generated-{i:02d}")
    return root


if __name__ == "__main__":
    generate(Path(sys.argv[1]), int(sys.argv[2]))
