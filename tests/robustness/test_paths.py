"""Paths no file can be at (issue 19: "`-o` in a symlink loop or with a 300-character name"):
a symbolic link loop and a name longer than the file system allows, as the output of every
command that writes and as an input of the commands that read. Each is one Chinese line
naming the cause, exit 2 (1 in a batch with a good file, which is still processed), and
nothing is written — not even a command's other outputs."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.robustness.test_nothing_lost import CORPUS, HAS_OFFICE, WRITERS, call, inputs  # noqa: F401  (fixture)

REASONS = {"loop": "符号链接循环", "long": "文件名过长"}
NAME_MAX = 255  # bytes of one file name on Linux file systems (ext4, tmpfs, xfs)


def bad_path(folder: Path, how: str, name: str) -> Path:
    """A path in a link loop (name → name.2 → name) or one whose last part has 300 bytes."""
    if how == "long":
        stem, dot, suffix = name.partition(".")
        return folder / ("长" * 100 + dot + suffix)  # 300 bytes of UTF-8 before the suffix
    path, other = folder / name, folder / (name + ".2")
    path.symlink_to(other)
    other.symlink_to(path)
    return path


def one_error_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.startswith("错误：")]
    assert len(lines) == 1 and "Traceback" not in err and "内部错误" not in err, err
    return lines[0]


@pytest.mark.parametrize("how", sorted(REASONS))
@pytest.mark.parametrize("command", sorted(set(WRITERS) - {"lint --fix"}))
def test_every_output_in_a_link_loop_or_too_long_is_one_line(command, how, inputs, tmp_path, capsys):
    if command == "preview" and not HAS_OFFICE:
        pytest.skip("LibreOffice/poppler not installed")
    assert len(("长" * 100).encode("utf-8")) > NAME_MAX
    args, name = WRITERS[command]
    folder = tmp_path / "out"
    folder.mkdir()
    target = bad_path(folder, how, name if "{S}" in args else "dir")
    filled = [a.replace("{in}", str(inputs)).replace("{S}", str(target)).replace("{dir}", str(target))
              for a in args]
    if command.startswith("draft"):
        filled += ["-o", str(folder / "plan.yaml")] if "-o" not in filled else []
    code, _, err = call(capsys, *filled)
    line = one_error_line(err)
    assert code == 2 and REASONS[how] in line, err
    assert [p for p in folder.iterdir() if not p.is_symlink()] == [], "nothing is written"


@pytest.mark.parametrize("how", sorted(REASONS))
@pytest.mark.parametrize("command", [["lint"], ["lint", "--fix", "--in-place"], ["lint", "--fix"], ["ingest", "-o", "out"],
                                     ["mine", "--db", "lib.sqlite"], ["check-format"]])
def test_an_input_in_a_link_loop_or_too_long_is_one_line_and_the_batch_goes_on(command, how, tmp_path, capsys,
                                                                               monkeypatch):
    """`lint x` where x is a link loop said "planner 内部错误（RuntimeError）" (Path.resolve on a
    loop, Python < 3.13), and so did `mine`, without even the file's name."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    suffix = ".docx" if command == ["check-format"] else ".txt"
    good = tmp_path / ("good" + suffix)
    if suffix == ".docx":
        assert call(capsys, "render", next((CORPUS.parent / "plans").glob("000_*.yaml")), "-o", good)[0] == 0
    else:
        shutil.copy(next(CORPUS.glob("000_*.txt")), good)
    bad = bad_path(tmp_path, how, "bad" + suffix)
    before = good.read_bytes()
    code, out, err = call(capsys, *command[:1], str(bad), str(good), *command[1:])
    line = one_error_line(err)
    if how == "loop":
        assert line.startswith(f"错误：{bad}") and REASONS[how] in line, line
    else:
        assert REASONS[how] in line or "文件不存在" in line, line  # the kernel says ENAMETOOLONG or ENOENT
    assert code == 1, err  # the good file was processed
    assert command[0] != "ingest" or (tmp_path / "out" / "good.yaml").exists()
    assert command[0] != "mine" or "新增" in out
    assert "--in-place" in command or good.read_bytes() == before
    assert os.path.islink(bad) == (how == "loop")
