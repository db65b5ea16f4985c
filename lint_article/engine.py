"""Runs active rules over an article. It knows the rule protocol and no rule."""

from __future__ import annotations

from collections.abc import Sequence

from . import inputs
from .config import DEFAULT_MAX_FILE_SIZE, DEFAULT_TIMEOUT, ActiveRule
from .document import Article, ArticleError
from .findings import Finding, Severity
from .inputs import Limit
from .report import INTERNAL_ERROR, READING_WORDS_PER_MINUTE, ParagraphStats, Report, Stats
from .rule import Context
from .suppression import Suppressions
from .time_limit import TimeLimitExceeded, Watch, time_limit


class Linter:
    """A configured set of rules; reusable and safe to share between threads."""

    def __init__(
        self,
        rules: Sequence[ActiveRule],
        *,
        language: str | None = None,
        fragment_rules: Sequence[ActiveRule] | None = None,
        max_bytes: int | None = DEFAULT_MAX_FILE_SIZE,
        known_rules: frozenset[str] | None = None,
        timeout: float | None = DEFAULT_TIMEOUT,
    ) -> None:
        self.rules = tuple(rules)
        self.fragment_rules = tuple(fragment_rules) if fragment_rules is not None else None
        """The rules for a CMS body fragment, when they differ (the ``auto`` profile)."""
        self.language = language
        self.max_bytes = max_bytes
        """The largest article, in bytes, that is read for this linter (``max-file-size``;
        None: no limit); larger ones get a report with ``error`` set and are not parsed."""
        self.known_rules = known_rules
        """Every installed rule id, for the rules that judge directives (a
        directive naming another rule silences nothing; None: not known)."""
        self.timeout = timeout
        """Seconds one article may take to parse and lint with this linter
        (``timeout``; None: no limit); one that takes longer gets a report with ``error`` set."""

    def lint(
        self,
        source: Article | str | bytes,
        path: str = "<string>",
        *,
        max_bytes: int | Limit | None = Limit.CONFIGURED,
        timeout: float | Limit | None = Limit.CONFIGURED,
    ) -> Report:
        """Lint *source*: an :class:`Article`, or HTML as text or bytes (decoded as a
        browser would). Text or bytes that are not HTML (see :mod:`.inputs`), or
        larger than *max_bytes* (text counted in UTF-8 bytes; by default this
        linter's ``max-file-size``; None for no limit), give a report with
        ``error`` set and are not parsed; so does anything but text or bytes, an
        article the parser refuses (:class:`~lint_article.document.ArticleError`),
        and one that takes longer than *timeout* seconds to parse and lint (by
        default this linter's ``timeout``; None or 0 for no limit)."""
        inputs.check_limits(max_bytes, timeout)
        if not isinstance(source, Article):
            error = inputs.problem(source, self.max_bytes if max_bytes is Limit.CONFIGURED else max_bytes)
            if error is not None:
                return Report(path, error=error)
        seconds = self.timeout if timeout is Limit.CONFIGURED else timeout or None
        watch: Watch | None = None
        try:
            with time_limit(seconds) as watch:
                return self._lint(source if isinstance(source, Article) else Article.from_html(source), path)
        except ArticleError as exc:
            return Report(path, error=str(exc))
        except TimeLimitExceeded:
            if seconds is None or watch is None or not watch.fired:
                raise  # an outer time limit's (a caller's own): not this article's to report
            return Report(path, error=f"linting took longer than the limit of {seconds:g} s")

    def _lint(self, article: Article, path: str) -> Report:
        language = article.language(self.language).code
        suppressions = Suppressions(article)
        rules = self.fragment_rules if article.is_fragment and self.fragment_rules is not None else self.rules
        ran = frozenset(active.rule.id for active in rules)
        findings: list[Finding] = []
        for active in sorted(rules, key=lambda active: active.rule.runs_last):
            ctx = Context(
                active.rule,
                article,
                active.options,
                active.severity,
                language,
                suppressions,
                active.scope,
                rules_run=ran,
                known_rules=self.known_rules,
            )
            try:
                found = list(active.rule.check(article, ctx))
            # SystemExit too: a rule calling sys.exit() must not end the run as if all went well.
            except (Exception, SystemExit) as exc:  # noqa: BLE001 - one broken rule must not hide the others
                findings.append(_crash_finding(active, _raised(exc)))
                continue
            strays = [f for f in found if not isinstance(f, Finding)]
            if strays:  # they would break sorting and every format: the rule is as broken as one that raises
                findings.append(_crash_finding(active, f"it yielded {_short_repr(strays[0])}, not a Finding"))
                continue
            wrong_fix = _fix_problem(active, found, len(article.source))
            if wrong_fix:  # a fix that would damage the article is a bug of the rule's, not the writer's
                findings.append(_crash_finding(active, wrong_fix))
                continue
            findings.extend(suppressions.kept(found))
        findings.sort(key=Finding.sort_key)
        return Report(path, tuple(findings), article_stats(article, language))


def _fix_problem(active: ActiveRule, found: list[Finding], length: int) -> str | None:
    """What is wrong with the fixes among *found*: one from a rule that does not
    declare itself ``fixable``, or edits outside the source or overlapping; None when nothing is."""
    for finding in found:
        if finding.fix is None:
            continue
        if not active.rule.fixable:
            return f"it attached a fix (line {finding.line}) but does not declare fixable = True"
        problem = finding.fix.problem(length)
        if problem:
            return f"its fix at line {finding.line} has {problem}"
    return None


def _raised(exc: BaseException) -> str:
    import traceback  # only for a rule that crashed: kept off start-up

    where = traceback.extract_tb(exc.__traceback__)[-1]
    return f"{type(exc).__name__}: {exc} (at {where.filename}:{where.lineno})"


def _short_repr(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:59] + "…"


def _crash_finding(active: ActiveRule, what: str) -> Finding:
    """The finding that stands for a rule that failed (*what* it did) and found nothing."""
    return Finding(
        rule=active.rule.id,
        severity=Severity.ERROR,
        message=f"rule {active.rule.id!r} crashed: {what}; the other rules ran",
        message_id=INTERNAL_ERROR,
        line=1,
        column=1,
        end_line=1,
        end_column=1,
        snippet="",
        selector="",
    )


def article_stats(article: Article, language: str | None) -> Stats:
    """Figures about the article itself (its body), not about the page around it."""
    body = article.body
    scores = body.scores(language)
    words = len(body.words)
    return Stats(
        words=words,
        sentences=len(body.sentences),
        paragraphs=sum(1 for b in body.blocks if b.kind == "paragraph"),
        headings=len(body.headings),
        reading_time_minutes=round(words / READING_WORDS_PER_MINUTE, 1),
        flesch_reading_ease=scores.reading_ease if scores else None,
        flesch_kincaid_grade=scores.grade if scores else None,
        paragraph_scores=tuple(
            ParagraphStats(*article.position_of(p.block.start), p.scores.words, p.scores.reading_ease, p.scores.grade)
            for p in (body.paragraph_scores(language) if language is not None else ())
        ),
    )
