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
            hardest="line 2 (45.9), line 2 (45.9)",
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
    # German has its own coefficients (Amstad) and no grade.
    bad(
        f'<html lang="de"><body>\n{_HARD}</body></html>',
        finding("readability", "hard-to-read", line=2, minimum=50),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_readability(case: Case) -> None:
    run_cases(Readability, case)
