"""The line tagger: which line of a page is the title, metadata, a heading, body text, a caption or
boilerplate.

- `features.py`: the features of one line's text; `page.py`: of where it stands in the page, and
  the window of neighbours each line is seen with (the strings CRFsuite reads);
- `titles.py`: the title ranker; `lines.py`: the model file, loaded, and the line CRF that labels
  every line once the title is chosen; `corrections.py`: the named corrections that overrule it;
- `labels.py`: the corpus's line classes and sidecars; `training.py`: training and
  cross-validation.

The model's API is here: `load()` a model file (`DEFAULT_MODEL`: the packaged one for text pages,
`HTML_MODEL` for HTML pages, which also reads what the markup says of each line) and `read` or
`tag` a page with the LineTagger it gives.
"""

from pipeline.clean.tagger.corrections import CORRECTIONS
from pipeline.clean.tagger.lines import (
    CLASSES,
    DEFAULT_MODEL,
    HTML_MODEL,
    KEPT,
    PACKAGED_MODELS,
    REVIEW_BELOW,
    LineTagger,
    Tagging,
    default_model,
    load,
)

__all__ = ["CLASSES", "CORRECTIONS", "DEFAULT_MODEL", "HTML_MODEL", "KEPT", "PACKAGED_MODELS", "REVIEW_BELOW",
           "LineTagger", "Tagging", "default_model", "load"]
