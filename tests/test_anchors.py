"""Anchors: many lower-case strings found in one read of a view's text."""

from __future__ import annotations

import pytest

from lint_article import Article
from lint_article.document.anchors import lower, occurrences


@pytest.mark.parametrize(
    ("strings", "text", "expected"),
    [
        # Overlapping occurrences are all found, as repeated str.find from the next character would.
        (("aa",), "aaa", [(0, "aa"), (1, "aa")]),
        # A string inside another is found as well as the longer one.
        (("here", "here is"), "sure, here is", [(6, "here"), (6, "here is")]),
        (("lorem ipsum",), "no filler", []),
        # The text reads as if a line break stood before it: "\nsure" matches at its start, offset -1.
        (("\nsure", "sure"), "Sure, sure", [(-1, "\nsure"), (0, "sure"), (6, "sure")]),
        ((), "anything", []),
        # The text is read in windows of 65,536 characters, each overlapping the next: an occurrence
        # across the edge of two is found, and one that starts in the overlap is found once.
        (("edge",), "x" * 65_534 + "edge", [(65_534, "edge")]),
        (("edge", "ed"), "x" * 65_536 + "edge", [(65_536, "ed"), (65_536, "edge")]),
    ],
)
def test_occurrences(strings: tuple[str, ...], text: str, expected: list[tuple[int, str]]) -> None:
    assert sorted(occurrences(strings, text)) == expected


PARAGRAPHS = ["Sure! Here is the draft.", "I am sure here is fine.", "Nothing to see."]


def _blocks_holding(paragraphs: list[str], anchors: tuple[str, ...]) -> dict[str, list[int]]:
    """Which paragraphs (by position) hold each anchor, as the body view finds them."""
    article = Article.from_html("".join(f"<p>{text}</p>" for text in paragraphs))
    view = article.body
    position = {index: k for k, index in enumerate(view.block_indices)}
    held = view.blocks_holding(anchors)
    assert view.blocks_with(anchors) == sorted({i for blocks in held.values() for i in blocks})
    return {anchor: [position[i] for i in blocks] for anchor, blocks in held.items()}


@pytest.mark.parametrize(
    ("paragraphs", "anchors", "expected"),
    [
        # A leading newline means "at a block's start": only the first paragraph starts with "sure".
        (PARAGRAPHS, ("\nsure", "here is", "absent"), {"\nsure": [0], "here is": [0, 1]}),
        # "İ" is lower-cased to "i", one character for one, so that every offset after it holds.
        (
            ["İstanbul. Sure!", *PARAGRAPHS],
            ("\nsure", "here is", "istanbul"),
            {"\nsure": [1], "here is": [1, 2], "istanbul": [0]},
        ),
    ],
)
def test_blocks_holding(paragraphs: list[str], anchors: tuple[str, ...], expected: dict[str, list[int]]) -> None:
    assert _blocks_holding(paragraphs, anchors) == expected


def test_lower_keeps_every_offset() -> None:
    assert lower("İSTANBUL, Straße") == "istanbul, straße"
