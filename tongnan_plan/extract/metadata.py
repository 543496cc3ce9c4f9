"""The plan's own metadata: title, issuer, document number, date of issue and period."""

from __future__ import annotations

import re
from collections import Counter

from msgspec import Struct, field

from .document import PlanDocument
from .headers import five_year_period, squeeze

__all__ = ["PlanMetadata", "plan_metadata"]

_QUOTED_TITLE = re.compile(r"《([^《》]{4,80}规划[^《》]{0,30})》")
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,16}[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d+\s*号")
_DATE = re.compile(r"(20\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_YEARS = re.compile(r"(20\d\d)\s*[-—–~～至到]\s*(20\d\d)\s*年")
_NOTICE = re.compile(r"^\W*([\u4e00-\u9fff]{2,40}?)关于印发\s*《([^《》]{4,80})》")
_ISSUER = re.compile(r"^\s*([\u4e00-\u9fff]{2,30}(人民政府|办公室|局|委员会|厅|部))\s*(文件)?\s*$")


class PlanMetadata(Struct):
    """What the document says about itself; review holds what it leaves open."""

    title: str = ""
    issuer: str = ""
    document: str = ""
    issued: str = ""
    start_year: int | None = None
    end_year: int | None = None
    evidence: list[str] = field(default_factory=list)
    review: list[str] = field(default_factory=list)


def plan_metadata(document: PlanDocument) -> PlanMetadata:
    """Read title, issuer, document number, date and period; ask where the text is unsure."""
    texts = [p.text.strip() for p in document.paragraphs]
    meta = PlanMetadata()
    meta.title = _title(texts, meta)
    # The 文号 stands on a line of its own (or after the issuer), not in a sentence citing it.
    number = next(
        (m.group(0) for t in texts[:30] if len(t) <= 50 for m in [_DOC_NUMBER.search(t)] if m), ""
    )
    meta.document = _document_number(squeeze(number))
    dates = [m for t in texts[:40] for m in _DATE.finditer(t)]
    if dates:
        year, month, day = (int(g) for g in dates[0].groups())
        meta.issued = f"{year:04d}-{month:02d}-{day:02d}"
        if len(dates) > 1:
            meta.review.append(
                f"issued: {meta.issued} is the first full date printed ({dates[0].group(0)}); "
                f"the text also prints {', '.join(d.group(0) for d in dates[1:3])}: which is "
                "the date of issue?"
            )
    else:
        meta.review.append("issued: no date of issue (YYYY年M月D日) found near the start")
    _issuer(texts, meta)
    _period(meta, texts)
    return meta


def _document_number(number: str) -> str:
    """The 文号 alone: "…人民政府办公室青山府办发〔2026〕8号" -> "青山府办发〔2026〕8号"."""
    for issuer in ("办公室", "人民政府", "委员会"):
        at = number.rfind(issuer)
        if at >= 0 and number.find("〔") > at:
            return number[at + len(issuer) :]
    return number


def _title(texts: list[str], meta: PlanMetadata) -> str:
    for text in texts[:5]:
        notice = _NOTICE.search(text)
        if notice:
            meta.evidence.append("title: the plan the covering notice issues (关于印发《…》)")
            return squeeze(notice.group(2))
    quoted = Counter(squeeze(m.group(1)) for t in texts for m in _QUOTED_TITLE.finditer(t))
    if quoted:
        title, _ = quoted.most_common(1)[0]
        meta.evidence.append(f"title: printed in 《》 {quoted[title]} time(s)")
        return title
    for text in texts[:20]:
        if "规划" in text and len(text) < 80:
            meta.review.append(
                f"title: no title in 《》; the first line naming a 规划 is used: {text}"
            )
            return squeeze(text)
    meta.review.append("title: no title found; write the plan's title")
    return ""


def _issuer(texts: list[str], meta: PlanMetadata) -> None:
    candidates: list[str] = []
    for text in texts[:40]:
        match = _ISSUER.match(text)
        if match and match.group(1) not in candidates:
            candidates.append(match.group(1))
    notice = next((m for t in texts[:5] for m in [_NOTICE.search(t)] if m), None)
    if not candidates and notice:
        candidates.append(notice.group(1))
    if not candidates:
        meta.review.append("issuer: no issuing body found; write who issued the plan")
        return
    # The plan's cover names its issuer after the title; a covering notice is issued by an office.
    cover = [c for c in candidates if not c.endswith("办公室")]
    meta.issuer = cover[0] if cover else candidates[0]
    if len(candidates) > 1:
        meta.review.append(
            f"issuer: the text names {'、'.join(candidates)}; {meta.issuer} is proposed "
            f"(the plan's own issuer, not the office of a covering notice"
            f"{' ' + meta.document if meta.document else ''}): which one?"
        )


def _period(meta: PlanMetadata, texts: list[str]) -> None:
    # The title, then the short lines of the cover: not a sentence that cites another plan.
    head = [meta.title, *(t for t in texts[:40] if len(t) < 60 and "《" not in t)]
    years = next((m for t in head for m in [_YEARS.search(t)] if m), None)
    named = next((p for t in head for p in [five_year_period(t)] if p), None)
    printed = (int(years.group(1)), int(years.group(2))) if years else None
    if printed and named and printed != named:
        meta.review.append(
            f"period: the text prints {printed[0]}-{printed[1]}, but names the plan "
            f"{named[0]}-{named[1]} (十N五): which is the plan's period?"
        )
    chosen = printed or named
    if chosen is None:
        meta.review.append(
            "period: neither 十N五 nor YYYY-YYYY年 is printed near the title; "
            "the years are taken from the indicator table"
        )
        return
    meta.start_year, meta.end_year = chosen
    if printed and named == printed:
        meta.evidence.append(f"period: {printed[0]}-{printed[1]}, printed and named by 十N五")
    elif printed:
        meta.evidence.append(f"period: {printed[0]}-{printed[1]} as printed")
    else:
        meta.review.append(
            f"period: {chosen[0]}-{chosen[1]} from the name 十N五 alone, no years printed; "
            f"baseline year {chosen[0] - 1}?"
        )
