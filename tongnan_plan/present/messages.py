"""What tnplan says on standard error about a run, beside its output, in the run's language."""

from __future__ import annotations

from pathlib import Path

__all__ = ["missing_year"]


def missing_year(year: int, latest: int | None, actuals: Path, lang: str) -> str:
    """The warning for --year Y where no submission is for Y: which year's figures are shown
    instead, and where a submission for Y must go to be counted."""
    wanted = actuals / f"{year}.yaml"
    if lang == "zh":
        shown = f"所示为截至 {latest} 年的数字" if latest is not None else "此前也没有任何数字"
        return (
            f"tnplan：警告：没有 {year} 年的报送数据，{shown}；"
            f"{year} 年的数据应放在 {wanted}（或 .csv）才会计入"
        )
    shown = f"the figures shown run to {latest}" if latest is not None else "nor any before it"
    return (
        f"tnplan: warning: no submission for {year}; {shown}. A submission for {year} is "
        f"counted once it is in {wanted} (or .csv)"
    )
