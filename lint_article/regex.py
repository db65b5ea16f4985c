"""Regular expressions compiled when first used, not when their module is imported.

Compiling the package's patterns took a one-file run about 45 ms of its 200,
and a run uses a part of them: a rule's patterns for markup an article does not
hold, a formatter's for a format not asked for, are never matched. A pattern
made by :func:`on_use` compiles on its first method call and then binds the
compiled pattern's methods in its own slots, so that every later call is the
compiled method itself, with no Python code between.

What a run does compile still cost it those 45 ms, each process anew: ``re``
parses a pattern and writes its code in Python, and only the last step, the
regex engine's ``_sre.compile``, is C. So the code is kept, as Python keeps
bytecode: in the package's ``__pycache__`` (or under ``sys.pycache_prefix``),
in a file named for the interpreter and the engine's version, read once by the
next process, which hands each pattern's code straight to ``_sre.compile``
(about 2 ms for all of them). The engine validates the code it is given; a
file that is missing, unreadable or written by another engine is passed over,
and a pattern that it does not hold, or holds wrongly, is compiled by ``re``.
The file is written where bytecode would be (not under
``PYTHONDONTWRITEBYTECODE``), at exit, only when a run compiled something new,
and trusted as that bytecode is: whoever may write the one may write the other.
"""

from __future__ import annotations

import atexit
import contextlib
import marshal
import os
import re
import sys
import threading
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
            self._compiled = _compile(self._source, self._flags)
            for method in _METHODS:
                setattr(self, method, getattr(self._compiled, method))
        return getattr(self._compiled, name)

    def __repr__(self) -> str:
        return f"on_use({self._source!r}, {self._flags!r})"


def on_use(source: AnyStr, flags: int | re.RegexFlag = 0) -> re.Pattern[AnyStr]:
    """*source* (text or bytes) as a pattern that compiles when one of its methods is first called."""
    return cast("re.Pattern[AnyStr]", _OnUse(source, int(flags)))


# A pattern's code as _sre.compile takes it after the source: the flags (with
# those set inline), the code, the number of groups less one, and the groups'
# names both ways.
_Code = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
_FILE_FORMAT = 1
_MOST_KEPT = 4096
"""Patterns a file holds at most: past that (sources edited over many versions),
it is written anew with only the last run's."""

_lock = threading.Lock()
_kept: dict[tuple[str | bytes, int], _Code] | None = None
"""The code read from the file, then with what this process compiled."""
_new: dict[tuple[str | bytes, int], _Code] = {}
"""What this process compiled that the file did not hold."""


def _compile(source: str | bytes, flags: int) -> re.Pattern[Any]:
    """``re.compile(source, flags)``, from the code kept by an earlier run where it can be."""
    try:
        engine = _engine()
    except AttributeError:  # an interpreter whose re is built otherwise
        return re.compile(source, flags)
    key = (source, flags)
    with _lock:
        kept = _read() if _kept is None else _kept
        code = kept.get(key)
    if code is not None:
        try:
            return cast("re.Pattern[Any]", engine.compile(source, *code))
        except Exception:  # noqa: BLE001 - code the engine refuses is compiled again, below
            pass
    code = _code(source, flags)  # re.error for a bad pattern, as re.compile raises it
    pattern = cast("re.Pattern[Any]", engine.compile(source, *code))
    with _lock:
        if not _new:
            atexit.register(save)
        kept[key] = _new[key] = code
    return pattern


def save() -> None:
    """Write the code this process compiled to the file, with what the file holds
    (another process may have added to it); nothing when there is nothing new,
    or where bytecode is not written. Called at exit, and by the command line,
    whose ``os._exit`` runs no exit handler."""
    with _lock:
        if not _new or sys.dont_write_bytecode:
            _new.clear()
            return
        path = _path()
        merged = _load(path)
        merged.update(_new)
        if len(merged) > _MOST_KEPT:
            merged = dict(_new)
        _new.clear()
    temporary = f"{path}.{os.getpid()}.{threading.get_ident()}"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(temporary, "wb") as file:
            marshal.dump((_FILE_FORMAT, merged), file)
        os.replace(temporary, path)  # whole or not at all, for a process reading it now
    except (OSError, ValueError):
        # A read-only install (every run compiles, as before), or code that
        # marshal cannot write, which no run of this package gives.
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def _read() -> dict[tuple[str | bytes, int], _Code]:
    global _kept
    _kept = _load(_path())
    return _kept


def _load(path: str) -> dict[tuple[str | bytes, int], _Code]:
    try:
        with open(path, "rb") as file:
            held = marshal.loads(file.read())  # not marshal.load, which reads a file a few bytes at a time
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if not (isinstance(held, tuple) and len(held) == 2 and held[0] == _FILE_FORMAT and isinstance(held[1], dict)):
        return {}
    return cast("dict[tuple[str | bytes, int], _Code]", held[1])


def _path() -> str:
    """Beside this module's bytecode: ``__pycache__/regex.cpython-311.sre-20220615.marshal``
    (the interpreter's tag, and the version of its regex engine's code)."""
    folder = os.path.dirname(os.path.abspath(__file__))
    if sys.pycache_prefix is not None:
        cache = os.path.join(sys.pycache_prefix, os.path.splitdrive(folder)[1].lstrip(os.sep))
    else:
        cache = os.path.join(folder, "__pycache__")
    return os.path.join(cache, f"regex.{sys.implementation.cache_tag}.sre-{_engine().MAGIC}.marshal")


def _engine() -> Any:
    """The regex engine, ``_sre``: what re.compile hands the code it writes."""
    return re._compiler._sre  # type: ignore[attr-defined]


def _code(source: str | bytes, flags: int) -> _Code:
    """What re.compile hands the engine for *source*: re's own parser and code
    writer, called as re._compiler.compile calls them."""
    parsed = re._parser.parse(source, flags)  # type: ignore[attr-defined]
    code = re._compiler._code(parsed, flags)  # type: ignore[attr-defined]
    groups: dict[str, int] = dict(parsed.state.groupdict)
    names: list[str | None] = [None] * parsed.state.groups
    for name, index in groups.items():
        names[index] = name
    # The opcodes are named int constants, which marshal does not write: plain ints.
    return (flags | parsed.state.flags, list(map(int, code)), parsed.state.groups - 1, groups, tuple(names))
