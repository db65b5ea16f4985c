"""Table tests for readability."""

from __future__ import annotations

import pytest

from lint_article.rules.readability import Readability
from lint_article.testing import Case, bad, finding, ok, run_cases, shown

_EASY = (
    "<p>The town will fix the roads this year. Work starts in May. It will take six weeks. "
    "Some streets will close for a day or two. Buses will run on the main road. The work will "
    "cost less than last time. The money comes from the state. People can ask questions at the "
    "town hall on Monday night. The mayor said the roads are in bad shape. She thanked people "
    "for their patience. Crews will work from seven in the morning to five at night. Signs will "
    "show which streets are shut. Check the town website for the latest news.</p>"
)
_HARD = (
    "<p>Notwithstanding the aforementioned considerations, institutional stakeholders' "
    "multidimensional interdependencies necessitate comprehensive, systematically coordinated "
    "intergovernmental reconceptualisation of contemporaneous administrative responsibilities, "
    "particularly regarding infrastructural modernisation, environmental sustainability, "
    "socioeconomic inclusivity, and technological transformation initiatives. Consequently, "
    "organisational representatives unanimously recommended establishing supplementary "
    "interdisciplinary consultative committees, simultaneously prioritising transparency, "
    "accountability, responsiveness, and evidence-based evaluation methodologies throughout "
    "implementation. Furthermore, participating municipalities' administrative authorities "
    "acknowledged considerable operational difficulties originating from insufficiently harmonised "
    "regulatory frameworks, contradictory jurisdictional interpretations, and persistently "
    "inadequate intergovernmental communication mechanisms.</p>"
) * 2

_EASY_DE = (
    "<p>Die Stadt repariert in diesem Jahr die Straßen. Die Arbeit beginnt im Mai. Sie dauert sechs Wochen. "
    "Manche Straßen sind für ein paar Tage zu. Die Busse fahren auf der Hauptstraße. Die Arbeit kostet weniger "
    "als beim letzten Mal. Das Geld kommt vom Land. Am Montag kann man im Rathaus Fragen stellen. Die "
    "Bürgermeisterin sagt, die Straßen sind in schlechtem Zustand. Sie dankt allen für die Geduld. Die Leute "
    "arbeiten von sieben Uhr früh bis fünf Uhr am Abend. Schilder zeigen, welche Straßen zu sind. Neue Infos "
    "gibt es auf der Seite der Stadt. Wer Fragen hat, kann auch anrufen. Die Nummer steht auf der Seite.</p>"
)
_EASY_IT = (
    "<p>Il comune rifà le strade quest'anno. I lavori partono a maggio. Durano sei settimane. Alcune strade "
    "restano chiuse per un giorno o due. I bus passano sulla strada grande. Il lavoro costa meno dell'ultima "
    "volta. I soldi arrivano dalla regione. Lunedì sera si possono fare domande in comune. La sindaca dice che "
    "le strade sono messe male. Ringrazia tutti per la pazienza. Gli operai lavorano dalle sette del mattino "
    "alle cinque di sera. I cartelli dicono quali strade sono chiuse. Le notizie sono sul sito del comune. Chi "
    "ha domande può anche chiamare. Il numero è sul sito. Grazie a tutti.</p>"
)


def _in(lang: str, body: str) -> str:
    return f'<html lang="{lang}"><body>\n{body}</body></html>'


CASES = [
    ok(f'<html lang="en"><body><h1>Roads</h1>{_EASY}</body></html>'),
    bad(
        f'<html lang="en"><body><h1>Notice</h1>\n{_HARD}</body></html>',
        finding("readability", "hard-to-read", line=2, column=4, score=shown("-189.7"), minimum=50),
        # Both paragraphs are the same, on line 2: each is named.
        finding(
            "readability",
            "grade-too-high",
            line=2,
            column=4,
            score=shown("45.9"),
            maximum=12,
            hardest="line 2:4 (45.9), line 2:1014 (45.9)",  # one line: each by its column
        ),
    ),
    # Too short to score.
    ok('<html lang="en"><body><p>Notwithstanding institutional multidimensionality.</p></body></html>'),
    # Thresholds are options, both ways.
    bad(
        f'<html lang="en"><body>{_EASY}</body></html>',
        finding("readability", "hard-to-read", line=1, minimum=110),
        options={"min_reading_ease": 110},
    ),
    ok(f'<html lang="en"><body>{_HARD}</body></html>', options={"min_words": 1000}),
    # A language textstat has no coefficients for is skipped, not guessed at.
    ok(f'<html lang="ja"><body>{_HARD}</body></html>'),
    # Without lang, English is recognised by its function words...
    bad(
        f"<div>\n{_EASY}</div>",
        finding("readability", "hard-to-read", line=2, minimum=110),
        options={"min_reading_ease": 110},
    ),
    # ... and a configured language wins over the guess.
    ok(f"<div>{_EASY}</div>", options={"min_reading_ease": 110}, language="ja"),
    # ... but not over the article's own <html lang>.
    bad(
        f'<html lang="en"><body>\n{_EASY}</body></html>',
        finding("readability", "hard-to-read", line=2, minimum=110),
        options={"min_reading_ease": 110},
        language="ja",
    ),
    # Each language is held to the formula its editors use, named in the message:
    # German to the Wiener Sachtextformel (no Flesch, no grade) ...
    bad(
        _in("de", _HARD),
        finding(
            "readability",
            "grade-too-high",
            line=2,
            formula="Wiener Sachtextformel",
            score=shown("32.5"),
            maximum=12,
            message="Wiener Sachtextformel is 32.5, above the maximum of 12",
        ),
    ),
    ok(_in("de", _EASY_DE)),
    ok(_in("de", _EASY_DE), options={"max_wiener_sachtextformel": 1.5}),
    bad(
        _in("de", _EASY_DE),
        finding("readability", "grade-too-high", line=2, formula="Wiener Sachtextformel", score=shown("1.4")),
        options={"max_wiener_sachtextformel": 1},
    ),
    # ... Italian to Gulpease ...
    bad(_in("it", _HARD), finding("readability", "hard-to-read", line=2, formula="Gulpease", minimum=40)),
    ok(_in("it", _EASY_IT)),
    # ... Spanish to Flesch with Fernández Huerta's coefficients.
    bad(
        _in("es", _HARD),
        finding("readability", "hard-to-read", line=2, formula="Fernández Huerta reading ease", minimum=50),
    ),
    # `formulas` picks textstat's others, each against its own threshold.
    bad(
        _in("en", _EASY),
        finding("readability", "grade-too-high", line=2, formula="Gunning fog index", maximum=1, score=shown("3.1")),
        options={"formulas": ["gunning_fog"], "max_gunning_fog": 1},
    ),
    ok(_in("en", _EASY), options={"formulas": ["gunning_fog", "smog_index", "coleman_liau_index", "lix"]}),
    bad(
        _in("en", _HARD),
        finding("readability", "grade-too-high", line=2, formula="SMOG index", maximum=12),
        finding("readability", "grade-too-high", line=2, formula="LIX", maximum=50),
        options={"formulas": ["smog_index", "lix"]},
    ),
    # A formula made for another language is not computed: English grades on German prose.
    ok(_in("de", _HARD), options={"formulas": ["gunning_fog"]}),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_readability(case: Case) -> None:
    run_cases(Readability, case)


def test_an_unknown_formula_is_a_configuration_error() -> None:
    from lint_article.rule import ConfigError

    with pytest.raises(ConfigError, match="unknown formula 'gunning_fogg'; did you mean 'gunning_fog'"):
        Readability.Options.from_mapping({"formulas": ["gunning_fogg"]})
