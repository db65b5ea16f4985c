from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..document import Article, Block, View
from ..findings import Finding, Severity
from ..rule import Context, Rule, RuleOptions, option


class Readability(Rule):
    """The prose is easy enough to read for a general audience.

    ## What it checks
    Computes the Flesch reading ease and the Flesch-Kincaid grade of the
    article's running prose (paragraphs, quotes, list items; not headings,
    captions or table cells) with textstat's formulas and syllable counts, and
    reports a reading ease below `min_reading_ease` or a grade above
    `max_grade`. The finding spans the article body and names its hardest
    paragraphs with their lines and scores, so the writer knows where to
    start. Articles under `min_words` words are skipped: the formulas mean
    little on a few sentences.

    The language comes from `<html lang>` or the `language` setting. Reading
    ease is computed for the languages textstat has coefficients for
    (English, German, Spanish, French, Italian, Dutch, Russian, Hungarian);
    the grade, fitted on English, only for English. Other languages, and
    articles with no declared language that do not read as English, are
    skipped rather than guessed at. Text inside a passage where the rule is
    disabled (by a comment directive or `data-lint-article-disable`) is left
    out of the scores.

    ## Why
    News readers skim. A reading ease of 50 or more (about 10th grade) is what
    general-audience publishers aim for; the grade limit of 12 keeps a piece
    within reach of a reader who finished school.

    ## Fails
    Options: `{"min_words": 50}`
    ```html
    <article lang="en">
    <h1>Notice</h1>
    <p>Notwithstanding the aforementioned considerations, institutional
    stakeholders' multidimensional interdependencies necessitate comprehensive,
    systematically coordinated intergovernmental reconceptualisation of
    contemporaneous administrative responsibilities, particularly regarding
    infrastructural modernisation, environmental sustainability, socioeconomic
    inclusivity, and technological transformation initiatives. Consequently,
    organisational representatives unanimously recommended establishing
    supplementary interdisciplinary consultative committees, simultaneously
    prioritising transparency, accountability, responsiveness, and evidence-based
    evaluation methodologies throughout implementation. Furthermore,
    participating municipalities' administrative authorities acknowledged
    considerable operational difficulties originating from insufficiently
    harmonised regulatory frameworks, contradictory jurisdictional
    interpretations, and persistently inadequate intergovernmental communication
    mechanisms.</p>
    </article>
    ```

    ## Passes
    ```html
    <article lang="en">
    <h1>Notice</h1>
    <p>The town will fix the roads this year. Work starts in May. It will take
    six weeks. Some streets will close for a day or two. Buses will run on the
    main road. The work will cost less than last time. The money comes from the
    state. People can ask questions at the town hall on Monday night. The mayor
    said the roads are in bad shape. She thanked people for their patience.
    Crews will work from seven in the morning to five at night. Signs will show
    which streets are shut. Check the town website for the latest news.</p>
    </article>
    ```
    """

    id = "readability"
    summary = "Flesch reading ease and Flesch-Kincaid grade stay within limits."
    severity = Severity.WARNING
    messages = {
        "hard-to-read": (
            "Flesch reading ease is {score:.1f}, below the minimum of {minimum:g}; hardest paragraphs: {hardest}"
        ),
        "grade-too-high": (
            "Flesch-Kincaid grade is {score:.1f}, above the maximum of {maximum:g}; hardest paragraphs: {hardest}"
        ),
    }

    @dataclass(frozen=True, kw_only=True)
    class Options(RuleOptions):
        min_reading_ease: float = option(50.0, "Lowest Flesch reading ease allowed.", minimum=-100, maximum=121)
        max_grade: float = option(12.0, "Highest Flesch-Kincaid grade allowed.", minimum=0, maximum=30)
        min_words: int = option(100, "Articles with fewer words are not scored.", minimum=1)
        hardest_paragraphs: int = option(3, "How many of the hardest paragraphs the message names.", minimum=1)

    def check(self, article: Article, ctx: Context[Options]) -> Iterator[Finding]:
        options = ctx.options
        view = ctx.view
        scores = view.scores(ctx.language, ctx.words)
        if scores is None or scores.words < options.min_words:
            return
        hard = scores.reading_ease < options.min_reading_ease
        too_high = scores.grade is not None and scores.grade > options.max_grade
        if not (hard or too_high):
            return
        ranked = _paragraph_scores(view, ctx.language or "en")
        start, end = _prose_span(view, ranked)
        if hard:
            hardest = _describe(article, sorted(ranked, key=lambda r: r[1])[: options.hardest_paragraphs], 1)
            yield ctx.at_text(
                start, end, "hard-to-read", score=scores.reading_ease, minimum=options.min_reading_ease, hardest=hardest
            )
        if too_high:
            hardest = _describe(article, sorted(ranked, key=lambda r: -r[2])[: options.hardest_paragraphs], 2)
            yield ctx.at_text(
                start, end, "grade-too-high", score=scores.grade, maximum=options.max_grade, hardest=hardest
            )


# A paragraph needs this many words for its own score to mean anything.
_MIN_PARAGRAPH_WORDS = 20


def _prose_span(view: View, ranked: list[tuple[Block, float, float]]) -> tuple[int, int]:
    """The body: from the first to the last paragraph long enough to score, so
    that the finding starts at the prose, not at a byline or a caption."""
    blocks = [block for block, _, _ in ranked] or view.paragraphs
    return blocks[0].start, blocks[-1].end


def _paragraph_scores(view: View, lang: str) -> list[tuple[Block, float, float]]:
    """(paragraph, reading ease, grade) of each paragraph long enough to score."""
    ranked = []
    for block in view.paragraphs:
        scores = view.block_scores(block, lang)
        if scores is not None and scores.words >= _MIN_PARAGRAPH_WORDS:
            ranked.append((block, scores.reading_ease, scores.grade if scores.grade is not None else 0.0))
    return ranked


def _describe(article: Article, ranked: list[tuple[Block, float, float]], field: int) -> str:
    if not ranked:
        return "none long enough to score"
    return ", ".join(f"line {article.line_of(entry[0].start)} ({entry[field]:.1f})" for entry in ranked)
