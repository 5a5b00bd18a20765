"""All of planner's benchmarks in one command; results as JSON and a PNG plot.

    python bench/run.py            # full: 20…20000 tasks, library of 1000 documents
    python bench/run.py --quick    # 20…2000 tasks, library of 100 documents

Needs the bench extra (pip install -e '.[bench]': docxtpl, matplotlib) and pandoc on PATH
(apt-get install pandoc). A run without one of them stops before measuring, so a results
file never silently lacks a column; --partial measures what is there, into results-partial.

Every tool gets the same plan in the form it would take: planner its plan file (YAML, and the
same plan as a JSON plan file), the others JSON, walked into paragraphs by a few lines of their
own (bench/competitors.py imports nothing of planner). Two kinds of text: clean, and realistic
(half-width punctuation, straight quotes, 5g, a responsibility note on every task), which
planner puts in 公文 form as it writes. Each tool's DOCX is read back and must hold the same
paragraphs (bench/readback.py), or the run stops.

- render in-process: planner's plan_docx on a loaded model against the floor (JSON data →
  paragraphs → one XML string → zipfile) and the other libraries, called in turn, median of the
  per-call ratios;
- render whole-process: `planner render plan.yaml` (and plan.json) against each other tool's
  script reading plan.json, in turn, median of the per-pair ratios to docxtpl;
- start-up: `planner --help` against `python -c pass`, both from a wheel installed into a fresh
  venv (bench/install.py), and which heavy modules `--help` and `clauses search` import;
- first run: the README's main job with an empty user cache against a warm run;
- phases: where `planner render` spends its time (bench/phases.py);
- ingest, lint and the clause library, in-process.
Ratios are named `a/b`: `planner/docxtpl` < 1 means planner is faster.
"""
from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import competitors  # noqa: E402
import process  # noqa: E402
from install import installed_planner  # noqa: E402
from synthetic import KINDS, plan_data  # noqa: E402
from timing import compare_calls, median_time  # noqa: E402

from planner.model import Plan  # noqa: E402
from planner.planfile import dump_plan  # noqa: E402
from planner.render.document import plan_docx  # noqa: E402

IN_PROCESS = ("floor", "python-docx", "docxtpl")  # pandoc is a process: whole-process only


def render_in_process(sizes: list[int], naive_max: int) -> list[dict]:
    """planner's plan_docx on a loaded model and each other tool from the loaded JSON data,
    called in turn; `planner/floor` is the median of the ratios call by call."""
    rows = []
    tools = {name: func for name, func in competitors.available().items() if name in IN_PROCESS}
    for size in sizes:
        for kind in KINDS:
            data = plan_data(size, kind)
            plan = Plan.model_validate(data)
            calls = {"planner": lambda: plan_docx(plan)}
            for name, func in tools.items():
                if name != "python-docx" or size <= naive_max:
                    calls[name] = lambda f=func: f(competitors.paragraphs(data))
            row = {"tasks": size, "text": kind,
                   **compare_calls(calls, "floor", repeat=7 if size <= 2000 else 3)}
            rows.append(row)
            print("render", json.dumps(row, ensure_ascii=False), flush=True)
    return rows


def ingest_and_lint(sizes: list[int], work: Path) -> list[dict]:
    """Ingest (text → model) and lint of the clean plan at each size. Like render in-process
    (model → DOCX), `lint` times the checks on a loaded draft; `lint_file` (at 2000 tasks) adds
    reading the YAML with every value's position (what `planner lint` does per file).
    `model_validate` is pydantic validating the finished plan from plain data: what building a
    validated model of that size costs at the least."""
    from planner.export import export_text
    from planner.lint import lint_plan
    from planner.lint.engine import config_for, lint_draft
    from planner.lint.readers import read_draft
    from planner.lint.units import load_registry
    from planner.parse.document import ingest_text

    rows = []
    for size in sizes:
        data = plan_data(size)
        plan = Plan.model_validate(data)
        text = export_text(plan)
        source = work / f"lint-{size}.yaml"
        source.write_text(dump_plan(plan), encoding="utf-8")
        draft, config, units = read_draft(source), config_for(str(source)), load_registry()
        repeat = 5 if size <= 2000 else 3
        row = {"tasks": size, "render": median_time(plan_docx, plan, repeat=repeat),
               "ingest": median_time(ingest_text, text, repeat=repeat),
               "model_validate": median_time(Plan.model_validate, data, repeat=repeat),
               "lint": median_time(lambda: (draft.cache.clear(), lint_draft(draft, config, units)),
                                   repeat=repeat)}
        if size == 2000:
            row["lint_file"] = median_time(lambda: lint_plan([source]), repeat=3)
            row["lint_file/render"] = row["lint_file"] / row["render"]
        for key in ("ingest", "model_validate", "lint"):
            row[f"{key}/render"] = row[key] / row["render"]
        rows.append(row)
        print("ingest/lint", json.dumps(row), flush=True)
    return rows


def library(docs: int, work: Path) -> dict:
    import library as bench_library

    from planner.mine.library import mine_corpus

    files = bench_library.make_corpus(work / "corpus", docs)
    db = work / "library.sqlite"
    start = time.perf_counter()
    report = mine_corpus([work / "corpus"], db)
    build = time.perf_counter() - start
    times = sorted(bench_library.latency(db))
    result = {"documents": len(files), "clauses": sum(r.clauses for r in report.results), "build_s": build,
              "search_p50_ms": statistics.median(times),  # latency() gives milliseconds
              "search_p95_ms": times[int(0.95 * (len(times) - 1))]}
    print("library", json.dumps(result), flush=True)
    return result


def exponent(rows: list[dict], key: str, low: int, high: int, kind: str = "clean") -> float | None:
    times = {r["tasks"]: r.get(key) for r in rows if r.get("text", kind) == kind}
    if times.get(low) and times.get(high):
        return math.log(times[high] / times[low]) / math.log(high / low)
    return None


def plot(rows: list[dict], path: Path) -> None:
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:  # main() checked; only reached from --partial
        print("matplotlib 未安装：不画图（pip install -e '.[bench]'）", file=sys.stderr)
        return
    figure, axes = plt.subplots(figsize=(7, 4.5))
    for kind, style in (("clean", "-"), ("realistic", "--")):
        for key in ("planner", "floor", "python-docx", "docxtpl"):
            points = [(r["tasks"], r[key]) for r in rows if key in r and r["text"] == kind]
            if points:
                axes.plot(*zip(*points), style, marker="o", label=f"{key} ({kind})")
    axes.set_xscale("log")
    axes.set_yscale("log")
    axes.set_xlabel("tasks in the plan")
    axes.set_ylabel("seconds (render, in-process, median)")
    axes.legend(fontsize=8)
    axes.grid(True, which="both", alpha=0.3)
    figure.tight_layout()
    figure.savefig(path, dpi=110)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--out", type=Path, default=HERE / "results")
    parser.add_argument("--partial", action="store_true",
                        help="measure without the missing tools, into results-partial.json")
    args = parser.parse_args()
    sizes = [20, 200, 2000] if args.quick else [20, 200, 2000, 20000]
    missing = competitors.missing()
    if missing and not args.partial:
        print("缺少对比工具：" + "；".join(missing) + "。装好后重跑，或加 --partial 只测已有的工具"
              "（结果写入 results-partial.json）", file=sys.stderr)
        sys.exit(2)
    args.out.mkdir(parents=True, exist_ok=True)
    name = "results-partial" if missing else "results-quick" if args.quick else "results"
    large = [s for s in sizes if s >= 200]
    with tempfile.TemporaryDirectory(prefix="planner-bench-") as tmp:
        work = Path(tmp)
        bin_dir = installed_planner(work)
        results = {"machine": machine(), "render_in_process": render_in_process(sizes, naive_max=2000)}
        results["render_whole_process"] = process.render_whole_process(
            large, [str(bin_dir / "planner")], work, python=str(bin_dir / "python"))
        results["startup"] = process.startup(bin_dir)
        results["stack_floor"] = process.stack_floor(bin_dir, work)
        results["first_run"] = process.first_run(bin_dir, work)
        results["phases"] = process.phases(bin_dir, large, work)
        rows = ingest_and_lint(large, work)
        results["ingest_lint"] = next(r for r in rows if r["tasks"] == 2000)
        results["ingest_lint_scaling"] = rows
        results["library"] = library(100 if args.quick else 1000, work)
    _finish(results, args.out, name)


def machine() -> dict:
    import os
    import platform

    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else ""
    return {"cpus": os.cpu_count(), "cpu": cpu, "python": platform.python_version(),
            "system": platform.platform()}


def _finish(results: dict, out: Path, name: str) -> None:
    results["render_exponent_200_to_20000"] = exponent(results["render_in_process"], "planner", 200, 20000)
    results["floor_exponent_200_to_20000"] = exponent(results["render_in_process"], "floor", 200, 20000)
    for key in ("ingest", "lint"):
        results[f"{key}_exponent_200_to_20000"] = exponent(results.get("ingest_lint_scaling", []), key, 200, 20000)
    (out / f"{name}.json").write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    plot(results["render_in_process"], out / f"{name}.png")
    print(f"→ {out / name}.json", flush=True)


if __name__ == "__main__":
    main()
