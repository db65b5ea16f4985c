"""Where the shared corpus is, and which of its documents are not real articles.

Imported by the benchmark scripts (run as ``python benchmarks/NAME.py``, so this
folder is on the path); it imports nothing from lint_article, so that a script
can measure an older checkout of the library (``PYTHONPATH=...``).
"""

from __future__ import annotations

from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
# Readability's test pages made of Lorem ipsum (by the share of Latin filler
# words in their text: 21% to 100%); everything else in the corpus is real.
SYNTHETIC = frozenset(
    """
    003-metadata-preferred 004-metadata-space-separated-properties base-url-base-element-relative
    base-url-base-element base-url basic-tags-cleaning comment-inside-script-parsing data-url-image dev418
    embedded-videos hidden-nodes invalid-attributes metadata-content-missing missing-paragraphs
    normalize-spaces parsely-metadata remove-aria-hidden remove-extra-brs remove-extra-paragraphs
    remove-script-tags replace-brs replace-font-tags rtl-1 rtl-2 rtl-3 rtl-4 social-buttons style-tags-removal
    svg-parsing title-and-h1-discrepancy title-en-dash visibility-hidden
    """.split()
)
# An extraction page (a surf shop's site) whose only text is its theme's demo
# content ("Cybersteel Inc.", Lorem ipsum): the filler is really there to report.
TEMPLATE_DEMOS = frozenset({"3b06a1009a8f"})
