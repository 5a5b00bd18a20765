"""The workspace's edit → refreshed preview round trip, over HTTP, for the bundled outline.

    pip install -e '.[serve]' && python bench/serve.py [--edits 60]

Starts `planner serve` (its own process, a free port on 127.0.0.1) on a copy of
examples/outlines/数字即墨2025年行动方案.yaml and sends what the page sends: a field set as the
user types (the answer is the new version, the preview HTML and every item's findings), and an
item added and removed (the answer carries the whole form too). Each round trip is one request
and its full answer on a kept-alive connection, timed from the client; the server reads the
file, checks the version, validates, writes it atomically (fsync), drafts the outline from the
clause library, lints the outline and the drafted plan, and lays out the preview. The goal is
under 300 ms (issue 20). Results go to bench/results/serve.json.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUTLINE = ROOT / "examples" / "outlines" / "数字即墨2025年行动方案.yaml"
GOAL_MS = 300
DEADLINE_S = 300  # the whole run stops by itself after this long


def start(folder: Path) -> tuple[subprocess.Popen, str, int]:
    path = Path(shutil.copy(OUTLINE, folder / OUTLINE.name))
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.Popen([sys.executable, "-m", "planner", "serve", str(path), "--port", "0", "--no-browser"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, encoding="utf-8", env=env)
    found = re.search(r"http://([\d.]+):(\d+)/", proc.stdout.readline())
    if found is None:
        proc.kill()
        raise SystemExit("planner serve 没有启动（是否已 pip install -e '.[serve]'？）")
    return proc, found.group(1), int(found.group(2))


class Page:
    """What the page's script does: each change on the version the last answer gave."""

    def __init__(self, host: str, port: int, name: str, version: str) -> None:
        self.conn = http.client.HTTPConnection(host, port, timeout=60)
        self.name, self.version = name, version

    def change(self, op: str, args: dict) -> tuple[float, dict]:
        body = json.dumps({"file": self.name, "version": self.version, "op": op, "args": args})
        began = time.perf_counter()
        self.conn.request("POST", "/api/edit", body=body.encode("utf-8"),
                          headers={"Content-Type": "application/json", "X-Planner": "1"})
        response = self.conn.getresponse()
        data = response.read()
        elapsed = time.perf_counter() - began
        answer = json.loads(data)
        if response.status != 200 or "preview" not in answer:
            raise SystemExit(f"编辑失败（{response.status}）：{answer}")
        self.version = answer["version"]
        return elapsed, answer


def summary(times: list[float]) -> dict:
    ordered = sorted(times)
    return {"n": len(times), "median_ms": round(statistics.median(times) * 1000, 1),
            "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))] * 1000, 1),
            "max_ms": round(ordered[-1] * 1000, 1)}


def measure(edits: int) -> dict:
    from planner.serve.files import read_versioned

    stop = time.monotonic() + DEADLINE_S
    with tempfile.TemporaryDirectory(prefix="planner-bench-serve-") as tmp:
        proc, host, port = start(Path(tmp))
        try:
            page = Page(host, port, OUTLINE.name, read_versioned(Path(tmp) / OUTLINE.name)[1])
            deadlines = ["2025年6月底前", "2025年9月底前"]
            for n in range(3):  # warm-up: imports, the library's first queries
                page.change("set", {"path": "parts[2].items[0].deadline", "value": deadlines[n % 2]})
            typed, shaped, sizes = [], [], []
            for n in range(edits):
                if time.monotonic() > stop:
                    break
                elapsed, answer = page.change("set", {"path": "parts[2].items[0].deadline", "value": deadlines[n % 2]})
                typed.append(elapsed)
                sizes.append(len(answer["preview"]))
                if n % 3 == 0:
                    added, _ = page.change("add_item", {"part": 2, "heading": "智慧医疗服务", "keywords": "互联网医院"})
                    removed, _ = page.change("remove", {"part": 2, "item": 3})
                    shaped += [added, removed]
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    return {"field_set": summary(typed), "add_or_remove_item": summary(shaped),
            "preview_html_chars": statistics.median(sizes), "goal_ms": GOAL_MS,
            "met": summary(typed)["p95_ms"] < GOAL_MS and summary(shaped)["p95_ms"] < GOAL_MS}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=60, help="field edits to time (default 60)")
    parser.add_argument("--out", type=Path, default=HERE / "results" / "serve.json")
    args = parser.parse_args()
    result = {"outline": OUTLINE.name, "python": platform.python_version(), "machine": platform.machine(),
              "cpus": os.cpu_count(), "load": os.getloadavg()[0], **measure(args.edits)}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
