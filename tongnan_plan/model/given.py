"""A figure as it was typed: a float that keeps the text its precision was given in.

A float forgets what a submission says of a figure's precision: ``0.140`` and ``0.14`` are
one float. Where the text says more than the float (zeros after the decimal point, which
state that the figure is known to that place), the readers (YAML, CSV) give a :class:`Given`,
and validate/check.py hands it back after validation (pydantic makes every number a plain
float). It is a float, so every sum and ratio works on the number and gives a plain float:
only the figure itself is shown as typed, by calc/rounding.as_given, the one home for how a
figure is shown.

What is not a figure's precision is normalised: a sign (``+5.50`` is 5.50), leading zeros
(``05.50`` is 5.50) and an exponent (``1.40e1`` is the number, 14, as before).
"""

from __future__ import annotations

from decimal import Decimal

__all__ = ["Given", "typed"]


class Given(float):
    """A float with the text it was typed as (``written``: 0.140, 5.450, 5.0)."""

    __slots__ = ("written",)
    written: str

    def __new__(cls, value: float, written: str) -> Given:
        self = super().__new__(cls, value)
        self.written = written
        return self

    def __reduce__(self) -> tuple[type[Given], tuple[float, str]]:
        return Given, (float(self), self.written)


def typed(text: str, number: float) -> float:
    """number as a Given where text states a precision the float loses (a zero ending its
    decimals), else number itself. text is a plain decimal (sources/document.is_plain_number).
    """
    if text[-1] != "0" or "." not in text or "e" in text or "E" in text or text[0] == "-":
        return number  # no zero to keep; an exponent; a negative figure (refused later)
    return Given(number, f"{Decimal(text):f}")
