"""One self-contained HTML page that shows each article with its findings marked.

For each file: its outline (the heading tree, skipped levels marked, the words
under each heading), its figures against the default rules' bands as small
gauges, the article itself with each finding highlighted where it is, and the
list of findings, which can be filtered by rule and severity; choosing one
scrolls to its passage and highlights it. A report of several files starts with
an index: the counts of each file and a chart of the findings per rule.

The article is untrusted. What is shown of it is sanitised with nh3 (ammonia):
no script, event handler, form, frame, ``<base>``, ``<meta>``, style or URL
survives, and no image but an inline ``data:`` one. It is then shown in an
``<iframe sandbox="allow-same-origin">`` (no script runs in it; the report's own
script reaches in to highlight), under the report's Content-Security-Policy,
which lets nothing load from anywhere and runs only the report's own script,
named by its hash. Everything else that comes from the article (file names,
messages, snippets, headings) is escaped.

To mark findings in text that the sanitiser rewrites, each finding's start and
end are written into the source as characters of the private-use planes (one
character each, numbered by the finding), at the edges of text runs, never
inside a tag; they pass through the sanitiser as text and become ``<mark>``
elements afterwards, one per run of text, so that a finding over several
paragraphs never breaks the page's structure. All of it is linear in the size
of the article.
"""

from __future__ import annotations

import base64
import bisect
import hashlib
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path

import nh3

from ..document import Article, ArticleError
from ..findings import Finding, Severity
from ..outline import Outline, outline_of
from ..regex import on_use
from ..report import Report
from .base import TOOL_NAME, FormatOptions, printable

# -- what the page looks like ---------------------------------------------------

_SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)

_STYLE = """
:root{color-scheme:light dark;--bg:#f6f7f9;--panel:#fff;--ink:#1d2330;--muted:#5b6475;--line:#dde1e8;
--accent:#2f5fd0;--error:#c62828;--warning:#b26a00;--info:#1f6fb2;--band:#cfe9d4;--mark:#ffe58a;--current:#ff9f43}
@media (prefers-color-scheme:dark){:root{--bg:#12151b;--panel:#1b2029;--ink:#e4e8ef;--muted:#9aa4b5;--line:#2c3340;
--accent:#7aa2ff;--error:#ff6b6b;--warning:#f0b44c;--info:#6cb6ff;--band:#24452d;--mark:#6b5a12;--current:#a65a00}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
header.top{padding:1rem 1.5rem;border-bottom:1px solid var(--line);background:var(--panel)}
header.top h1{margin:0;font-size:1.25rem}
.muted{color:var(--muted)}
main{padding:1rem 1.5rem;max-width:100rem;margin:0 auto}
section.file,section.index{background:var(--panel);border:1px solid var(--line);border-radius:10px;
padding:1rem 1.25rem;margin:0 0 1.5rem}
section.file>h2{margin:0 0 .75rem;font-size:1.1rem;word-break:break-all}
.counts{display:inline-flex;gap:.4rem;margin-left:.5rem;vertical-align:middle}
.badge{display:inline-block;border-radius:999px;padding:0 .55rem;font-size:.8rem;font-weight:600;color:#fff}
.badge.error{background:var(--error)}.badge.warning{background:var(--warning)}.badge.info{background:var(--info)}
@media (prefers-color-scheme:dark){.badge{color:#111}}
.gauges{display:grid;grid-template-columns:repeat(auto-fit,minmax(12rem,1fr));gap:.75rem;margin:0 0 1rem}
.gauge{border:1px solid var(--line);border-radius:8px;padding:.5rem .75rem}
.gauge .value{font-size:1.3rem;font-weight:650}
.gauge .track{position:relative;height:8px;border-radius:4px;background:var(--line);margin:.35rem 0 .2rem}
.gauge .band{position:absolute;top:0;bottom:0;background:var(--band);border-radius:4px}
.gauge .needle{position:absolute;top:-4px;width:4px;height:16px;margin-left:-2px;border-radius:2px;
background:var(--ink)}
.gauge.off .value{color:var(--warning)}
.gauge .note{font-size:.8rem;color:var(--muted)}
.layout{display:grid;grid-template-columns:minmax(11rem,16rem) minmax(0,1fr) minmax(16rem,24rem);gap:1rem;
align-items:start}
.layout h3{font-size:.8rem;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);margin:0 0 .5rem}
.outline ol{list-style:none;margin:0;padding:0;font-size:.88rem}
.outline li{padding:.15rem 0;border-bottom:1px dashed var(--line);display:flex;gap:.4rem;justify-content:space-between}
.outline .level{color:var(--muted);font-size:.75rem;min-width:1.6rem}
.outline .heading{flex:1;overflow-wrap:anywhere}
.outline .words{color:var(--muted);font-variant-numeric:tabular-nums;white-space:nowrap}
.outline .skip{color:var(--warning);font-weight:600;font-size:.75rem;display:block}
.article iframe{width:100%;height:75vh;border:1px solid var(--line);border-radius:8px;background:#fff}
@media (prefers-color-scheme:dark){.article iframe{background:#1b2029}}
.filters{display:flex;flex-wrap:wrap;gap:.4rem .75rem;align-items:center;margin:0 0 .5rem;font-size:.88rem}
.filters select{font:inherit;padding:.15rem .3rem;max-width:100%;background:var(--panel);color:var(--ink);
border:1px solid var(--line);border-radius:6px}
.findings ol{list-style:none;margin:0;padding:0;max-height:75vh;overflow:auto}
.findings li{margin:0 0 .4rem}
.findings button{all:unset;box-sizing:border-box;display:block;width:100%;cursor:pointer;padding:.5rem .6rem;
border:1px solid var(--line);border-left:4px solid var(--muted);border-radius:6px;font-size:.88rem}
.findings button.error{border-left-color:var(--error)}.findings button.warning{border-left-color:var(--warning)}
.findings button.info{border-left-color:var(--info)}
.findings button:hover{background:color-mix(in srgb,var(--accent) 8%,transparent)}
.findings button:focus-visible,a:focus-visible,select:focus-visible,input:focus-visible,summary:focus-visible{
outline:3px solid var(--accent);outline-offset:2px}
.findings button[aria-pressed=true]{background:color-mix(in srgb,var(--current) 22%,transparent);
border-color:var(--current)}
.findings .where{color:var(--muted);font-size:.78rem;font-variant-numeric:tabular-nums}
.findings .rule{font-weight:600}
.findings .message{display:block;margin:.15rem 0}
.findings .advice{display:block;color:var(--muted);font-size:.82rem}
.findings .advice::before{content:"→ "}
.findings .snippet{display:block;font:.78rem ui-monospace,SFMono-Regular,Menlo,monospace;color:var(--muted);
overflow-wrap:anywhere;margin-top:.2rem}
.findings .unplaced{display:block;font-size:.75rem;color:var(--muted);font-style:italic}
.findings li[hidden]{display:none}
.error-box{border:1px solid var(--error);border-radius:8px;padding:.75rem;color:var(--error)}
table.files{border-collapse:collapse;width:100%;font-size:.9rem}
table.files th,table.files td{padding:.3rem .5rem;border-bottom:1px solid var(--line);text-align:right}
table.files th:first-child,table.files td:first-child{text-align:left;word-break:break-all}
.chart{display:grid;grid-template-columns:minmax(8rem,max-content) 1fr;gap:.3rem .75rem;align-items:center;
font-size:.88rem;margin-top:1rem}
.chart .bar{height:.9rem;border-radius:3px;background:var(--accent);min-width:2px}
.chart .bar span{margin-left:calc(100% + .4rem);font-size:.78rem;white-space:nowrap}
a{color:var(--accent)}
@media (max-width:1100px){.layout{grid-template-columns:minmax(0,1fr) minmax(15rem,22rem)}
.outline{grid-column:1/-1}}
@media (max-width:700px){main{padding:.5rem}section.file,section.index{padding:.75rem;border-radius:0;
border-left:0;border-right:0}.layout{grid-template-columns:minmax(0,1fr)}.article iframe{height:60vh}
.findings ol{max-height:none}}
"""

_FRAME_STYLE = """
:root{color-scheme:light dark}
body{margin:0;padding:1.25rem 1.5rem;font:17px/1.6 Georgia,"Iowan Old Style",serif;color:#1d2330;background:#fff;
overflow-wrap:break-word}
@media (prefers-color-scheme:dark){body{color:#e4e8ef;background:#1b2029}a{color:#7aa2ff}}
h1,h2,h3,h4,h5,h6{font-family:system-ui,sans-serif;line-height:1.25}
img{max-width:100%;height:auto}
img:not([src]){display:inline-block;border:1px dashed #8a93a3;padding:.2rem .4rem;font:12px system-ui,sans-serif}
table{border-collapse:collapse}td,th{border:1px solid #8884;padding:.2rem .4rem}
pre{white-space:pre-wrap}
a{color:#2f5fd0;text-decoration:underline}
mark[data-f]{background:#ffe58a;color:inherit;border-radius:2px;box-shadow:0 0 0 1px #e0b800}
mark[data-f].error{background:#ffd0d0;box-shadow:0 0 0 1px #e06666}
mark[data-f].pin{display:inline-block;width:.7em;height:.7em;vertical-align:middle;border-radius:50%;
background:#e0b800;margin:0 .15em}
mark[data-f].pin.error{background:#e06666}
mark[data-f].wide{background:none;box-shadow:none}
mark[data-f].current{background:#ff9f43;box-shadow:0 0 0 3px #ff9f43;outline:2px solid #a04b00}
@media (prefers-color-scheme:dark){mark[data-f]{background:#6b5a12;box-shadow:0 0 0 1px #a08a20}
mark[data-f].error{background:#6b2424;box-shadow:0 0 0 1px #b04a4a}mark[data-f].wide{background:none;box-shadow:none}
mark[data-f].current{background:#a65a00;box-shadow:0 0 0 3px #a65a00;outline:2px solid #ffb870}}
"""

_SCRIPT = """
(() => {
  "use strict";
  const show = (frame) => { if (!frame.srcdoc && frame.dataset.doc) frame.srcdoc = frame.dataset.doc; };
  const marks = (frame, n) => {
    const doc = frame.contentDocument;
    return doc ? Array.from(doc.querySelectorAll('mark[data-f~="' + n + '"]')) : [];
  };
  const choose = (button, scroll) => {
    const file = button.closest("section.file");
    const frame = file.querySelector("iframe");
    file.querySelectorAll("button[aria-pressed=true]").forEach((b) => b.setAttribute("aria-pressed", "false"));
    button.setAttribute("aria-pressed", "true");
    const doc = frame.contentDocument;
    if (doc) doc.querySelectorAll("mark.current").forEach((m) => m.classList.remove("current"));
    const found = marks(frame, button.dataset.f);
    found.forEach((m) => m.classList.add("current"));
    if (scroll && found.length) found[0].scrollIntoView({block: "center", behavior: "smooth"});
  };
  const wire = (frame) => {
    const doc = frame.contentDocument;
    if (!doc) return;
    const start = doc.getElementById("lint-article-start");
    if (start && !frame.closest("section.file").querySelector("button[aria-pressed=true]")) {
      const view = frame.contentWindow;
      view.scrollTo(0, Math.max(0, start.getBoundingClientRect().top + view.scrollY - 24));
    }
    doc.addEventListener("click", (event) => {
      const mark = event.target.closest && event.target.closest("mark[data-f]");
      if (!mark) return;
      const file = frame.closest("section.file");
      const button = file.querySelector('button[data-f="' + mark.dataset.f.split(" ")[0] + '"]');
      if (button) { choose(button, false); button.scrollIntoView({block: "nearest"}); }
    });
  };
  document.querySelectorAll("section.file iframe").forEach((frame) => {
    frame.addEventListener("load", () => wire(frame));
  });
  const observer = "IntersectionObserver" in window
    ? new IntersectionObserver((entries) => entries.forEach((e) => {
        if (e.isIntersecting) { show(e.target); observer.unobserve(e.target); }
      }), {rootMargin: "600px"})
    : null;
  document.querySelectorAll("section.file iframe").forEach((f) => observer ? observer.observe(f) : show(f));
  document.addEventListener("click", (event) => {
    const button = event.target.closest("button.finding");
    if (!button) return;
    const frame = button.closest("section.file").querySelector("iframe");
    if (!frame.srcdoc) {
      show(frame);
      frame.addEventListener("load", () => choose(button, true), {once: true});
    } else {
      choose(button, true);
    }
  });
  const filter = (file) => {
    const rule = file.querySelector("select.rule-filter").value;
    const wanted = new Set(Array.from(file.querySelectorAll("input.severity-filter:checked")).map((i) => i.value));
    let shown = 0;
    file.querySelectorAll("li.item").forEach((li) => {
      const visible = (!rule || li.dataset.rule === rule) && wanted.has(li.dataset.severity);
      li.hidden = !visible;
      shown += visible ? 1 : 0;
    });
    file.querySelector(".shown").textContent = String(shown);
  };
  document.addEventListener("change", (event) => {
    if (event.target.matches("select.rule-filter, input.severity-filter")) filter(event.target.closest("section.file"));
  });
})();
"""

_HASH = base64.b64encode(hashlib.sha256(_SCRIPT.encode("utf-8")).digest()).decode("ascii")
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; "
    f"script-src 'sha256-{_HASH}'; "
    "style-src 'unsafe-inline'; "
    "img-src data:; "
    "frame-src 'self'; "
    "base-uri 'none'; "
    "form-action 'none'"
)
"""Nothing loads from anywhere, and no script runs but the report's own."""
_FRAME_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

# Bands of the default rules, shown as a guide on the gauges: the findings are
# what the configured rules said.
_WORDS_BAND = (300, 5000)
_EASE_BAND = (50.0, 100.0)
_MINUTES_BAND = (1.0, 20.0)

# -- sanitising ------------------------------------------------------------------

_TAGS = set(nh3.ALLOWED_TAGS) - {"map", "area"}
# Elements dropped with all they hold; the others that are not allowed are
# stripped and their text kept.
_CLEAN_CONTENT = {"script", "style", "title", "textarea", "template", "noscript", "iframe", "object", "embed",
                  "select", "option", "svg", "math", "head", "button", "frameset", "noframes", "xmp"}  # fmt: skip
_ATTRIBUTES = {tag: {"title", "lang", "dir"} for tag in _TAGS} | {
    "img": {"src", "alt", "width", "height", "title"},
    "a": {"title"},
    "ol": {"start", "reversed"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "time": {"datetime"},
}
_DATA_IMAGE = on_use(r"data:image/(?:png|gif|jpeg|webp);base64,[A-Za-z0-9+/=\s]*\Z", re.IGNORECASE)


def _keep(tag: str, attribute: str, value: str) -> str | None:
    """Drop every URL but an inline image (the report's CSP would block any other anyway)."""
    if attribute == "src":
        return value if tag == "img" and _DATA_IMAGE.match(value) else None
    return value


def sanitise(html: str) -> str:
    """*html* with nothing left that runs, loads or submits: see the module's docstring."""
    return nh3.clean(
        html,
        tags=_TAGS,
        clean_content_tags=_CLEAN_CONTENT,
        attributes=_ATTRIBUTES,
        attribute_filter=_keep,
        url_schemes={"data"},
        link_rel=None,
        strip_comments=True,
    )


# -- finding spans -----------------------------------------------------------------

_START_MARK = 0xF0000  # supplementary private use area A: a finding's start
_END_MARK = 0x100000  # area B: its end
MAX_MARKED = 0xFFFD
"""The most findings of one file marked in its article (one private-use character each)."""
_ARTICLE_START = _START_MARK + MAX_MARKED
ARTICLE_START_ID = "lint-article-start"
"""The id of the empty element where the article starts in the frame of a page."""
_PRIVATE = on_use("[\U000f0000-\U0010ffff]")
_REFERENCE = on_use(r"&#?[A-Za-z0-9]{1,32};?")
_WIDEST_PAINTED = 3000
"""A finding over more source than this (the whole body, for a score) is painted
only when chosen: painted always, it would hide the others."""
_LONGEST_MARKED_ELEMENT = 4000
"""A finding on an element that holds more source than this (a whole ``<article>``)
is pinned where the element starts rather than painted over."""


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int
    """Equal to start for a pin: a finding with no text of its own."""


def _offset(article: Article, line: int, column: int) -> int:
    return min(len(article.source), article.lines.line_start(line) + max(column, 1) - 1)


class _Text:
    """Where the text runs of an article are, to move a finding's edges out of tags."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.runs = article.text_runs
        self.starts = [start for start, _ in self.runs]

    def forward(self, offset: int) -> int:
        """*offset* if it is in text, else the start of the next run of text."""
        index = bisect.bisect_right(self.starts, offset) - 1
        if index >= 0 and offset < self.runs[index][1]:
            return self._out_of_reference(offset, index, forward=False)
        return self.starts[index + 1] if index + 1 < len(self.runs) else len(self.article.source)

    def backward(self, offset: int) -> int:
        """*offset* if it is in text or at its end, else the end of the run before."""
        index = bisect.bisect_left(self.starts, offset) - 1
        if index >= 0 and offset <= self.runs[index][1]:
            return self._out_of_reference(offset, index, forward=True)
        return self.runs[index][1] if index >= 0 else 0

    def _out_of_reference(self, offset: int, index: int, *, forward: bool) -> int:
        """*offset*, or the edge of the character reference (``&amp;``) it falls inside."""
        run_start = self.runs[index][0]
        source = self.article.source
        amp = source.rfind("&", max(run_start, offset - 33), offset)
        if amp >= 0:
            reference = _REFERENCE.match(source, amp)
            if reference is not None and reference.end() > offset:
                return reference.end() if forward else amp
        return offset


def _spans(article: Article, findings: Sequence[Finding]) -> list[_Span]:
    text = _Text(article)
    spans: list[_Span] = []
    for finding in findings:
        start = _offset(article, finding.line, finding.column)
        end = max(start, _offset(article, finding.end_line, finding.end_column))
        element = article.element_at(start)
        if element is not None and end <= article.element_span(element)[1]:
            # A finding on an element's start tag is about what the element holds.
            content_start, content_end = article.content_span(element, reach=_LONGEST_MARKED_ELEMENT)
            if content_end - content_start <= _LONGEST_MARKED_ELEMENT:
                start, end = content_start, content_end
            else:
                start = end = content_start
        first, last = text.forward(start), text.backward(end)
        spans.append(_Span(first, last) if last > first else _Span(first, first))
    return spans


def _with_marks(source: str, spans: Sequence[_Span], article_start: int | None) -> str:
    """*source* with each span's edges written in as private-use characters, and
    where the article starts on a page; at one offset, the ends of spans come
    first, then pins (start and end), then where the article starts, then starts."""
    edges: list[tuple[int, int, int, int]] = []
    if article_start is not None:
        edges.append((article_start, 2, MAX_MARKED, _START_MARK))
    for index, span in enumerate(spans):
        if span.end > span.start:
            edges += [(span.start, 3, index, _START_MARK), (span.end, 0, index, _END_MARK)]
        else:
            edges += [(span.start, 1, index, _START_MARK), (span.start, 2, index, _END_MARK)]
    edges.sort()
    pieces: list[str] = []
    at = 0
    for offset, _, index, base in edges:
        pieces.append(source[at:offset])
        pieces.append(chr(base + index))
        at = offset
    pieces.append(source[at:])
    return "".join(pieces)


_TITLED = 5
"""The most findings a highlight's tooltip names (it stands on every run of text they share)."""
_MARKUP = on_use(r'(<[^>"]*(?:"[^"]*"[^>"]*)*>)')


class _Marks:
    """Turns the private-use characters of a sanitised text into ``<mark>`` elements
    around each run of text, and remembers which findings got one."""

    def __init__(self, findings: Sequence[Finding], wide: set[int]) -> None:
        self.findings = findings
        self.wide = wide
        self.active: dict[int, None] = {}  # ordered: the findings open at this point
        self.shown: set[int] = set()
        self.pieces: list[str] = []

    def convert(self, clean: str) -> str:
        for part in _MARKUP.split(clean):
            if part.startswith("<"):
                self.pieces.append(part)
                continue
            at = 0
            for match in _PRIVATE.finditer(part):
                self._text(part[at : match.start()])
                code = ord(match.group())
                if code == _ARTICLE_START:
                    self.pieces.append(f'<span id="{ARTICLE_START_ID}"></span>')
                elif code < _END_MARK:
                    self.active[code - _START_MARK] = None
                else:
                    self._close(code - _END_MARK)
                at = match.end()
            self._text(part[at:])
        return "".join(self.pieces)

    def _close(self, index: int) -> None:
        if index in self.active:
            del self.active[index]
            if index not in self.shown:  # nothing of it could be shown: a pin where it is
                self.pieces.append(self._mark((index,), "", pin=True))
                self.shown.add(index)

    def _text(self, text: str) -> None:
        if self.active and text.strip():  # white space alone may stand where a <mark> may not (in a <table>)
            self.shown.update(self.active)
            self.pieces.append(self._mark(tuple(self.active), text))
        elif text:
            self.pieces.append(text)

    def _mark(self, indices: Sequence[int], text: str, *, pin: bool = False) -> str:
        findings = self.findings
        narrow = [i for i in indices if i not in self.wide]
        classes = [str(max(findings[i].severity for i in narrow or indices))]
        if pin:
            classes.append("pin")
        elif not narrow:
            classes.append("wide")  # about a whole stretch of the article: painted only when chosen
        title = "\n".join(f"{findings[i].rule}: {printable(findings[i].message)}" for i in indices[:_TITLED])
        if len(indices) > _TITLED:
            title += f"\nand {len(indices) - _TITLED:,} more"
        numbers = " ".join(map(str, indices))
        return f'<mark data-f="{numbers}" class="{" ".join(classes)}" title="{escape(title)}">{text}</mark>'


def marked_article(article: Article, findings: Sequence[Finding]) -> tuple[str, set[int]]:
    """The sanitised body of *article* with its findings marked, and the indices of
    the findings that could be shown in it (those in the ``<head>``, an attribute
    or a script cannot)."""
    findings = findings[:MAX_MARKED]
    source = _PRIVATE.sub("\ufffd", article.source)  # no article may forge a mark
    spans = _spans(article, findings)
    wide = {index for index, span in enumerate(spans) if span.end - span.start > _WIDEST_PAINTED}
    # On a page, the report scrolls the frame to where the article starts, past the site's header.
    article_start = None
    if not article.is_fragment:
        article_start = _Text(article).forward(article.element_span(article.region.root)[0])
    marks = _Marks(findings, wide)
    return marks.convert(sanitise(_with_marks(source, spans, article_start))), marks.shown


# -- the page --------------------------------------------------------------------


def format_reports(reports: Sequence[Report], options: FormatOptions | None = None, /) -> str:
    options = options or FormatOptions()
    infos = options.rule_infos()
    totals = Counter(f.severity for report in reports for f in report.findings)
    files = [_file_section(number, report, options) for number, report in enumerate(reports)]
    summary = ", ".join(_count(totals[s], str(s)) for s in _SEVERITIES)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>{TOOL_NAME} report</title>",
        f"<style>{_STYLE}</style></head><body>",
        f'<header class="top"><h1>{TOOL_NAME} report</h1>',
        f'<div class="muted">{len(reports):,} file{"s" * (len(reports) != 1)}: {summary}</div></header>',
        "<main>",
    ]
    if len(reports) > 1:
        parts.append(_index(reports, infos))
    parts += files
    parts += ["</main>", f"<script>{_SCRIPT}</script>", "</body></html>", ""]
    # What is left of control characters (in the article's own text, where they may
    # matter, as bidirectional marks do) becomes character references: shown the
    # same, but the file read in a terminal cannot drive it.
    return _CONTROL.sub(lambda match: f"&#x{ord(match.group()):x};", "\n".join(parts))


_CONTROL = on_use("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'s' * (number != 1 and noun != 'info')}"


def _text(value: str) -> str:
    """Text from the article or a rule, fit for the page: control characters shown
    as their escapes (as every human-facing format does), markup escaped."""
    return escape(printable(value))


def _counts(findings: Sequence[Finding]) -> str:
    counts = Counter(f.severity for f in findings)
    badges = "".join(f'<span class="badge {s}">{_count(counts[s], str(s))}</span>' for s in _SEVERITIES if counts[s])
    return f'<span class="counts">{badges}</span>'


def _index(reports: Sequence[Report], infos: Mapping[str, object]) -> str:
    rows = []
    for number, report in enumerate(reports):
        counts = Counter(f.severity for f in report.findings)
        cells = "".join(f"<td>{counts[s]:,}</td>" for s in _SEVERITIES)
        words = "" if report.error is not None else f"{report.stats.words:,}"
        status = " (could not be linted)" if report.error is not None else ""
        rows.append(
            f'<tr><td><a href="#file-{number}">{_text(report.path)}</a>{status}</td>{cells}<td>{words}</td></tr>'
        )
    per_rule = Counter(f.rule for report in reports for f in report.findings)
    most = max(per_rule.values(), default=1)
    bars = "".join(
        f'<span title="{_text(rule)}">{_text(rule)}</span>'
        f'<div class="bar" style="width:{80 * count / most:.1f}%"><span>{count:,}</span></div>'
        for rule, count in sorted(per_rule.items(), key=lambda item: (-item[1], item[0]))
    )
    heads = "".join(f"<th>{s}</th>" for s in _SEVERITIES)
    chart = f'<h3>Findings per rule</h3><div class="chart">{bars}</div>' if bars else ""
    return (
        '<section class="index"><h2>Files</h2><div style="overflow-x:auto">'
        f'<table class="files"><thead><tr><th>file</th>{heads}<th>words</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>{chart}</section>"
    )


def _file_section(number: int, report: Report, options: FormatOptions) -> str:
    head = f'<section class="file" id="file-{number}"><h2>{_text(report.path)}{_counts(report.findings)}</h2>'
    if report.error is not None:
        return f'{head}<p class="error-box">Could not be linted: {_text(report.error)}</p></section>'
    article, problem = _read(report, options)
    outline = None
    shown: set[int] = set()
    frame = f'<p class="muted">The article cannot be shown: {_text(problem)}.</p>'
    if article is not None:
        outline = outline_of(article, report.path, stats=report.stats)
        marked, shown = marked_article(article, report.findings)
        document = (
            '<!DOCTYPE html><html><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{_FRAME_POLICY}">'
            f"<style>{_FRAME_STYLE}</style></head><body>{marked}</body></html>"
        )
        frame = (
            f'<iframe sandbox="allow-same-origin" referrerpolicy="no-referrer" title="The article of '
            f'{_text(report.path)}, its findings marked" data-doc="{escape(document)}"></iframe>'
        )
    return (
        f'{head}{_gauges(report)}<div class="layout">'
        f'<nav class="outline" aria-label="Outline"><h3>Outline</h3>{_outline(outline)}</nav>'
        f'<div class="article"><h3>Article</h3>{frame}</div>'
        f'<aside class="findings" aria-label="Findings"><h3>Findings</h3>{_findings(report.findings, shown)}</aside>'
        "</div></section>"
    )


def _read(report: Report, options: FormatOptions) -> tuple[Article | None, str]:
    """The article of *report* (from ``options.sources``, else from its file) or why there is none."""
    source = options.sources.get(report.path) if options.sources is not None else None
    try:
        if source is None:
            path = Path(report.path)
            if report.path == "-" or not path.is_file():
                return None, "its text is not at hand (no such file)"
            source = path.read_bytes()
        return Article.from_html(source), ""
    except OSError as exc:
        return None, f"cannot read it: {exc.strerror or exc}"
    except ArticleError as exc:
        return None, str(exc)


def _gauge(label: str, value: float, shown: str, scale: float, band: tuple[float, float], note: str) -> str:
    low, high = band
    top = max(scale, value)
    off = not (low <= value <= high)
    return (
        f'<div class="gauge{" off" * off}"><div class="muted">{label}</div><div class="value">{shown}</div>'
        f'<div class="track" role="img" aria-label="{label}: {shown}; guide {note}">'
        f'<span class="band" style="left:{100 * low / top:.1f}%;width:{100 * (min(high, top) - low) / top:.1f}%">'
        f'</span><span class="needle" style="left:{100 * min(value, top) / top:.1f}%"></span></div>'
        f'<div class="note">guide: {note}</div></div>'
    )


def _gauges(report: Report) -> str:
    stats = report.stats
    gauges = [
        _gauge("Words", stats.words, f"{stats.words:,}", 6000, _WORDS_BAND, "300 to 5,000"),
        _gauge(
            "Reading time",
            stats.reading_time_minutes,
            f"{stats.reading_time_minutes:g} min",
            25,
            _MINUTES_BAND,
            "1 to 20 min",
        ),
    ]
    if stats.flesch_reading_ease is not None:
        ease = max(0.0, stats.flesch_reading_ease)
        gauges.append(_gauge("Reading ease", ease, f"{stats.flesch_reading_ease:.1f}", 100, _EASE_BAND, "50 or more"))
    else:
        gauges.append(
            '<div class="gauge"><div class="muted">Reading ease</div><div class="value">–</div>'
            '<div class="note">not scored (too short, or no formula for the language)</div></div>'
        )
    if stats.flesch_kincaid_grade is not None:
        gauges.append(
            f'<div class="gauge"><div class="muted">Grade</div><div class="value">'
            f'{stats.flesch_kincaid_grade:.1f}</div><div class="note">{stats.sentences:,} sentences, '
            f"{stats.paragraphs:,} paragraphs</div></div>"
        )
    return f'<div class="gauges">{"".join(gauges)}</div>'


def _outline(outline: Outline | None) -> str:
    if outline is None or not outline.headings:
        return '<p class="muted">No headings.</p>'
    items = []
    previous = None
    for section in outline.headings:
        skipped = ""
        if previous is not None and section.level > previous + 1:
            missing = ", ".join(f"h{level}" for level in range(previous + 1, section.level))
            skipped = f'<span class="skip">skipped {missing}</span>'
        previous = section.level
        items.append(
            f'<li style="padding-left:{(section.level - 1) * 0.8:.1f}rem"><span class="level">h{section.level}</span>'
            f'<span class="heading">{skipped}{_text(section.text) or "<em>(empty)</em>"}</span>'
            f'<span class="words">{section.words:,} w</span></li>'
        )
    return f"<ol>{''.join(items)}</ol>"


def _findings(findings: Sequence[Finding], shown: set[int]) -> str:
    if not findings:
        return '<p class="muted">No findings.</p>'
    rules = sorted({f.rule for f in findings})
    choices = "".join(f'<option value="{_text(rule)}">{_text(rule)}</option>' for rule in rules)
    boxes = "".join(
        f'<label><input type="checkbox" class="severity-filter" value="{s}" checked> {s}</label>' for s in _SEVERITIES
    )
    items = []
    for index, f in enumerate(findings):
        unplaced = "" if index in shown else '<span class="unplaced">not in the text shown (head, tag or script)</span>'
        advice = f'<span class="advice">{_text(f.advice)}</span>' if f.advice else ""
        snippet = f'<span class="snippet">{_text(f.snippet)}</span>' if f.snippet else ""
        items.append(
            f'<li class="item" data-rule="{_text(f.rule)}" data-severity="{f.severity}">'
            f'<button type="button" class="finding {f.severity}" data-f="{index}" aria-pressed="false">'
            f'<span class="where">{f.severity} · line {f.line}, column {f.column}</span> '
            f'<span class="rule">{_text(f.rule)}</span><span class="message">{_text(f.message)}</span>'
            f"{advice}{snippet}{unplaced}</button></li>"
        )
    return (
        f'<div class="filters"><label>Rule <select class="rule-filter"><option value="">all</option>{choices}'
        f'</select></label>{boxes}<span class="muted"><span class="shown">{len(findings)}</span> shown</span></div>'
        f"<ol>{''.join(items)}</ol>"
    )
