"""The official-document layout's numbering (present/docx_style.py), worked out by hand."""

from __future__ import annotations

import pytest

from tongnan_plan.present.docx_style import chinese_numeral, heading_number


@pytest.mark.parametrize(
    ("n", "written"),
    [
        (1, "一"),
        (10, "十"),
        (12, "十二"),
        (20, "二十"),
        (35, "三十五"),
        (99, "九十九"),
        (100, "一百"),  # a plan of more than 99 areas has headings past 九十九
        (105, "一百零五"),
        (110, "一百一十"),
        (1001, "一千零一"),
        (2003, "二千零三"),
        (10_000, "10000"),
    ],
)
def test_chinese_numerals(n: int, written: str) -> None:
    assert chinese_numeral(n) == written


def test_heading_numbers_of_each_level() -> None:
    assert [heading_number(level, 3, "zh") for level in (1, 2, 3, 4)] == [
        "三、",
        "（三）",
        "3.",
        "（3）",
    ]
    assert heading_number(2, 2, "en") == "B. "
    with pytest.raises(ValueError):
        chinese_numeral(0)
