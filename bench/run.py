"""All of planner's benchmarks in one command; results as JSON and a PNG plot.

    python bench/run.py            # full: 20…20000 tasks, library of 1000 documents
    python bench/run.py --quick    # 20…2000 tasks, library of 100 documents

Needs the bench extra (pip install -e '.[bench]': docxtpl, matplotlib) and pandoc on PATH
(apt-get install pandoc). A run without one of them stops before measuring, so a results
file never silently lacks a column; --partial measures what is there, into results-partial.

Render is measured in-process (render only, the same plan for every tool, best of N) and as a
whole process (`planner render plan.yaml` against a script that loads the same YAML and renders
it with the other tool). Ratios are to planner unless named otherwise.
"""
from __future__ import annotations

import argparse
import json
import math
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import competitors  # noqa: E402
from synthetic import synthetic_plan  # noqa: E402

from planner.planfile import dump_plan  # noqa: E402
from planner.render.document import plan_docx  # noqa: E402


def best(func, *args, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func(*args)
        times.append(time.perf_counter() - start)
    return min(times)


def run_process(command: list[str], repeat: int = 3) -> float:
    def once():
        subprocess.run(command, check=True, capture_output=True)
    return best(once, repeat=repeat)


def render_in_process(sizes: list[int], naive_max: int) -> list[dict]:
    rows = []
    tools = competitors.available()
    for size in sizes:
        plan = synthetic_plan(size)
        repeat = 5 if size <= 200 else 3  # best of 3 even at 20000: one run is too noisy on a VM
        row = {"tasks": size, "planner": best(plan_docx, plan, repeat=repeat)}
        for name, func in tools.items():
            if name == "python-docx" and size > naive_max:
                continue
            row[name] = best(func, plan, repeat=repeat if name != "python-docx" else 1)
        row["planner/floor"] = row["planner"] / row["floor"]
        rows.append(row)
        print("render", json.dumps(row, ensure_ascii=False), flush=True)
    return rows


def render_whole_process(sizes: list[int], work: Path) -> list[dict]:
    rows = []
    tools = [t for t in ("docxtpl", "pandoc") if t in competitors.available()]
    for size in sizes:
        source = work / f"plan-{size}.yaml"
        source.write_text(dump_plan(synthetic_plan(size)), encoding="utf-8")
        row = {"tasks": size, "planner": run_process(
            [sys.executable, "-m", "planner", "render", str(source), "-o", str(work / "p.docx")])}
        for tool in tools:
            row[tool] = run_process([sys.executable, str(HERE / "competitors.py"), tool, str(source),
                                     str(work / f"{tool}.docx")])
        rows.append(row)
        print("process", json.dumps(row, ensure_ascii=False), flush=True)
    return rows


def ingest_and_lint(sizes: list[int], work: Path) -> list[dict]:
    """Ingest (text → model) and lint of the plan render is timed on, at each size. Like render
    in-process (model → DOCX, the YAML already loaded), `lint` times the checks on a loaded
    draft; `lint_file` (at 2000 tasks) adds reading the YAML with every value's position (what
    `planner lint` does per file). `model_validate` is pydantic validating the finished plan
    from plain data: what building a validated model of that size costs at the least."""
    from planner.export import export_text
    from planner.lint import lint_plan
    from planner.lint.readers import read_draft
    from planner.lint.engine import config_for, lint_draft
    from planner.lint.units import load_registry
    from planner.model import Plan
    from planner.parse.document import ingest_text

    rows = []
    for size in sizes:
        plan = synthetic_plan(size)
        text = export_text(plan)
        source = work / f"lint-{size}.yaml"
        source.write_text(dump_plan(plan), encoding="utf-8")
        draft, config, units = read_draft(source), config_for(str(source)), load_registry()
        repeat = 5 if size <= 2000 else 3
        data = plan.model_dump()
        row = {"tasks": size, "render": best(plan_docx, plan, repeat=repeat),
               "ingest": best(ingest_text, text, repeat=repeat),
               # ingest's floor under this model: only validating the finished plan's plain data
               "model_validate": best(Plan.model_validate, data, repeat=repeat),
               "lint": best(lambda: (draft.cache.clear(), lint_draft(draft, config, units)), repeat=repeat)}
        if size == 2000:
            row["lint_file"] = best(lambda: lint_plan([source]), repeat=3)
            row["lint_file/render"] = row["lint_file"] / row["render"]
        row["ingest/render"] = row["ingest"] / row["render"]
        row["model_validate/render"] = row["model_validate"] / row["render"]
        row["lint/render"] = row["lint"] / row["render"]
        rows.append(row)
        print("ingest/lint", json.dumps(row), flush=True)
    return rows


def startup() -> dict:
    bare = run_process([sys.executable, "-c", "pass"], repeat=10)
    helped = run_process([sys.executable, "-m", "planner", "--help"], repeat=10)
    result = {"python -c pass": bare, "planner --help": helped, "ratio": helped / bare}
    print("startup", json.dumps(result), flush=True)
    return result


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


def exponent(rows: list[dict], key: str, low: int, high: int) -> float | None:
    times = {r["tasks"]: r.get(key) for r in rows}
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
    for key in ("planner", "floor", "python-docx", "docxtpl", "pandoc"):
        points = [(r["tasks"], r[key]) for r in rows if key in r]
        if points:
            axes.plot(*zip(*points), marker="o", label=key)
    axes.set_xscale("log")
    axes.set_yscale("log")
    axes.set_xlabel("tasks in the plan")
    axes.set_ylabel("seconds (render, in-process)")
    axes.legend()
    axes.grid(True, which="both", alpha=0.3)
    figure.tight_layout()
    figure.savefig(path, dpi=110)


def compile_planner() -> None:
    """Measure planner as `pip install` leaves it: with bytecode. An editable checkout on a
    machine that sets PYTHONDONTWRITEBYTECODE (this one does) otherwise compiles every planner
    module from source in every process, which the whole-process and start-up timings would
    count against planner alone (the other tools come from wheels, compiled at install)."""
    import compileall
    import planner
    compileall.compile_dir(Path(planner.__file__).parent, quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--out", type=Path, default=HERE / "results")
    parser.add_argument("--partial", action="store_true",
                        help="measure without the missing tools, into results-partial.json")
    parser.add_argument("--render-only", action="store_true",
                        help="re-measure only in-process rendering, keeping the other results")
    args = parser.parse_args()
    sizes = [20, 200, 2000] if args.quick else [20, 200, 2000, 20000]
    missing = competitors.missing()
    if missing and not args.partial:
        print("缺少对比工具：" + "；".join(missing) + "。装好后重跑，或加 --partial 只测已有的工具"
              "（结果写入 results-partial.json）", file=sys.stderr)
        sys.exit(2)
    args.out.mkdir(parents=True, exist_ok=True)
    compile_planner()
    name = "results-partial" if missing else "results-quick" if args.quick else "results"
    if args.render_only:
        earlier = args.out / f"{name}.json"
        if not earlier.is_file():
            print(f"没有可更新的结果：{earlier} 不存在；请先不加 --render-only 运行一次", file=sys.stderr)
            sys.exit(2)
        results = json.loads(earlier.read_text(encoding="utf-8"))
        results["render_in_process"] = render_in_process(sizes, naive_max=2000)
        _finish(results, args.out, name)
        return
    with tempfile.TemporaryDirectory(prefix="planner-bench-") as tmp:
        work = Path(tmp)
        results = {"render_in_process": render_in_process(sizes, naive_max=2000)}
        results["render_whole_process"] = render_whole_process([s for s in sizes if s >= 200], work)
        rows = ingest_and_lint([s for s in sizes if s >= 200], work)
        results["ingest_lint"] = next(r for r in rows if r["tasks"] == 2000)
        results["ingest_lint_scaling"] = rows
        results["startup"] = startup()
        results["library"] = library(100 if args.quick else 1000, work)
    _finish(results, args.out, name)


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
