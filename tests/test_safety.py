"""The linter never touches what it should not: no network, no writes unless
asked, no symlink escapes or loops, no code from an article or a config file."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from lint_article.api import lint
from lint_article.document import Article
from lint_article.rule import ConfigError

from .conftest import CORPUS, FIXTURES, ROOT

# Loaded by every Python process that the CLI starts (workers too): a socket for
# the Internet, or a name lookup, is refused and written down.
NO_NETWORK = """
import os, socket

_LOG = os.environ["LINT_ARTICLE_NETWORK_LOG"]
_Socket = socket.socket


def _refuse(what):
    with open(_LOG, "a", encoding="utf-8") as log:
        log.write(f"{os.getpid()} {what}\\n")
    raise OSError(f"network disabled by the test: {what}")


class _NoNetworkSocket(_Socket):
    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if fileno is None and family in (-1, socket.AF_INET, socket.AF_INET6):
            _refuse(f"socket({family})")
        super().__init__(family, type, proto, fileno)


socket.socket = _NoNetworkSocket
socket.getaddrinfo = lambda *args, **kwargs: _refuse(f"getaddrinfo{args[:2]}")
socket.gethostbyname = lambda *args, **kwargs: _refuse(f"gethostbyname{args[:1]}")
socket.create_connection = lambda *args, **kwargs: _refuse(f"create_connection{args[:1]}")
"""


def run_cli(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "lint_article", *args]
    environment = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", **(env or {})}
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd, env=environment, timeout=600, check=False)


@pytest.fixture
def no_network(tmp_path: Path) -> dict[str, str]:
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(NO_NETWORK)
    log = tmp_path / "network.log"
    log.write_text("")
    path = os.pathsep.join(p for p in (str(site), os.environ.get("PYTHONPATH", "")) if p)
    return {"PYTHONPATH": path, "LINT_ARTICLE_NETWORK_LOG": str(log)}


def test_the_network_guard_works(no_network: dict[str, str], tmp_path: Path) -> None:
    # Without this, the test below could pass with a guard that guards nothing.
    probes = [
        "socket.socket()",
        "socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)",
        "socket.create_connection(('192.0.2.1', 80), timeout=1)",
        "socket.getaddrinfo('example.org', 80)",
        "urllib.request.urlopen('http://192.0.2.1/', timeout=1)",
    ]
    for probe in probes:
        code = f"import socket, urllib.request\ntry:\n    {probe}\nexcept OSError as e:\n    print(e)"
        environment = {**os.environ, **no_network}
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=environment, check=False
        )
        assert "network disabled by the test" in result.stdout, (probe, result.stdout, result.stderr)
    assert len(Path(no_network["LINT_ARTICLE_NETWORK_LOG"]).read_text().splitlines()) == len(probes)


@pytest.mark.slow
def test_the_cli_opens_no_network_connection(no_network: dict[str, str], tmp_path: Path) -> None:
    targets = [str(FIXTURES)] + [str(CORPUS / d) for d in ("pages", "articles") if (CORPUS / d).is_dir()]
    for output_format in ("json", "text"):
        result = run_cli("check", "--format", output_format, *targets, cwd=tmp_path, env=no_network)
        assert result.returncode in (0, 1), result.stdout[-3000:] + result.stderr[-3000:]
        assert "network disabled" not in result.stdout + result.stderr
        if output_format == "json":
            summary = json.loads(result.stdout)["summary"]
            assert summary["files"] > 100 and summary["errors"] == 0
    assert Path(no_network["LINT_ARTICLE_NETWORK_LOG"]).read_text() == ""


# -- no writes -----------------------------------------------------------------


def snapshot(root: Path) -> dict[str, tuple[int, int, str]]:
    """Every file and link below *root*: size, modification time, content hash."""
    state: dict[str, tuple[int, int, str]] = {}
    for directory, dirs, files in os.walk(root):
        for name in dirs + files:
            path = Path(directory, name)
            info = path.lstat()
            digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() and not path.is_symlink() else ""
            state[str(path.relative_to(root))] = (info.st_size, info.st_mtime_ns, digest)
    return state


def test_a_run_writes_nothing_unless_asked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    work = tmp_path / "work"
    shutil.copytree(FIXTURES, work / "articles")
    (work / "draft.html").write_text("<h1>A</h1>\n<h1>B</h1><p style='x'>Text.</p>")
    (work / "read-only.html").write_text("<h1>Read only</h1>")
    (work / "read-only.html").chmod(0o444)
    before = snapshot(work)
    for output_format in ("text", "json"):
        result = run_cli("check", "--no-cache", "--format", output_format, ".", cwd=work)
        assert result.returncode in (0, 1), result.stdout + result.stderr
    assert snapshot(work) == before
    # By default it keeps its cache of reports, in one folder, and changes nothing else.
    monkeypatch.delenv("LINT_ARTICLE_CACHE_DIR")
    result = run_cli("check", ".", cwd=work)
    assert result.returncode == 1, result.stdout + result.stderr
    after = snapshot(work)
    assert {name.split(os.sep)[0] for name in set(after) - set(before)} == {".lint-article-cache"}
    assert {k: v for k, v in after.items() if not k.startswith(".lint-article-cache")} == before
    assert run_cli("clean", cwd=work).returncode == 0
    assert snapshot(work) == before
    # Asked to write a report, it writes that file and nothing else.
    run_cli("check", "--no-cache", "--format", "json", "--output-file", "report.json", ".", cwd=work)
    after = snapshot(work)
    assert set(after) - set(before) == {"report.json"}
    assert {k: v for k, v in after.items() if k != "report.json"} == before


# -- symlinks ----------------------------------------------------------------------


def test_recursion_follows_no_link_out_of_the_tree_or_into_a_loop(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.html").write_text("<h1>Outside</h1>")
    tree = tmp_path / "tree"
    (tree / "sub").mkdir(parents=True)
    (tree / "a.html").write_text("<h1>A</h1>")
    (tree / "sub" / "b.html").write_text("<h1>B</h1>")
    (tree / "loop").symlink_to(tree, target_is_directory=True)
    (tree / "sub" / "up").symlink_to(tree, target_is_directory=True)
    (tree / "outdir").symlink_to(outside, target_is_directory=True)
    (tree / "out.html").symlink_to(outside / "secret.html")
    (tree / "same.html").symlink_to(tree / "a.html")
    result = run_cli("check", "--format", "json", str(tree), cwd=tmp_path)
    paths = sorted(Path(f["path"]).relative_to(tree).as_posix() for f in json.loads(result.stdout)["files"])
    assert paths == ["a.html", "same.html", "sub/b.html"]


# -- special files and unreadable folders -------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_recursion_takes_no_fifo_nor_a_link_to_one(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "a.html").write_text("<h1>A</h1>")
    os.mkfifo(tree / "pipe.html")  # no writer: reading it would wait for ever
    (tree / "link.html").symlink_to(tree / "pipe.html")
    command = [sys.executable, "-m", "lint_article", "check", "--format", "json", str(tree)]
    result = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, timeout=60, check=False)
    assert [Path(f["path"]).name for f in json.loads(result.stdout)["files"]] == ["a.html"]


def test_a_pipe_named_on_the_command_line_is_read(tmp_path: Path) -> None:
    read, write = os.pipe()  # what a shell's <(cat a.html) passes: /dev/fd/N
    os.write(write, b"<body><h1>A</h1>\n<h1>B</h1>")
    os.close(write)
    command = [sys.executable, "-m", "lint_article", "check", "--select", "single-h1", f"/dev/fd/{read}"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, pass_fds=(read,), timeout=60, check=False)
    finally:
        os.close(read)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"/dev/fd/{read}:2:1: error single-h1 extra <h1>" in result.stdout


def test_a_folder_that_cannot_be_listed_is_an_error_for_that_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from lint_article.cli import main

    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "b.html").write_text("<h1>B</h1>")
    (tmp_path / "a.html").write_text("<h1>A</h1>")
    scandir = os.scandir

    def refuse_locked(path: str = ".") -> Any:  # as for a folder without read permission (root reads all)
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", path)
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refuse_locked)
    result = CliRunner().invoke(main, ["check", "--select", "single-h1", "--jobs", "1", str(tmp_path)])
    assert result.exit_code == 2, result.output
    assert f"{tmp_path / 'locked'}: error: cannot list the directory: Permission denied" in result.output
    assert "No findings" not in result.output and "1 file could not be linted" in result.output


# -- no code from an article or a config file --------------------------------------


HOSTILE_ARTICLE = """<!DOCTYPE html [
  <!ENTITY xxe SYSTEM "file:///etc/passwd">
  <!ENTITY lol "lol"> <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<html><head><meta http-equiv="refresh" content="0; url=http://192.0.2.1/">
<link rel="stylesheet" href="http://192.0.2.1/style.css"><base href="http://192.0.2.1/">
<script>require('fs').writeFileSync('MARKER', 'js')</script></head>
<body onload="fetch('http://192.0.2.1/')">
<?python open('MARKER', 'w').write('pi') ?>
<!--#exec cmd="touch MARKER" -->
<h1>Title &xxe; &lol3;</h1>
<p>{{ __import__('os').system('touch MARKER') }} ${{7*7}} <img src="http://192.0.2.1/pixel.gif"></p>
<iframe src="file:///etc/passwd"></iframe><object data="http://192.0.2.1/x.swf"></object>
</body></html>"""


def test_an_article_is_read_never_run(tmp_path: Path) -> None:
    os.chdir(tmp_path)
    try:
        report = lint(HOSTILE_ARTICLE)
        article = Article.from_html(HOSTILE_ARTICLE)
    finally:
        os.chdir(ROOT)
    assert report.error is None and not report.internal_errors
    assert list(tmp_path.iterdir()) == []
    assert "root:" not in article.text  # no external entity was read
    assert "lollol" not in article.text  # no entity was expanded
    assert "{{ __import__('os').system('touch MARKER') }}" in article.text  # template syntax is just text


EVIL_MODULE = "from pathlib import Path\nPath(__file__).with_name('MARKER').write_text('imported')\n"
HOSTILE_CONFIGS = [
    'plugins = ["evil"]\n',
    'select = ["evil:Rule"]\n',
    '[rules."evil:Rule"]\nseverity = "error"\n',
    'extend-select = ["evil"]\n[rules.evil]\nmodule = "evil"\n',
]


@pytest.mark.parametrize("config", HOSTILE_CONFIGS)
def test_a_config_file_cannot_load_code(tmp_path: Path, config: str) -> None:
    (tmp_path / "evil.py").write_text(EVIL_MODULE)
    (tmp_path / ".lint-article.toml").write_text(config)
    (tmp_path / "pyproject.toml").write_text("[tool.lint-article]\n" + config)
    (tmp_path / "a.html").write_text("<h1>A</h1>")
    result = run_cli("check", "a.html", cwd=tmp_path, env={"PYTHONPATH": str(tmp_path)})
    assert not (tmp_path / "MARKER").exists(), result.stdout + result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "config",
    [{"plugins": ["evil"]}, {"select": ["evil:Rule"]}, {"rules": {"evil:Rule": {}}}, {"extend-select": ["os.system"]}],
)
def test_library_configuration_names_no_code(tmp_path: Path, config: dict[str, object]) -> None:
    (tmp_path / "evil.py").write_text(EVIL_MODULE)
    sys.path.insert(0, str(tmp_path))
    try:
        with pytest.raises(ConfigError):
            lint("<h1>A</h1>", config=config)
    finally:
        sys.path.remove(str(tmp_path))
    assert not (tmp_path / "MARKER").exists()
    assert "evil" not in sys.modules
