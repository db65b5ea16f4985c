"""Table tests for consecutive-sentences."""

from __future__ import annotations

import pytest

from lint_article.rules.consecutive_sentences import ConsecutiveSentences
from lint_article.testing import Case, bad, finding, ok, run_cases


def _in(lang: str, body: str) -> str:
    return f'<html lang="{lang}"><body>\n{body}</body></html>'


CASES = [
    bad(
        _in("en", "<p>We met the mayor. We asked about the roads. We got no answer. Then we left.</p>"),
        finding("consecutive-sentences", "same-start", line=2, column=4, count=3, start="We"),
    ),
    ok(_in("en", "<p>We met the mayor. Our first question was about the roads. No answer came. Then we left.</p>")),
    # Two in a row are fine; the run length is an option.
    ok(_in("en", "<p>We met the mayor. We asked about the roads. Then we left.</p>")),
    bad(
        _in("en", "<p>We met the mayor. We asked about the roads. Then we left.</p>"),
        finding("consecutive-sentences", "same-start", line=2, count=2, start="We"),
        options={"min_run": 2},
    ),
    # A run goes on across paragraphs; each run is a finding, with its length.
    bad(
        _in(
            "en",
            "<p>It rained. It poured.</p>\n<p>It flooded the road. It stopped at noon. Then the sun came.</p>"
            "\n<p>She left. She came back. She stayed.</p>",
        ),
        finding("consecutive-sentences", "same-start", line=2, column=4, count=4, start="It"),
        finding("consecutive-sentences", "same-start", line=4, column=4, count=3, start="She"),
    ),
    # Case and curly apostrophes do not matter.
    bad(
        _in("en", "<p>It’s late. IT'S dark. It's cold.</p>"),
        finding("consecutive-sentences", "same-start", line=2, count=3, start="It’s"),
    ),
    # An article, a number or a demonstrative: the first two words are compared.
    ok(_in("en", "<p>The mayor spoke. The council voted. The crowd left.</p>")),
    bad(
        _in("en", "<p>The mayor spoke. The mayor voted. The mayor left.</p>"),
        finding("consecutive-sentences", "same-start", line=2, count=3, start="The mayor"),
    ),
    # A heading or a list ends a run; list items are parallel on purpose.
    ok(_in("en", "<p>We met. We talked.</p><h2>Later</h2><p>We left.</p>")),
    ok(_in("en", "<ul><li>Click the button.</li><li>Click the link.</li><li>Click again.</li></ul>")),
    # So are paragraphs inside list items and cells (a loose Markdown list): no run from one to the next.
    ok(
        _in(
            "en",
            "<ul><li><p>Click the button.</p></li><li><p>Click the link.</p></li><li><p>Click again.</p></li></ul>",
        )
    ),
    ok(
        _in(
            "en",
            "<dl><dd><p>If it is a string, it is sent.</p></dd><dd><p>If it is a dict, JSON.</p></dd>"
            "<dd><p>If it is a list, JSON too.</p></dd></dl>",
        )
    ),
    ok(
        _in(
            "en",
            "<table><tr><td><p>Option 1 - $225</p></td><td><p>Option 2 - $425</p></td>"
            "<td><p>Option 3 - $725</p></td></tr></table>",
        )
    ),
    ok(_in("en", "<p>We met. We talked.</p><ul><li><p>We left.</p></li></ul>")),
    # Within one item, or one cell that holds the whole story, a run is still a run.
    bad(
        _in("en", "<ol><li><p>We met the mayor.</p>\n<p>We asked about the roads. We got no answer.</p></li></ol>"),
        finding("consecutive-sentences", "same-start", line=2, column=12, count=3, start="We"),
    ),
    bad(
        _in("en", "<table><tr><td><p>It rained. It poured.</p><p>It flooded.</p></td></tr></table>"),
        finding("consecutive-sentences", "same-start", line=2, column=19, count=3, start="It"),
    ),
    bad(
        _in("en", "<ul><li><p>Click it.</p></li></ul><p>We met. We talked. We left.</p>"),
        finding("consecutive-sentences", "same-start", line=2, column=38, count=3, start="We"),
    ),
    # German, French, Spanish, Italian and Dutch, each with its own articles.
    bad(
        _in("de", "<p>Wir trafen den Bürgermeister. Wir fragten nach den Straßen. Wir bekamen keine Antwort.</p>"),
        finding("consecutive-sentences", "same-start", line=2, count=3, start="Wir"),
    ),
    ok(_in("de", "<p>Der Rat tagte. Der Bürgermeister sprach. Der Saal leerte sich.</p>")),
    ok(_in("fr", "<p>Le maire parle. Le conseil vote. Le public part.</p>")),
    bad(
        _in("fr", "<p>Nous avons vu le maire. Nous avons posé des questions. Nous sommes partis.</p>"),
        finding("consecutive-sentences", "same-start", line=2, count=3, start="Nous"),
    ),
    ok(_in("es", "<p>El alcalde habló. El consejo votó. El público se fue.</p>")),
    ok(_in("it", "<p>Il sindaco parla. Il consiglio vota. Il pubblico esce.</p>")),
    ok(_in("nl", "<p>De burgemeester sprak. De raad stemde. De zaal liep leeg.</p>")),
    # Languages without a list of articles are skipped rather than guessed at.
    ok(_in("pt", "<p>Nós vimos o prefeito. Nós fizemos perguntas. Nós saímos.</p>")),
    ok(_in("ja", "<p>私たちは市長に会った。私たちは質問した。私たちは帰った。</p>")),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_consecutive_sentences(case: Case) -> None:
    run_cases(ConsecutiveSentences, case)
