from __future__ import annotations

import re
from collections.abc import Iterator

from ..document import Article, Block
from ..findings import Applicability, Finding, Fix, Severity
from ..regex import on_use
from ..rule import Context, Rule, RuleOptions

# Markdown that the renderer never saw, each with what to call it. Every
# pattern is anchored on a literal mark and bounded, so that a scan is linear.
_MARKS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (on_use(pattern), what)
    for pattern, what in (
        (r"\*\*(?=[^\s*])[^*\n]{0,80}?[^\s*]\*\*", "bold"),
        (r"\[[^\[\]\n]{1,200}\]\((?:https?://|www\.|/|#|mailto:)[^\s()]{0,500}\)", "link"),
        (r"```", "code fence"),
        (r"\|[ \t]*:?-{3,}:?[ \t]*\|", "table row"),
        # A heading mark inside a paragraph, where a line break used to be.
        (r"#{2,6} (?=[^\s#])", "heading"),
    )
)  # fmt: skip
_HEADING_START = on_use(r"#{2,6} (?=[^\s#])")
_BULLET_START = on_use(r"[-*] (?=\S)")
_INTRODUCED_BULLET = on_use(r":\s+[-*] (?=\S)")
_SPACES = on_use(r"\s+")
# Where a bulleted run's items start, once its line breaks were collapsed into spaces.
_ITEM = on_use(r" [-*] (?=\S)")
_PROSE_KINDS = frozenset({"paragraph", "list-item", "heading", "block", "caption"})


class MarkdownLeftover(Rule):
    """No Markdown was pasted into the HTML and left unrendered.

    ## What it checks
    Markdown marks in the article's text, which show that a draft written in
    Markdown (by a person, a notes app or a chat assistant) was pasted into a
    rich-text editor that printed them as they are:

    - `**bold**`;
    - `## Heading` opening a paragraph, or inside one where a line break was;
    - `[text](https://…)` links;
    - bulleted runs collapsed into one paragraph, opening it or after a colon:
      three items or more, each starting with a capital, a digit or a bold
      label, with asterisk bullets (`* First * Second * Third`) or bold labels
      (`- **Fares:** rise - **Parking:** …`);
    - code fences (```` ``` ````);
    - table rows (`| a | b |`) and their separator (`|---|---|`).

    Code (`<code>`, `<pre>`, `<kbd>`, `<samp>`) and text in quotation marks
    are not read, so an article *about* Markdown can show its syntax. The marks
    do not depend on the article's language. A dash between words (`A - B`), a
    dialogue dash (`- Yes - she said`) and a list typed as plain text with
    dashes (`Also in this issue: - Jigs - Chairs - Moulds`) are a writer's
    own, not Markdown.

    Bold and links have a safe fix where the rule is sure: where the source
    spells the mark exactly as the reader sees it (no tag, entity or line
    break inside), `**x**` becomes `<strong>x</strong>` and `[text](url)`
    becomes `<a href="url">text</a>`. The other marks need the writer's eye
    (what is the heading, where does the list end) and have no fix.

    ## Why
    Readers see asterisks, hashes and brackets where the writer meant bold,
    headings and links: the page looks broken, links do not work, and it
    shows that the text went out unread.

    ## Fails
    ```html
    <p>**Key takeaways:** the council approved the budget.</p>
    <p>## Background</p>
    <p>See the [full report](https://example.org/report).</p>
    ```

    ## Passes
    ```html
    <p><strong>Key takeaways:</strong> the council approved the budget.</p>
    <p>In Markdown, <code>**bold**</code> makes bold text.</p>
    <p>The vote - held late on Tuesday - was close.</p>
    ```
    """

    id = "markdown-leftover"
    summary = "No unrendered Markdown (**bold**, ## headings, [links](…), bullets, fences, tables) in the text."
    severity = Severity.ERROR
    messages = {
        "unrendered": "unrendered Markdown {what} “{text}”",
    }
    advice = {
        "unrendered": "Format it with the editor (bold, heading, link, list, table) and delete the Markdown marks.",
    }
    fixable = True
    fix_applicability = {"unrendered": Applicability.SAFE}

    def check(self, article: Article, ctx: Context[RuleOptions]) -> Iterator[Finding]:
        view = ctx.view
        if not view.blocks:
            return
        text = article.text
        marks: dict[int, list[tuple[int, int, str]]] = {}  # by block index
        # Each mark is looked for once over the whole article, then placed in its block.
        low, high = view.blocks[0].start, view.blocks[-1].end
        for pattern, what in _MARKS:
            for match in pattern.finditer(text, low, high):
                start = match.start()
                if what == "heading" and start and not text[start - 1].isspace():
                    continue
                marks.setdefault(article.block_at(start), []).append((start, match.end(), what))
        for index in view.block_indices:
            block = article.blocks[index]
            if text.startswith(_STARTS, block.start) or ": " in text[block.start : block.end]:
                marks.setdefault(index, []).extend(_opening_marks(text, block))
        for index in sorted(marks):
            block = article.blocks[index]
            if not view.holds_block(index) or block.kind not in _PROSE_KINDS or article.is_code(block.element):
                continue
            reported_until = -1
            for start, end, what in sorted(marks[index], key=lambda mark: (mark[0], -mark[1])):
                # One finding for a mark inside another ("**One**" in a bulleted run).
                if start >= reported_until and not view.is_quoted(index, start, end):
                    reported_until = end
                    fix = _rendering(article, ctx, start, end, what)
                    found = ctx.at_text(start, end, "unrendered", what=what, text=_excerpt(text[start:end]))
                    yield ctx.fixed(found, fix)


_STARTS = ("#", "- ", "* ", "|")


def _opening_marks(text: str, block: Block) -> Iterator[tuple[int, int, str]]:
    """Marks that a block opens with, or a bulleted run after a colon."""
    start, end = block.start, block.end
    if heading := _HEADING_START.match(text, start, end):
        yield heading.start(), end, "heading"
    bullets = _bulleted_run(text, start, end)
    if bullets is not None:
        yield bullets, end, "bulleted list"
    if text.startswith("|", start) and text.endswith("|", start, end) and text.count("|", start, end) >= 3:
        yield start, end, "table row"


def _bulleted_run(text: str, start: int, end: int) -> int | None:
    """Where a run of at least three bullets collapsed into one paragraph starts, if there is one."""
    first = _BULLET_START.match(text, start, end)
    if first is None:
        introduced = _INTRODUCED_BULLET.search(text, start, end)
        if introduced is None:
            return None
        first_item = introduced.end()
        run_start = introduced.start() + 1
    else:
        first_item = first.end()
        run_start = start
    items = [first_item, *(match.end() for match in _ITEM.finditer(text, first_item, end))]
    if len(items) < 3 or not all(_opens_item(text, item) for item in items):
        return None
    # A dash list typed as plain text is a writer's habit ("Also in this issue: - Jigs - Chairs"); a
    # Markdown list has asterisk bullets or labels in bold ("- **Fares:** rise").
    bullet = text[run_start + (text[run_start] == " ")]
    if bullet == "*" or any(text.startswith("**", item) for item in items):
        return run_start + (text[run_start] == " ")
    return None


def _opens_item(text: str, at: int) -> bool:
    """Whether a list item could start at *at*: a capital, a digit, or a bold label."""
    return text[at].isupper() or text[at].isdigit() or (text.startswith("**", at) and text[at + 2 : at + 3].isalnum())


_LINK = on_use(r"\[([^\[\]\n]+)\]\(([^\s()]*)\)")


def _rendering(article: Article, ctx: Context[RuleOptions], start: int, end: int, what: str) -> Fix | None:
    """The fix that renders the bold or link mark at text [start, end), when the
    source spells it exactly as the text shows it; None otherwise."""
    if what not in ("bold", "link"):
        return None
    low = article.source_offset(start)
    high = article.source_offset(end - 1) + 1
    written = article.source[low:high]
    if written != article.text[start:end]:
        return None  # a tag, an entity or a line break inside: not a mechanical edit
    if what == "bold":
        return ctx.fix("Make it bold with <strong>", [(low, low + 2, "<strong>"), (high - 2, high, "</strong>")])
    link = _LINK.fullmatch(written)
    if link is None:
        return None
    href = link.group(2).replace("&", "&amp;").replace('"', "&quot;")
    return ctx.fix("Make it a link", [(low, low + 1, f'<a href="{href}">'), (low + link.end(1), high, "</a>")])


def _excerpt(found: str) -> str:
    found = _SPACES.sub(" ", found).strip()
    return found if len(found) <= 60 else found[:59] + "…"
