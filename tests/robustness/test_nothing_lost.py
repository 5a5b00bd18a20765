"""Nothing is lost: a killed write leaves the old output whole, no command touches its inputs,
and the clause library survives a killed `planner mine`."""
from __future__ import annotations

import hashlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PLANS = ROOT / "examples" / "plans"
CORPUS = ROOT / "examples" / "corpus"
BENCH = ROOT / "bench"


def planner(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "planner", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=300)


def big_plan(path: Path, tasks: int) -> Path:
    sys.path.insert(0, str(BENCH))
    try:
        from synthetic import synthetic_plan
    finally:
        sys.path.remove(str(BENCH))
    from planner.planfile import dump_plan

    path.write_text(dump_plan(synthetic_plan(tasks)), encoding="utf-8")
    return path


def test_a_killed_render_leaves_the_old_output_whole(tmp_path):
    source = big_plan(tmp_path / "plan.yaml", 6000)
    target = tmp_path / "plan.docx"
    old = b"the old output, which must survive"
    for delay in (0.3, 0.6, 0.9, 1.2, 1.5, 2.0):
        target.write_bytes(old)
        child = subprocess.Popen([sys.executable, "-m", "planner", "render", str(source), "-o", str(target)],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=tmp_path)
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        child.wait()
        data = target.read_bytes()
        if data != old:  # the rename happened: then the new file is complete
            with zipfile.ZipFile(target) as archive:
                assert archive.testzip() is None and "word/document.xml" in archive.namelist()
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".plan.docx.")]
    assert all(p.endswith(".tmp") for p in leftovers)  # a killed writer may leave its temp file, never a half target


def digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def test_no_command_changes_its_inputs(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for prefix in ("000", "002"):
        shutil.copy(next(PLANS.glob(f"{prefix}_*.yaml")), inputs / f"{prefix}.yaml")
        shutil.copy(next(CORPUS.glob(f"{prefix}_*.txt")), inputs / f"{prefix}.txt")
    out = tmp_path / "out"
    assert planner("render", str(inputs / "000.yaml"), "-o", str(inputs / "000.docx"), cwd=tmp_path).returncode == 0
    before = digest(inputs)
    commands = [
        ["ingest", str(inputs / "000.txt"), str(inputs / "000.docx"), "-o", str(out)],
        ["info", str(inputs / "000.docx")],
        ["export", str(inputs / "000.yaml"), "-o", str(out / "e.txt")],
        ["render", str(inputs / "000.txt"), "-o", str(out / "r.docx")],
        ["notice", str(inputs / "000.yaml"), "-o", str(out / "n.docx")],
        ["check-format", str(inputs / "000.docx")],
        ["lint", str(inputs / "000.txt"), str(inputs / "000.yaml"), str(inputs / "000.docx")],
        ["lint", "--fix", str(inputs / "000.txt"), str(inputs / "000.yaml")],
        ["matrix", str(inputs / "000.yaml"), "-o", str(out / "m.xlsx")],
        ["diff", str(inputs / "000.yaml"), str(inputs / "002.yaml"), "--format", "docx", "-o", str(out / "d.docx")],
        ["mine", str(inputs / "000.txt"), "--db", str(out / "lib.sqlite")],
    ]
    for command in commands:
        proc = planner(*command, cwd=tmp_path)
        assert proc.returncode in (0, 1), (command, proc.stderr)
        after = {k: v for k, v in digest(inputs).items() if k in before}
        assert after == before, command
    assert sorted(p.name for p in inputs.iterdir() if p.name not in before) == ["000.fixed.txt", "000.fixed.yaml"]


def test_the_library_survives_a_killed_mine(tmp_path):
    sys.path.insert(0, str(BENCH))
    try:
        import library as bench_library
    finally:
        sys.path.remove(str(BENCH))
    corpus = tmp_path / "corpus"
    bench_library.make_corpus(corpus, 40)
    db = tmp_path / "lib.sqlite"
    assert planner("mine", str(next(corpus.glob("*.txt"))), "--db", str(db), cwd=tmp_path).returncode == 0
    for delay in (0.8, 1.6):
        child = subprocess.Popen([sys.executable, "-m", "planner", "mine", str(corpus), "--db", str(db)],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=tmp_path)
        time.sleep(delay)
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        with sqlite3.connect(db) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        search = planner("clauses", "search", "智慧养老", "--db", str(db), cwd=tmp_path)
        assert search.returncode == 0, search.stderr
    again = planner("mine", str(corpus), "--db", str(db), cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    with sqlite3.connect(db) as conn:
        documents = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    assert documents == 40
    assert "智慧养老" in planner("clauses", "search", "智慧养老", "--db", str(db), cwd=tmp_path).stdout
