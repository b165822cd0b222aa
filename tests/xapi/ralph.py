"""A real Ralph LRS (``ralph-malph``, the test extra) on the loopback address, with the file system back end.

Used by the tests' fixture and by ``benchmarks/lrs.py``. Ralph runs in this
Python (its pins agree with ours; ``requests`` is in the test extra because
Ralph 5.1's ``lrs`` extra imports it without listing it) as
``python -m uvicorn ralph.api:app``, so no reloader process is left behind.
Its statements are read back from the back end's file: every line one
statement as stored, so a duplicate would show.

Ralph 5.1's file system back end writes with the operation ``create`` by
default, which makes the file on the first POST and refuses every later one
(HTTP 500, "already exists and overwrite is not allowed"). The launcher
starts uvicorn after setting that default to ``append``, an operation the
back end documents and supports; nothing else of Ralph is changed.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

KEY, SECRET = "bridges-test", "a-secret-for-tests"
LAUNCH = """
import sys
import uvicorn
from ralph.backends.data.base import BaseOperationType
from ralph.backends.data.fs import FSDataBackend
FSDataBackend.default_operation_type = BaseOperationType.APPEND
uvicorn.run("ralph.api:app", host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Ralph:
    """``Ralph(folder).start()``; ``endpoint``, ``stored()``, ``kill()``, ``start()`` again on the same files."""

    def __init__(self, folder: Path, port: int | None = None, nice: int = 0):
        import bcrypt

        self.folder = folder
        self.port = port or free_port()
        self.data = folder / "data"
        self.app_dir = folder / "app"
        self.data.mkdir(parents=True, exist_ok=True)
        self.app_dir.mkdir(parents=True, exist_ok=True)
        digest = bcrypt.hashpw(SECRET.encode(), bcrypt.gensalt(rounds=4)).decode()
        (self.app_dir / "auth.json").write_text(json.dumps([{
            "agent": {"objectType": "Agent", "account": {"homePage": "https://lrs.test", "name": KEY}},
            "scopes": ["all"], "hash": digest, "username": KEY}]))
        self.nice = nice  # the benchmark lowers Ralph's priority: a real LRS runs on a server, not on the trainee's laptop
        self.process: subprocess.Popen | None = None
        self.log = folder / "ralph.log"

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}/xAPI/"

    def start(self, timeout: float = 60.0) -> "Ralph":
        env = dict(os.environ, RALPH_RUNSERVER_BACKEND="fs", RALPH_APP_DIR=str(self.app_dir),
                   RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH=str(self.data))
        self.process = subprocess.Popen([sys.executable, "-c", LAUNCH, str(self.port)], env=env, cwd=self.folder, stdout=self.log.open("ab"), stderr=subprocess.STDOUT,
                                        preexec_fn=(lambda: os.nice(self.nice)) if self.nice and hasattr(os, "nice") else None)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"Ralph stopped at once: {self.log.read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/__heartbeat__", timeout=1):
                    return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError(f"Ralph did not start in {timeout} s: {self.log.read_text()[-2000:]}")

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)
        self.process = None

    stop = kill

    def stored(self) -> list[dict]:
        """Every statement the LRS stored, in the order stored."""
        found = []
        for path in sorted(self.data.glob("*")):
            if path.is_file():
                found += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        return found
