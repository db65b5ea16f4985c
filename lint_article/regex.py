"""Regular expressions compiled when first used, not when their module is imported.

Compiling the package's patterns took a one-file run about 45 ms of its 200,
and a run uses a part of them: a rule's patterns for markup an article does not
hold, a formatter's for a format not asked for, are never matched. A pattern
made by :func:`on_use` compiles on its first method call and then binds the
compiled pattern's methods in its own slots, so that every later call is the
compiled method itself, with no Python code between.
"""

from __future__ import annotations

import re
from typing import Any, AnyStr, cast

# The methods of re.Pattern; each becomes a slot holding the compiled method.
_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner")


class _OnUse:
    __slots__ = ("_source", "_flags", "_compiled", *_METHODS)

    def __init__(self, source: str | bytes, flags: int) -> None:
        self._source = source
        self._flags = flags
        self._compiled: re.Pattern[str] | re.Pattern[bytes] | None = None

    def __getattr__(self, name: str) -> Any:
        # Called only for a name not yet set: a method before the first call,
        # or an attribute such as ``pattern`` or ``groupindex``.
        if name.startswith("_"):
            raise AttributeError(name)
        if name == "pattern":  # the source, as given: one pattern may be built from another's without compiling it
            return self._source
        if self._compiled is None:
            self._compiled = re.compile(self._source, self._flags)
            for method in _METHODS:
                setattr(self, method, getattr(self._compiled, method))
        return getattr(self._compiled, name)

    def __repr__(self) -> str:
        return f"on_use({self._source!r}, {self._flags!r})"


def on_use(source: AnyStr, flags: int | re.RegexFlag = 0) -> re.Pattern[AnyStr]:
    """*source* (text or bytes) as a pattern that compiles when one of its methods is first called."""
    return cast("re.Pattern[AnyStr]", _OnUse(source, int(flags)))
