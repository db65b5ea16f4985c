from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from ..document import Article
from ..findings import Finding, Severity
from ..regex import on_use
from ..rule import Context, Rule, RuleOptions, option

# Words and phrases that readers have learnt to associate with generated
# prose: each is ordinary English, and over-used by language models. Written
# for lint-article from what editors complain about; a trailing "*" matches
# any ending ("underscore*": underscores, underscored).
_WORDS = """
    delve* tapestry testament realm multifaceted pivotal intricate* seamless* meticulous* underscore* showcas*
    foster* holistic paradigm synergy embark* beacon bustling nestled vibrant unwavering commendable resonat*
    elevate elevates elevated elevating leverag* navigate navigates navigating
    ever-evolving ever-changing game-changer game-changing groundbreaking
    transformative unparalleled noteworthy invaluable enduring indelible interplay
""".split()
_PHRASE_LIST = """
    in today's fast-paced world|in the ever-evolving landscape|in the realm of|a testament to|rich tapestry
    |plays a crucial role|plays a pivotal role|plays a vital role|it is worth noting|it's worth noting
    |it is important to note|it's important to note|in conclusion|unlock the potential|unlock the full potential
    |let's dive|dive into|deep dive|stands as a|serves as a|navigate the complexities|a myriad of
""".split("|")
_SINGLE = frozenset(word for word in _WORDS if not word.endswith("*"))
_STEMS = tuple(word[:-1] for word in _WORDS if word.endswith("*"))
_PHRASES = frozenset(tuple(phrase.strip().split(" ")) for phrase in _PHRASE_LIST)
_LONGEST = max(len(phrase) for phrase in _PHRASES)

# "It's not a budget, it's a promise": a denial set up to be corrected.
_CONTRAST = on_use(
    r"\b(?:it|this|that)(?:['’]s| is|n['’]t| isn['’]t) not (?:just |only |merely |simply |about )?[^.;:!?\n]{1,60}?"
    r"[,;—–-]\s*(?:it|this|that)(?:['’]s| is)\b"
    r"|\b(?:it|this|that) isn['’]t (?:just |only |merely |simply |about )?[^.;:!?\n]{1,60}?[,;—–-]\s*(?:it|this|that)"
    r"(?:['’]s| is)\b",
    re.IGNORECASE,
)
# A sentence that ends on three of a kind: "fast, reliable, and affordable."
_TRIAD = on_use(r"\b\w+, \w+,? (?:and|or) \w+[.!?]?$")


class AiStyle(Rule):
    """Prose is not written in the style that readers associate with generated text (opt-in).

    ## What it checks
    This rule judges style, not a leak: it does not say that a machine wrote
    the text, only that the text reads as if one had. It is off by default;
    turn it on with `extend-select = ["ai-style"]`. It reports, in English:

    - the vocabulary that readers associate with generated prose ("delve",
      "tapestry", "a testament to", "plays a pivotal role", "in today's
      fast-paced world"), once for the article, when the article uses at
      least `min_words` of them and more than `max_per_thousand` per 1,000 words;
    - each "It's not X, it's Y" construction, a denial set up to be corrected;
    - sentences that end on three of a kind ("fast, reliable, and
      affordable"), once for the article, when at least `min_triads` of them
      make more than `max_triad_share` of its sentences.

    The list of words is lint-article's own, in the manner of those that
    vale-ai-tells and slop-guard publish. Each of these words is ordinary
    English; a human writer uses them too, which is why the rule counts their
    density rather than each one.

    ## Why
    Readers who meet these habits stop trusting the text, whoever wrote it.
    Editors who publish assisted drafts use the rule to find the passages to
    rewrite in the publication's own voice.

    ## Fails
    ```html
    <p>It's not a budget, it's a promise. Let's delve into the rich tapestry of the city's finances.
    The plan is a testament to the council's pivotal, multifaceted and transformative vision.</p>
    ```

    ## Passes
    ```html
    <p>The council approved a budget of €1.2bn on Tuesday, 4% more than last year.
    Bus fares will rise by 20 cents in March.</p>
    ```
    """

    id = "ai-style"
    summary = "No prose in the style readers associate with generated text (opt-in; judges style, not a leak)."
    severity = Severity.INFO
    default_enabled = False
    messages = {
        "vocabulary": "{count} words that read as generated ({per_thousand:.1f} per 1,000 words): {words}",
        "contrast": "“It's not X, it's Y” construction: “{text}”",
        "triads": "{count} of {sentences} sentences end on three of a kind",
    }
    advice = {
        "vocabulary": "Say it in plain words, the publication's own.",
        "contrast": "Say what it is, without setting up what it is not.",
        "triads": "Keep the one item that matters, or vary the rhythm of the sentences.",
    }

    @dataclass(frozen=True, kw_only=True)
    class Options(RuleOptions):
        min_words: int = option(3, "Fewest words of the vocabulary reported.", minimum=1)
        max_per_thousand: float = option(2.0, "Words of the vocabulary per 1,000 words allowed.", minimum=0.0)
        min_triads: int = option(3, "Fewest sentences ending on three of a kind reported.", minimum=1)
        max_triad_share: float = option(
            0.25, "Share of the sentences that may end on three of a kind.", minimum=0.0, maximum=1.0
        )

    def check(self, article: Article, ctx: Context[Options]) -> Iterator[Finding]:
        view, options = ctx.view, ctx.options
        words = view.words
        if not words:
            return
        found = _vocabulary(view.word_keys)
        count = sum(found.values())
        per_thousand = 1000 * count / len(words)
        if count >= options.min_words and per_thousand > options.max_per_thousand:
            listed = ", ".join(f"“{word}”" if n == 1 else f"“{word}” ×{n}" for word, n in found.most_common(6))
            yield ctx.at_document("vocabulary", count=count, per_thousand=per_thousand, words=listed)
        text = article.text
        triads = 0
        sentences = view.sentences
        for sentence in sentences:
            for match in _CONTRAST.finditer(text, sentence.start, sentence.end):
                yield ctx.at_text(match.start(), match.end(), "contrast", text=match.group())
            if _TRIAD.search(text[sentence.start : sentence.end].rstrip()):
                triads += 1
        if triads >= options.min_triads and triads > options.max_triad_share * len(sentences):
            yield ctx.at_document("triads", count=triads, sentences=len(sentences))


def _vocabulary(words: list[str]) -> Counter[str]:
    """The vocabulary's entries among *words* (lower-cased), by how often each occurs."""
    found: Counter[str] = Counter()
    index = 0
    while index < len(words):
        for length in range(_LONGEST, 1, -1):
            phrase = tuple(words[index : index + length])
            if phrase in _PHRASES:
                found[" ".join(phrase)] += 1
                index += length
                break
        else:
            word = words[index]
            if word in _SINGLE or word.startswith(_STEMS):
                found[word] += 1
            index += 1
    return found
