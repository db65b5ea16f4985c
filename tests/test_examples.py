"""The clients in examples/, for CMSs that are not written in Python: their syntax,
and each one's exchange with a real ``lint-article serve`` process."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import FIXTURES, ROOT, finding_lines
from .server_process import ServerProcess

NODE_CLIENT = ROOT / "examples" / "node" / "lint-article.mjs"
WORDPRESS_PLUGIN = ROOT / "examples" / "wordpress" / "lint-article.php"
SEED = FIXTURES / "sahel-article.html"
TOKEN = "example-token"

needs_node = pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
# .ci/run installs Debian's php-cli; a machine without PHP skips these tests.
needs_php = pytest.mark.skipif(
    shutil.which("php") is None, reason="php is not installed (Debian: apt-get install php-cli)"
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    process = ServerProcess("--isolated", "--workers", "1", "--token", TOKEN, cwd=tmp_path_factory.mktemp("examples"))
    yield process
    process.stop()


@needs_node
def test_the_node_client_is_valid_javascript() -> None:
    subprocess.run(["node", "--check", str(NODE_CLIENT)], check=True, capture_output=True)


@needs_node
def test_the_node_client_prints_what_the_command_line_prints(server: ServerProcess, tmp_path: Path) -> None:
    article = tmp_path / "sahel.html"
    shutil.copy(SEED, article)
    result = subprocess.run(
        ["node", str(NODE_CLIENT), "--server", server.url, "--token", TOKEN, str(article), str(tmp_path / "gone.html")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    cli = subprocess.run(
        [sys.executable, "-m", "lint_article", "check", "--isolated", str(article)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stdout.splitlines() == finding_lines(cli.stdout)[:-1]  # the findings, without snippets or summary
    assert "gone.html: error: ENOENT" in result.stderr
    assert result.returncode == 2  # a file could not be read; otherwise 1, for the errors


@needs_node
def test_the_node_client_says_what_the_service_refused(server: ServerProcess, tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text("<h1>A</h1>")
    result = subprocess.run(
        ["node", str(NODE_CLIENT), "--server", server.url, "--token", "wrong", str(tmp_path / "a.html")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2 and "401 unauthorized: this server needs the header" in result.stderr


@needs_php
def test_the_wordpress_plugin_is_valid_php() -> None:
    result = subprocess.run(["php", "-l", str(WORDPRESS_PLUGIN)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


# The few WordPress functions the plugin's request needs, done with PHP's own HTTP
# client: enough to run lint_article_check() against the real service.
WORDPRESS_STAND_IN = """<?php
define('ABSPATH', __DIR__);
class WP_Error { public function __construct(public string $code, public string $message) {}
                 public function get_error_message(): string { return $this->message; } }
function add_action(...$args): void {}
function is_wp_error($value): bool { return $value instanceof WP_Error; }
function wp_json_encode($value): string { return json_encode($value); }
function wp_remote_post(string $url, array $args) {
    $headers = '';
    foreach ($args['headers'] as $name => $value) { $headers .= "$name: $value\\r\\n"; }
    $context = stream_context_create(['http' => ['method' => 'POST', 'header' => $headers,
        'content' => $args['body'], 'timeout' => $args['timeout'], 'ignore_errors' => true]]);
    $body = file_get_contents($url, false, $context);
    preg_match('{^HTTP/\\S+ (\\d+)}', $http_response_header[0], $status);
    return ['status' => (int) $status[1], 'body' => $body];
}
function wp_remote_retrieve_response_code(array $response): int { return $response['status']; }
function wp_remote_retrieve_body(array $response): string { return $response['body']; }
require $argv[1];
$report = lint_article_check(file_get_contents($argv[2]), 'sahel.html');
echo json_encode(is_wp_error($report) ? ['wp_error' => $report->get_error_message()] : $report);
"""


@needs_php
@pytest.mark.parametrize("token", [TOKEN, "wrong"])
def test_the_wordpress_plugin_gets_the_report_of_a_post(server: ServerProcess, tmp_path: Path, token: str) -> None:
    stand_in = tmp_path / "wordpress.php"
    stand_in.write_text(
        f"<?php define('LINT_ARTICLE_URL', '{server.url}'); define('LINT_ARTICLE_TOKEN', '{token}'); ?>"
        + WORDPRESS_STAND_IN
    )
    result = subprocess.run(
        ["php", str(stand_in), str(WORDPRESS_PLUGIN), str(SEED)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    answer = json.loads(result.stdout)
    if token != TOKEN:
        assert answer == {"wp_error": "the lint-article service answered 401: this server needs the header "
                          "Authorization: Bearer <token>"}  # fmt: skip
        return
    rules = {finding["rule"] for finding in answer["findings"]}
    # The plugin asks for the fragment profile: WordPress prints the title, so a post has no <h1>.
    assert answer["path"] == "sahel.html" and "generation-artifact" in rules and "single-h1" in rules
