"""lint-article's entry-point reader gives what importlib.metadata gives."""

from __future__ import annotations

import importlib.metadata
import sys
import zipfile
from pathlib import Path

import pytest

from lint_article.entry_points import EntryPoint, entry_points
from lint_article.registry import ENTRY_POINT_GROUP


def installed(group: str) -> list[tuple[str, str, str]]:
    """importlib.metadata's answer, as (name, value, distribution)."""
    return sorted(
        (p.name, p.value, p.dist.name if p.dist else "unknown") for p in importlib.metadata.entry_points(group=group)
    )


def read(group: str) -> list[tuple[str, str, str]]:
    return sorted((p.name, p.value, p.distribution) for p in entry_points(group))


def distribution(folder: Path, info: str, metadata: str, points: str) -> None:
    """A ``.dist-info`` (or ``.egg-info``) folder with its metadata and entry points."""
    (folder / info).mkdir(parents=True)
    (folder / info / ("PKG-INFO" if info.endswith(".egg-info") else "METADATA")).write_text(metadata)
    (folder / info / "entry_points.txt").write_text(points)


GROUP = "lint_article.test_group"


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """Two folders first on sys.path, the second shadowed by the first for one distribution."""
    first, second = tmp_path / "first", tmp_path / "second"
    distribution(
        first,
        "Shadowing.Plugin-2.0.dist-info",
        "Metadata-Version: 2.1\nName: Shadowing.Plugin\nVersion: 2.0\n\nName: not a header\n",
        f"[console_scripts]\nx = a:b\n\n[{GROUP}]\n# a comment\nfirst = first_module:Rule\n",
    )
    distribution(
        second,
        "shadowing_plugin-1.0.dist-info",
        "Metadata-Version: 2.1\nName: shadowing-plugin\nVersion: 1.0\n",
        f"[{GROUP}]\nhidden = hidden_module:Rule\n",
    )
    distribution(
        second,
        "old_style.egg-info",
        "Metadata-Version: 1.0\nName: old-style\n",
        f"[{GROUP}]\n  spaced   =   spaced.module : Outer.Inner [extra]  \n",
    )
    (second / "notes.dist-info.txt").write_text("not a distribution")
    monkeypatch.syspath_prepend(str(second))
    monkeypatch.syspath_prepend(str(first))
    return first, second


def test_the_installed_rules_are_read_as_importlib_reads_them() -> None:
    assert read(ENTRY_POINT_GROUP) == installed(ENTRY_POINT_GROUP)
    assert len(read(ENTRY_POINT_GROUP)) >= 17


def test_the_first_distribution_of_a_name_on_the_path_wins_and_names_come_from_metadata(
    site: tuple[Path, Path],
) -> None:
    assert (
        read(GROUP)
        == installed(GROUP)
        == [
            ("first", "first_module:Rule", "Shadowing.Plugin"),
            ("spaced", "spaced.module : Outer.Inner [extra]", "old-style"),
        ]
    )


def test_an_entry_point_loads_its_dotted_attribute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "spaced").mkdir()
    (tmp_path / "spaced" / "__init__.py").write_text("")
    (tmp_path / "spaced" / "module.py").write_text("class Outer:\n    class Inner:\n        pass\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    loaded = EntryPoint("spaced", "spaced.module : Outer.Inner [extra]", "old-style").load()
    assert loaded.__qualname__ == "Outer.Inner"
    assert EntryPoint("module", "spaced.module", "old-style").load() is sys.modules["spaced.module"]
    with pytest.raises(ValueError, match="names no module"):
        EntryPoint("bad", "not a module!", "x").load()
    with pytest.raises(AttributeError):
        EntryPoint("missing", "spaced.module:Missing", "x").load()


def test_a_distribution_in_an_archive_on_the_path_is_found_by_importlib(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = tmp_path / "plugins.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("zipped_plugin-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: zipped-plugin\n")
        zipped.writestr("zipped_plugin-1.0.dist-info/entry_points.txt", f"[{GROUP}]\nzipped = zipped:Rule\n")
    monkeypatch.syspath_prepend(str(archive))
    assert read(GROUP) == installed(GROUP) == [("zipped", "zipped:Rule", "zipped-plugin")]
