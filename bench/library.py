"""Benchmark: mine a synthetic corpus and report build time, database size and search latency.

    python bench/library.py [--docs 250 500 1000] [--out /tmp/planner-bench]

Synthetic documents are the five seeds with their place names, years and numbers changed,
about a third of their lines dropped and a few characters swapped per line, so texts differ
the way another city's plan would. Each size is mined into a fresh library; per-document build
time across sizes shows whether mining is linear. Latency is measured at the largest size.
"""
from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
from pathlib import Path

from planner.mine import store
from planner.mine.library import mine_corpus
from planner.mine.search import Filters, search_clauses
from planner.resources import corpus_dir

SEED_PLACES = ("即墨", "青岛", "东营", "日照", "威海")
NEW_PLACES = ("安丘", "高密", "寿光", "诸城", "青州", "昌邑", "邹城", "曲阜", "新泰", "肥城",
              "龙口", "莱阳", "莱州", "招远", "栖霞", "海阳", "蓬莱", "乐陵", "禹城", "临清")
QUERIES = ("智慧养老", "5G基站", "数据要素", "智慧社区", "一网通办", "网络安全", "养老", "5G",
           "政务服务一网办理", "新建充电桩", "城市大脑", "数字乡村试点建设")


def synthetic(seed: str, rng: random.Random, index: int) -> str:
    place = NEW_PLACES[index % len(NEW_PLACES)] + NEW_PLACES[(index // len(NEW_PLACES)) % len(NEW_PLACES)]
    text = seed
    for name in SEED_PLACES:
        text = text.replace(name, place)
    shift = rng.randint(-2, 3)
    text = re.sub(r"20(\d\d)年", lambda m: f"20{int(m.group(1)) + shift:02d}年", text)
    text = re.sub(r"(?<![\d.])(\d{2,4})(?=[个座家项%万亿])",
                  lambda m: str(max(1, int(int(m.group(1)) * rng.uniform(0.5, 2)))), text)
    lines = text.splitlines()
    kept = [line for n, line in enumerate(lines) if n < 8 or rng.random() > 0.33]
    return "\n".join(_swap(line, rng) for line in kept) + "\n"


def _swap(line: str, rng: random.Random) -> str:
    chars = list(line)
    cjk = [i for i, c in enumerate(chars) if "\u4e00" <= c <= "\u9fff"]
    for _ in range(min(3, len(cjk) // 20)):
        a, b = rng.sample(cjk, 2)
        chars[a], chars[b] = chars[b], chars[a]
    return "".join(chars)


def make_corpus(root: Path, count: int) -> list[Path]:
    seeds = [p.read_text("utf-8") for p in sorted(corpus_dir().glob("*.txt"))]
    rng = random.Random(20241)
    root.mkdir(parents=True, exist_ok=True)
    files = []
    for index in range(count):
        path = root / f"{index:04d}.txt"
        if not path.exists():
            path.write_text(synthetic(seeds[index % len(seeds)], rng, index), "utf-8")
        files.append(path)
    return files


def latency(db: Path) -> list[float]:
    conn = store.connect(db, create=False)
    times = []
    filters = [Filters(), Filters(part="tasks"), Filters(year=2023), Filters(region="安丘")]
    try:
        for round_ in range(5):
            for query in QUERIES:
                started = time.perf_counter()
                search_clauses(conn, query, top=10, filters=filters[round_ % len(filters)])
                times.append((time.perf_counter() - started) * 1000)
    finally:
        conn.close()
    return sorted(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, nargs="+", default=[250, 500, 1000])
    parser.add_argument("--out", type=Path, default=Path("/tmp/planner-bench"))
    args = parser.parse_args()
    files = make_corpus(args.out / "corpus", max(args.docs))
    for count in args.docs:
        db = args.out / f"library-{count}.sqlite"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        started = time.perf_counter()
        report = mine_corpus(files[:count], db)
        build = time.perf_counter() - started
        conn = store.connect(db, create=False)
        clauses = conn.execute("SELECT count(*) FROM clauses").fetchone()[0]
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
        size = db.stat().st_size / 2 ** 20
        times = latency(db)
        p50 = statistics.median(times)
        p95 = times[int(len(times) * 0.95) - 1]
        print(f"docs={count} clauses={clauses} failed={report.failed} clusters={report.clusters} "
              f"build={build:.1f}s ({build / count * 1000:.0f} ms/doc) db={size:.1f}MiB "
              f"search p50={p50:.1f}ms p95={p95:.1f}ms max={times[-1]:.1f}ms", flush=True)
    extra = make_corpus(args.out / "extra", max(args.docs) + 1)[-1]
    started = time.perf_counter()
    mine_corpus([extra], db)
    print(f"one more document into the {max(args.docs)}-document library: "
          f"{time.perf_counter() - started:.1f}s", flush=True)


if __name__ == "__main__":
    sys.exit(main())
