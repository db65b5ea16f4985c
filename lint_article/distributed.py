"""Lint an archive on a Dask cluster (``pip install "lint-article[dask]"``).

::

    from dask.distributed import Client
    from lint_article.distributed import lint_parquet, lint_records

    client = Client("tcp://scheduler:8786")           # a running cluster; None starts a local one
    entries = lint_records(rows, client, profile="fragment", ignore=["word-count"])
    lint_parquet("s3://archive/articles/", "s3://audits/2024.parquet", id_column="slug",
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

:func:`lint_jsonl` and :func:`lint_parquet` read an archive from JSON lines or
Parquet and write one entry per article to the same kind of file, on any
file system that fsspec knows (local paths, ``s3://`` with s3fs and credentials,
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
from .report import Stats

if TYPE_CHECKING:
    import pyarrow
    from distributed import Client

Entry: TypeAlias = dict[str, Any]
"""A ``files[]`` entry of the JSON output: path, error, findings, stats."""

DEFAULT_BATCH_SIZE = 64
DEFAULT_BATCH_BYTES = 8 * 1024 * 1024


def lint_records(
    records: Iterable[tuple[str, str | bytes]],
    client: Client | None = None,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    batch_bytes: int = DEFAULT_BATCH_BYTES,
    max_bytes: int | Limit | None = Limit.CONFIGURED,
    **settings: Any,
) -> list[Entry]:
    """The entries of ``(id, html)`` *records*, in their order, linted on *client*'s
    cluster (None: a local cluster, one worker process per CPU, closed afterwards)."""
    return list(
        _lint(((str(name), html) for name, html in records), client, batch_size, batch_bytes, max_bytes, settings)
    )


def lint_paths(
    paths: Iterable[str | os.PathLike[str]],
    client: Client | None = None,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    max_bytes: int | Limit | None = Limit.CONFIGURED,
    **settings: Any,
) -> list[Entry]:
    """The entries of the files at *paths*, in their order, read and linted by the
    workers of *client*'s cluster (None: a local one, closed afterwards)."""
    return list(_lint((os.fspath(path) for path in paths), client, batch_size, None, max_bytes, settings))


def lint_jsonl(
    source: str,
    destination: str,
    *,
    id_column: str = "id",
    html_column: str = "html",
    client: Client | None = None,
    storage_options: Mapping[str, Any] | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    max_bytes: int | Limit | None = Limit.CONFIGURED,
    **settings: Any,
) -> int:
    """Lint the JSON lines at *source* (an object per line with *id_column* and
    *html_column*) and write an entry per line to *destination*, as JSON lines
    whose ``path`` is the id. Returns the number of articles."""
    import fsspec

    options = dict(storage_options or {})
    with (
        fsspec.open(source, "rt", encoding="utf-8", compression="infer", **options) as lines,
        fsspec.open(destination, "wt", encoding="utf-8", compression="infer", **options) as output,
    ):
        records = (_record(json.loads(line), id_column, html_column) for line in lines if line.strip())
        count = 0
        for entry in _lint(records, client, batch_size, DEFAULT_BATCH_BYTES, max_bytes, settings):
            output.write(json.dumps(entry, ensure_ascii=False) + "\n")
            count += 1
    return count


def lint_parquet(
    source: str,
    destination: str,
    *,
    id_column: str = "id",
    html_column: str = "html",
    client: Client | None = None,
    storage_options: Mapping[str, Any] | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    max_bytes: int | Limit | None = Limit.CONFIGURED,
    **settings: Any,
) -> int:
    """Lint the rows of the Parquet file at *source* (*id_column*, *html_column*)
    and write an entry per row to the Parquet file *destination*: columns
    ``path`` (the id), ``error``, ``findings`` (a list of structs) and ``stats``
    (a struct), typed as :class:`Finding` and :class:`Stats` are. Returns the
    number of articles. Rows are read a batch at a time."""
    import fsspec
    import pyarrow.parquet as parquet

    options = dict(storage_options or {})
    schema = entry_schema()
    with fsspec.open(source, "rb", **options) as stream, fsspec.open(destination, "wb", **options) as output:
        rows = parquet.ParquetFile(stream).iter_batches(batch_size=batch_size, columns=[id_column, html_column])
        records = (_record(row, id_column, html_column) for table in rows for row in table.to_pylist())
        count = 0
        with parquet.ParquetWriter(output, schema) as writer:
            for entries in chunked(_lint(records, client, batch_size, DEFAULT_BATCH_BYTES, max_bytes, settings), 1024):
                writer.write_batch(_record_batch(entries, schema))
                count += len(entries)
    return count


def entry_schema() -> pyarrow.Schema:
    """The Arrow schema of an entry, from the fields of :class:`Finding` and :class:`Stats`."""
    import pyarrow

    def kind(hint: Any) -> pyarrow.DataType:
        if isinstance(hint, types.UnionType):  # float | None: a nullable float
            (hint,) = (member for member in typing.get_args(hint) if member is not type(None))
        if issubclass(hint, enum.Enum):  # a severity is written as its name, as in the JSON
            return pyarrow.string()
        return {str: pyarrow.string(), int: pyarrow.int64(), float: pyarrow.float64()}[hint]

    def struct(cls: type) -> pyarrow.StructType:
        hints = typing.get_type_hints(cls)
        return pyarrow.struct([pyarrow.field(field.name, kind(hints[field.name])) for field in dataclasses.fields(cls)])

    return pyarrow.schema(
        [
            pyarrow.field("path", pyarrow.string()),
            pyarrow.field("error", pyarrow.string()),
            pyarrow.field("findings", pyarrow.list_(struct(Finding))),
            pyarrow.field("stats", struct(Stats)),
        ]
    )


def _record_batch(entries: list[Entry], schema: pyarrow.Schema) -> pyarrow.RecordBatch:
    import pyarrow

    return pyarrow.RecordBatch.from_pylist(entries, schema=schema)


def _record(row: Mapping[str, Any], id_column: str, html_column: str) -> tuple[str, Any]:
    """An ``(id, html)`` pair of a row; a row without either is linted as an error, not skipped."""
    if not isinstance(row, Mapping):
        return str(row), None
    return str(row.get(id_column)), row.get(html_column)


def _lint(
    items: Iterable[Item],
    client: Client | None,
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
def _connected(client: Client | None) -> Iterator[Client]:
    """*client*, or a client of a local cluster started for the call and closed after it."""
    if client is not None:
        yield client
        return
    from distributed import Client, LocalCluster

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
