"""The page's server for tests, on 127.0.0.1: in this process (uvicorn in a thread, limits of the test's choosing) or as
``retell-validate serve`` in a child process, as a person starts it; and a client that writes its requests byte by byte,
so a test can send what no well-behaved client would (another Host, a broken multipart body, a body that stalls).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from validator.openapi.load import load_spec
from validator.options import NOW
from validator.settings import Settings
from validator.web.app import Served, create_app
from validator.web.guard import Guarded
from validator.web.server import bind, host_names, server
from validator.web.upload import Limits

FIXED_NOW = "2026-06-01T12:00:00Z"
BOUNDARY = "retell-validate-test-boundary"
CONTACTS = """\
phone number,first_name,State,plan
+14045048120,Maria,GA,gold
+13055550123,James,FL,silver
+12125550123,Aisha,FL,gold
+15045550123,Tom,LA,bronze
+19072345678,Nina,AK,gold
+18082345678,Kai,HI,silver
+14165550123,Chloé,ON,gold
(404) 504-8120,Sam,GA,bronze
+13055550123,James,FL,silver
555-0199,Lee,TX,gold
"""  # docs/spreadsheets.md's example list: a duplicate, a national spelling, a number without area code, far time zones
WINDOW = {"window": "09:00-20:00", "timezone": "America/New_York", "days": "Mon-Sat", "from-number": "+14155550100"}
CLEAN_PAYLOAD = """\
{
  "from_number": "+14155550100",
  "call_time_window": {"windows": [{"start": 600, "end": 1020}], "timezone": "America/New_York", "day": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]},
  "tasks": [
    {"to_number": "+12125550123", "retell_llm_dynamic_variables": {"first_name": "Aisha"}},
    {"to_number": "+16175550123", "retell_llm_dynamic_variables": {"first_name": "Ben"}}
  ]
}
"""  # two eastern numbers called 10:00–17:00 on weekdays: ready to send


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)

    @property
    def error(self) -> str:
        data = self.json()
        assert isinstance(data, dict) and isinstance(data.get("error"), str), data
        return str(data["error"])


def multipart(fields: Mapping[str, str], file: tuple[str, bytes] | None, *, boundary: str = BOUNDARY) -> bytes:
    """A ``multipart/form-data`` body: the fields, then the file in the field ``file``."""
    out = bytearray()
    for name, value in fields.items():
        out += f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
    if file is not None:
        name, data = file
        out += f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'.encode()
        out += b"Content-Type: application/octet-stream\r\n\r\n" + data + b"\r\n"
    out += f"--{boundary}--\r\n".encode()
    return bytes(out)


@dataclass
class Server:
    """A running server: its address, the folder it makes its temporary folders in, and a raw HTTP client."""

    host: str
    port: int
    scratch: Path
    token: str | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}/"

    @property
    def authority(self) -> str:
        return f"{self.host}:{self.port}"

    def raw(self, request: bytes, *, timeout: float = 30.0) -> Answer:
        """Send these bytes as they are; the answer, read until the server closes or the body is complete."""
        with socket.create_connection((self.host, self.port), timeout=timeout) as sock:
            with contextlib.suppress(ConnectionResetError, BrokenPipeError):
                sock.sendall(request)
            return read_answer(sock)

    def request(
        self, method: str, path: str, body: bytes = b"", headers: Mapping[str, str] | None = None, *, timeout: float = 30.0
    ) -> Answer:
        given = {"Host": self.authority, "Connection": "close", **({} if headers is None else headers)}
        if body or method == "POST":
            given.setdefault("Content-Length", str(len(body)))
        if self.token is not None:
            given.setdefault("Authorization", f"Bearer {self.token}")
        head = f"{method} {path} HTTP/1.1\r\n" + "".join(f"{k}: {v}\r\n" for k, v in given.items() if v is not None) + "\r\n"
        return self.raw(head.encode("latin-1") + body, timeout=timeout)

    def post(
        self,
        endpoint: str,
        file: tuple[str, bytes] | None,
        fields: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
        *,
        timeout: float = 60.0,
    ) -> Answer:
        body = multipart(fields or {}, file)
        given = {"Content-Type": f"multipart/form-data; boundary={BOUNDARY}", **(headers or {})}
        return self.request("POST", f"/api/{endpoint}", body, given, timeout=timeout)

    def serving(self) -> bool:
        """The page is still served (the server survived what came before)."""
        answer = self.request("GET", "/", timeout=10)
        return answer.status == 200 and b'data-testid="file-input"' in answer.body

    def leftovers(self) -> list[Path]:
        """What the server left in its temporary-file folder (nothing, once every request is answered)."""
        return sorted(self.scratch.iterdir())


def read_answer(sock: socket.socket) -> Answer:
    data = bytearray()
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError(f"the server closed the connection before answering: {bytes(data)!r}")
        data += chunk
    head, _, rest = bytes(data).partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {name.strip().lower(): value.strip() for name, _, value in (line.partition(":") for line in lines[1:])}
    body = bytearray(rest)
    length = int(headers.get("content-length", "-1"))
    while length < 0 or len(body) < length:
        try:
            chunk = sock.recv(65536)
        except (ConnectionResetError, TimeoutError):
            break
        if not chunk:
            break
        body += chunk
    return Answer(status, headers, bytes(body if length < 0 else body[:length]))


@contextlib.contextmanager
def in_process(limits: Limits | None = None, *, token: str | None = None, settings: Settings | None = None) -> Iterator[Server]:
    """The application served by uvicorn in a thread on a free port, its temporary folders made in a folder of its own."""
    scratch = Path(tempfile.mkdtemp(prefix="web-scratch-"))
    listener = bind("127.0.0.1", 0)
    port = listener.getsockname()[1]
    served = Served(
        settings or Settings(now=NOW.value(FIXED_NOW)),
        load_spec(),
        Guarded(host_names("127.0.0.1"), port, token),
        limits or Limits(),
        scratch,
    )
    running = server(create_app(served))
    thread = threading.Thread(target=running.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not running.started and time.monotonic() < deadline:
        time.sleep(0.02)
    try:
        yield Server("127.0.0.1", port, scratch, token)
    finally:
        running.should_exit = True
        thread.join(15)
        listener.close()
        shutil.rmtree(scratch, ignore_errors=True)


@dataclass
class Process:
    """``retell-validate serve`` in a child process: what it printed, and the server."""

    process: subprocess.Popen[str]
    printed: list[str] = field(default_factory=list)
    server: Server | None = None


@contextlib.contextmanager
def served_command(*arguments: str, scratch: Path) -> Iterator[Process]:
    """``retell-validate serve --no-browser --port 0 ARGUMENTS`` with TMPDIR=scratch, until the block ends (then SIGTERM)."""
    environment = {**os.environ, "TMPDIR": str(scratch), "NO_COLOR": "1"}
    environment.pop("DISPLAY", None)
    command = [sys.executable, "-m", "validator", "serve", "--no-browser", "--port", "0", *arguments]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=environment)
    running = Process(process)
    try:
        assert process.stdout is not None
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            line = process.stdout.readline()
            if not line:
                break
            running.printed.append(line.rstrip("\n"))
            found = re.search(r"serving the page at http://([^:/]+):(\d+)/(?:#token=(\S+))?", line)
            if found:
                running.server = Server(found[1], int(found[2]), scratch, found[3])
                running.printed.append(process.stdout.readline().rstrip("\n"))  # what it says of the files
                break
        yield running
    finally:
        process.terminate()
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stdout is not None:
            running.printed.extend(line.rstrip("\n") for line in process.stdout.readlines())
            process.stdout.close()
