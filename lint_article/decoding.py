"""Turn the bytes of an HTML file into text the way a browser does.

The order follows the HTML standard's encoding sniffing: a byte order mark wins,
then a ``<meta charset>`` or ``http-equiv`` declaration near the top, then UTF-8
when the bytes are valid UTF-8, and finally windows-1252, the browsers' legacy
default. Undecodable bytes become U+FFFD, as in a browser, so no text is lost
silently: the reader sees a replacement character and so does the linter.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

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


def _codec_name(label: str) -> str | None:
    label = label.strip().lower()
    label = _WHATWG_ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_html(data: bytes) -> DecodedSource:
    """Decode *data* as a browser would; never raises."""
    # Imported here: bs4 costs 60 ms of start-up that text input never needs.
    from bs4.dammit import EncodingDetector

    body, bom_encoding = EncodingDetector.strip_byte_order_mark(data)
    if bom_encoding:
        return _decode(body, codecs.lookup(bom_encoding).name)
    declared = EncodingDetector.find_declared_encoding(data[:_PRESCAN_BYTES], is_html=True)
    if declared:
        codec = _codec_name(declared)
        if codec:
            return _decode(data, codec)
    try:
        return DecodedSource(data.decode("utf-8"), "utf-8", replaced_bytes=False)
    except UnicodeDecodeError:
        return _decode(data, "cp1252")


def _decode(data: bytes, codec: str) -> DecodedSource:
    try:
        return DecodedSource(data.decode(codec), codec, replaced_bytes=False)
    except UnicodeDecodeError:
        return DecodedSource(data.decode(codec, errors="replace"), codec, replaced_bytes=True)
