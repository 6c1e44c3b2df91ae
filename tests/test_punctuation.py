"""Full-width punctuation: JSON cases of changes, and negatives that must come out unchanged."""

from __future__ import annotations

from typing import Any

import pytest

from pipeline.clean.punctuation import pair_brackets, tidy_spacing, to_full_width
from tests.conftest import case_ids, load_cases

POSITIVE = load_cases("punctuation.json")
NEGATIVE = load_cases("punctuation_negative.json")


@pytest.mark.parametrize("case", POSITIVE, ids=case_ids(POSITIVE))
def test_ascii_marks_in_chinese_become_full_width(case: dict[str, Any]) -> None:
    assert to_full_width(case["original"]) == case["expected"]


@pytest.mark.parametrize("case", NEGATIVE, ids=case_ids(NEGATIVE))
def test_numbers_urls_and_latin_are_left_alone(case: dict[str, Any]) -> None:
    assert to_full_width(case["original"]) == case["original"]


@pytest.mark.parametrize("case", POSITIVE, ids=case_ids(POSITIVE))
def test_fixing_twice_changes_nothing_more(case: dict[str, Any]) -> None:
    once = to_full_width(case["original"])
    assert to_full_width(once) == once


SPACING = load_cases("spacing.json")
SPACING_NEGATIVE = load_cases("spacing_negative.json")


def _tidy(text: str) -> str:
    return tidy_spacing(pair_brackets(text))


@pytest.mark.parametrize("case", SPACING, ids=case_ids(SPACING))
def test_no_space_beside_a_full_width_mark_and_brackets_paired_in_one_width(case: dict[str, Any]) -> None:
    assert _tidy(case["original"]) == case["expected"]
    assert _tidy(case["expected"]) == case["expected"]


@pytest.mark.parametrize("case", SPACING_NEGATIVE, ids=case_ids(SPACING_NEGATIVE))
def test_spaces_between_words_and_matched_brackets_stay(case: dict[str, Any]) -> None:
    assert _tidy(case["original"]) == case["original"]


def test_each_fix_is_in_the_report() -> None:
    from pipeline.clean import clean

    page = ("市政府召开常务会议\n发布时间：2024-01-02\n"
            "会议指出 ，要坚持稳中求进工作总基调（含税)，完整准确全面贯彻新发展理念。 会议强调，要做好工作。\n")
    article = clean(page)
    rules = {e.rule for e in article.report.events if e.stage == "fix_punctuation"}
    assert {"bracket_pair", "space_beside_mark"} <= rules
    assert article.blocks[0].text == ("会议指出，要坚持稳中求进工作总基调（含税），完整准确全面贯彻新发展理念。"
                                      "会议强调，要做好工作。")
