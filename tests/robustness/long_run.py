"""The long fuzzing run: `python -m tests.robustness.long_run --inputs 100000 [--kinds text|files|all]`.

Each input is built from its number (so any finding is replayed with `--only N`). Text kinds
(`--kinds text`): a mutated seed text, random text, a plan of hostile strings, or a run of nasty
strings; each goes through ingest, render (the DOCX must open with python-docx), export, and for
every fifth input lint. File kinds (`--kinds files`, tests/robustness/mutations.py): a file's
bytes for each reader (txt in any encoding, HTML, PDF, DOCX zip bytes), real DOCX with their XML
mutated or their attributes odd (through ingest and check-format), plan files with hostile YAML
scalars or JSON (through lint and render), and punctuation-only mutations of the seeds through
`lint --fix`, whose fixed draft must keep its shape. Anything but planner's own error is a crash
(so is a shape that --fix changed); an input that takes longer than --timeout is a hang.

Every DOCX opens with python-docx as it is made. Every --sample-every'th input's DOCX, of all
four kinds, is kept and at the end opened in LibreOffice in batches (converted to text:
LibreOffice must read the whole document); every --pdf-every'th of those is also laid out as a
PDF (a 100k-character paragraph takes LibreOffice minutes to lay out). `--sample-every 1` opens
every DOCX of the run: 99,836 DOCX from 100k inputs, 1.6 GB, read at about 13 a second on
2 cores, so two hours more. `--open-only` opens the DOCX an earlier run left in fuzz-samples/
without fuzzing again, and `--resume` carries on where an interrupted opening stopped.
The summary is JSON.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import shutil
import signal
import time
import traceback
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

KINDS = ("mutated", "random", "plan", "nasty")  # the text kinds
FILE_KINDS = ("txt", "html", "pdf", "docx", "docx-xml", "check-attr", "yaml", "json", "fix")
KIND_SETS = {"text": KINDS, "files": FILE_KINDS, "all": KINDS + FILE_KINDS}


class Hang(Exception):
    pass


def _alarm(signum, frame):
    raise Hang()


def one(number: int, timeout: int, sample_dir: str | None = None,
        sample_every: int = 0, kinds: tuple[str, ...] = KINDS) -> tuple[int, str, str]:
    """(number, outcome, detail): outcome is ok, crash or hang."""
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(timeout)
    kind = kinds[number % len(kinds)]
    try:
        data = _exercise(number, kind) if kind in KINDS else _exercise_file(number, kind)
        if data and sample_dir and sample_every and number % sample_every == 0:
            Path(sample_dir, f"{number}.docx").write_bytes(data)
        return number, "ok", ""
    except Hang:  # where the alarm found it: the frames it was running when time ran out
        return number, "hang", kind + "\n" + traceback.format_exc(limit=-6)
    except Exception:  # noqa: BLE001 — the point of the run: anything not PlannerError is a finding
        return number, "crash", kind + "\n" + traceback.format_exc(limit=6)
    finally:
        signal.alarm(0)


def _exercise(number: int, kind: str) -> bytes | None:
    """Input `number` through every stage; the DOCX it rendered, if any."""
    from planner.model import Plan
    from tests.robustness.exercise import through_plan, through_text
    from tests.robustness.inputs import NASTY, SEEDS, mutate, nasty_plan, nasty_text

    rng = random.Random(number)
    if kind == "mutated":
        text = mutate(rng.choice(SEEDS), rng)
        return through_text(text) if number % 5 == 0 else _text_without_lint(text)
    if kind == "random":
        text = "".join(chr(rng.choice([rng.randint(32, 0x2FFF), rng.randint(0x4E00, 0x9FFF)]))
                       for _ in range(rng.randint(0, 300)))
        return through_text(text) if number % 5 == 0 else _text_without_lint(text)
    if kind == "plan":
        return through_plan(Plan.model_validate(nasty_plan(rng)))
    text = "".join(rng.choice(NASTY) for _ in range(rng.randint(0, 40))) + nasty_text(rng)
    return through_plan(Plan.model_validate({"title": text or "方案", "preamble": [{"clauses": [{"text": text}]}]}))


def _exercise_file(number: int, kind: str) -> None:
    """Input `number` of a file kind through what reads it (tests/robustness/mutations.py)."""
    import tempfile

    from tests.robustness.exercise import through_fix
    from tests.robustness.inputs import punctuation_mutation
    from tests.robustness.mutations import make, through_file

    rng = random.Random(number)
    if kind == "fix":
        through_fix(punctuation_mutation(rng))
        return
    with tempfile.TemporaryDirectory(prefix="planner-fuzz-") as folder:
        through_file(kind, make(kind, rng), Path(folder))


def _text_without_lint(text: str) -> bytes | None:
    from planner.errors import PlannerError
    from planner.parse.document import ingest_text
    from tests.robustness.exercise import through_plan

    try:
        plan = ingest_text(text, "fuzz.txt").plan
    except PlannerError:
        return None
    return through_plan(plan)


def _work(args: tuple) -> tuple[int, str, str]:
    return one(*args)


BATCH = 100  # documents per LibreOffice process, which starts in about 1 s
BATCH_TIMEOUT = 900  # seconds for a batch; a batch that runs out is retried a document at a time
ONE_TIMEOUT = 300  # seconds for one document on its own


def open_in_libreoffice(folder: Path, pdf_every: int, workers: int, resume: bool = False) -> dict:
    """Open every sampled DOCX in LibreOffice (to text, in batches); lay out every
    `pdf_every`'th as a PDF. A document LibreOffice cannot read is a failure; one it reads but
    takes longer than ONE_TIMEOUT over on its own is listed as slow, apart. With `resume`, a
    document whose text an interrupted run already wrote counts as opened."""
    from planner.render.preview import soffice

    if soffice() is None:
        return {"libreoffice": "未安装"}
    if not resume:
        for stale in ("txt", "pdf"):
            shutil.rmtree(folder / stale, ignore_errors=True)
    docs = sorted(folder.glob("*.docx"), key=lambda path: int(path.stem))
    started = time.time()
    done = _made(docs, folder / "txt", ".txt") if resume else set()
    outcomes = [(doc.name, "txt:Text", "ok") for doc in docs if doc.stem in done]
    todo = [doc for doc in docs if doc.stem not in done]
    to_pdf = docs[::pdf_every] if pdf_every else []
    batches = [("txt:Text", todo[i:i + BATCH]) for i in range(0, len(todo), BATCH)]
    batches += [("pdf", [doc]) for doc in to_pdf]
    with ThreadPoolExecutor(workers) as pool:
        for number, batch in enumerate(pool.map(lambda job: _convert(*job, folder), batches), 1):
            outcomes.extend(batch)
            if number % 50 == 0 or number == len(batches):
                bad = sum(1 for _, _, outcome in outcomes if outcome != "ok")
                print(f"LibreOffice: {len(outcomes)} of {len(docs) + len(to_pdf)} conversions, "
                      f"{bad} not ok, {time.time() - started:.0f} s", flush=True)
    failed = sorted(name for name, target, outcome in outcomes if outcome == "failed")
    slow = sorted(name for name, target, outcome in outcomes if outcome == "slow")
    return {"docx": len(docs), "libreoffice_opened": sum(1 for _, target, o in outcomes if target == "txt:Text" and o == "ok"),
            "libreoffice_pdf": sum(1 for _, target, o in outcomes if target == "pdf" and o == "ok"),
            "libreoffice_failed": failed, "libreoffice_slow": slow,
            "libreoffice_seconds": round(time.time() - started)}


def _convert(target: str, docs: list[Path], folder: Path) -> list[tuple[str, str, str]]:
    """(document, target, ok | failed | slow) for each of `docs`."""
    out = folder / target.split(":")[0]
    made = _soffice(target, docs, out, BATCH_TIMEOUT if len(docs) > 1 else ONE_TIMEOUT)
    results = []
    for doc in docs:
        if doc.stem in made:
            results.append((doc.name, target, "ok"))
        elif len(docs) > 1:  # the batch ran out of time or LibreOffice stopped: this one alone
            results.extend(_convert(target, [doc], folder))
        else:
            results.append((doc.name, target, "slow" if made is None else "failed"))
    return results


def _soffice(target: str, docs: list[Path], out: Path, timeout: int) -> set[str] | None:
    """Stems of the non-empty files LibreOffice wrote; None when one document ran out of time."""
    from planner.render.preview import convert

    finished = convert(docs, target, out, timeout)
    made = _made(docs, out, "." + target.split(":")[0])
    return None if not finished and len(docs) == 1 else made


def _made(docs: list[Path], out: Path, suffix: str) -> set[str]:
    """Stems of `docs` with a non-empty `suffix` file in `out`."""
    return {doc.stem for doc in docs if _size(out / (doc.stem + suffix))}


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--inputs", type=int, default=100_000)
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--workers", type=int, default=max(1, multiprocessing.cpu_count()))
    parser.add_argument("--timeout", type=int, default=30, help="seconds allowed per input")
    parser.add_argument("--only", type=int, help="replay one input by its number")
    parser.add_argument("--kinds", choices=sorted(KIND_SETS), default="text",
                        help="text: texts and plans through every stage; files: each reader's bytes, "
                             "DOCX XML, odd attributes, YAML, JSON and lint --fix; all: both")
    parser.add_argument("--sample-every", type=int, default=49,
                        help="keep every N'th input's DOCX and open it in LibreOffice at the end "
                             "(N prime to 4, so the four kinds take turns)")
    parser.add_argument("--pdf-every", type=int, default=20,
                        help="of the kept DOCX, lay out every N'th as a PDF too")
    parser.add_argument("--out", type=Path, default=Path("bench/results/fuzz.json"))
    parser.add_argument("--open-only", action="store_true",
                        help="no fuzzing: open the DOCX an earlier run kept in fuzz-samples/ and "
                             "write the LibreOffice summary to --out")
    parser.add_argument("--resume", action="store_true",
                        help="with --open-only: count DOCX whose text an interrupted run wrote as opened")
    args = parser.parse_args()
    kinds = KIND_SETS[args.kinds]
    if args.only is not None:
        print(one(args.only, args.timeout, kinds=kinds))
        return
    samples = Path(args.out).parent / "fuzz-samples"
    if args.open_only:
        _report(args.out, {"pdf_every": args.pdf_every,
                           **open_in_libreoffice(samples, args.pdf_every, args.workers, args.resume)})
        return
    samples.mkdir(parents=True, exist_ok=True)
    started = time.time()
    counts = {"ok": 0, "crash": 0, "hang": 0}
    by_kind = {kind: 0 for kind in kinds}
    findings = []
    for old in samples.glob("*.docx"):  # a sample is this run's alone
        old.unlink()
    jobs = ((n, args.timeout, str(samples), args.sample_every, kinds)
            for n in range(args.start, args.start + args.inputs))
    with multiprocessing.Pool(args.workers, maxtasksperchild=2000) as pool:
        for done, (number, outcome, detail) in enumerate(pool.imap_unordered(_work, jobs, chunksize=20), 1):
            counts[outcome] += 1
            by_kind[kinds[number % len(kinds)]] += 1
            if outcome != "ok":
                findings.append({"input": number, "outcome": outcome, "detail": detail})
                print(f"input {number}: {outcome} ({detail.splitlines()[0]}); "
                      f"replay: python -m tests.robustness.long_run --only {number}", flush=True)
            if done % 5000 == 0:
                print(f"{done} inputs, {counts}, {time.time() - started:.0f} s", flush=True)
    _report(args.out, {"inputs": args.inputs, "start": args.start, "kinds": args.kinds, "per_kind": by_kind, **counts,
                       "seconds": round(time.time() - started), "findings": findings[:50],
                       "sample_every": args.sample_every, "pdf_every": args.pdf_every,
                       **open_in_libreoffice(samples, args.pdf_every, args.workers)})


def _report(out: Path, summary: dict) -> None:
    """Write the summary as JSON to `out` and print it, the findings left out."""
    from planner.output import write_atomic

    write_atomic(out, json.dumps(summary, ensure_ascii=False, indent=2) + "\n")
    print(json.dumps({k: v for k, v in summary.items() if k != "findings"}, ensure_ascii=False))


if __name__ == "__main__":
    main()
