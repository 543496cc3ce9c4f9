"""Drafting a plan file (targets.yaml) from a plan's own text.

extract_plan() reads a document (text, Markdown, HTML, Word, PDF) into paragraphs and tables,
finds the indicator tables by their header and the targets the prose sets, links the figures
printed twice, and proposes for each target a kind with its evidence and the questions a person
must settle (`review:`). draft_yaml() writes the draft. Nothing here is guessed silently.
"""

from __future__ import annotations

from pathlib import Path

from ..model.plan import Tier
from .document import PlanDocument
from .draft import Draft, DraftGroup, DraftIndicator, DraftPlan, TableFound
from .from_prose import about_the_past, check_baselines, prose_indicators
from .from_tables import table_indicators, table_roles
from .ids import readable_ids
from .metadata import PlanMetadata, plan_metadata
from .outline import outline
from .prose import prose_figures
from .readers import read_document
from .tables import IndicatorTable, find_indicator_tables, table_rejections
from .writer import draft_yaml, results_yaml

__all__ = ["Draft", "draft_from_document", "draft_yaml", "extract_plan", "results_yaml"]


def extract_plan(path: Path, display: str | None = None) -> Draft:
    """Read the plan document at path and draft its plan file; TnplanError if unreadable."""
    return draft_from_document(read_document(path, display))


def draft_from_document(document: PlanDocument) -> Draft:
    """The draft of a document already read into the neutral form."""
    meta = plan_metadata(document)
    tables = find_indicator_tables(document)
    period = _period(meta, tables)
    main: list[DraftIndicator] = []
    previous: list[DraftIndicator] = []
    groups: list[DraftGroup] = []
    previous_groups: list[DraftGroup] = []
    table_questions: list[str] = []
    previous_questions: list[str] = []
    found: list[TableFound] = []
    previous_period: tuple[int, int] | None = None
    for table in tables:
        roles = table_roles(table, period)
        if roles is None:
            continue
        made, made_groups, questions = table_indicators(table, roles, Tier.MAIN)
        found.append(TableFound(table.label, len(table.rows), roles.previous, table.where))
        if roles.previous:
            previous += made
            previous_groups += made_groups
            previous_questions += questions
            previous_period = previous_period or roles.period
        else:
            main += made
            groups += made_groups
            table_questions += questions
    figures = prose_figures(outline(document))
    years = range(period[0], period[1] + 1) if period else range(0)
    prose, prose_groups = prose_indicators(figures, main, years)
    facts = [f for f in figures if f.past or about_the_past(f, years)]
    check_baselines([*main, *prose], facts, previous)
    plan = _plan(meta, period, groups + prose_groups, main + prose, table_questions)
    if prose:
        plan.review.append(
            f"attribute: the {len(prose)} targets found in the text carry no 属性; each is "
            "预期性 by assumption: is any of them 约束性?"
        )
    previous_plan = None
    if previous and previous_period:
        previous_plan = _previous_plan(
            meta, previous_period, previous_groups, previous, previous_questions
        )
    readable_ids(plan)
    if previous_plan is not None:
        readable_ids(previous_plan)
    rejected = [*document.rejected, *table_rejections(document)]
    return Draft(document.file, plan, previous_plan, found, len(prose), rejected)


def _period(meta: PlanMetadata, tables: list[IndicatorTable]) -> tuple[int, int] | None:
    if meta.start_year and meta.end_year:
        return meta.start_year, meta.end_year
    for table in tables:
        roles = table_roles(table, None)
        if roles is not None and roles.period:
            meta.review.append(
                f"period: {roles.period[0]}-{roles.period[1]} taken from the target column of "
                f"{table.label}: right?"
            )
            meta.start_year, meta.end_year = roles.period
            return roles.period
    return None


def _plan(
    meta: PlanMetadata,
    period: tuple[int, int] | None,
    groups: list[DraftGroup],
    indicators: list[DraftIndicator],
    questions: list[str],
) -> DraftPlan:
    start, end = period or (0, 0)
    plan = DraftPlan(
        id=f"plan-{start}-{end}" if period else "plan",
        title=meta.title,
        issuer=meta.issuer,
        document=meta.document,
        issued=meta.issued,
        baseline_year=start - 1,
        start_year=start,
        end_year=end,
        groups=groups,
        indicators=indicators,
        note=list(meta.evidence),
        review=[*meta.review, *questions],
    )
    if not meta.document:
        plan.review.append("document: no document number (…〔YYYY〕N号) found: is one printed?")
    return plan


def _previous_plan(
    meta: PlanMetadata,
    period: tuple[int, int],
    groups: list[DraftGroup],
    indicators: list[DraftIndicator],
    questions: list[str],
) -> DraftPlan:
    label = indicators[0].source.split()[0] if indicators else ""
    start, end = period
    return DraftPlan(
        id=f"plan-{start}-{end}",
        title=f"{label}（据《{meta.title}》所载）" if meta.title else label,
        issuer=meta.issuer,
        document=meta.document,
        issued=meta.issued,
        baseline_year=start - 1,
        start_year=start,
        end_year=end,
        groups=groups,
        indicators=indicators,
        note=[f"the previous plan's targets and results as {label} of this document prints them"],
        review=[
            f"title: the previous plan is known here only from {label}; its own title?",
            *questions,
        ],
    )
