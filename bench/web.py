"""Benchmark: the web page's API on a contact list of n and 10n rows, from upload to answer; the page's own weight.

    python bench/web.py                        # 100,000 and 1,000,000 rows (the target: 100,000 to the verdict in ≤ 5 s)
    python bench/web.py --rows 10000 100000    # other sizes

The list is bench/split.py's (a campaign manager's export: every US state's area codes and a few
Canadian ones, a State column in a third of the rows, one number in 500 written nationally, one row
in 200 a duplicate), written to bench/out/. ``retell-validate serve --no-browser --port 0`` runs in
its own process, as a person starts it, with a fixed ``--now``; each request uploads the whole file
over loopback as the page does (multipart, the file in the field ``file``) and the time is until the
answer is read in full (for ``check``, parsed: the verdict in hand). ``check`` is measured without a
calling window and with one (09:00–20:00 New York, Monday–Saturday: the calling-hours rows then
count in the verdict), the other endpoints with the window. Each figure is the best of
``--repeat`` wall times; the server's peak RSS (``VmHWM``) is read after each size. The page's
weight is every byte the browser fetches to show it: the HTML, its script, style sheet and icon.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

from split import NOW, write_list

BOUNDARY = "bench-web-boundary"
WINDOW = {"window": "09:00-20:00", "timezone": "America/New_York", "days": "Mon-Sat", "from-number": "+14155550100"}
RUNS = [("check", {}), ("check", WINDOW), ("hours", WINDOW), ("split", WINDOW), ("rows", WINDOW), ("fix", {})]
PAGE = ["/", "/static/page.js", "/static/page.css", "/static/icon.svg"]
PAGE_LIMIT = 200 * 1024
VERDICT_LIMIT = 5.0


def body(path: Path, fields: dict[str, str]) -> bytes:
    parts = [f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode() for k, v in fields.items()]
    head = f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="{path.name}"\r\n\r\n'.encode()
    return b"".join([*parts, head, path.read_bytes(), f"\r\n--{BOUNDARY}--\r\n".encode()])


def call(port: int, endpoint: str, data: bytes) -> tuple[float, bytes]:
    start = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    connection.request("POST", f"/api/{endpoint}", data, {"Content-Type": f"multipart/form-data; boundary={BOUNDARY}"})
    response = connection.getresponse()
    answer = response.read()
    if endpoint == "check":
        json.loads(answer)  # the verdict in hand
    elapsed = time.perf_counter() - start
    connection.close()
    if response.status != 200:
        raise SystemExit(f"{endpoint}: {response.status} {answer[:300]!r}")
    return elapsed, answer


def peak_mb(pid: int) -> int:
    status = Path(f"/proc/{pid}/status").read_text()
    found = re.search(r"VmHWM:\s+(\d+) kB", status)
    return int(found[1]) // 1024 if found else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    tool = shutil.which("retell-validate") or sys.exit("install the package with its web extra first: pip install -e '.[web]'")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; now {NOW}")
    print(f"command: python bench/web.py --rows {' '.join(map(str, args.rows))} --repeat {args.repeat}\n")
    server = subprocess.Popen([tool, "serve", "--no-browser", "--port", "0", "--now", NOW], stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None
        found = re.search(r"http://127\.0\.0\.1:(\d+)/", server.stdout.readline())
        if not found:
            raise SystemExit("serve did not print its address")
        port = int(found[1])
        weights = []
        for path in PAGE:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            connection.request("GET", path)
            weights.append((path, len(connection.getresponse().read())))
            connection.close()
        total = sum(size for _, size in weights)
        print("page weight: " + ", ".join(f"{path} {size:,} B" for path, size in weights))
        print(
            f"page weight in all: {total:,} B ({total / 1024:.1f} KB; target ≤ {PAGE_LIMIT // 1024} KB: {'met' if total <= PAGE_LIMIT else 'MISSED'})\n"
        )
        results: dict[int, list[float]] = {}
        peaks: dict[int, int] = {}
        sizes: dict[int, int] = {}
        for rows in args.rows:
            source = write_list(rows)
            sizes[rows] = source.stat().st_size
            results[rows] = []
            for endpoint, fields in RUNS:
                data = body(source, fields)
                results[rows].append(min(call(port, endpoint, data)[0] for _ in range(args.repeat)))
            peaks[rows] = peak_mb(server.pid)
        columns = [f"{n:,} rows ({sizes[n] / 2**20:.1f} MiB)" for n in args.rows]
        print("| request (wall s, upload to answer) | " + " | ".join(columns) + " |")
        print("| --- |" + " ---: |" * len(columns))
        for index, (endpoint, fields) in enumerate(RUNS):
            label = f"{endpoint}{' with the window' if fields else ''}"
            print(f"| {label} | " + " | ".join(f"{results[n][index]:.2f}" for n in args.rows) + " |")
        print("| server peak RSS after the size (MB) | " + " | ".join(f"{peaks[n]:,}" for n in args.rows) + " |")
        if 100_000 in results:
            verdict = max(results[100_000][0], results[100_000][1])
            print(
                f"\n100,000 rows, upload to verdict: {verdict:.2f} s (target ≤ {VERDICT_LIMIT:g} s: {'met' if verdict <= VERDICT_LIMIT else 'MISSED'})"
            )
    finally:
        server.terminate()
        server.wait(30)


if __name__ == "__main__":
    main()
