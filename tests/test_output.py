"""planner.output: the one check of outputs against inputs, and writes that never replace a
special file, follow symbolic links and keep hard links."""
from __future__ import annotations

import os
import stat
import threading

import pytest

from planner.errors import OutputError
from planner.output import OutputCheck, same_file, write_atomic


def fifo(path):
    try:
        os.mkfifo(path)
    except (AttributeError, OSError) as error:
        pytest.skip(f"cannot make a FIFO here: {error}")
    return path


def null_device(path):
    """A character device like /dev/null (1, 3), made where the test can see it."""
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (AttributeError, OSError) as error:
        pytest.skip(f"cannot make a device node here (needs root): {error}")
    return path


def test_a_fifo_nobody_reads_is_refused_and_stays_a_fifo(tmp_path):
    pipe = fifo(tmp_path / "out.yaml")
    with pytest.raises(OutputError, match="没有程序在读取"):
        write_atomic(pipe, "标题：方案\n")
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)


def test_a_fifo_with_a_reader_is_written_into(tmp_path):
    pipe = fifo(tmp_path / "out.yaml")
    got = []
    reader = threading.Thread(target=lambda: got.append(open(pipe, "rb").read()))
    reader.start()
    for _ in range(200):  # the reader's open blocks until the writer's: retry until it is there
        try:
            write_atomic(pipe, "标题：方案\n")
            break
        except OutputError:
            threading.Event().wait(0.01)
    reader.join(timeout=10)
    assert got == ["标题：方案\n".encode()] and stat.S_ISFIFO(os.stat(pipe).st_mode)


def test_a_character_device_is_written_into_not_replaced(tmp_path):
    device = null_device(tmp_path / "null")
    write_atomic(device, b"x" * 100_000)
    assert stat.S_ISCHR(os.stat(device).st_mode) and os.stat(device).st_rdev == os.makedev(1, 3)
    assert [p.name for p in tmp_path.iterdir()] == ["null"]  # no temp file left beside it


def test_paths_under_dev_are_never_replaced():
    from planner.output import _written_into

    assert _written_into("/dev/null") and _written_into("/dev/stdout") and not _written_into("/dev/shm/x.docx")


def test_a_symbolic_link_is_followed_and_stays_a_link(tmp_path):
    real = tmp_path / "real.txt"
    real.write_text("旧", "utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    write_atomic(link, "新")
    assert link.is_symlink() and real.read_text("utf-8") == "新"


def test_a_dangling_link_creates_the_file_it_points_to(tmp_path):
    link = tmp_path / "link.txt"
    link.symlink_to("target.txt")
    write_atomic(link, "新")
    assert link.is_symlink() and (tmp_path / "target.txt").read_text("utf-8") == "新"


def test_a_hard_linked_file_is_rewritten_in_place(tmp_path):
    first = tmp_path / "a.txt"
    first.write_text("旧的内容，比新的长", "utf-8")
    second = tmp_path / "b.txt"
    os.link(first, second)
    inode = first.stat().st_ino
    write_atomic(second, "新")
    assert first.stat().st_ino == second.stat().st_ino == inode and first.stat().st_nlink == 2
    assert first.read_text("utf-8") == "新"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]  # the old copy is gone


def test_a_hard_linked_file_killed_half_way_leaves_its_old_content_beside_it(tmp_path, monkeypatch):
    import planner.output

    first = tmp_path / "a.txt"
    first.write_text("旧的内容", "utf-8")
    os.link(first, tmp_path / "b.txt")

    def failing_open(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(planner.output, "open", failing_open, raising=False)
    with pytest.raises(OutputError, match="磁盘空间不足"):
        write_atomic(first, "新的内容")
    (copy,) = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert copy.read_text("utf-8") == "旧的内容" == first.read_text("utf-8")


@pytest.mark.parametrize("name, reason", [("loop", "符号链接循环"), ("a" * 300, "文件名过长"),
                                          ("长" * 100 + ".txt", "文件名过长")])
def test_an_impossible_output_name_is_one_line(tmp_path, name, reason):
    if name == "loop":
        (tmp_path / "loop").symlink_to("loop2")
        (tmp_path / "loop2").symlink_to("loop")
    with pytest.raises(OutputError, match=reason) as caught:
        write_atomic(tmp_path / name, "x")
    assert "\n" not in str(caught.value)


def test_a_name_near_the_limit_still_gets_a_temp_file(tmp_path):
    target = tmp_path / ("a" * 250 + ".txt")  # 254 bytes: valid; its temp name must be too
    write_atomic(target, "x")
    assert target.read_text() == "x"


def test_output_same_as_an_input_by_path_link_or_inode_is_refused(tmp_path):
    source = tmp_path / "plan.yaml"
    source.write_text("title: 方案\n", "utf-8")
    (tmp_path / "link.yaml").symlink_to(source)
    os.link(source, tmp_path / "hard.yaml")
    for output in (source, tmp_path / "." / "plan.yaml", tmp_path / "link.yaml", tmp_path / "hard.yaml"):
        with pytest.raises(OutputError, match="输入文件相同"):
            OutputCheck([source]).claim(output)
    assert same_file(tmp_path / "link.yaml", tmp_path / "hard.yaml")


def test_output_inside_an_input_directory_is_refused(tmp_path):
    templates = tmp_path / "t"
    templates.mkdir()
    check = OutputCheck().read(templates, label="--templates")
    with pytest.raises(OutputError, match="--templates"):
        check.claim(templates / "note.j2")
    assert check.claim(tmp_path / "out.docx") == tmp_path / "out.docx"


def test_two_inputs_never_write_one_output(tmp_path):
    check = OutputCheck([tmp_path / "a" / "x.txt", tmp_path / "b" / "x.txt"])
    check.claim(tmp_path / "out" / "x.yaml", source=tmp_path / "a" / "x.txt")
    check.claim(tmp_path / "out" / "x.yaml", source=tmp_path / "a" / "." / "x.txt")  # the same input
    with pytest.raises(OutputError, match="同一个文件"):
        check.claim(tmp_path / "out" / "." / "x.yaml", source=tmp_path / "b" / "x.txt")


def test_an_in_place_fix_may_write_its_own_input_only(tmp_path):
    check = OutputCheck([tmp_path / "a.txt", tmp_path / "b.txt"])
    check.claim(tmp_path / "a.txt", source=tmp_path / "a.txt", replaces_source=True)
    with pytest.raises(OutputError):
        check.claim(tmp_path / "b.txt", source=tmp_path / "a.txt", replaces_source=True)
