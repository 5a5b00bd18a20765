"""Nothing is lost: a killed write leaves the old output whole, no command touches its inputs
(whatever option names them) or replaces a special file given as an output, links are
followed and kept, and the clause library survives a killed `planner mine`."""
from __future__ import annotations

import hashlib
import os
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

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


# --- every command that writes: special files, secondary inputs, links ---------------------

HAS_OFFICE = bool(shutil.which("soffice") or shutil.which("libreoffice")) and bool(shutil.which("pdftoppm"))


def call(capsys, *args: str) -> tuple[int, str, str]:
    """planner's entry point in this process (exit code, stdout, stderr)."""
    from planner.cli import main

    try:
        main([str(a) for a in args])
        code = 0
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else 1
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    """A plan, a second plan, a document, an outline with its notice, and a library."""
    folder = tmp_path_factory.mktemp("inputs")
    shutil.copy(next(PLANS.glob("000_*.yaml")), folder / "plan.yaml")
    shutil.copy(next(PLANS.glob("002_*.yaml")), folder / "other.yaml")
    shutil.copy(next(CORPUS.glob("000_*.txt")), folder / "doc.txt")
    assert planner("rollover", "plan.yaml", "-o", "outline.yaml", cwd=folder).returncode == 0
    assert planner("mine", "doc.txt", "--db", "lib.sqlite", cwd=folder).returncode == 0
    return folder


# (command, where the special file goes: S is its name), for every command that writes.
WRITERS = {
    "ingest": (["ingest", "{in}/doc.txt", "-o", "{dir}"], "doc.yaml"),
    "export": (["export", "{in}/plan.yaml", "-o", "{S}"], "e.txt"),
    "schema": (["schema", "-o", "{S}"], "s.json"),
    "render": (["render", "{in}/plan.yaml", "-o", "{S}"], "r.docx"),
    "notice": (["notice", "{in}/plan.yaml", "-o", "{S}"], "n.docx"),
    "matrix": (["matrix", "{in}/plan.yaml", "-o", "{S}"], "m.xlsx"),
    "diff docx": (["diff", "{in}/plan.yaml", "{in}/other.yaml", "--format", "docx", "-o", "{S}"], "d.docx"),
    "diff text": (["diff", "{in}/plan.yaml", "{in}/other.yaml", "-o", "{S}"], "d.txt"),
    "rollover": (["rollover", "{in}/plan.yaml", "-o", "{S}"], "o.yaml"),
    "draft": (["draft", "{in}/outline.yaml", "--db", "{in}/lib.sqlite", "-o", "{S}"], "p.yaml"),
    "draft --docx": (["draft", "{in}/outline.yaml", "--db", "{in}/lib.sqlite", "--docx", "{S}"], "p.docx"),
    "draft --notice": (["draft", "{in}/outline.yaml", "--db", "{in}/lib.sqlite", "--notice", "{S}"], "t.docx"),
    "lint --fix": (["lint", "--fix", "{dir}/doc.txt"], "doc.fixed.txt"),
    "mine": (["mine", "{in}/doc.txt", "--db", "{S}"], "lib.sqlite"),
    "preview": (["preview", "{in}/plan.yaml", "-o", "{dir}"], "plan.pdf"),
}


def special(tmp_path, name: str, kind: str):
    path = tmp_path / name
    if kind == "fifo":
        try:
            os.mkfifo(path)
        except (AttributeError, OSError) as error:
            pytest.skip(f"cannot make a FIFO here: {error}")
    else:  # a character device like /dev/null; only root may make one
        try:
            os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        except (AttributeError, OSError) as error:
            pytest.skip(f"cannot make a device node here: {error}")
    return path


@pytest.mark.parametrize("kind", ["fifo", "device"])
@pytest.mark.parametrize("command", sorted(WRITERS))
def test_no_command_replaces_a_special_file(command, kind, inputs, tmp_path, capsys):
    """Given as an output, a FIFO nobody reads or a character device (as /dev/null is) is
    written into or refused in one line; it is never replaced by a regular file."""
    if command == "preview" and not HAS_OFFICE:
        pytest.skip("LibreOffice/poppler not installed")
    args, name = WRITERS[command]
    path = special(tmp_path, name, kind)
    if command == "lint --fix":
        shutil.copy(inputs / "doc.txt", tmp_path / "doc.txt")
    before = os.stat(path)
    code, _, err = call(capsys, *[a.format(**{"in": inputs, "dir": tmp_path, "S": path}) for a in args])
    after = os.stat(path)
    assert (stat.S_IFMT(after.st_mode), after.st_ino, after.st_rdev) == \
        (stat.S_IFMT(before.st_mode), before.st_ino, before.st_rdev), command
    assert "Traceback" not in err
    if kind == "fifo" or command == "mine":  # nothing reads the FIFO; a library must be a regular file
        assert code == 2 and err.count("\n") == 1, (command, err)
        assert ("没有程序在读取" if command != "mine" else "不是普通文件") in err, err
    else:
        assert code in (0, 1), (command, err)  # lint --fix: the fixed draft still has findings
    leftovers = sorted(p.name for p in tmp_path.iterdir() if p.name not in (name, "doc.txt"))
    assert leftovers == [] or command in ("preview",), leftovers


def fifo_reader(path, sink: list):
    import threading

    reader = threading.Thread(target=lambda: sink.append(open(path, "rb").read()))
    reader.start()
    return reader


def test_a_read_fifo_receives_the_output(inputs, tmp_path, capsys):
    path = special(tmp_path, "e.txt", "fifo")
    got: list = []
    reader = fifo_reader(path, got)
    for _ in range(300):  # the reader opens the FIFO in its own time
        code, _, err = call(capsys, "export", inputs / "plan.yaml", "-o", path)
        if code == 0:
            break
        time.sleep(0.01)
    reader.join(timeout=30)
    assert code == 0 and got and "数字即墨" in got[0].decode("utf-8")
    assert stat.S_ISFIFO(os.stat(path).st_mode)


def unchanged(*paths: Path):
    """The files' contents now, to compare after a command."""
    return {p: p.read_bytes() for p in paths}


@pytest.mark.parametrize("case", ["draft -o = --db", "draft --docx = outline", "draft -o = --docx",
                                  "render -o = --profile", "render -o in --templates", "notice -o = plan",
                                  "lint --fix = 2nd input", "lint --fix = --config", "mine --db = input",
                                  "diff -o = new", "rollover -o = plan", "export -o = plan"])
def test_no_output_is_an_input_whatever_option_names_it(case, inputs, tmp_path, capsys):
    for name in ("plan.yaml", "other.yaml", "doc.txt", "outline.yaml", "lib.sqlite"):
        shutil.copy(inputs / name, tmp_path / name)
    profile = tmp_path / "my.yaml"
    profile.write_text("sizes:\n  body: 32\n", "utf-8")
    templates = tmp_path / "t"
    templates.mkdir()
    (templates / "note.j2").write_text("{{ title }}", "utf-8")
    (tmp_path / "doc.fixed.txt").write_text("第二份草稿，不是 doc.txt 的修复结果。\n", "utf-8")
    (tmp_path / "c.fixed.txt").write_text("rules: {}\n", "utf-8")
    shutil.copy(tmp_path / "doc.txt", tmp_path / "c.txt")
    t = tmp_path
    args = {
        "draft -o = --db": ["draft", t / "outline.yaml", "-o", t / "lib.sqlite", "--db", t / "lib.sqlite"],
        "draft --docx = outline": ["draft", t / "outline.yaml", "--db", t / "lib.sqlite", "--docx", t / "outline.yaml"],
        "draft -o = --docx": ["draft", t / "outline.yaml", "--db", t / "lib.sqlite", "-o", t / "x.yaml",
                              "--docx", t / "x.yaml"],
        "render -o = --profile": ["render", t / "plan.yaml", "-o", profile, "--profile", profile],
        "render -o in --templates": ["render", t / "plan.yaml", "-o", templates / "note.j2", "--templates", templates],
        "notice -o = plan": ["notice", t / "plan.yaml", "-o", t / "plan.yaml"],
        "lint --fix = 2nd input": ["lint", "--fix", t / "doc.txt", t / "doc.fixed.txt"],
        "lint --fix = --config": ["lint", "--fix", t / "c.txt", "--config", t / "c.fixed.txt"],
        "mine --db = input": ["mine", t / "doc.txt", "--db", t / "doc.txt"],
        "diff -o = new": ["diff", t / "plan.yaml", t / "other.yaml", "-o", t / "other.yaml"],
        "rollover -o = plan": ["rollover", t / "plan.yaml", "-o", t / "plan.yaml"],
        "export -o = plan": ["export", t / "plan.yaml", "-o", t / "plan.yaml"],
    }[case]
    before = unchanged(*(p for p in tmp_path.rglob("*") if p.is_file()))
    code, _, err = call(capsys, *args)
    after = unchanged(*before)
    assert after == before, case
    assert "Traceback" not in err and ("输入" in err or "同一个文件" in err), err
    if case == "lint --fix = 2nd input":  # doc.txt refused, doc.fixed.txt itself linted and fixed
        assert code == 1 and (t / "doc.fixed.fixed.txt").exists()
    else:
        assert code == 2 and err.count("\n") == 1, err
    assert not (t / "x.yaml").exists()  # draft claims every output before writing any


def test_two_inputs_of_one_name_never_share_an_output(tmp_path, capsys):
    for folder, prefix in (("a", "000"), ("b", "002")):
        (tmp_path / folder).mkdir()
        shutil.copy(next(CORPUS.glob(f"{prefix}_*.txt")), tmp_path / folder / "x.txt")
    code, out, err = call(capsys, "ingest", tmp_path / "a" / "x.txt", tmp_path / "b" / "x.txt", "-o", tmp_path / "out")
    assert code == 1 and err.count("\n") == 1 and "b/x.txt" in err and "同一个文件" in err
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["x.txt.yaml"]
    assert "数字即墨" in (tmp_path / "out" / "x.txt.yaml").read_text("utf-8")  # a's, not overwritten by b's


def test_lint_fix_in_place_fixes_through_a_link_and_keeps_hard_links(tmp_path, capsys):
    real = tmp_path / "real.txt"
    shutil.copy(next(CORPUS.glob("000_*.txt")), real)
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    hard = tmp_path / "hard.txt"
    os.link(real, hard)
    assert "," in real.read_text("utf-8")
    code, _, err = call(capsys, "lint", "--fix", "--in-place", link)
    assert code in (0, 1) and "Traceback" not in err
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.stat().st_ino == hard.stat().st_ino and real.stat().st_nlink == 2
    fixed = real.read_text("utf-8")
    assert "各镇人民政府，各街道办事处" in fixed and hard.read_text("utf-8") == fixed
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hard.txt", "link.txt", "real.txt"]


@pytest.mark.parametrize("name, reason", [("loop", "符号链接循环"), ("a" * 300 + ".txt", "文件名过长")])
def test_an_impossible_output_path_is_one_line(name, reason, inputs, tmp_path, capsys):
    if name == "loop":
        (tmp_path / "loop").symlink_to(tmp_path / "loop2")
        (tmp_path / "loop2").symlink_to(tmp_path / "loop")
    for command in (["export", inputs / "plan.yaml", "-o"], ["render", inputs / "plan.yaml", "-o"]):
        code, _, err = call(capsys, *command, tmp_path / name)
        assert code == 2 and err.count("\n") == 1 and reason in err and "Traceback" not in err, err
