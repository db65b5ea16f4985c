from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..document import PROSE_KINDS, Article
from ..findings import Finding, Severity
from ..regex import on_use
from ..rule import Context, Rule, RuleOptions, option


def _words(*phrases: str) -> str:
    """Word-bounded alternatives, for one kind of a language's lexicon."""
    return r"(?<!\w)(?:" + "|".join(phrases) + r")(?!\w)"


# For each language: the kinds of words that break a neutral tone, each a pattern.
# Weasel words attribute a claim to nobody; hype and intensifiers grade what the
# reader should feel; loaded labels judge whom they name.
# fmt: off
_LEXICONS: dict[str, dict[str, str]] = {
    "en": {
        "weasel": _words(
            r"some (?:people |observers |critics )?(?:say|said|believe|argue|claim|think)",
            r"many (?:people |observers |experts )?(?:believe|say|think|feel|argue|claim)",
            r"it is (?:widely |generally |commonly |often )?(?:known|believed|accepted|said|thought|claimed) that",
            r"it has been (?:said|claimed|suggested) that", r"everyone knows", r"as everyone knows",
            r"there are those who", r"most people (?:agree|believe|think)", r"some would (?:say|argue)",
        ),
        "vague": _words(
            r"experts (?:say|agree|believe|warn)", r"critics (?:say|argue|claim)",
            r"studies (?:show|have shown|suggest)",
            r"research (?:shows|has shown|suggests)", r"(?:observers|analysts) (?:say|believe|note|suggest)",
        ),
        "hype": _words(
            r"unprecedented", r"groundbreaking", r"ground-breaking", r"game[- ]chang(?:er|ing)", r"revolutionary",
            r"stunning", r"shocking", r"staggering", r"incredible", r"amazing", r"unbelievable", r"mind-blowing",
            r"jaw-dropping", r"breathtaking", r"spectacular", r"epic", r"explosive", r"bombshell", r"outrageous",
            r"disgraceful", r"scandalous", r"horrific", r"catastrophic", r"seismic", r"monumental",
            r"dramatic(?:ally)?", r"slam(?:s|med)?", r"blast(?:s|ed)",
            r"(?:the )?(?:best|worst|greatest) (?:\w+ )?ever", r"of all time",
        ),
        "intensifier": _words(
            r"absolutely", r"utterly", r"totally", r"truly", r"incredibly", r"extremely", r"remarkably",
            r"undeniably", r"undoubtedly", r"clearly", r"obviously", r"fundamentally", r"deeply", r"hugely",
            r"massively", r"very", r"highly", r"so-called",
        ),
        "label": _words(
            r"regime", r"thugs?", r"mob", r"cronies", r"puppet", r"propaganda", r"fake news", r"witch[- ]hunt",
            r"zealots?", r"fanatics?", r"elites?", r"snowflakes?", r"hordes?",
            r"invasion", r"infestation", r"scheme", r"ploy", r"stunt", r"hotbed",
        ),
    },
    "de": {
        "weasel": _words(
            r"manche (?:sagen|meinen|glauben|behaupten)", r"viele (?:glauben|meinen|sagen|denken)",
            r"bekanntlich", r"es ist (?:allgemein |weithin )?bekannt, dass", r"jeder weiß",
        ),
        "vague": _words(
            r"Experten (?:sagen|warnen|meinen|glauben)", r"Kritiker (?:sagen|meinen|bemängeln)",
            r"Studien (?:zeigen|belegen)", r"Beobachter (?:sagen|meinen)",
        ),
        "hype": _words(
            r"beispiellos(?:e[nmrs]?)?", r"bahnbrechend(?:e[nmrs]?)?", r"revolutionär(?:e[nmrs]?)?",
            r"sensationell(?:e[nmrs]?)?", r"unglaublich(?:e[nmrs]?)?", r"schockierend(?:e[nmrs]?)?",
            r"atemberaubend(?:e[nmrs]?)?", r"spektakulär(?:e[nmrs]?)?", r"skandalös(?:e[nmrs]?)?",
            r"dramatisch(?:e[nmrs]?)?", r"katastrophal(?:e[nmrs]?)?", r"gigantisch(?:e[nmrs]?)?",
        ),
        "intensifier": _words(
            r"absolut", r"völlig", r"total", r"extrem", r"äußerst", r"zweifellos", r"offensichtlich",
            r"sogenannte[nmrs]?", r"zutiefst",
        ),
        "label": _words(
            r"Regime", r"Schergen", r"Mob", r"Lügenpresse", r"Systempresse", r"Systemparteien", r"Gutmenschen?",
            r"Propaganda", r"Marionetten?", r"Hetzjagd", r"Eliten?", r"Chaoten", r"Asyltourismus",
        ),
    },
    "fr": {
        "weasel": _words(
            r"certains (?:disent|pensent|estiment|affirment)", r"beaucoup (?:pensent|disent|estiment|croient)",
            r"on dit que", r"il est (?:bien |généralement )?(?:connu|admis) que", r"tout le monde sait",
            r"selon certains", r"d'aucuns",
        ),
        "vague": _words(
            r"des experts (?:estiment|affirment|disent)", r"les experts (?:estiment|s'accordent)",
            r"des études (?:montrent|prouvent)", r"les critiques (?:estiment|affirment)",
        ),
        "hype": _words(
            r"sans précédent", r"révolutionnaires?", r"incroyables?", r"stupéfiante?s?", r"choquante?s?",
            r"spectaculaires?", r"scandaleu(?:x|se|ses)", r"catastrophiques?", r"historiques?", r"ahurissante?s?",
            r"hallucinante?s?", r"époustouflante?s?",
        ),
        "intensifier": _words(
            r"absolument", r"totalement", r"complètement", r"extrêmement", r"incontestablement",
            r"indéniablement", r"évidemment", r"soi-disant", r"prétendue?s?", r"profondément",
        ),
        "label": _words(
            r"régime", r"voyous?", r"horde", r"propagande", r"fantoche", r"élites?", r"islamo-gauchistes?",
            r"bien-pensants?", r"casseurs",
        ),
    },
    "es": {
        "weasel": _words(
            r"algunos (?:dicen|creen|opinan|afirman)", r"muchos (?:creen|dicen|piensan|opinan)", r"se dice que",
            r"es (?:bien |sabido|ampliamente )?sabido que", r"todo el mundo sabe", r"según algunos",
            r"hay quienes (?:dicen|creen|piensan)",
        ),
        "vague": _words(
            r"los expertos (?:dicen|creen|advierten|coinciden)", r"(?:los )?estudios (?:demuestran|muestran)",
            r"los críticos (?:dicen|afirman)",
        ),
        "hype": _words(
            r"sin precedentes", r"revolucionari[oa]s?", r"increíbles?", r"impactantes?", r"asombros[oa]s?",
            r"espectaculares?", r"escandalos[oa]s?", r"catastrófic[oa]s?", r"brutal(?:es)?", r"alucinantes?",
        ),
        "intensifier": _words(
            r"absolutamente", r"totalmente", r"completamente", r"extremadamente", r"indudablemente",
            r"evidentemente", r"sumamente", r"supuest[oa]s?", r"llamad[oa]s?",
        ),
        "label": _words(
            r"régimen", r"matones", r"turba", r"propaganda", r"títeres?", r"élites?", r"chiringuito", r"hordas?",
        ),
    },
}
# fmt: on
_KINDS = ("weasel", "vague", "hype", "label", "intensifier")
_WEIGHTS = {"weasel": 2.0, "vague": 1.0, "hype": 1.0, "label": 1.0, "intensifier": 0.5}


@functools.cache
def _pattern(language: str) -> re.Pattern[str] | None:
    """The lexicon of *language* as one pattern, compiled when an article in it is met:
    a run over English articles compiles none of the others."""
    lexicon = _LEXICONS.get(language)
    if lexicon is None:
        return None
    return on_use("|".join(f"(?P<{kind}>{lexicon[kind]})" for kind in _KINDS), re.IGNORECASE)


_NAMES = {
    "weasel": "weasel words",
    "vague": "a vague source",
    "hype": "hype",
    "label": "a loaded label",
    "intensifier": "an intensifier",
}


@dataclass(frozen=True, slots=True)
class _Scored:
    """A sentence's loaded-language score, its span in the text and the words that made it."""

    score: float
    start: int
    end: int
    evidence: tuple[tuple[str, str], ...]


class LoadedLanguage(Rule):
    """Sentences that break a neutral news tone: weasel words, hype, loaded labels.

    ## What it checks
    The article's sentences in English, German, French and Spanish (other
    languages are skipped: their word lists are not written), outside
    quotations, for four kinds of words:

    - **weasel words**, a claim given to nobody in particular: "some say",
      "many believe", "it is widely known that", "experts say", "studies
      show"; "manche sagen", "bekanntlich"; "certains estiment", "on dit
      que"; "algunos dicen", "se dice que";
    - **hype**, the writer grading what the reader should feel:
      "unprecedented", "stunning", "game-changing", "slams", "the best
      ever"; "beispiellos", "sensationell"; "sans précédent"; "sin
      precedentes", "impactante";
    - **loaded labels**, a judgement in a name: "regime", "thugs",
      "propaganda", "hotbed"; "Lügenpresse", "Systemparteien"; "voyous";
      "matones";
    - **vague sources** ("experts say", "studies show", "Kritiker
      meinen"), common in news when the experts are named next: they weigh
      1, like hype and labels;
    - **intensifiers** ("absolutely", "truly", "so-called"), which weigh ½.

    A weasel phrase weighs 2, so it is reported on its own; the others
    only together. A
    sentence that weighs `min_score` or more is a finding, and only the
    `max_sentences` heaviest of an article are reported, each naming its
    words: the writer rereads a few sentences, not every adjective.

    Off by default: on the corpus most of what it finds is tone that an
    editor may keep (feature and opinion writing; "regime" and "hotbed" in
    foreign news); switch it on for news copy that must be neutral.

    ## Why
    The seed's leaked self-review says its writer "avoided loaded terms or
    overt bias" by hand. Weasel words let a writer assert what no source
    said; hype and labels tell the reader what to think before the facts do.

    ## Fails
    ```html
    <p>Some say the unprecedented deal is a stunning defeat for the regime.</p>
    ```

    ## Passes
    ```html
    <p>The finance minister said the deal cut the deficit by 2 percent.</p>
    ```
    """

    id = "loaded-language"
    summary = "No weasel words, hype or loaded labels in news copy."
    severity = Severity.WARNING
    default_enabled = False
    messages = {"loaded": "this sentence leans on {evidence}: “{sentence}”"}
    advice = {"loaded": "Attribute the claim to a named source, or state the fact without the judgement."}

    @dataclass(frozen=True, kw_only=True)
    class Options(RuleOptions):
        min_score: float = option(
            2.0, "Weight a sentence needs to be reported (a weasel phrase 2, hype or a label 1, an intensifier ½).",
            minimum=0.5,
        )  # fmt: skip
        max_sentences: int = option(3, "Most sentences reported per article, the heaviest first.", minimum=1)

    def check(self, article: Article, ctx: Context[Options]) -> Iterator[Finding]:
        pattern = _pattern(ctx.language or "")
        if pattern is None:
            return
        view = ctx.view
        scored: list[_Scored] = []
        seen: set[str] = set()  # a page that prints a sentence twice (a teaser, a copy) gets it reported once
        for sentence, block in zip(view.sentences, view.sentence_blocks, strict=True):
            if block.kind not in PROSE_KINDS:
                continue
            text = article.text[sentence.start : sentence.end]
            if text in seen:
                continue
            evidence: dict[str, str] = {}
            for match in pattern.finditer(text):
                kind = match.lastgroup or ""
                start, end = sentence.start + match.start(), sentence.start + match.end()
                if view.is_quoted(sentence.block, start, end):
                    continue
                evidence.setdefault(match.group().lower(), kind)
            score = sum(_WEIGHTS[kind] for kind in evidence.values())
            if score >= ctx.options.min_score:
                seen.add(text)
                scored.append(_Scored(score, sentence.start, sentence.end, tuple(evidence.items())))
        worst = sorted(scored, key=lambda s: -s.score)[: ctx.options.max_sentences]
        for found in sorted(worst, key=lambda s: s.start):
            named = ", ".join(f"{_NAMES[kind]} “{word}”" for word, kind in found.evidence)
            text = article.text[found.start : found.end]
            yield ctx.at_text(found.start, found.end, "loaded", evidence=named, sentence=_short(text))


def _short(sentence: str, limit: int = 160) -> str:
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"
