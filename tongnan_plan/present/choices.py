"""The choices the command line offers besides its formats (whose enums come from the
registry of writers: writers.choices): tiers, languages and expected paths. Plain enums
(standard library only), so the command line can name them without importing any writer."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["Lang", "PathChoice", "TierChoice"]


class TierChoice(StrEnum):
    """A tier of indicators, or all of them."""

    MAIN = "main"
    GOAL = "goal"
    ACTION = "action"
    ALL = "all"


class Lang(StrEnum):
    """The languages of headers, words and messages."""

    ZH = "zh"
    EN = "en"

    @classmethod
    def of_environment(cls) -> Lang:
        """TNPLAN_LANG where it names a language, else the locale's."""
        import os

        chosen = os.environ.get("TNPLAN_LANG", "").strip().lower()
        return cls(chosen) if chosen in (cls.ZH, cls.EN) else cls.of_locale()

    @classmethod
    def of_locale(cls) -> Lang:
        """The locale's language: English where LC_ALL, LC_MESSAGES or LANG says en…,
        Chinese otherwise."""
        import os

        for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
            value = os.environ.get(name, "")
            if value:
                return cls.EN if value.lower().startswith("en") else cls.ZH
        return cls.ZH


class PathChoice(StrEnum):
    """The expected path every indicator is held to."""

    LINEAR = "linear"
    COMPOUND = "compound"
