"""lint_article.distributed on a real Dask LocalCluster: two worker processes, the
same entries as a sequential run, archives in JSON lines and Parquet."""

from __future__ import annotations

import gzip
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pyarrow
import pyarrow.parquet as parquet
import pytest
from distributed import Client, LocalCluster

from lint_article import ConfigError, lint_many
from lint_article.distributed import archive_format, lint_archive, lint_paths, lint_records

from .conftest import FIXTURES, corpus_files

pytestmark = pytest.mark.slow

PAGES = corpus_files("pages") or sorted(FIXTURES.glob("*.html"))
# The pages, all of them, for the equality with a sequential run; a third of the articles, for the rest.
ARTICLES = corpus_files("articles")[::3] or sorted(FIXTURES.glob("*.html"))
SETTINGS = {
    "profile": "fragment",
    "per_file_ignores": {"a*": ["word-count"]},
    "rules": {"readability": {"severity": "info"}},
}


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with (
        LocalCluster(processes=True, n_workers=2, threads_per_worker=1, dashboard_address="127.0.0.1:0") as cluster,
        Client(cluster) as connected,
    ):
        yield connected


def sequential(items: list, **config: object) -> list[dict]:
    return [report.to_dict() for report in lint_many(items, config=config or None, jobs=1)]


def test_lint_paths_gives_the_entries_of_a_sequential_run_in_order(client: Client) -> None:
    entries = lint_paths(PAGES, client, batch_size=8)
    assert entries == sequential([str(page) for page in PAGES])
    assert [entry["path"] for entry in entries] == [str(page) for page in PAGES]
    # Both worker processes linted some of them.
    assert list(client.run(lambda: "lint_article.engine" in sys.modules).values()) == [True, True]


def test_lint_records_applies_the_settings_to_each_id(client: Client) -> None:
    records = [(path.name, path.read_bytes()) for path in ARTICLES]
    records += [("draft.html", "<h1>a</h1>\n<h1>b</h1>"), ("no-text.html", None)]  # type: ignore[list-item]
    entries = lint_records(records, client, batch_size=16, **SETTINGS)
    assert entries == sequential(records, **SETTINGS)
    assert entries[-1]["error"] == "no text given: the html is NoneType, not str or bytes"
    assert any(f["rule"] == "single-h1" for f in entries[-2]["findings"])  # the fragment profile: no <h1> at all


def test_a_bad_setting_fails_before_anything_is_sent() -> None:
    def never() -> Iterator[tuple[str, str]]:
        raise AssertionError("a record was read")
        yield  # pragma: no cover

    with pytest.raises(ConfigError, match="no-such-rule"):
        lint_records(never(), None, select=["no-such-rule"])
    with pytest.raises(ConfigError, match="wordcount"):
        lint_records(never(), None, rules={"wordcount": {}})


def test_json_lines_in_parquet_out_and_back(client: Client, tmp_path: Path) -> None:
    source = tmp_path / "archive.jsonl.gz"
    rows = [{"slug": f"{n}-{path.stem}", "body": path.read_text(encoding="utf-8")} for n, path in enumerate(ARTICLES)]
    with gzip.open(source, "wt", encoding="utf-8") as stream:
        stream.writelines(json.dumps(row) + "\n" for row in rows)
    expected = sequential([(row["slug"], row["body"]) for row in rows], **SETTINGS)
    count = lint_archive(
        str(source), str(tmp_path / "audit.parquet"), id_column="slug", html_column="body", client=client, **SETTINGS
    )
    audit = parquet.read_table(tmp_path / "audit.parquet")
    assert count == len(rows) == audit.num_rows
    assert audit.schema.field("findings").type.value_type.field("line").type == pyarrow.int64()
    assert audit.schema.field("stats").type.field("flesch_reading_ease").type == pyarrow.float64()
    assert audit.schema.field("findings").type.value_type.field("data").type == pyarrow.string()  # JSON text
    assert audit.schema.field("stats").type.field("paragraph_scores").type == pyarrow.string()  # JSON text
    read_back = audit.to_pylist()
    for entry in read_back:
        if entry["stats"] is not None:
            entry["stats"]["paragraph_scores"] = json.loads(entry["stats"]["paragraph_scores"])
        for finding in entry["findings"]:
            finding["data"] = json.loads(finding["data"])
            finding["fix"] = None if finding["fix"] is None else json.loads(finding["fix"])
    assert audit.schema.field("findings").type.value_type.field("fix").type == pyarrow.string()  # JSON text too
    assert any(f["fix"] for entry in read_back for f in entry["findings"])
    assert read_back == expected
    # Parquet in, JSON lines out: the ids of another type, the same entries.
    table = pyarrow.table({"id": list(range(len(rows))), "html": [row["body"].encode() for row in rows]})
    parquet.write_table(table, tmp_path / "archive.parquet", row_group_size=40)
    lint_archive(str(tmp_path / "archive.parquet"), str(tmp_path / "audit.ndjson"), client=client, batch_size=16)
    written = [json.loads(line) for line in (tmp_path / "audit.ndjson").read_text(encoding="utf-8").splitlines()]
    assert written == sequential([(str(number), row["body"].encode()) for number, row in enumerate(rows)])


def test_an_archive_format_is_told_by_its_name_or_said() -> None:
    assert [archive_format(name) for name in ("s3://b/a.parquet", "a.jsonl.gz", "x/a.NDJSON", "a.pq")] == [
        "parquet",
        "jsonl",
        "jsonl",
        "parquet",
    ]
    with pytest.raises(ValueError, match="does not tell the format"):
        archive_format("archive.csv")


def test_without_a_client_a_local_cluster_is_started_and_closed() -> None:
    records = [(path.name, path.read_bytes()) for path in ARTICLES[:12]]
    assert lint_records(records, select=["single-h1", "word-count"]) == sequential(
        records, select=["single-h1", "word-count"]
    )
