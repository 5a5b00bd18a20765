"""Hostile files: each refused within a second or two, with one clear line, bounded memory and
nothing written. Every command runs in its own process, as a user would run it."""
from __future__ import annotations

import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LIMIT_S = 5.0  # generous for a loaded CI machine; typical runs are well under 1 s
MEMORY_MB = 400


# Runs one planner process and reports its own peak memory (this wrapper has no other child).
MEASURE = ("import resource, subprocess, sys\n"
           "code = subprocess.call([sys.executable, '-m', 'planner', *sys.argv[1:]])\n"
           "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
           "sys.exit(code)\n")


def run(*args: str, cwd: Path) -> tuple[int, str, float, float]:
    """Exit code, stderr, seconds and peak memory (MB) of one planner process."""
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", MEASURE, *args], capture_output=True, text=True, cwd=cwd,
                          timeout=120)
    elapsed = time.perf_counter() - start
    err, _, peak = proc.stderr.rstrip("\n").rpartition("\n")
    return proc.returncode, err + "\n" if err else "", elapsed, int(peak) / 1024


def refused(tmp_path: Path, name: str, data: bytes, commands: list[list[str]], reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    for command in commands:
        args = [a.replace("FILE", str(path)).replace("OUT", str(tmp_path / "out")) for a in command]
        code, err, seconds, peak = run(*args, cwd=tmp_path)
        assert code == 2, (command, err)
        assert err.count("\n") == 1 and "Traceback" not in err and str(path) in err, err
        assert reason in err, err
        assert seconds < LIMIT_S, (command, seconds)
        assert peak < MEMORY_MB, (command, peak)
        assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


BILLION_LAUGHS = b"a: &a [x, x, x, x, x, x, x, x, x]\n" + b"".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
    f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n".encode()
    for i in range(9))
PLAN_COMMANDS = [["render", "FILE", "-o", "OUT/x.docx"], ["info", "FILE"], ["lint", "FILE"]]


def test_yaml_alias_bomb(tmp_path):
    refused(tmp_path, "bomb.yaml", BILLION_LAUGHS, PLAN_COMMANDS, "锚点和别名")


def test_huge_yaml(tmp_path):
    body = b"title: \xe6\x96\xb9\xe6\xa1\x88\nsections:\n" + b"  - title: x\n" * 3_000_000  # 39 MB
    refused(tmp_path, "huge.yaml", body, [["render", "FILE", "-o", "OUT/x.docx"], ["info", "FILE"]], "过大")


@pytest.mark.parametrize("name, text, reason", [
    ("dup.yaml", "title: 方案\ntitle: 另一个\n", "重复"),
    ("tabs.yaml", "title: 方案\nsections:\n\t- title: x\n", "Tab"),
    ("types.yaml", "title: [1, 2]\n", "title"),
    ("two.yaml", "title: 方案\n---\ntitle: 又一个\n", "一个 YAML 文档"),
])
def test_malformed_plan_files(tmp_path, name, text, reason):
    refused(tmp_path, name, text.encode("utf-8"), [["render", "FILE", "-o", "OUT/x.docx"]], reason)


DOCX_COMMANDS = [["ingest", "FILE", "-o", "OUT"], ["check-format", "FILE"], ["render", "FILE", "-o", "OUT/y.docx"]]


def test_docx_that_is_not_a_zip(tmp_path):
    refused(tmp_path, "fake.docx", "一、总体要求\n".encode("utf-8") * 100, DOCX_COMMANDS, "不是 zip")


def test_zip_bomb(tmp_path):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * (300 * 1024 * 1024))
    refused(tmp_path, "bomb.docx", path.read_bytes(), DOCX_COMMANDS, "压缩炸弹")


def test_docx_with_missing_parts(tmp_path):
    path = tmp_path / "parts.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    refused(tmp_path, "parts.docx", path.read_bytes(), DOCX_COMMANDS, "document.xml")


def test_external_entities_are_never_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("机密内容", encoding="utf-8")
    xml = ('<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file://' + str(secret) + '">]>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
           '<w:p><w:r><w:t>一、总体要求&x;</w:t></w:r></w:p></w:body></w:document>')
    path = tmp_path / "xxe.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", xml)
    for command in (["ingest", str(path), "-o", str(tmp_path / "o")], ["check-format", str(path)]):
        proc = subprocess.run([sys.executable, "-m", "planner", *command], capture_output=True, text=True)
        assert "机密内容" not in proc.stdout + proc.stderr
        for written in (tmp_path / "o").glob("*") if (tmp_path / "o").exists() else []:
            assert "机密内容" not in written.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["big.txt", "big.docx", "big.yaml", "big.pdf"])
def test_a_200_mb_file_is_refused_quickly(tmp_path, name):
    path = tmp_path / name
    with open(path, "wb") as handle:  # sparse: 200 MB on paper, no disk used
        handle.truncate(200 * 1024 * 1024)
    command = ["info", "FILE"] if name.endswith(".yaml") else ["ingest", "FILE", "-o", "OUT"]
    code, err, seconds, peak = run(*[a.replace("FILE", str(path)).replace("OUT", str(tmp_path / "out"))
                                     for a in command], cwd=tmp_path)
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err and str(path) in err, err
    assert seconds < LIMIT_S and peak < MEMORY_MB, (seconds, peak)
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
