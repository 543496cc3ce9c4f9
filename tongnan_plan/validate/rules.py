"""Checks of a data submission against the plan: each problem a located Diagnostic."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model.diagnostics import Diagnostic, Severity, TnplanError
from ..model.plan import (
    Comparator,
    Entry,
    Indicator,
    Kind,
    Plan,
    Provenance,
    Submission,
    Tier,
    figure_of,
    is_valid_id,
)
from ..model.units import convert, normalise_unit
from ..sources.yaml_reader import Document, Key, load_yaml, read_text

__all__ = ["Actuals", "CheckedFile", "check_document", "check_files", "check_paths"]

TOP_KEYS = ("year", "provenance", "source", "note", "values")
#: The file endings of submissions: YAML, or CSV for figures that come out of spreadsheets.
SUBMISSION_SUFFIXES = (".yaml", ".yml", ".csv")
ENTRY_KEYS = ("value", "unit", "comparator", "to_date", "source", "note")
#: Comparators a figure may be reported with, as typed (≥ and ≤ as printed in the plan too).
COMPARATORS = {"=": "=", ">=": ">=", "≥": ">=", ">": ">", "<=": "<=", "≤": "<=", "<": "<"}
#: A year-on-year ratio beyond this (either way) is reported as a likely unit slip.
JUMP_FACTOR = 10.0
#: A cumulative figure of at least this share of the earlier flows plus one more year of them
#: looks like a running total.
RUNNING_TOTAL_SHARE = 0.9
#: How many missing ids a warning names before it says "and N more".
LIST_AT_MOST = 12

_YEAR_STEM = re.compile(r"^(\d{4})$")
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９．－", "0123456789.-")


@dataclass
class Actuals:
    """Submissions after checking: the usable ones, what was found, and the files read."""

    submissions: list[Submission] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    #: The file each usable submission came from, in the order of submissions.
    submission_files: list[str] = field(default_factory=list)


@dataclass
class CheckedFile:
    """One submission file after checking: the clean submission (if any) and where values stand."""

    file: str
    submission: Submission | None
    document: Document | None
    diagnostics: list[Diagnostic]


def check_files(paths: Iterable[Path], plan: Plan) -> Actuals:
    """Check submission files against the plan: the usable submissions and every diagnostic."""
    return check_paths(list(paths), plan)


def check_paths(paths: list[Path], plan: Plan, *, compare_previous: bool = True) -> Actuals:
    """Check files one by one, then across files (one file a year, year-on-year jumps)."""
    result = Actuals()
    checked: list[CheckedFile] = []
    for path in paths:
        one = check_path(path, plan)
        checked.append(one)
        result.files.append(one.file)
    by_year: dict[int, CheckedFile] = {}
    for one in checked:
        if one.submission is None:
            continue
        year = one.submission.year
        if year in by_year:
            assert one.document is not None
            one.diagnostics.append(
                one.document.diagnostic(
                    ("year",),
                    "duplicate-year",
                    f"{by_year[year].file} already gives the figures of {year}",
                    zh=f"{by_year[year].file} 已经提交了 {year} 年的数据",
                )
            )
            one.submission = None
            continue
        by_year[year] = one
    if compare_previous:
        siblings: dict[Path, CheckedFile | None] = {}
        for one in checked:
            if one.submission is None or one.document is None:
                continue
            history = _history(one, by_year, plan, siblings)
            previous = history.get(one.submission.year - 1)
            if previous is not None:
                one.diagnostics.extend(_jumps(one, previous, plan))
            one.diagnostics.extend(_running_totals(one, history, plan))
    for one in checked:
        result.diagnostics.extend(sorted(one.diagnostics, key=lambda d: (d.line, d.column)))
        if one.submission is not None:
            result.submissions.append(one.submission)
            result.submission_files.append(one.file)
    return result


def _history(
    one: CheckedFile,
    by_year: dict[int, CheckedFile],
    plan: Plan,
    siblings: dict[Path, CheckedFile | None],
) -> dict[int, CheckedFile]:
    """Earlier years' submissions: from this run, else the YYYY.yaml files beside this one."""
    assert one.submission is not None
    here = Path(one.file).parent
    out: dict[int, CheckedFile] = {}
    for year in range(plan.plan.start_year, one.submission.year):
        found = by_year.get(year)
        if found is None:
            for suffix in SUBMISSION_SUFFIXES:
                candidate = here / f"{year}{suffix}"
                if candidate not in siblings:
                    siblings[candidate] = (
                        check_path(candidate, plan) if candidate.is_file() else None
                    )
                found = siblings[candidate]
                if found is not None:
                    break
        if found is not None and found.submission is not None and found.submission.year == year:
            out[year] = found
    return out


def check_path(path: Path, plan: Plan) -> CheckedFile:
    """Read, parse and check one submission file."""
    name = str(path)
    try:
        if path.suffix.lower() == ".csv":
            from ..sources.csv_reader import parse_csv

            doc, diagnostics = parse_csv(read_text(path, name), name)
        else:
            doc, diagnostics = load_yaml(path, name)
    except TnplanError as exc:
        return CheckedFile(name, None, None, list(exc.diagnostics))
    submission, more = check_document(doc, plan, path.stem)
    return CheckedFile(name, submission, doc, diagnostics + more)


def _suggest(word: str, choices: Iterable[str]) -> str | None:
    import difflib  # only for a name that is wrong

    found = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return found[0] if found else None


def _unknown_key(doc: Document, path: tuple[Key, ...], allowed: Iterable[str]) -> Diagnostic:
    key = str(path[-1])
    hint = _suggest(key, allowed)
    did = f"; did you mean {hint!r}?" if hint else f"; expected one of: {', '.join(allowed)}"
    did_zh = f"；是否应为 {hint!r}？" if hint else f"；可用的键：{'、'.join(allowed)}"
    return doc.diagnostic(
        path, "unknown-key", f"unknown key {key!r}{did}", key=True, zh=f"未知的键 {key!r}{did_zh}"
    )


def check_document(
    doc: Document, plan: Plan, stem: str | None = None
) -> tuple[Submission | None, list[Diagnostic]]:
    """Check a parsed submission; returns the submission built from its valid parts."""
    out: list[Diagnostic] = []
    data = doc.data
    if not isinstance(data, dict):
        out.append(
            doc.diagnostic(
                (),
                "not-a-mapping",
                "a submission is a mapping with year, provenance and values",
                zh="报送文件应为包含 year、provenance 和 values 的映射",
            )
        )
        return None, out
    for key in data:
        if key not in TOP_KEYS:
            out.append(_unknown_key(doc, (key,), TOP_KEYS))
    year = _check_year(doc, data, plan, stem, out)
    provenance = _check_provenance(doc, data, out)
    texts = {k: _check_text(doc, (k,), data.get(k), out) for k in ("source", "note")}
    values: dict[str, Entry | float] = {}
    raw_values = data.get("values")
    if "values" not in data:
        out.append(
            doc.diagnostic(
                (),
                "missing-key",
                "missing key 'values' (indicator id: number)",
                zh="缺少键 'values'（指标 id: 数值）",
            )
        )
    elif raw_values is None:
        raw_values = {}
    elif not isinstance(raw_values, dict):
        out.append(
            doc.diagnostic(
                ("values",),
                "invalid-type",
                "'values' must map indicator ids to numbers",
                zh="'values' 应为“指标 id: 数值”的映射",
            )
        )
        raw_values = {}
    if isinstance(raw_values, dict):
        known = {ind.id: ind for ind in plan.indicators}
        names = {ind.name: ind.id for ind in plan.indicators}
        for key, raw in raw_values.items():
            path: tuple[Key, ...] = ("values", key)
            if not isinstance(key, str) or key not in known:
                out.append(_unknown_indicator(doc, path, str(key), known, names))
                continue
            entry = _check_entry(doc, path, raw, known[key], out)
            if entry is not None:
                values[key] = entry
        out.extend(_children_within_parents(doc, values, plan))
        if "values" in data:
            out.extend(_missing(doc, values, raw_values, plan))
    if year is None or provenance is None:
        return None, out
    submission = Submission.model_construct(
        year=year, provenance=provenance, source=texts["source"], note=texts["note"], values=values
    )
    return submission, out


def _check_year(
    doc: Document, data: dict[Any, Any], plan: Plan, stem: str | None, out: list[Diagnostic]
) -> int | None:
    if "year" not in data:
        out.append(
            doc.diagnostic((), "missing-key", "missing key 'year'", zh="缺少键 'year'（年份）")
        )
        return None
    year = data["year"]
    if isinstance(year, bool) or not isinstance(year, int):
        out.append(
            doc.diagnostic(
                ("year",),
                "invalid-year",
                f"year must be a whole number, not {year!r}",
                zh=f"年份应为整数，不能是 {year!r}",
            )
        )
        return None
    first, last = plan.plan.start_year, plan.plan.end_year
    if not first <= year <= last:
        out.append(
            doc.diagnostic(
                ("year",),
                "year-outside-plan",
                f"year {year} is outside the plan period {first}-{last}",
                zh=f"{year} 年不在规划期 {first}-{last} 年之内",
            )
        )
        return None
    match = _YEAR_STEM.match(stem or "")
    if match and int(match.group(1)) != year:
        out.append(
            doc.diagnostic(
                ("year",),
                "year-mismatch",
                f"year {year} does not match the file name {stem}",
                zh=f"年份 {year} 与文件名 {stem} 不符",
            )
        )
    return year


def _check_provenance(
    doc: Document, data: dict[Any, Any], out: list[Diagnostic]
) -> Provenance | None:
    allowed = ", ".join(p.value for p in Provenance)
    if "provenance" not in data:
        out.append(
            doc.diagnostic(
                (),
                "missing-key",
                f"missing key 'provenance' ({allowed})",
                zh=f"缺少键 'provenance'（数据性质：{allowed}）",
            )
        )
        return None
    raw = data["provenance"]
    if raw is None:
        out.append(
            doc.diagnostic(
                ("provenance",),
                "invalid-provenance",
                f"provenance is empty; choose one of: {allowed}",
                zh=f"provenance（数据性质）为空，请选择：{allowed}",
            )
        )
        return None
    try:
        return Provenance(raw)
    except ValueError:
        out.append(
            doc.diagnostic(
                ("provenance",),
                "invalid-provenance",
                f"provenance {raw!r} is not one of: {allowed}",
                zh=f"provenance（数据性质）{raw!r} 不在可选值之内：{allowed}",
            )
        )
        return None


def _check_text(
    doc: Document, path: tuple[Key, ...], raw: Any, out: list[Diagnostic]
) -> str | None:
    if raw is None or isinstance(raw, str):
        return raw
    out.append(
        doc.diagnostic(
            path,
            "invalid-type",
            f"{path[-1]} must be text; quote it",
            zh=f"{path[-1]} 应为文字，请加引号",
        )
    )
    return None


def _unknown_indicator(
    doc: Document,
    path: tuple[Key, ...],
    key: str,
    known: dict[str, Indicator],
    names: dict[str, str],
) -> Diagnostic:
    if key in names:
        ind = known[names[key]]
        hint = f"; write its id {ind.id!r} ({ind.name})"
        hint_zh = f"；请写它的 id {ind.id!r}（{ind.name}）"
    else:
        near = _suggest(key, known) if is_valid_id(key) else None
        near_name = _suggest(key, names)
        if near is None and near_name is not None:
            near = names[near_name]
        hint = f"; did you mean {near!r} ({known[near].name})?" if near else ""
        hint_zh = f"；是否应为 {near!r}（{known[near].name}）？" if near else ""
    return doc.diagnostic(
        path,
        "unknown-indicator",
        f"unknown indicator {key!r}{hint}",
        key=True,
        zh=f"未知指标 {key!r}{hint_zh}",
    )


def _number(doc: Document, path: tuple[Key, ...], raw: Any, out: list[Diagnostic]) -> float | None:
    """raw as a finite number, else a diagnostic (with a hint at the likely slip) and None."""
    quirk = doc.quirks.get(path)
    if isinstance(raw, bool):
        if quirk is None:  # a YAML 1.1 boolean word was already reported by the loader
            out.append(
                doc.diagnostic(
                    path,
                    "not-a-number",
                    f"{str(raw).lower()} is a boolean, not a number",
                    zh=f"{str(raw).lower()} 是布尔值，不是数字",
                )
            )
        return None
    if isinstance(raw, int | float):
        if quirk is not None and quirk[0].startswith("yaml11-"):
            return None  # octal or base-60: already reported as an error by the loader
        if not math.isfinite(raw):
            out.append(
                doc.diagnostic(
                    path, "not-finite", f"{raw} is not a finite number", zh=f"{raw} 不是有限的数字"
                )
            )
            return None
        return float(raw)
    if raw is None:
        out.append(
            doc.diagnostic(
                path,
                "missing-value",
                "no value given; leave the id out if there is no figure (missing is not zero)",
                zh="未填数值；没有数据的指标请删去该行（缺报不按零计）",
            )
        )
        return None
    if isinstance(raw, str):
        out.append(
            doc.diagnostic(
                path, "not-a-number", _text_hint(raw, quirk), zh=_text_hint(raw, quirk, "zh")
            )
        )
        return None
    out.append(
        doc.diagnostic(
            path,
            "not-a-number",
            f"a {type(raw).__name__} where a number belongs",
            zh=f"此处应为数字，而不是 {type(raw).__name__}",
        )
    )
    return None


def _text_hint(raw: str, quirk: tuple[str, str] | None, lang: str = "en") -> str:
    """Why text is not a number, and the likely slip, in English or Chinese."""
    text = raw.strip()
    zh = lang == "zh"
    base = f"{raw!r} 是文字，不是数字" if zh else f"{raw!r} is text, not a number"
    if quirk and quirk[0] == "number-as-text":
        if not math.isfinite(float(text)):  # beyond a float: there is nothing to suggest
            if zh:
                return f"{raw!r} 太大，无法作为数字读取（超出约 1.8e308）"
            return f"{raw!r} is too large to be read as a number (beyond about 1.8e308)"
        if zh:
            return f"{raw!r} 在 YAML 1.1（PyYAML）中被读作文字：请不用指数写法，如 {float(text):g}"
        return (
            f"{raw!r} is read as text by YAML 1.1 (PyYAML):"
            f" write it without an exponent, e.g. {float(text):g}"
        )
    if quirk and quirk[0] == "date":
        return f"{raw!r} 被读作日期，不是数字" if zh else f"{raw!r} is read as a date, not a number"
    if re.fullmatch(r"[-+]?\d{1,3}(,\d{3})+(\.\d+)?", text):
        plain = text.replace(",", "")
        return (
            f"{base}：请去掉千位分隔符（{plain}）"
            if zh
            else (f"{base}: drop the thousands separators ({plain})")
        )
    if text.endswith(("%", "％")):
        plain = text.rstrip("%％").strip()
        return (
            f"{base}：请去掉百分号（{plain}）" if zh else f"{base}: drop the percent sign ({plain})"
        )
    converted = text.translate(_FULLWIDTH_DIGITS)
    if converted != text and re.fullmatch(r"[-+]?\d+(\.\d+)?", converted):
        if zh:
            return f"{base}：用了全角数字，请写作 {converted}"
        return f"{base}: it is written in full-width digits; write {converted}"
    if re.fullmatch(r"[-+]?\d+(\.\d+)?", text):
        return f"{base}：请去掉引号" if zh else f"{base}: remove the quotes"
    return base


def _check_entry(
    doc: Document, path: tuple[Key, ...], raw: Any, ind: Indicator, out: list[Diagnostic]
) -> Entry | float | None:
    unit = source = note = None
    comparator = Comparator.EQ
    to_date = False
    value_path = path
    if isinstance(raw, dict):
        for key in raw:
            if key not in ENTRY_KEYS:
                out.append(_unknown_key(doc, (*path, key), ENTRY_KEYS))
        if "value" not in raw:
            out.append(
                doc.diagnostic(
                    path, "missing-key", "missing key 'value'", zh="缺少键 'value'（数值）"
                )
            )
            return None
        value_path = (*path, "value")
        raw_value = raw["value"]
        unit = _check_text(doc, (*path, "unit"), raw.get("unit"), out)
        source = _check_text(doc, (*path, "source"), raw.get("source"), out)
        note = _check_text(doc, (*path, "note"), raw.get("note"), out)
        if "comparator" in raw:
            found = (
                COMPARATORS.get(raw["comparator"]) if isinstance(raw["comparator"], str) else None
            )
            if found is None:
                out.append(
                    doc.diagnostic(
                        (*path, "comparator"),
                        "invalid-comparator",
                        f"comparator {raw['comparator']!r} is not one of: {', '.join(COMPARATORS)}",
                        zh=f"比较符 {raw['comparator']!r} 不在可选值之内：{'、'.join(COMPARATORS)}",
                    )
                )
                return None
            comparator = Comparator(found)
        if "to_date" in raw:
            to_date = raw["to_date"]
            if not isinstance(to_date, bool):
                out.append(
                    doc.diagnostic(
                        (*path, "to_date"),
                        "invalid-type",
                        "to_date must be true or false",
                        zh="to_date 应为 true 或 false",
                    )
                )
                return None
            if to_date and ind.kind is not Kind.CUMULATIVE:
                out.append(
                    doc.diagnostic(
                        (*path, "to_date"),
                        "to-date-not-cumulative",
                        f"{ind.name} is a level, not a five-year total: to_date does not apply",
                        zh=f"{ind.name}是水平值，不是五年累计数，不能用 to_date",
                    )
                )
                return None
    else:
        raw_value = raw
    value = _number(doc, value_path, raw_value, out)
    if value is None:
        return None
    if unit is not None and normalise_unit(unit) != ind.unit:
        converted = convert(value, unit, ind.unit)
        if converted is None:
            out.append(
                doc.diagnostic(
                    (*path, "unit"),
                    "unit-mismatch",
                    f"unit {unit!r} does not convert to {ind.name}'s unit {ind.unit!r}",
                    zh=f"单位 {unit!r} 无法换算为{ind.name}的单位 {ind.unit!r}",
                )
            )
            return None
        out.append(
            doc.diagnostic(
                (*path, "unit"),
                "unit-converted",
                f"{value:g} {unit} converted to {converted:g} {ind.unit}",
                Severity.INFO,
                zh=f"{value:g} {unit} 已换算为 {converted:g} {ind.unit}",
            )
        )
        value = converted
    if value < 0:
        out.append(
            doc.diagnostic(
                value_path,
                "negative-value",
                f"{ind.name} cannot be negative ({value:g})",
                zh=f"{ind.name}不能为负数（{value:g}）",
            )
        )
        return None
    if ind.unit == "%" and value > 100:
        out.append(
            doc.diagnostic(
                value_path,
                "percent-out-of-range",
                f"{ind.name} is a percentage: {value:g} is over 100",
                zh=f"{ind.name}是百分比，{value:g} 超过了 100",
            )
        )
        return None
    if (
        unit is None
        and source is None
        and note is None
        and not to_date
        and comparator is Comparator.EQ
    ):
        return value  # a bare number: no Entry to build (see figure_of)
    # Every field was checked above: construct without validating again.
    return Entry.model_construct(
        value=value,
        unit=ind.unit,
        comparator=comparator,
        to_date=to_date,
        source=source,
        note=note,
    )


def _children_within_parents(
    doc: Document, values: dict[str, Entry | float], plan: Plan
) -> Iterable[Diagnostic]:
    for ind in plan.indicators:
        if ind.parent is None or ind.id not in values or ind.parent not in values:
            continue
        parent = plan.indicator(ind.parent)
        if parent.unit != ind.unit:
            continue
        child_value, child_total, _ = figure_of(values[ind.id])
        parent_value, parent_total, _ = figure_of(values[ind.parent])
        if child_total != parent_total:
            continue
        if child_value > parent_value:
            yield doc.diagnostic(
                ("values", ind.id),
                "child-exceeds-parent",
                f"{ind.name} ({child_value:g}) is larger than its parent {parent.name}"
                f" ({parent_value:g} {parent.unit}), of which it is a part (其中)",
                zh=f"{ind.name}（{child_value:g}）大于其所属的{parent.name}"
                f"（{parent_value:g} {parent.unit}），其中项不能超过总项",
            )


def _missing(
    doc: Document, values: dict[str, Entry | float], raw_values: dict[Any, Any], plan: Plan
) -> Iterable[Diagnostic]:
    order = list(Tier)
    absent = sorted(
        (ind for ind in plan.indicators if ind.id not in raw_values),
        key=lambda ind: order.index(ind.tier),
    )
    if not absent:
        return
    main = sum(1 for ind in absent if ind.tier is Tier.MAIN)
    shown = ", ".join(ind.id for ind in absent[:LIST_AT_MOST])
    more = f" and {len(absent) - LIST_AT_MOST} more" if len(absent) > LIST_AT_MOST else ""
    more_zh = f" 等另 {len(absent) - LIST_AT_MOST} 项" if len(absent) > LIST_AT_MOST else ""
    yield doc.diagnostic(
        ("values",),
        "missing-indicators",
        f"{len(absent)} of the plan's {len(plan.indicators)} indicators are not reported"
        f" ({main} of them main indicators; missing is not zero): {shown}{more}",
        Severity.WARNING,
        key=True,
        zh=f"规划的 {len(plan.indicators)} 项指标中有 {len(absent)} 项未报送"
        f"（其中主要指标 {main} 项；缺报不按零计）：{shown}{more_zh}",
    )


def _running_totals(
    one: CheckedFile, history: dict[int, CheckedFile], plan: Plan
) -> Iterable[Diagnostic]:
    """Cumulative indicators given as the total to date instead of the year's flow."""
    assert one.submission is not None and one.document is not None
    year = one.submission.year
    earlier_years = range(plan.plan.start_year, year)
    past = {
        y: found.submission.values
        for y in earlier_years
        if (found := history.get(y)) is not None and found.submission is not None
    }
    by_id = plan.by_id
    for key, raw in one.submission.values.items():
        ind = by_id[key]
        value_now, to_date, _ = figure_of(raw)
        if ind.kind is not Kind.CUMULATIVE or to_date:
            continue
        flows = []
        for earlier in earlier_years:
            before = past.get(earlier, {}).get(key)
            if before is None:
                break
            flow, was_total, _ = figure_of(before)
            if was_total:
                break
            flows.append(flow)
        if not flows or sum(flows) <= 0:
            continue
        # The running total would be the earlier flows plus about one more year of them.
        running = sum(flows) + sum(flows) / len(flows)
        if value_now >= RUNNING_TOTAL_SHARE * running:
            yield one.document.diagnostic(
                ("values", key),
                "running-total",
                f"{ind.name} is a yearly flow summed by tnplan, but {value_now:g} is close to"
                f" the total to date ({sum(flows):g} over {plan.plan.start_year}-{year - 1}"
                f" plus a year): give {year}'s own figure",
                Severity.WARNING,
                zh=f"{ind.name}按年度新增数累计，但 {value_now:g} 接近截至上年的累计数"
                f"（{plan.plan.start_year}-{year - 1} 年共 {sum(flows):g}）再加一年："
                f"请填 {year} 年当年的数字",
            )


def _jumps(one: CheckedFile, previous: CheckedFile, plan: Plan) -> Iterable[Diagnostic]:
    assert (
        one.submission is not None and previous.submission is not None and one.document is not None
    )
    before = previous.submission.values
    for key, raw in one.submission.values.items():
        old_raw = before.get(key)
        if old_raw is None:
            continue
        new_value, new_total, _ = figure_of(raw)
        old_value, old_total, _ = figure_of(old_raw)
        if old_value <= 0 or new_value <= 0 or old_total != new_total:
            continue
        ratio = new_value / old_value
        if ratio >= JUMP_FACTOR or ratio <= 1 / JUMP_FACTOR:
            ind = plan.indicator(key)
            yield one.document.diagnostic(
                ("values", key),
                "implausible-jump",
                f"{ind.name} moves from {old_value:g} to {new_value:g} {ind.unit} (×{ratio:.3g})"
                f" against {previous.submission.year} in {previous.file}: is the unit right?",
                Severity.WARNING,
                zh=f"{ind.name}从 {previous.submission.year} 年（{previous.file}）的 {old_value:g}"
                f" 变为 {new_value:g} {ind.unit}（×{ratio:.3g}）：单位是否填错？",
            )
