"""How a figure, a ratio and a quoted text are written in tnplan's messages (the catalogue's
messages are filled in with them; ``tongnan_plan.model.catalogue`` re-exports them)."""

from __future__ import annotations

__all__ = ["QUOTE_AT_MOST", "figure_text", "ratio_text", "shorten"]


def figure_text(value: float) -> str:
    """A number as short as it can be written without changing it (962, 0.82, 100.0000001),
    a whole number below 10^15 in full (950000000, not 9.5e+08)."""
    if float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    short, exact = f"{value:g}", repr(float(value))
    return short if float(short) == value and len(short) <= len(exact) else exact


def ratio_text(ratio: float) -> str:
    """A ratio as people write it, to three figures and without an exponent: ×9550 for a
    figure that grew, ÷9550 for one that shrank as much."""
    sign, size = ("×", ratio) if ratio >= 1 else ("÷", 1 / ratio)
    rounded = float(f"{size:.3g}")
    return sign + (f"{rounded:.0f}" if rounded >= 100 else f"{rounded:g}")


#: Longest text of a submission quoted in a message.
QUOTE_AT_MOST = 40


def shorten(text: str, limit: int = QUOTE_AT_MOST) -> str:
    """text cut to limit characters, with an ellipsis where it was cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
