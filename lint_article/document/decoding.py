"""Turn the bytes of an HTML file into text the way a browser does.

The order follows the HTML standard's encoding sniffing: a byte order mark wins,
then a ``<meta charset>`` or ``http-equiv`` declaration near the top, then UTF-8
when the bytes are valid UTF-8, then a declaration further down (which a
browser changes to when its parser meets it), and finally windows-1252, the
browsers' legacy default. Undecodable bytes become U+FFFD, as in a browser, so
no text is lost silently: the reader sees a replacement character and so does
the linter.

One departure from a browser: a declared encoding that cannot decode the bytes,
when they are valid UTF-8, is taken to be stale (a page re-encoded as UTF-8 when
it was saved, its ``<meta charset="gb2312">`` left behind), and UTF-8 is used; a
browser would show the page garbled, and a linter reading garbled text finds
nothing worth reporting.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from ..regex import on_use

# Labels that the WHATWG Encoding standard maps onto another decoder: browsers
# read "iso-8859-1" and "ascii" as windows-1252, and a page that declares UTF-16
# in a <meta> (which it cannot contain and still be read) as UTF-8.
_WHATWG_ALIASES = {
    "ascii": "windows-1252",
    "us-ascii": "windows-1252",
    "latin1": "windows-1252",
    "latin-1": "windows-1252",
    "iso-8859-1": "windows-1252",
    "iso8859-1": "windows-1252",
    "iso_8859-1": "windows-1252",
    "l1": "windows-1252",
    "utf-16": "utf-8",
    "utf-16le": "utf-8",
    "utf-16be": "utf-8",
    "x-user-defined": "windows-1252",
    "windows-874": "cp874",
    "x-mac-cyrillic": "mac-cyrillic",
    "iso-8859-8-i": "iso8859-8",
    "x-gbk": "gbk",
}

# The standard's prescan looks at the first 1024 bytes only.
_PRESCAN_BYTES = 1024


@dataclass(frozen=True, slots=True)
class DecodedSource:
    """Decoded text and how it was decoded."""

    text: str
    encoding: str
    replaced_bytes: bool
    """True when some bytes could not be decoded and became U+FFFD."""


# The encodings of the WHATWG Encoding standard, by Python codec name. A page
# may declare anything: Python also knows "hex", "zlib", "rot13", "undefined"
# and "unicode_escape", which are no text encodings a browser would use and
# must never decode a page.
_BROWSER_CODECS = frozenset(
    {
        "utf-8", "utf-16-le", "utf-16-be", "cp866", "iso8859-2", "iso8859-3", "iso8859-4", "iso8859-5",
        "iso8859-6", "iso8859-7", "iso8859-8", "iso8859-10", "iso8859-13", "iso8859-14", "iso8859-15",
        "iso8859-16", "koi8-r", "koi8-u", "mac-roman", "cp874", "cp1250", "cp1251", "cp1252", "cp1253",
        "cp1254", "cp1255", "cp1256", "cp1257", "cp1258", "mac-cyrillic", "gbk", "gb2312", "gb18030", "big5",
        "euc_jp", "iso2022_jp", "shift_jis", "euc_kr", "tis-620", "iso8859-11",
    }
)  # fmt: skip


def _codec_name(label: str) -> str | None:
    """The Python codec for a declared *label*, or None for a label that no
    browser knows (the declaration is then ignored, as a browser ignores it)."""
    label = label.strip().lower()
    label = _WHATWG_ALIASES.get(label, label)
    try:
        name = codecs.lookup(label).name
    except (LookupError, ValueError):  # ValueError: a NUL in the label
        return None
    return name if name in _BROWSER_CODECS else None


def decode_html(data: bytes) -> DecodedSource:
    """Decode *data* as a browser would; never raises."""
    window = data[:_PRESCAN_BYTES].lower()
    has_bom = data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE))
    if not has_bom and _declares_utf8_alone(window):
        return _decode(data, "utf-8")
    if has_bom or b"charset" in window or b"encoding" in window:
        # Imported here: bs4 costs 60 ms of start-up, and most articles either
        # declare nothing or declare UTF-8 plainly (the two shortcuts around it).
        from bs4.dammit import EncodingDetector

        body, bom_encoding = EncodingDetector.strip_byte_order_mark(data)
        if bom_encoding:
            return _decode(body, codecs.lookup(bom_encoding).name)
        declared = EncodingDetector.find_declared_encoding(data[:_PRESCAN_BYTES], is_html=True)
        if declared:
            codec = _codec_name(declared)
            if codec:
                decoded = _decode(data, codec)
                if decoded.replaced_bytes and codec != "utf-8":
                    return _utf8(data) or decoded
                return decoded
    return _utf8(data) or _decode(data, _late_declaration(data) or "cp1252")


# A declaration in a <meta> (charset="..." or http-equiv's content="...;
# charset=..."), its attributes bounded so that a search costs a constant per
# "<meta", however the page is written.
_META_CHARSET = on_use(rb"""<meta[\t\n\f\r /][^<>]{0,1024}?charset\s*=\s*["']?\s*([a-z0-9._:-]+)""")


def _late_declaration(data: bytes) -> str | None:
    """The codec of the first ``<meta>`` declaration past the prescan window (a
    page whose scripts or comments push it there), or None. A browser that meets
    it while its encoding is still a guess changes to it and parses again; here
    only for bytes that are not UTF-8, which would otherwise be read as
    windows-1252 (a Chinese page declaring gb2312 at byte 1,180 read as Latin)."""
    # From the last tag that the prescan window cuts, if one does.
    match = _META_CHARSET.search(data.lower(), max(data.rfind(b"<", 0, _PRESCAN_BYTES), 0))
    return _codec_name(match.group(1).decode("ascii")) if match else None


def _utf8(data: bytes) -> DecodedSource | None:
    """*data* decoded as UTF-8, or None when it is not valid UTF-8."""
    try:
        return DecodedSource(data.decode("utf-8"), "utf-8", replaced_bytes=False)
    except UnicodeDecodeError:
        return None


_PLAIN_UTF8_META = on_use(rb"""<meta\s+charset\s*=\s*["']?utf-8["'\s/>]""")


def _declares_utf8_alone(window: bytes) -> bool:
    """True when the (lower-cased) prescan window's one declaration is a plain
    ``<meta charset="utf-8">``: the answer bs4 would give, without loading it."""
    return window.count(b"charset") == 1 and b"encoding" not in window and bool(_PLAIN_UTF8_META.search(window))


def _decode(data: bytes, codec: str) -> DecodedSource:
    try:
        return DecodedSource(data.decode(codec), codec, replaced_bytes=False)
    except UnicodeDecodeError:
        return DecodedSource(data.decode(codec, errors="replace"), codec, replaced_bytes=True)
