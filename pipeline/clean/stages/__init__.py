"""The cleaning's stages: each a small named function of the draft (`Draft -> Draft`), in run order.

`page.py` finds the article in the page (trimmed lines, the breadcrumb, each line's class, repeats,
the abstract); `metadata.py` reads the title, the metadata lines and the bylines in the text, then
what an HTML page's head says where the text was silent;
`structure.py` joins wrapped lines, finds headings and sets Chinese punctuation. Every line a stage
drops or changes is recorded in the report under the stage's name (the function's).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from pipeline.clean.stages.metadata import from_head, read_bylines, read_metadata, split_title
from pipeline.clean.stages.page import drop_repeats, read_breadcrumb, tag_lines, take_abstract, trim_whitespace
from pipeline.clean.stages.structure import (
    drop_link_labels,
    find_headings,
    fix_punctuation,
    join_wrapped_lines,
    mark_notice_parts,
)
from pipeline.clean.tagger import LineTagger
from pipeline.clean.types import Draft

Stage = Callable[[Draft], Draft]


def stages(tagger: LineTagger) -> tuple[Stage, ...]:
    """The stages in their run order; the three that read with the model are given it."""
    return (
        trim_whitespace,
        read_breadcrumb,
        partial(tag_lines, tagger=tagger),
        split_title,
        partial(read_metadata, reader=tagger.credits),
        take_abstract,
        drop_repeats,
        partial(read_bylines, reader=tagger.credits),
        from_head,
        join_wrapped_lines,
        find_headings,
        mark_notice_parts,
        drop_link_labels,
        fix_punctuation,
    )


def stage_name(stage: Stage) -> str:
    """A stage's name: its function's."""
    function = stage.func if isinstance(stage, partial) else stage
    return function.__name__
