"""Full-width punctuation: JSON cases of changes, and negatives that must come out unchanged."""

from __future__ import annotations

from typing import Any

import pytest

from pipeline.clean.punctuation import to_full_width
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
