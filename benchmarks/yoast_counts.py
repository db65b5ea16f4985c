"""Yoast's readability checks on the 98 real corpus articles: on how many each fires with its defaults.

Runs ``passive-voice``, ``transition-words`` and ``consecutive-sentences`` (each
enabled, default options) over the real articles of ``../shared/corpus/articles``
(Readability's synthetic test pages left out, see corpus.py), language as the
linter finds it, and prints for each rule the articles it fires on and its
findings. A rule that fires on most of them is off by default or has other
defaults. ``--sample N`` prints N of what each rule counted, drawn at random
(seeded), to be judged by reading: sentences taken for passive, sentences
without a transition word, runs of sentences starting alike.

    python benchmarks/yoast_counts.py
    python benchmarks/yoast_counts.py --sample 30
"""

from __future__ import annotations

import argparse
import random

from corpus import CORPUS, SYNTHETIC

from lint_article import make_linter
from lint_article.document import MIN_SENTENCE_WORDS, PROSE_KINDS, Article
from lint_article.rules.passive_voice import is_passive
from lint_article.rules.transition_words import has_transition

RULES = ("passive-voice", "transition-words", "consecutive-sentences")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sample", type=int, default=0, help="print N counted sentences or runs of each rule")
    args = parser.parse_args(argv)
    paths = [p for p in sorted((CORPUS / "articles").glob("*.html")) if p.stem not in SYNTHETIC]
    linter = make_linter({"select": list(RULES)})
    fired: dict[str, set[str]] = {rule: set() for rule in RULES}
    findings: dict[str, list[str]] = {rule: [] for rule in RULES}
    passive: list[str] = []
    without: list[str] = []
    languages: dict[str, int] = {}
    for path in paths:
        article = Article.from_html(path.read_bytes())
        report = linter.lint(article, path.stem)
        for finding in report.findings:
            fired[finding.rule].add(path.stem)
            findings[finding.rule].append(f"{path.stem}:{finding.line}:{finding.column} {finding.message}")
        language = article.language(None).code
        languages[str(language)] = languages.get(str(language), 0) + 1
        if language != "en":
            continue
        view = article.body
        for index, words in enumerate(view.sentence_words):
            if len(words) >= MIN_SENTENCE_WORDS and view.sentence_blocks[index].kind in PROSE_KINDS:
                sentence = view.sentences[index]
                text = " ".join(article.text[sentence.start : sentence.end].split())
                if is_passive(words):
                    passive.append(f"{path.stem}: {text}")
                elif not view.unpunctuated[index] and not has_transition(words, "en"):
                    without.append(f"{path.stem}: {text}")
    print(f"{len(paths)} real articles; languages as found: {dict(sorted(languages.items()))}")
    for rule in RULES:
        print(
            f"  {rule:22} fires on {len(fired[rule]):3} articles ({len(fired[rule]) / len(paths):.0%}), "
            f"{len(findings[rule])} findings"
        )
    if args.sample:
        chance = random.Random(17)
        for title, items in (
            ("sentences taken for passive (English articles)", passive),
            ("sentences without a transition word (English articles)", without),
            ("consecutive-sentences findings", findings["consecutive-sentences"]),
            ("passive-voice findings", findings["passive-voice"]),
            ("transition-words findings", findings["transition-words"]),
        ):
            print(f"\n{title}: {len(items)}, {min(args.sample, len(items))} at random")
            for item in chance.sample(items, min(args.sample, len(items))):
                print(f"  {item[:300]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
