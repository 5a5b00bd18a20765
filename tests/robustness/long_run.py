"""The long fuzzing run: `python -m tests.robustness.long_run --inputs 100000`.

Each input is built from its number (so any finding is replayed with `--only N`): a mutated seed
text, random text, a plan of hostile strings, or a run of nasty strings. Every input goes through
ingest, render (the DOCX must open with python-docx), export, and for every fifth input lint.
Anything but planner's own error is a crash; an input that takes longer than --timeout is a hang.
A sample of the DOCX files is opened in LibreOffice at the end. The summary is JSON.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import signal
import time
import traceback
from pathlib import Path

KINDS = ("mutated", "random", "plan", "nasty")


class Hang(Exception):
    pass


def _alarm(signum, frame):
    raise Hang()


def one(number: int, timeout: int, sample_dir: str | None = None) -> tuple[int, str, str]:
    """(number, outcome, detail): outcome is ok, crash or hang."""
    from planner.model import Plan
    from tests.robustness.exercise import through_plan, through_text
    from tests.robustness.inputs import NASTY, SEEDS, mutate, nasty_plan, nasty_text

    rng = random.Random(number)
    kind = KINDS[number % len(KINDS)]
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(timeout)
    try:
        if kind == "mutated":
            through_text(mutate(rng.choice(SEEDS), rng)) if number % 5 == 0 else _text_without_lint(
                mutate(rng.choice(SEEDS), rng))
        elif kind == "random":
            text = "".join(chr(rng.choice([rng.randint(32, 0x2FFF), rng.randint(0x4E00, 0x9FFF)]))
                           for _ in range(rng.randint(0, 300)))
            through_text(text) if number % 5 == 0 else _text_without_lint(text)
        elif kind == "plan":
            data = through_plan(Plan.model_validate(nasty_plan(rng)))
            if sample_dir and number % 2000 == 2:
                Path(sample_dir, f"{number}.docx").write_bytes(data)
        else:
            text = "".join(rng.choice(NASTY) for _ in range(rng.randint(0, 40))) + nasty_text(rng)
            through_plan(Plan.model_validate({"title": text or "方案", "preamble": [{"clauses": [{"text": text}]}]}))
        return number, "ok", ""
    except Hang:  # where the alarm found it: the frames it was running when time ran out
        return number, "hang", kind + "\n" + traceback.format_exc(limit=-6)
    except Exception:  # noqa: BLE001 — the point of the run: anything not PlannerError is a finding
        return number, "crash", kind + "\n" + traceback.format_exc(limit=6)
    finally:
        signal.alarm(0)


def _text_without_lint(text: str) -> None:
    from planner.errors import PlannerError
    from planner.parse.document import ingest_text
    from tests.robustness.exercise import through_plan

    try:
        plan = ingest_text(text, "fuzz.txt").plan
    except PlannerError:
        return
    through_plan(plan)


def _work(args: tuple[int, int, str | None]) -> tuple[int, str, str]:
    return one(*args)


def open_in_libreoffice(folder: Path) -> dict:
    from planner.render.preview import ConversionError, ToolMissing, docx_to_pdf

    opened, failed = 0, []
    for docx in sorted(folder.glob("*.docx")):
        try:
            docx_to_pdf(docx, folder / "pdf")
            opened += 1
        except ToolMissing:
            return {"libreoffice": "未安装"}
        except ConversionError:
            failed.append(docx.name)
    return {"libreoffice_opened": opened, "libreoffice_failed": failed}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--inputs", type=int, default=100_000)
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--workers", type=int, default=max(1, multiprocessing.cpu_count()))
    parser.add_argument("--timeout", type=int, default=30, help="seconds allowed per input")
    parser.add_argument("--only", type=int, help="replay one input by its number")
    parser.add_argument("--out", type=Path, default=Path("bench/results/fuzz.json"))
    args = parser.parse_args()
    if args.only is not None:
        print(one(args.only, args.timeout))
        return
    samples = Path(args.out).parent / "fuzz-samples"
    samples.mkdir(parents=True, exist_ok=True)
    started = time.time()
    counts = {"ok": 0, "crash": 0, "hang": 0}
    findings = []
    jobs = ((n, args.timeout, str(samples)) for n in range(args.start, args.start + args.inputs))
    with multiprocessing.Pool(args.workers, maxtasksperchild=2000) as pool:
        for done, (number, outcome, detail) in enumerate(pool.imap_unordered(_work, jobs, chunksize=20), 1):
            counts[outcome] += 1
            if outcome != "ok":
                findings.append({"input": number, "outcome": outcome, "detail": detail})
                print(f"input {number}: {outcome} ({detail.splitlines()[0]}); "
                      f"replay: python -m tests.robustness.long_run --only {number}", flush=True)
            if done % 5000 == 0:
                print(f"{done} inputs, {counts}, {time.time() - started:.0f} s", flush=True)
    summary = {"inputs": args.inputs, "start": args.start, **counts, "seconds": round(time.time() - started),
               "findings": findings[:50], **open_in_libreoffice(samples)}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(summary, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in summary.items() if k != "findings"}, ensure_ascii=False))


if __name__ == "__main__":
    main()
