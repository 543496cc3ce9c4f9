"""Drafting a plan file (targets.yaml) from a plan's own text.

extract_plan() reads a document (text, Markdown, HTML, Word, PDF) into paragraphs and tables,
finds the indicator tables by their header and the targets the prose sets, links the figures
printed twice, and proposes for each target a kind with its evidence and the questions a person
must settle (`review:`). draft_yaml() writes the draft. Nothing here is guessed silently.
"""

from __future__ import annotations

from pathlib import Path

from msgspec import Struct, field

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


def extract_plan(path: Path) -> Draft:
    """Read the plan document at path and draft its plan file; TnplanError if unreadable."""
    return draft_from_document(read_document(path))


class _Part(Struct):
    """What the tables of one plan gave: this plan's, or the previous plan's it reports on."""

    indicators: list[DraftIndicator] = field(default_factory=list)
    groups: list[DraftGroup] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    period: tuple[int, int] | None = None


def draft_from_document(document: PlanDocument) -> Draft:
    """The draft of a document already read into the neutral form."""
    meta = plan_metadata(document)
    tables = find_indicator_tables(document)
    period = _period(meta, tables)
    main, previous = _Part(period=period), _Part()
    found: list[TableFound] = []
    for table in tables:
        roles = table_roles(table, period)
        if roles is None:
            continue
        made, made_groups, questions = table_indicators(table, roles, Tier.MAIN)
        found.append(TableFound(table.label, len(table.rows), roles.previous, table.where))
        part = previous if roles.previous else main
        part.indicators += made
        part.groups += made_groups
        part.questions += questions
        if roles.previous and previous.period is None:
            previous.period = roles.period
    figures = prose_figures(outline(document))
    years = range(period[0], period[1] + 1) if period else range(0)
    prose, prose_groups = prose_indicators(figures, main.indicators, years)
    main.indicators += prose
    main.groups += prose_groups
    facts = [f for f in figures if f.past or about_the_past(f, years)]
    check_baselines(main.indicators, facts, previous.indicators)
    review = [*meta.review, *main.questions]
    if not meta.document:
        review.append("document: no document number (…〔YYYY〕N号) found: is one printed?")
    if prose:
        review.append(
            f"attribute: the {len(prose)} targets found in the text carry no 属性; each is "
            "预期性 by assumption: is any of them 约束性?"
        )
    plan = _draft_plan(meta, main, meta.title, note=list(meta.evidence), review=review)
    previous_plan = _previous_plan(meta, previous)
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


def _draft_plan(
    meta: PlanMetadata,
    part: _Part,
    title: str,
    *,
    note: list[str],
    review: list[str],
) -> DraftPlan:
    start, end = part.period or (0, 0)
    return DraftPlan(
        id=f"plan-{start}-{end}" if part.period else "plan",
        title=title,
        issuer=meta.issuer,
        document=meta.document,
        issued=meta.issued,
        baseline_year=start - 1,
        start_year=start,
        end_year=end,
        groups=part.groups,
        indicators=part.indicators,
        note=note,
        review=review,
    )


def _previous_plan(meta: PlanMetadata, part: _Part) -> DraftPlan | None:
    """The previous plan, as the tables of its targets and results this document prints."""
    if not part.indicators or part.period is None:
        return None
    label = part.indicators[0].source.split()[0]
    title = f"{label}（据《{meta.title}》所载）" if meta.title else label
    note = f"the previous plan's targets and results as {label} of this document prints them"
    question = f"title: the previous plan is known here only from {label}; its own title?"
    return _draft_plan(meta, part, title, note=[note], review=[question, *part.questions])
