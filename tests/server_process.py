"""A real ``lint-article serve`` process on a free loopback port, for the tests and
the load benchmark: started as a user starts it, stopped by a signal."""

from __future__ import annotations

import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

_ANNOUNCED = re.compile(r"serving on http://(?P<host>[^ ]+):(?P<port>\d+) ")


class ServerProcess:
    """``python -m lint_article serve --port 0 ARGS`` in *cwd*, once it says where it listens."""

    def __init__(self, *args: str, cwd: Path, env: dict[str, str] | None = None, start_timeout: float = 120) -> None:
        self.cwd = cwd
        command = [sys.executable, "-m", "lint_article", "serve", "--port", "0", *args]
        environment = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", **(env or {})}
        self.process = subprocess.Popen(
            command,
            cwd=cwd,
            env=environment,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        self.output: list[str] = []
        lines: queue.Queue[str | None] = queue.Queue()
        # Read the output all along, so that a chatty server never blocks on a full pipe.
        self._reader = threading.Thread(target=self._read, args=(lines,), daemon=True)
        self._reader.start()
        deadline = time.monotonic() + start_timeout
        while True:
            try:
                line = lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                self.stop()
                raise RuntimeError(f"the server did not start in {start_timeout} s: {self.output}") from None
            if line is None:
                raise RuntimeError(f"the server exited with {self.process.wait()}: {''.join(self.output)}")
            if match := _ANNOUNCED.search(line):
                self.host, self.port = match["host"], int(match["port"])
                return

    def _read(self, lines: queue.Queue[str | None]) -> None:
        assert self.process.stdout is not None
        for raw in self.process.stdout:
            line = raw.decode("utf-8", "replace")
            self.output.append(line)
            lines.put(line)
        lines.put(None)

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def stop(self) -> int:
        """Stop the server as a service manager does (SIGTERM) and return its exit status."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._reader.join(timeout=5)
        return self.process.returncode
