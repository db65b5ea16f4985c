"""Lint an archive on a Dask cluster (``pip install "lint-article[dask]"``).

::

    from lint_article.distributed import lint_archive, lint_records

    client = "tcp://scheduler:8786"       # a scheduler, or a dask.distributed.Client; None starts a local cluster
    entries = lint_records(rows, client, profile="fragment", ignore=["word-count"])
    lint_archive("s3://archive/articles.parquet", "s3://audits/2024.jsonl.gz", id_column="slug",
                 html_column="body", client=client, profile="fragment")

:func:`lint_records` and :func:`lint_paths` return the ``files[]`` entries of
``--format json`` (:meth:`Report.to_dict`) in input order, the very entries that
a sequential ``lint_many`` gives. Keyword arguments are settings, the keys of
``[tool.lint-article]`` with ``_`` for ``-`` (``per_file_ignores``, ``rules``,
``profile``, ...); they are checked here, before anything is sent, and a
mistake raises :class:`~lint_article.rule.ConfigError`. ``per-file-ignores``
apply to each record's id as to a path.

Work goes to the cluster in batches (``batch_size`` articles, and at most
``batch_bytes`` of them), so that per-task overhead stays small beside the
linting, and only a bounded number of batches is in flight, twice the cluster's
threads: the caller streams its input and never holds more than that window.
Each worker lints with ``lint_many(..., jobs=1)``; every worker needs
lint-article (and its plugins) installed, and :func:`lint_paths` needs the
paths readable where the workers run (a shared file system).

:func:`lint_archive` reads an archive from JSON lines or Parquet and writes
one entry per article to either, on any file system that fsspec knows (local paths, ``s3://`` with s3fs and credentials,
``gs://``, ...); ``.gz`` and the other compressions are inferred for JSON lines.
The caller reads and writes; the cluster lints.
"""

from __future__ import annotations

import contextlib
import dataclasses
import enum
import json
import os
import types
import typing
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, TypeAlias

from .api import Limit
from .batch import Item, chunked, default_jobs, lint_many
from .config import Config
from .findings import Finding
from .report import ReportDict, Stats

if TYPE_CHECKING:
    import pyarrow
    from distributed import Client

Entry: TypeAlias = ReportDict
"""A ``files[]`` entry of the JSON output: path, error, findings, stats (typed)."""

DEFAULT_BATCH_SIZE = 64
DEFAULT_BATCH_BYTES = 8 * 1024 * 1024


def lint_records(
    records: Iterable[tuple[str, str | bytes]],
    client: Client | str | None = None,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    batch_bytes: int = DEFAULT_BATCH_BYTES,
    max_bytes: int | Limit | None = Limit.CONFIGURED,
    **settings: Any,
) -> list[Entry]:
    """The entries of ``(id, html)`` *records*, in their order, linted on *client*'s
    cluster: a ``Client``, a scheduler's address (``"tcp://scheduler:8786"``), or None
    for a local cluster, one worker process per CPU, closed afterwards."""
    return list(
        _lint(((str(name), html) for name, html in records), client, batch_size, batch_bytes, max_bytes, settings)
    )


def lint_paths(
    paths: Iterable[str | os.PathLike[str]],
    client: Client | str | None = None,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    max_bytes: int | Limit | None = Limit.CONFIGURED,
    **settings: Any,
) -> list[Entry]:
    """The entries of the files at *paths*, in their order, read and linted by the
    workers of *client*'s cluster (None: a local one, closed afterwards)."""
    return list(_lint((os.fspath(path) for path in paths), client, batch_size, None, max_bytes, settings))


def lint_archive(
    source: str,
    destination: str,
    *,
    id_column: str = "id",
    html_column: str = "html",
    client: Client | str | None = None,
    storage_options: Mapping[str, Any] | None = None,
    source_format: str | None = None,
    destination_format: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    max_bytes: int | Limit | None = Limit.CONFIGURED,
    **settings: Any,
) -> int:
    """Lint the archive at *source*, rows with *id_column* and *html_column*, and write
    an entry per row to *destination*; returns the number of articles.

    Each is Parquet or JSON lines (``parquet``, ``jsonl``), as its name says
    (``.parquet``; ``.jsonl``, ``.ndjson``, also compressed, ``.jsonl.gz``) or as
    *source_format* and *destination_format* say. Rows are read a batch at a time.
    Entries are JSON lines of the ``files[]`` entries, ``path`` being the id; or a
    Parquet file of columns ``path``, ``error``, ``findings`` (a list of structs)
    and ``stats`` (a struct), typed as :class:`Finding` and :class:`Stats` are."""
    read = _READERS[source_format or archive_format(source)]
    write = _WRITERS[destination_format or archive_format(destination)]
    options = dict(storage_options or {})
    with contextlib.ExitStack() as files:
        rows = read(files, source, [id_column, html_column], batch_size, options)
        records = (_record(row, id_column, html_column) for row in rows)
        entries = _lint(records, client, batch_size, DEFAULT_BATCH_BYTES, max_bytes, settings)
        return write(files, destination, entries, options)


ARCHIVE_SUFFIXES = {".parquet": "parquet", ".pq": "parquet", ".jsonl": "jsonl", ".ndjson": "jsonl"}
_COMPRESSIONS = (".gz", ".bz2", ".xz", ".zst", ".lz4")


def archive_format(path: str) -> str:
    """``parquet`` or ``jsonl``, from the name of *path*; ValueError when the name does not tell."""
    name = path.lower().rstrip("/")
    for compression in _COMPRESSIONS:
        name = name.removesuffix(compression)
    for suffix, kind in ARCHIVE_SUFFIXES.items():
        if name.endswith(suffix):
            return kind
    raise ValueError(f"{path}: the name does not tell the format (parquet or jsonl); say it with *_format=")


def _read_jsonl(
    files: contextlib.ExitStack, source: str, columns: list[str], batch_size: int, options: dict[str, Any]
) -> Iterator[Any]:
    import fsspec

    lines = files.enter_context(fsspec.open(source, "rt", encoding="utf-8", compression="infer", **options))
    return (json.loads(line) for line in lines if line.strip())


def _read_parquet(
    files: contextlib.ExitStack, source: str, columns: list[str], batch_size: int, options: dict[str, Any]
) -> Iterator[Any]:
    import fsspec
    import pyarrow.parquet as parquet

    stream = files.enter_context(fsspec.open(source, "rb", **options))
    batches = parquet.ParquetFile(stream).iter_batches(batch_size=batch_size, columns=columns)
    return (row for batch in batches for row in batch.to_pylist())


def _write_jsonl(
    files: contextlib.ExitStack, destination: str, entries: Iterator[Entry], options: dict[str, Any]
) -> int:
    import fsspec

    output = files.enter_context(fsspec.open(destination, "wt", encoding="utf-8", compression="infer", **options))
    count = 0
    for entry in entries:
        output.write(json.dumps(entry, ensure_ascii=False) + "\n")
        count += 1
    return count


def _write_parquet(
    files: contextlib.ExitStack, destination: str, entries: Iterator[Entry], options: dict[str, Any]
) -> int:
    import fsspec
    import pyarrow
    import pyarrow.parquet as parquet

    schema = entry_schema()
    output = files.enter_context(fsspec.open(destination, "wb", **options))
    writer = files.enter_context(parquet.ParquetWriter(output, schema))
    count = 0
    for batch in chunked(entries, 1024):
        writer.write_batch(pyarrow.RecordBatch.from_pylist([_parquet_entry(e) for e in batch], schema=schema))
        count += len(batch)
    return count


_READERS = {"jsonl": _read_jsonl, "parquet": _read_parquet}
_WRITERS = {"jsonl": _write_jsonl, "parquet": _write_parquet}


def entry_schema() -> pyarrow.Schema:
    """The Arrow schema of an entry, from the fields of :class:`Finding` and :class:`Stats`:
    text, whole numbers and numbers as such, a severity as its name (as in the JSON),
    and a field of any other type (a finding's ``data`` and ``fix``, the stats' ``paragraph_scores``) as JSON
    text (a null ``fix`` as null)."""
    import pyarrow

    kinds: dict[type | None, pyarrow.DataType] = {str: pyarrow.string(), int: pyarrow.int64(), float: pyarrow.float64()}

    def struct(cls: type) -> pyarrow.StructType:
        return pyarrow.struct(
            [pyarrow.field(name, kinds.get(_plain_type(hint), pyarrow.string())) for name, hint in _field_types(cls)]
        )

    return pyarrow.schema(
        [
            pyarrow.field("path", pyarrow.string()),
            pyarrow.field("error", pyarrow.string()),
            pyarrow.field("findings", pyarrow.list_(struct(Finding))),
            pyarrow.field("stats", struct(Stats)),
        ]
    )


def _field_types(cls: type) -> list[tuple[str, Any]]:
    hints = typing.get_type_hints(cls)
    return [(field.name, hints[field.name]) for field in dataclasses.fields(cls)]


def _plain_type(hint: Any) -> type | None:
    """str, int or float for a field of that type (or that type or None; a severity is
    str); None for any other type, which Parquet gets as JSON text."""
    if isinstance(hint, types.UnionType):
        members = [member for member in typing.get_args(hint) if member is not type(None)]
        hint = members[0] if len(members) == 1 else None
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return str
    return hint if hint in (str, int, float) else None


_FINDING_JSON_FIELDS = [name for name, hint in _field_types(Finding) if _plain_type(hint) is None]


_STATS_JSON_FIELDS = [name for name, hint in _field_types(Stats) if _plain_type(hint) is None]


def _parquet_entry(entry: Entry) -> dict[str, Any]:
    """*entry* with the finding and stats fields that Parquet keeps as JSON text encoded
    (a finding's ``data`` and ``fix``, the stats' ``paragraph_scores``)."""
    findings: list[Mapping[str, Any]] = list(entry["findings"])
    encoded = [
        {
            **f,
            **{
                name: None if f[name] is None else json.dumps(f[name], ensure_ascii=False)
                for name in _FINDING_JSON_FIELDS
            },
        }
        for f in findings
    ]
    stats: Mapping[str, Any] | None = entry["stats"]
    if stats is not None:
        stats = {**stats, **{name: json.dumps(stats[name], ensure_ascii=False) for name in _STATS_JSON_FIELDS}}
    return {**entry, "findings": encoded, "stats": stats}


def _record(row: Mapping[str, Any], id_column: str, html_column: str) -> tuple[str, Any]:
    """An ``(id, html)`` pair of a row; a row without either is linted as an error, not skipped."""
    if not isinstance(row, Mapping):
        return str(row), None
    return str(row.get(id_column)), row.get(html_column)


def _lint(
    items: Iterable[Item],
    client: Client | str | None,
    batch_size: int,
    batch_bytes: int | None,
    max_bytes: int | Limit | None,
    settings: Mapping[str, Any],
) -> Iterator[Entry]:
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, got {batch_size}")
    config = Config.from_mapping(settings, source="<settings>")
    lint_many([], config=config, jobs=1)  # checks every setting against the installed rules, before anything is sent
    with _connected(client) as connected:
        window = 2 * max(1, sum(connected.nthreads().values()))
        pending: deque[Any] = deque()
        for batch in _batches(items, batch_size, batch_bytes):
            pending.append(connected.submit(lint_batch, batch, config, max_bytes, pure=False))
            while len(pending) >= window:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def lint_batch(items: list[Item], config: Config, max_bytes: int | Limit | None) -> list[Entry]:
    """What a worker runs: the entries of one batch, linted in its own process."""
    return [report.to_dict() for report in lint_many(items, config=config, jobs=1, max_bytes=max_bytes)]


def _batches(items: Iterable[Item], size: int, max_bytes: int | None) -> Iterator[list[Item]]:
    """*items* in lists of at most *size*, and of at most *max_bytes* of html (a larger article goes alone)."""
    batch: list[Item] = []
    held = 0
    for item in items:
        weight = len(item[1]) if isinstance(item, tuple) and isinstance(item[1], str | bytes) else 0
        if batch and (len(batch) >= size or (max_bytes is not None and held + weight > max_bytes)):
            yield batch
            batch, held = [], 0
        batch.append(item)
        held += weight
    if batch:
        yield batch


@contextlib.contextmanager
def _connected(client: Client | str | None) -> Iterator[Client]:
    """*client*; a client of the scheduler at the address *client*; or a client of a
    local cluster started for the call; the last two are closed after it."""
    from distributed import Client, LocalCluster

    if isinstance(client, str):
        with Client(client) as connected:
            yield connected
        return
    if client is not None:
        yield client
        return

    with (
        LocalCluster(
            n_workers=default_jobs(),
            threads_per_worker=1,
            processes=True,
            # On loopback, and no fixed port: another cluster, or another call's, may hold 8787.
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",
        ) as cluster,
        Client(cluster) as started,
    ):
        yield started
