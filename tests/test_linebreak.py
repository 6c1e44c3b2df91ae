"""Titles broken as a typesetter would: on the cover (Pillow's measure of the region's face), every corpus
title and the seed's, at the cover's width and at narrower ones."""

from __future__ import annotations

import itertools
import json
import re

import pytest

from pipeline.render import cover, fonts
from pipeline.render.linebreak import NO_LINE_END, NO_LINE_START, balanced_lines, em_width
from tests.conftest import CORPUS

TITLES = sorted({json.loads(p.read_text("utf-8"))["title"] for p in CORPUS.glob("*.expected.json")} - {None})
LATIN_OR_DIGIT = re.compile(r"[A-Za-z0-9]")
PUNCTUATION = re.compile(r"[\s\u3000-\u303f\uff00-\uffef“”‘’…—·,.;:!?()]")


def check(title: str, lines: list[str]) -> None:
    assert all(line == line.strip() and line for line in lines)
    for before, after in itertools.pairwise(lines):
        assert after[0] not in NO_LINE_START, lines
        assert before[-1] not in NO_LINE_END, lines
        glued = before[-1] + after[0] in title  # no space between them: one word or number (6 / 4GB)
        assert not (LATIN_OR_DIGIT.match(before[-1]) and LATIN_OR_DIGIT.match(after[0]) and glued), lines
    if len(lines) > 1:
        assert all(len(PUNCTUATION.sub("", line)) > 1 for line in lines), lines  # no lone character


def test_the_corpus_has_titles_to_break() -> None:
    assert len(TITLES) >= 40 and any(LATIN_OR_DIGIT.search(t) for t in TITLES)


@pytest.mark.parametrize("width", [9, 12, 16])
def test_every_corpus_title_breaks_evenly_and_by_the_rules(width: float) -> None:
    for title in TITLES:
        lines = balanced_lines(title, em_width, width)
        check(title, lines)
        assert re.sub(r"\s", "", "".join(lines)) == re.sub(r"\s", "", title)  # nothing lost but the spaces broken at
        widths = [em_width(line) for line in lines]
        assert min(widths) >= max(widths) / 3, lines
        assert all(w <= width for w in widths) or len(lines) == 4, lines


def test_the_cover_breaks_titles_with_the_faces_measure() -> None:
    sans = fonts.faces("SC")[1]
    font = cover._font(sans.path, sans.index, 84)
    width = cover.SIZE[0] - 2 * cover.MARGIN
    broken = 0
    for title in TITLES:
        lines = cover.lines_of(title, font, width)
        check(title, lines)
        assert all(font.getlength(line) <= width for line in lines), lines
        broken += len(lines) > 1
    assert broken >= 10  # most headlines take two lines on the cover


def test_the_covers_sum_of_advances_breaks_as_the_faces_own_measure_does() -> None:
    serif, sans = fonts.faces("SC")
    width = cover.SIZE[0] - 2 * cover.MARGIN
    latin = ["iPhone 15 Pro Max WAVE AVATAR Typography Kerning 比较一下各种字体的宽度看看",
             "AVAVAVAVAVAVAV TTTTTT WWWWW"]
    for face, size in ((sans, 84), (serif, 52), (sans, 21)):
        font = cover._font(face.path, face.index, size)
        for title in [*TITLES, *latin]:
            assert cover.lines_of(title, font, round(width * size / 84)) == balanced_lines(
                title, font.getlength, round(width * size / 84)), title


def test_a_break_falls_at_the_space_or_the_mark_before_inside_a_word() -> None:
    assert balanced_lines("彰显制度优势 践行为民初心", em_width, 10) == ["彰显制度优势", "践行为民初心"]
    assert balanced_lines("我国第一批64GB手机上市，价格为何这么高？", em_width, 14) == [
        "我国第一批64GB手机上市，", "价格为何这么高？"]
    assert balanced_lines("美国将扩大施压？中国回应：坚决反对", em_width, 10) == [
        "美国将扩大施压？", "中国回应：坚决反对"]
