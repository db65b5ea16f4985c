from __future__ import annotations

import re
from collections.abc import Iterator

from ..document import Article, Element
from ..findings import Finding, Severity
from ..regex import on_use
from ..rule import Context, Rule, RuleOptions

# What a CMS or a camera names a file. A name with a number in it is not
# one ("COVID-19", "F-35", "Class_of_2019"): only an image extension, a
# camera's or phone's default, a screenshot's time stamp, a URL, a slug of
# four or more parts with a number, a WordPress size suffix, or a hash.
_FILE_NAME = on_use(
    r"""^(?:
        \S+\.(?:jpe?g|png|gif|webp|svg|avif|bmp|tiff?|heic|ico)
      | (?:IMG|DSC[NF]?|PXL|MVIMG|GOPR)[_-]?\d{3,}(?:[_-][^\W_]+)*(?:\s?\(\d+\))?
      | (?:Screenshot|Screen\ Shot)[\s_-]*(?:\(\d+\)[\s_-]*)?\d{4}[\s_-]?\d{2}[\s_-]?\d{2}
        (?:[\s_.,:-]|at|[AP]M|\d)*(?:_[a-z][\w.]*)?
      | (?:image|photo|pic)[_-]?\d[\w.-]*
      | (?:https?://|www\.)\S+
      | [^\W_]+(?:[-_][^\W_]+)*[-_]\d{2,}x\d{2,}
      | (?=\S*\d)[^\W_]+(?:[-_][^\W_]+){3,}
      | (?=\S*\d)(?=\S*[a-f])[\da-f]{12,}
      | [\da-f]{8}(?:-[\da-f]{4}){3}-[\da-f]{12}
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
_DECORATIVE_ROLES = frozenset({"presentation", "none"})


class ImageAlt(Rule):
    """Every image in the article has alternative text that describes it.

    ## What it checks
    An `<img>` inside the article without an `alt` attribute is a finding; so
    is an `alt` that is a file name or a URL, which is what a CMS fills in
    when nobody wrote one: a name with an image extension (`IMG_0042.jpg`), a
    camera's or phone's default (`DSC_1234`, `PXL_20230105_123456789`,
    `Screenshot 2024-01-05 at 10.22.31`), a numbered slug of four or more
    parts (`0225-lupita-nyongo-getty-01`), a WordPress size suffix
    (`sahel-1200x675`) or a hash. A name with a number in it (`COVID-19`,
    `F-35`, `Class_of_2019`) is not a file name. `alt=""` is allowed: it marks
    an image as decoration, and screen readers skip it. Images marked
    `role="presentation"` or `aria-hidden="true"`, hidden images, tracking
    pixels (width and height of 1 or less) and images sized to nothing (a
    width or height of 0, as an attribute or in the style) are not checked,
    nor is a busy indicator, a widget's spinner (`loading.gif`,
    `ajax-loader.gif`) that stands in for no picture of the article. Copies of one
    image file without `alt` (an icon repeated down a table) are one finding,
    at the first, with the number of copies. Template placeholders in `alt`
    (`#image_title`, `{{alt}}`) are reported by `placeholder-text`, not here.
    The check does not depend on the article's language.

    ## Why
    Without `alt`, screen readers read out the file name; with a file name
    as `alt`, they read it out too. WCAG 1.1.1 asks for a text alternative
    for every image that carries meaning (axe-core's `image-alt`).

    ## Fails
    ```html
    <p>Troops at Air Base 201.</p>
    <img src="/uploads/base-201.jpg">
    <img src="/uploads/IMG_0042.jpg" alt="IMG_0042.jpg">
    ```

    ## Passes
    ```html
    <img src="/uploads/base-201.jpg" alt="US troops on the runway at Air Base 201 near Agadez">
    <img src="/uploads/divider.png" alt="">
    ```
    """

    id = "image-alt"
    summary = "Images have alt text, and it is not a file name."
    severity = Severity.WARNING
    messages = {
        "missing": '<img> has no alt attribute; describe the image, or use alt="" if it is decoration',
        "missing-repeated": (
            '<img> has no alt attribute, nor have {more} more copies of the same image; describe it, or use alt="" '
            "if it is decoration"
        ),
        "file-name": "the alt text “{alt}” is a file name; describe the image",
    }
    advice = {
        "missing": 'Add alt text that says what the image shows, or alt="" if it is only decoration.',
        "missing-repeated": 'Add alt text that says what the image shows to each copy, or alt="" if it is decoration.',
        "file-name": "Replace the file name with a few words that say what the image shows.",
    }

    def check(self, article: Article, ctx: Context[RuleOptions]) -> Iterator[Finding]:
        missing: dict[str, list[Element]] = {}
        for img in ctx.view.elements("img"):
            role = (img.get("role") or "").strip().lower()
            if img.get("aria-hidden") == "true" or role in _DECORATIVE_ROLES:
                continue
            if _is_pixel(img) or not article.is_visible(img):
                continue
            alt = img.get("alt")
            if alt is None:
                if not _busy(img):
                    missing.setdefault(img.get("src") or str(id(img)), []).append(img)
            elif _FILE_NAME.match(alt.strip()):
                yield ctx.at_element(img, "file-name", alt=alt.strip())
        for copies in missing.values():
            if len(copies) == 1:
                yield ctx.at_element(copies[0], "missing")
            else:
                yield ctx.at_element(copies[0], "missing-repeated", more=len(copies) - 1)


def _is_pixel(img: Element) -> bool:
    """Whether *img* is a tracking pixel (1 by 1 or smaller) or shows nothing
    (a width or a height of 0: "height: 0" in its style keeps a counter's
    image from taking room)."""
    style = img.get("style")
    sizes = [_size(img.get(axis), style, axis) for axis in ("width", "height")]
    return 0 in sizes or all(size is not None and size <= 1 for size in sizes)


# The file of an animation that shows the page's script at work ("loading.gif",
# "ajax-loader.gif", "ajaxLoader.gif", "spinner.svg"; not "lazyloading-placeholder.gif",
# nor a photo of a wheel loader, "loader-crane.jpg").
_BUSY_FILE = on_use(r"(?:^|[^a-z])(?:ajax[-_]?)?(?:loading|loader|spinner)(?:[^a-z][^/]*)?\.(?:gif|svg)$")


def _busy(img: Element) -> bool:
    """Whether *img* is a busy indicator (see :data:`_BUSY_FILE`), a widget's
    spinner beside its "Loading...", which says nothing of the article, and
    not a lazy picture's stand-in, which a script replaces with the article's
    picture: no other source waits in an attribute ("data-src",
    "data-lazy-srcset", "data-original"), no class says so ("lazyload"), and
    it is no ``<picture>``'s fallback."""
    source = (img.get("src") or "").lower()
    name = source.split("?", 1)[0].rsplit("/", 1)[-1]
    if _BUSY_FILE.search(name) is None:
        return False
    if any(key != "src" and ("src" in key or "lazy" in key or "original" in key) for key in img.attrib):
        return False
    parent = img.getparent()
    return "lazy" not in (img.get("class") or "").lower() and (parent is None or parent.tag != "picture")


# A width or height declared in a style ("height: 0", "min-width:100%"), its value in pixels or bare.
_STYLE_SIZE = on_use(r"(?:^|;)\s*(min-)?(width|height)\s*:\s*([^;]*)", re.IGNORECASE)
_PIXELS = on_use(r"\s*(\d+(?:\.\d*)?)\s*(?:px)?\s*(?:!\s*important\s*)?", re.IGNORECASE)


def _size(attribute: str | None, style: str | None, axis: str) -> float | None:
    """The size of an image along *axis* ("width" or "height"), in pixels, from
    its style, which wins, or its *attribute* (None: unsaid, or relative). A
    minimum in the style ("width: 0; min-width: 100%", a Next.js image
    stretched to its box) makes the size the box's: unknown."""
    value = attribute
    if style and axis in style.lower():
        for match in _STYLE_SIZE.finditer(style):
            if match.group(2).lower() != axis:
                continue
            if match.group(1):
                pixels = _PIXELS.fullmatch(match.group(3))
                if pixels is None or float(pixels.group(1)) > 0:
                    return None
            else:
                value = match.group(3)
    if value is None:
        return None
    pixels = _PIXELS.fullmatch(value)
    return float(pixels.group(1)) if pixels is not None else None
