"""What may be linted: the checks an input passes before it is parsed as an article.

An input is refused, with a message that says why, when it is not text
(``None``, a number), is larger than its size limit, or is plainly not an HTML
article: empty, a file format known by its first bytes (a PNG image, a PDF, a
ZIP archive such as a ``.docx``), binary data, or text without a single HTML
tag (plain text, Markdown). Parsing such input as HTML would give findings
about nothing ("paragraph has 819 words" for an image).
"""

from __future__ import annotations

import enum
import re
from typing import IO, AnyStr

from .config import LARGEST_MAX_FILE_SIZE, LONGEST_TIMEOUT
from .regex import on_use

MAX_FILE_SIZE_HINT = "raise it with --max-file-size or the max-file-size setting"


class Limit(enum.Enum):
    CONFIGURED = "the linter's own limit"
    """The default of every ``max_bytes`` and ``timeout``: the limit of the article's own
    configuration (``max-file-size``, ``timeout``)."""


def check_limits(max_bytes: int | Limit | None, timeout: float | Limit | None) -> None:
    """Raise ValueError for a *max_bytes* or *timeout* argument out of its range,
    as configuration files have theirs checked."""
    if isinstance(max_bytes, int) and not 0 <= max_bytes <= LARGEST_MAX_FILE_SIZE:
        raise ValueError(f"max_bytes must be from 0 to {LARGEST_MAX_FILE_SIZE:,} (4 GiB) or None, got {max_bytes!r}")
    if isinstance(timeout, int | float) and not 0 <= timeout <= LONGEST_TIMEOUT:
        raise ValueError(f"timeout must be from 0 to {LONGEST_TIMEOUT:,.0f} seconds or None, got {timeout!r}")


class TooLarge(Exception):
    """An input over its size limit; the message is the report's error."""

    def __init__(self, max_bytes: int, size: int | None = None, *, hint: str | None = None) -> None:
        known = f"{size:,} bytes, " if size is not None else ""
        super().__init__(f"file too large: {known}over the limit of {max_bytes:,} bytes{f' ({hint})' if hint else ''}")


class TooSlow(Exception):
    """An input that could not be read within its time limit; the message is the report's error."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"reading took longer than the limit of {seconds:g} s")


def read_limited(stream: IO[bytes], max_bytes: int | None, *, hint: str | None = None) -> bytes:
    """All of *stream*, or TooLarge when it holds more than *max_bytes* (None: no
    limit). Bounded where the size is not known beforehand (a pipe, /dev/zero):
    it reads at most one byte past the limit."""
    if max_bytes is None:
        return stream.read()
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise TooLarge(max_bytes, hint=hint)
    return data


def problem(html: object, max_bytes: int | None) -> str | None:
    """Why *html* cannot be linted as an article, or None when it can."""
    if not isinstance(html, str | bytes):
        return not_text(html)
    return _too_large(html, max_bytes) or refusal(html)


def not_text(html: object) -> str:
    """The error for an input that is neither ``str`` nor ``bytes``."""
    return f"no text given: the html is {type(html).__name__}, not str or bytes"


def check_size(html: str | bytes, max_bytes: int | None) -> None:
    """Raise :class:`TooLarge` when *html* (text counted in UTF-8 bytes) is over *max_bytes* (None: no limit)."""
    size = len(html) if isinstance(html, bytes) else _utf8_size(html, max_bytes)
    if max_bytes is not None and size > max_bytes:
        raise TooLarge(max_bytes, size, hint=MAX_FILE_SIZE_HINT)


def _too_large(html: str | bytes, max_bytes: int | None) -> str | None:
    try:
        check_size(html, max_bytes)
    except TooLarge as exc:
        return str(exc)
    return None


def _utf8_size(text: str, max_bytes: int | None) -> int:
    # A character takes one to four bytes: only text near the limit is encoded.
    if max_bytes is None or len(text) * 4 <= max_bytes or len(text) > max_bytes:
        return len(text)
    return len(text.encode("utf-8", errors="surrogatepass"))


# -- is it HTML at all? ---------------------------------------------------------

# File formats by their first bytes ("magic numbers", as file(1) knows them),
# each with the name a writer knows it by. Only signatures that no text starts
# with: other binary formats are told by their control bytes.
_SIGNATURES: tuple[tuple[int, bytes, str], ...] = (
    (0, b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (0, b"\xff\xd8\xff", "a JPEG image"),
    (0, b"GIF87a", "a GIF image"),
    (0, b"GIF89a", "a GIF image"),
    (8, b"WEBP", "a WebP image"),
    (0, b"II*\x00", "a TIFF image"),
    (0, b"MM\x00*", "a TIFF image"),
    (0, b"\x00\x00\x01\x00", "an icon file"),
    (0, b"%PDF-", "a PDF document"),
    (0, b"%!PS", "a PostScript document"),
    (0, b"{\\rtf", "an RTF document"),
    (0, b"PK\x03\x04", "a ZIP archive (a .docx, .xlsx, .odt or .epub file is one)"),
    (0, b"PK\x05\x06", "an empty ZIP archive"),
    (0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document (.doc, .xls, .ppt)"),
    (0, b"\x1f\x8b", "gzip-compressed data"),
    (0, b"\xfd7zXZ\x00", "xz-compressed data"),
    (0, b"(\xb5/\xfd", "zstd-compressed data"),
    (0, b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (0, b"Rar!\x1a\x07", "a RAR archive"),
    (0, b"\x7fELF", "an executable (ELF)"),
    (0, b"\xca\xfe\xba\xbe", "a Java class file or Mach-O executable"),
    (0, b"\xcf\xfa\xed\xfe", "a Mach-O executable"),
    (0, b"\x00asm", "a WebAssembly module"),
    (0, b"SQLite format 3\x00", "an SQLite database"),
    (0, b"\x00\x01\x00\x00\x00", "a TrueType font"),
    (4, b"ftyp", "an MP4 or QuickTime video"),
    (0, b"\x1a\x45\xdf\xa3", "a Matroska or WebM video"),
)
_UTF16_BOMS = {b"\xff\xfe": "utf-16-le", b"\xfe\xff": "utf-16-be"}

# An HTML tag a browser knows, a custom element (a name with a hyphen), a
# doctype or a comment: one is enough. Any "<" followed by a letter would let
# "a <b" or random bytes pass; a tag of HTML does not occur by chance.
_HTML_ELEMENTS = (
    "a|abbr|address|area|article|aside|audio|b|base|bdi|bdo|blockquote|body|br|button|canvas|caption|center|"
    "cite|code|col|colgroup|data|datalist|dd|del|details|dfn|dialog|dir|div|dl|dt|em|embed|fieldset|figcaption|"
    "figure|font|footer|form|frame|frameset|h[1-6]|head|header|hgroup|hr|html|i|iframe|img|input|ins|kbd|label|"
    "legend|li|link|main|map|mark|math|menu|meta|meter|nav|nobr|noframes|noscript|object|ol|optgroup|option|"
    "output|p|param|picture|plaintext|pre|progress|q|rp|rt|ruby|s|samp|script|search|section|select|slot|small|"
    "source|span|strike|strong|style|sub|summary|sup|svg|table|tbody|td|template|textarea|tfoot|th|thead|time|"
    "title|tr|track|tt|u|ul|var|video|wbr|xmp"
)
_MARKUP = rf"<(?:!doctype|!--|/?(?:{_HTML_ELEMENTS})(?=[\s/>])|/?[a-z][a-z0-9]*-[a-z0-9.\-]*(?=[\s/>]))"
_CONTENT = r"[^\s\ufeff]"

# The bytes that the WHATWG MIME Sniffing standard calls binary data bytes: C0
# controls other than tab, newlines, form feed and escape. Text has next to
# none; compressed or encoded data has about one in ten.
_BINARY_CHARACTERS = "\x00-\x08\x0b\x0e-\x1a\x1c-\x1f"
_BINARY = f"[{_BINARY_CHARACTERS}]"
_SNIFF_LENGTH = 8192
_BINARY_SHARE = 0.05


def refusal(html: str | bytes) -> str | None:
    """Why *html* is not an HTML article, or None when it may be one. Bytes are
    searched as they are (tags are ASCII in every encoding a page may use but
    UTF-16), so that a large page is not copied to be judged."""
    if isinstance(html, str):
        return _refusal(html.removeprefix("\ufeff"), *_TEXT_PATTERNS, empty=not html)
    for offset, signature, name in _SIGNATURES:
        if html.startswith(signature, offset):
            return f"not HTML: this is {name}"
    for bom, encoding in _UTF16_BOMS.items():
        if html.startswith(bom):
            text = html[len(bom) :].decode(encoding, errors="replace")
            return _refusal(text, *_TEXT_PATTERNS, empty=False)
    body = html.removeprefix(b"\xef\xbb\xbf")
    return _refusal(body, *_BYTES_PATTERNS, empty=not html)


_TEXT_PATTERNS = on_use(_CONTENT), on_use(_MARKUP, re.IGNORECASE), on_use(_BINARY)
# Bytes in any encoding but UTF-16 (judged as text): no byte order mark to skip.
_BYTES_PATTERNS = (
    on_use(rb"[^\s]"),
    on_use(_MARKUP.encode("ascii"), re.IGNORECASE),
    on_use(_BINARY.encode("ascii")),
)


def _refusal(
    html: AnyStr, content: re.Pattern[AnyStr], markup: re.Pattern[AnyStr], binary: re.Pattern[AnyStr], *, empty: bool
) -> str | None:
    first = content.search(html)
    if first is None:
        return "not HTML: it is empty" if empty else "not HTML: nothing but white space"
    if markup.search(html, first.start()):
        return None
    head = html[first.start() : first.start() + _SNIFF_LENGTH]
    if len(binary.findall(head)) > _BINARY_SHARE * len(head):
        return "not HTML: binary data"
    return "not HTML: no HTML tag in the text (plain text or Markdown?)"
