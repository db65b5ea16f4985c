"""Table tests for image-alt."""

from __future__ import annotations

import pytest

from lint_article.rules.image_alt import ImageAlt
from lint_article.testing import Case, bad, finding, ok, run_cases

RULE = "image-alt"


def file_name(alt: str) -> Case:
    """An image whose alt text is *alt*, reported as a file name."""
    return bad(f'<img src="a.jpg" alt="{alt}">', finding(RULE, "file-name", line=1, alt=alt))


CASES = [
    ok('<img src="a.jpg" alt="Soldiers at Air Base 201">'),
    ok('<img src="rule.png" alt="">'),
    bad('<p>x</p>\n<img src="a.jpg">', finding(RULE, "missing", line=2, column=1)),
    file_name("IMG_0042.jpg"),
    file_name("DSC_1234"),
    file_name("sahel-1200x675"),
    # Camera and phone defaults, numbered CMS slugs, hashes.
    file_name("PXL_20230105_123456789"),
    file_name("IMG-20230101-WA0001"),
    file_name("Screenshot 2024-01-05 at 10.22.31"),
    file_name("Screen Shot 2019-03-01 at 9.41.22 AM"),
    file_name("Screen Shot 2016 11 11 at 15.10.08"),
    file_name("0225-lupita-nyongo-getty-01"),
    file_name("1fb5ee36-d9ae-4125-96d9-f52eb403f1e1"),
    file_name("https://example.org/a"),
    # Names with a number in them are not file names.
    ok('<img src="a.jpg" alt="COVID-19"><img src="b.jpg" alt="Apollo-11"><img src="c.jpg" alt="F-35">'),
    ok('<img src="a.jpg" alt="Class_of_2019"><img src="b.jpg" alt="Screenshot 2 shows the new dashboard">'),
    # One finding for copies of one file.
    bad(
        '<img src="tick.png">\n<img src="tick.png"><img src="tick.png">',
        finding(RULE, "missing-repeated", line=1, more=2),
    ),
    ok('<img src="a.jpg" role="presentation"><img src="b.jpg" aria-hidden="true">'),
    ok('<img src="pixel.gif" width="1" height="1"><noscript><img src="a.jpg"></noscript>'),
    # Sized to nothing by its style or an attribute: a counter's image, shown to no one.
    ok('<img src="/l.gif?a=1" style="display: block; height: 0;"><img src="c.gif" style="width:1px;height:1px">'),
    ok('<img src="d.gif" width="0" height="40"><img src="e.gif" width="300" style="width: 0 !important">'),
    # A size of 0 that a minimum stretches to its box (a Next.js image), or that the style overrides, shows the image.
    bad(
        '<img src="a.jpg" style="width:0;height:0;min-width:100%;max-width:100%;min-height:100%;max-height:100%">',
        finding(RULE, "missing", line=1),
    ),
    bad('<img src="b.jpg" width="0" height="0" style="width: 320px; height: auto">', finding(RULE, "missing", line=1)),
    bad('<img src="f.jpg" style="line-height: 0; border-width: 0">', finding(RULE, "missing", line=1)),
    ok('<img src="a.jpg" alt="#image_title">'),  # a placeholder: placeholder-text reports it
    # A widget's spinner is no picture of the article; a lazy picture's stand-in is, and a photo of a loader too.
    ok('<span>(No ratings yet) <img src="/plugins/wp-postratings/images/loading.gif">Loading...</span>'),
    ok('<img src="/img/ajaxLoader.gif?v=2"><img src="/static/spinner.svg" class="busy">'),
    bad('<img src="/theme/loading.gif" data-src="/uploads/levee.jpg">', finding(RULE, "missing", line=1)),
    bad('<img src="/theme/loader.gif" class="lazyload">', finding(RULE, "missing", line=1)),
    bad('<picture><source srcset="levee.webp"><img src="loading.gif"></picture>', finding(RULE, "missing", line=1)),
    bad('<img src="/uploads/loader-crane.jpg">', finding(RULE, "missing", line=1)),
    bad('<img src="/uploads/lazyloading-placeholder.gif">', finding(RULE, "missing", line=1)),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_image_alt(case: Case) -> None:
    run_cases(ImageAlt, case)
