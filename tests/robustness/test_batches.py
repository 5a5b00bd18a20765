"""A batch (ingest, lint, check-format, mine) with a bad file in the middle: the bad file is
reported in one Chinese line, every other file is processed, and the exit code is 1. Bad
means a file that makes a reader raise, a file that cannot be read (a directory named like a
document, a dangling link, a file without read permission) or a fault forced into a reader."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests.another_user import AS_ANOTHER_USER
from tests.robustness.hostile import damage_member

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "examples" / "corpus"
PLANS = ROOT / "examples" / "plans"


def planner(*args, cwd: Path, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "planner", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, timeout=300, **kwargs)


def damaged_docx(good: Path, target: Path) -> Path:
    """`good` with word/document.xml's compressed data scrambled (inflate fails)."""
    target.write_bytes(damage_member(good.read_bytes(), "word/document.xml", "deflate"))
    return target


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """good.txt, crash.docx, dir.txt (a directory), gone.txt (a dangling link), good2.txt; and
    the same for DOCX: good.docx, crash.docx, dir.docx, gone.docx, good2.docx."""
    folder = tmp_path_factory.mktemp("batch")
    shutil.copy(next(CORPUS.glob("000_*.txt")), folder / "good.txt")
    shutil.copy(next(CORPUS.glob("002_*.txt")), folder / "good2.txt")
    for name in ("good", "good2"):
        plan = next(PLANS.glob("000_*.yaml" if name == "good" else "002_*.yaml"))
        assert planner("render", plan, "-o", folder / f"{name}.docx", cwd=folder).returncode == 0
    damaged_docx(folder / "good.docx", folder / "crash.docx")
    for suffix in ("txt", "docx"):
        (folder / f"dir.{suffix}").mkdir()
        (folder / f"gone.{suffix}").symlink_to(folder / f"missing.{suffix}")
    return folder


def errors_of(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("错误：")]


def assert_bad_ones_reported(proc, bad: list[str]) -> None:
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = errors_of(proc.stderr)
    assert len(lines) == len(bad), proc.stderr
    for name, line in zip(bad, lines):
        assert name in line and any("\u4e00" <= c <= "\u9fff" for c in line), line


def test_ingest_goes_on_past_bad_files(batch, tmp_path):
    files = ["good.txt", "crash.docx", "dir.txt", "gone.txt", "good2.txt"]
    proc = planner("ingest", *files, "-o", tmp_path / "out", cwd=batch)
    assert_bad_ones_reported(proc, files[1:4])
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["good.yaml", "good2.yaml"]


def test_lint_goes_on_past_bad_files(batch):
    files = ["good.txt", "crash.docx", "dir.txt", "gone.txt", "good2.txt"]
    proc = planner("lint", *files, cwd=batch)
    assert_bad_ones_reported(proc, files[1:4])
    assert "good.txt:" in proc.stdout and "good2.txt:" in proc.stdout


def test_check_format_goes_on_past_bad_files(batch):
    files = ["good.docx", "crash.docx", "dir.docx", "gone.docx", "good2.docx"]
    proc = planner("check-format", *files, cwd=batch)
    assert_bad_ones_reported(proc, files[1:4])
    for name in ("good.docx", "good2.docx"):
        assert f"{name}: 格式检查通过" in proc.stderr + proc.stdout or f"{name}: 发现" in proc.stderr


def test_mine_goes_on_past_bad_files(batch, tmp_path):
    files = ["good.txt", "crash.docx", "gone.txt", "good2.txt"]  # a directory is mined as a folder
    proc = planner("mine", *files, "--db", tmp_path / "lib.sqlite", cwd=batch)
    assert_bad_ones_reported(proc, files[1:3])
    assert proc.stdout.count("新增") == 2


@pytest.mark.parametrize("command", ["ingest", "lint", "check-format", "mine"])
def test_a_fault_in_a_reader_stops_only_its_file(command, batch, tmp_path, monkeypatch, capsys):
    """Whatever a reader raises (here a RuntimeError forced into it), the batch goes on."""
    from planner.cli import main

    def broken(real):
        def reader(path, *args, **kwargs):
            if Path(path).name.startswith("crash"):
                raise RuntimeError("a fault in a reader")
            return real(path, *args, **kwargs)
        return reader

    import planner.check
    import planner.lint.engine
    import planner.parse.document

    target = {"check-format": (planner.check, "check_docx"), "lint": (planner.lint.engine, "read_draft")}.get(
        command, (planner.parse.document, "ingest_document"))
    monkeypatch.setattr(*target, broken(getattr(*target)))
    suffix = "docx" if command == "check-format" else "txt"
    shutil.copy(batch / f"good.{suffix}", tmp_path / f"crash.{suffix}")
    files = [batch / f"good.{suffix}", tmp_path / f"crash.{suffix}", batch / f"good2.{suffix}"]
    extra = {"ingest": ["-o", tmp_path / "out"], "mine": ["--db", tmp_path / "lib.sqlite"]}.get(command, [])
    with pytest.raises(SystemExit) as done:
        main([command, *map(str, files), *map(str, extra)])
    err = capsys.readouterr().err
    assert done.value.code == 1 and "Traceback" not in err
    (line,) = errors_of(err)
    assert "crash." in line and "内部错误（RuntimeError）" in line and "--debug" in line


def test_debug_shows_the_fault_behind_the_line(batch, tmp_path):
    proc = planner("--debug", "ingest", "crash.docx", "-o", tmp_path, cwd=batch)
    assert proc.returncode != 0 and "Traceback" in proc.stderr


@pytest.mark.skipif(AS_ANOTHER_USER is None, reason="planner cannot be run as another user here")
@pytest.mark.parametrize("command", ["ingest", "lint", "check-format", "mine"])
def test_a_file_without_read_permission_is_one_line_of_the_batch(command, batch):
    """chmod 000: click used to refuse the whole command in English before anything ran."""
    folder = Path(tempfile.mkdtemp(prefix="planner-perm-"))
    suffix = "docx" if command == "check-format" else "txt"
    try:
        folder.chmod(0o777)
        shutil.copy(batch / f"good.{suffix}", folder / f"good.{suffix}")
        shutil.copy(batch / f"good.{suffix}", folder / f"secret.{suffix}")
        (folder / f"secret.{suffix}").chmod(0o000)
        extra = {"ingest": ["-o", "out"], "mine": ["--db", "lib.sqlite"]}.get(command, [])
        args = [command, f"good.{suffix}", f"secret.{suffix}", *extra]
        proc = subprocess.run([*AS_ANOTHER_USER, sys.executable, "-m", "planner", *args], capture_output=True,
                              text=True, cwd=folder, env={**os.environ, "HOME": str(folder)}, timeout=300)
        assert proc.returncode == 1, proc.stderr
        (line,) = errors_of(proc.stderr)
        assert "secret." in line and "没有权限" in line and "not readable" not in proc.stderr
        assert command != "ingest" or (folder / "out" / "good.yaml").exists()
        assert command != "mine" or "新增" in proc.stdout
    finally:
        shutil.rmtree(folder, ignore_errors=True)
