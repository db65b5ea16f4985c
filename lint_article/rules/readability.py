from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..document import FORMULAS, LANGUAGE_FORMULAS, Article, Block, View, formula_name
from ..findings import Finding, Severity
from ..rule import ConfigError, Context, Rule, RuleOptions, option, place_names, suggest


class Readability(Rule):
    """The prose is easy enough to read for a general audience.

    ## What it checks
    Computes readability formulas on the article's running prose
    (paragraphs, quotes, list items; not headings, captions or table cells)
    with textstat's formulas and syllable counts, and reports a value beyond
    the formula's threshold: below it for an ease score (higher is easier),
    above it for a school grade. The finding spans the article body and
    names its hardest paragraphs with their lines and values by the same
    formula, so the writer knows where to start. Articles under `min_words`
    words are skipped: the formulas mean little on a few sentences.

    The language comes from `<html lang>` or the `language` setting. With
    no `formulas` configured, each language is held to the formula its
    editors use:

    | language | formula | reported when |
    |---|---|---|
    | English | Flesch reading ease; Flesch-Kincaid grade | below 50; above 12 |
    | German | Wiener Sachtextformel (first variant) | above 12 |
    | Spanish | Fernández Huerta (Flesch with Spanish coefficients) | below 50 |
    | French | Kandel-Moles (Flesch with French coefficients) | below 50 |
    | Italian | Gulpease | below 40 |
    | Dutch | Flesch-Douma | below 50 |
    | Russian | Oborneva (Flesch with Russian coefficients) | below 50 |
    | Hungarian | Flesch with textstat's Hungarian coefficients | below 50 |

    On the German pages of the extraction set (239 of the first 400), the
    Wiener Sachtextformel is above 12 on 34; Flesch-Amstad reading ease,
    the German default before it, was below 50 on 117
    (`python benchmarks/formula_cost.py`).

    `formulas` picks others by textstat's name for them, each reported
    against its own threshold option and computed only for the languages it
    was made for: `flesch_reading_ease`, `flesch_kincaid_grade`,
    `gunning_fog`, `smog_index`, `coleman_liau_index`,
    `automated_readability_index`, `dale_chall_readability_score`,
    `linsear_write_formula` and `mcalpine_eflaw` (English), `lix` (any of the
    languages above), `wiener_sachtextformel` (German), `gulpease_index`
    (Italian) and `szigriszt_pazos` (Spanish). The thresholds and where they
    come from:

    | formula | default | source |
    |---|---|---|
    | Flesch reading ease | below 50 | Flesch (1948): 50 to 60 is "fairly difficult" |
    | Flesch-Kincaid grade | above 12 | Kincaid et al. (1975), US Navy report 8-75 |
    | Gunning fog | above 12 | Gunning (1952), *The Technique of Clear Writing* |
    | SMOG | above 12 | McLaughlin (1969), *Journal of Reading* 12(8) |
    | Coleman-Liau | above 12 | Coleman and Liau (1975), *J. Applied Psychology* 60(2) |
    | Automated readability index | above 12 | Smith and Senter (1967), AMRL-TR-66-220 |
    | Dale-Chall | above 8.9 | Chall and Dale (1995): 9.0 and above is college level |
    | Linsear Write | above 12 | O'Hayre (1966), *Gobbledygook Has Gotta Go* |
    | McAlpine EFLAW | above 25 | McAlpine (2006): 26 to 29 "a little difficult" |
    | LIX | above 50 | Björnsson (1968): 50 to 60 is "difficult" |
    | Wiener Sachtextformel | above 12 | Bamberger and Vanecek (1984): grades 4 (easy) to 15 (hard) |
    | Gulpease | below 40 | Lucisano and Piemontese (1988): below 40 is hard after secondary school |
    | Szigriszt-Pazos | below 50 | Szigriszt Pazos (1993): 35 to 50 is "bastante difícil" |

    The default formulas are computed from the article's own counts and
    never load textstat; the others call textstat's function on the prose
    written out sentence by sentence, so that textstat counts the article's
    words and sentences. Nothing reaches the network: textstat's syllable
    counts read lint-article's copy of the CMU dictionary. textstat's
    Spache, RIX, Crawford, Gutiérrez de Polini and Osman are not offered:
    Spache is for primary-school texts, the others have no threshold we can
    source. Other languages, and articles with no declared language that do
    not read as English, are skipped rather than guessed at. Text inside a
    passage where the rule is disabled (by a comment directive or
    `data-lint-article-disable`) is left out of the scores.

    ## Why
    News readers skim. A reading ease of 50 or more (about 10th grade) is what
    general-audience publishers aim for; the grade limit of 12 keeps a piece
    within reach of a reader who finished school. Editors in other languages
    measure with their own formulas, and quote those.

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
    summary = "Readability formulas (Flesch, Wiener Sachtextformel, Gulpease, ...) stay within limits."
    severity = Severity.WARNING
    messages = {
        "hard-to-read": ("{formula} is {score:.1f}, below the minimum of {minimum:g}; hardest paragraphs: {hardest}"),
        "grade-too-high": ("{formula} is {score:.1f}, above the maximum of {maximum:g}; hardest paragraphs: {hardest}"),
    }
    advice = {
        "hard-to-read": (
            "Split the longest sentences and prefer short, everyday words, starting with the hardest paragraphs."
        ),
        "grade-too-high": (
            "Shorten the sentences and swap long words for everyday ones, starting with the hardest paragraphs."
        ),
    }

    @dataclass(frozen=True, kw_only=True)
    class Options(RuleOptions):
        formulas: tuple[str, ...] = option(
            (), "textstat's names of the formulas to compute; none: the language's default (see above)."
        )
        min_reading_ease: float = option(50.0, "Lowest Flesch reading ease allowed.", minimum=-100, maximum=121)
        max_grade: float = option(12.0, "Highest Flesch-Kincaid grade allowed.", minimum=0, maximum=30)
        max_gunning_fog: float = option(12.0, "Highest Gunning fog index allowed.", minimum=0)
        max_smog_index: float = option(12.0, "Highest SMOG index allowed.", minimum=0)
        max_coleman_liau_index: float = option(12.0, "Highest Coleman-Liau index allowed.")
        max_automated_readability_index: float = option(12.0, "Highest automated readability index allowed.")
        max_dale_chall_readability_score: float = option(8.9, "Highest Dale-Chall score allowed.", minimum=0)
        max_linsear_write_formula: float = option(12.0, "Highest Linsear Write grade allowed.", minimum=0)
        max_mcalpine_eflaw: float = option(25.0, "Highest McAlpine EFLAW score allowed.", minimum=0)
        max_lix: float = option(50.0, "Highest LIX allowed.", minimum=0)
        max_wiener_sachtextformel: float = option(12.0, "Highest Wiener Sachtextformel grade allowed.")
        min_gulpease_index: float = option(40.0, "Lowest Gulpease index allowed.")
        min_szigriszt_pazos: float = option(50.0, "Lowest Szigriszt-Pazos perspicuity allowed.")
        min_words: int = option(100, "Articles with fewer words are not scored.", minimum=1)
        hardest_paragraphs: int = option(3, "How many of the hardest paragraphs the message names.", minimum=1)

        def validate(self) -> None:
            unknown = [name for name in self.formulas if name not in FORMULAS]
            if unknown:
                raise ConfigError(
                    f"option 'formulas': unknown formula {unknown[0]!r}{suggest(unknown[0], FORMULAS)}"
                    f" (known: {', '.join(FORMULAS)})"
                )

    def check(self, article: Article, ctx: Context[Options]) -> Iterator[Finding]:
        options = ctx.options
        view = ctx.view
        lang = ctx.language
        scores = view.scores(lang, ctx.words)
        if lang is None or scores is None or scores.words < options.min_words:
            return
        span: tuple[int, int] | None = None
        for formula_id in options.formulas or LANGUAGE_FORMULAS.get(lang, ()):
            formula = FORMULAS[formula_id]
            value = view.formula(formula_id, lang, ctx.words)
            threshold = getattr(options, formula.option)
            if value is None or not formula.beyond(value, threshold):
                continue
            ranked = _paragraph_values(view, formula_id, lang)
            span = span or _prose_span(view, ranked)
            hardest = sorted(ranked, key=lambda r: r[1], reverse=formula.harder == "above")
            named = _describe(article, hardest[: options.hardest_paragraphs])
            name = formula_name(formula_id, lang)
            if formula.harder == "below":
                yield ctx.at_text(*span, "hard-to-read", formula=name, score=value, minimum=threshold, hardest=named)
            else:
                yield ctx.at_text(*span, "grade-too-high", formula=name, score=value, maximum=threshold, hardest=named)


# A paragraph needs this many words for its own score to mean anything.
_MIN_PARAGRAPH_WORDS = 20


def _prose_span(view: View, ranked: list[tuple[Block, float]]) -> tuple[int, int]:
    """The body: from the first to the last paragraph long enough to score, so
    that the finding starts at the prose, not at a byline or a caption."""
    blocks = [block for block, _ in ranked] or view.paragraphs
    return blocks[0].start, blocks[-1].end


def _paragraph_values(view: View, formula_id: str, lang: str) -> list[tuple[Block, float]]:
    """(paragraph, value of the formula) of each paragraph long enough to score."""
    if formula_id in ("flesch_reading_ease", "flesch_kincaid_grade"):  # computed for the stats already
        return [
            (p.block, p.scores.reading_ease if formula_id == "flesch_reading_ease" else p.scores.grade or 0.0)
            for p in view.paragraph_scores(lang)
            if p.scores.words >= _MIN_PARAGRAPH_WORDS
        ]
    ranked = []
    for block in view.paragraphs:
        if view.word_count_in(block.start, block.end) >= _MIN_PARAGRAPH_WORDS:
            value = view.formula(formula_id, lang, view.words_in(block.start, block.end))
            if value is not None:
                ranked.append((block, value))
    return ranked


def _describe(article: Article, ranked: list[tuple[Block, float]]) -> str:
    if not ranked:
        return "none long enough to score"
    names = place_names([article.position_of(block.start) for block, _ in ranked])
    return ", ".join(f"{name} ({value:.1f})" for name, (_, value) in zip(names, ranked, strict=True))
