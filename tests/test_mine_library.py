"""The clause library file: mining, content hashes, bad inputs, foreign files, two writers,
the default library, clusters and target histories (gold values read from the seeds)."""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from planner.mine import store
from planner.mine.library import default_library, mine_corpus
from planner.mine.lookup import NotFoundError, cluster_members, target_history

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "examples" / "corpus"
JIMO = next(CORPUS.glob("000_*.txt"))
WEIHAI = next(CORPUS.glob("004_*.txt"))


def run(*args: str, cwd: Path = ROOT):
    proc = subprocess.run([sys.executable, "-m", "planner", *args], capture_output=True,
                          text=True, cwd=cwd)
    return proc.returncode, proc.stdout, proc.stderr


def count(db: Path, sql: str) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchone()[0]


def test_library_holds_documents_clauses_units_targets(library):
    assert count(library, "SELECT count(*) FROM documents") == 5
    assert count(library, "PRAGMA journal_mode") == "wal"
    # 即墨 notes (seeds.md): 45 in all; every sentence they cover carries the units.
    assert count(library, "SELECT count(DISTINCT c.responsibility) FROM clauses c JOIN documents d "
                          "ON d.id = c.doc_id WHERE d.name LIKE '000_%'") >= 30
    assert count(library, "SELECT count(*) FROM units WHERE canonical = '区民政局'") > 0
    assert count(library, "SELECT count(*) FROM parts") > 0
    assert count(library, "SELECT count(*) FROM items") >= 26 + 19 + 22


def test_remining_unchanged_files_is_a_noop(tmp_path):
    db = tmp_path / "lib.sqlite"
    first = mine_corpus([JIMO, WEIHAI], db)
    assert [r.status for r in first.results] == ["added", "added"]
    ids = count(db, "SELECT max(id) FROM clauses")
    again = mine_corpus([JIMO, WEIHAI], db)
    assert [r.status for r in again.results] == ["unchanged", "unchanged"]
    assert count(db, "SELECT max(id) FROM clauses") == ids


def test_changed_file_replaces_its_rows(tmp_path):
    db, copy = tmp_path / "lib.sqlite", tmp_path / "即墨.txt"
    shutil.copy(JIMO, copy)
    mine_corpus([copy], db)
    before = count(db, "SELECT count(*) FROM clauses")
    text = copy.read_text("utf-8").replace("新建5G基站1000座", "新建5G基站1100座")
    copy.write_text(text + "\n(五)强化人才支撑。引进数字化人才。(责任单位:区人力资源和社会保障局)\n",
                    "utf-8")
    report = mine_corpus([copy], db)
    assert report.results[0].status == "replaced"
    assert count(db, "SELECT count(*) FROM documents") == 1
    assert count(db, "SELECT count(*) FROM clauses") == before + 1
    assert count(db, "SELECT count(*) FROM targets WHERE value = 1000 AND unit = '座'") == 0
    assert count(db, "SELECT count(*) FROM targets WHERE value = 1100 AND unit = '座'") == 1
    assert count(db, "SELECT count(*) FROM grams") == before + 1


def test_bigram_counts_match_the_index_after_a_replacement(tmp_path):
    # gram_df is search's document frequency: it must agree with FTS5's own count.
    db, copy = tmp_path / "lib.sqlite", tmp_path / "即墨.txt"
    shutil.copy(JIMO, copy)
    mine_corpus([copy, WEIHAI], db)
    copy.write_text(copy.read_text("utf-8").replace("新建5G基站1000座", "新建5G基站与机房"), "utf-8")
    mine_corpus([copy, WEIHAI], db)
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, grams, col)")
        indexed = dict(conn.execute("SELECT term, doc FROM temp.vocab WHERE col = 'g'"))
        counted = dict(conn.execute("SELECT gram, clauses FROM gram_df"))
    assert counted == indexed
    assert counted["站与"] == 1


def test_bad_files_are_reported_and_the_batch_goes_on(tmp_path):
    empty, binary = tmp_path / "空.txt", tmp_path / "图.txt"
    empty.write_bytes(b"")
    binary.write_bytes(bytes(range(256)) * 8)
    db = tmp_path / "lib.sqlite"
    code, out, err = run("mine", str(empty), str(binary), str(tmp_path / "无.txt"), str(JIMO),
                         "--db", str(db))
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 3 and "Traceback" not in err
    for line, name in zip(lines, ("空.txt", "图.txt", "无.txt")):
        assert line.startswith("错误：") and name in line and "；" in line
    assert "新增" in out and count(db, "SELECT count(*) FROM documents") == 1


def test_only_bad_files_exit_2(tmp_path):
    code, _, err = run("mine", str(tmp_path / "无.txt"), "--db", str(tmp_path / "lib.sqlite"))
    assert code == 2 and "文件不存在" in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("content", [b"not a database at all" * 100, b"SQLite format 3\0garbage"])
def test_corrupt_library_names_the_rebuild_command(tmp_path, content):
    db = tmp_path / "lib.sqlite"
    db.write_bytes(content)
    code, _, err = run("clauses", "search", "养老", "--db", str(db))
    assert code == 2 and "Traceback" not in err
    assert str(db) in err and "planner mine" in err and len(err.strip().splitlines()) == 1


def test_foreign_database_is_refused(tmp_path):
    db = tmp_path / "other.sqlite"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE people(name TEXT)")
    code, _, err = run("mine", str(JIMO), "--db", str(db))
    assert code == 2 and "不是 planner 条款库" in err and "planner mine" in err
    with sqlite3.connect(db) as conn:  # untouched
        assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["people"]


def test_two_mine_runs_at_once_do_not_corrupt(tmp_path):
    db = tmp_path / "lib.sqlite"
    procs = [subprocess.Popen([sys.executable, "-m", "planner", "mine", str(CORPUS), "--db", str(db)],
                              cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for _ in range(2)]
    for proc in procs:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err.decode()
    assert count(db, "PRAGMA integrity_check") == "ok"
    assert count(db, "SELECT count(*) FROM documents") == 5
    assert count(db, "SELECT count(*) FROM clauses") == count(db, "SELECT sum(clauses) FROM documents")


def test_default_library_is_built_once_and_rebuilt_when_the_corpus_changes(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(JIMO, corpus / JIMO.name)
    monkeypatch.setattr("planner.resources.corpus_dir", lambda: corpus)
    db = default_library()
    assert db == tmp_path / "cache" / "planner" / "library.sqlite"
    built = db.stat().st_mtime_ns
    assert default_library() == db and db.stat().st_mtime_ns == built
    shutil.copy(WEIHAI, corpus / WEIHAI.name)
    default_library()
    assert count(db, "SELECT count(*) FROM documents") == 2


def test_cli_uses_the_default_library_without_setup(tmp_path):
    code, out, err = run("clauses", "search", "养老", "--top", "3", cwd=tmp_path)
    assert code == 0, err
    assert out.count("养老") >= 3


def test_near_duplicates_across_cities_form_a_cluster(conn):
    # 即墨 line 42 and 青岛 line 24: 充分发挥数字即墨/数字青岛建设领导小组作用,统筹规划、项目、数据、行业、应用
    (cluster,) = {r[0] for r in conn.execute(
        "SELECT cluster_id FROM clauses WHERE text LIKE '充分发挥数字%建设领导小组作用%'")}
    members = cluster_members(conn, cluster)
    assert {m.file[:3] for m in members} == {"000", "001"} and members[0].canonical


def test_different_policies_stay_apart(conn):
    rows = conn.execute("SELECT cluster_id FROM clauses WHERE text LIKE '%智慧养老院%' "
                        "OR text LIKE '%5G基站%'").fetchall()
    sizes = [conn.execute("SELECT size FROM clusters WHERE id = ?", r).fetchone()[0] for r in rows]
    assert max(sizes) <= 2


def test_unknown_cluster_is_a_clear_error(conn):
    with pytest.raises(NotFoundError):
        cluster_members(conn, 10 ** 6)


def test_5g_base_station_history(conn):
    # Read from the seeds: 即墨2024 新建5G基站1000座 (line 37); 东营2022 新建并开通5g基站2000个
    # (line 34); 威海2021 年内新建基站1500个以上, 全市5G基站数量达到3500个以上 (line 8).
    found = {(r.region, r.year, r.value, r.unit) for r in target_history(conn, "5G基站")}
    assert {("即墨区", 2024, 1000, "座"), ("东营市", 2022, 2000, "个"),
            ("威海市", 2021, 1500, "个"), ("威海市", 2021, 3500, "个")} <= found
    jimo = [r for r in target_history(conn, "5g基站") if r.region == "即墨区"]
    assert jimo[0].qualifier == "新建"


def test_unknown_metric_is_a_clear_error(conn):
    with pytest.raises(NotFoundError):
        target_history(conn, "登月飞船")


def test_two_first_uses_at_once_share_one_default_library(tmp_path):
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    procs = [subprocess.Popen([sys.executable, "-m", "planner", "clauses", "search", "养老"],
                              cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for _ in range(2)]
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err.decode()
        assert "养老" in out.decode()
    files = sorted(p.name for p in (tmp_path / "cache" / "planner").iterdir())
    assert files[0] == "library.sqlite" and not [f for f in files if f.endswith(".tmp")]


def test_added_documents_join_existing_clusters_like_a_rebuild(tmp_path):
    from planner.mine.cluster import recluster

    db = tmp_path / "lib.sqlite"
    mine_corpus([JIMO], db)
    report = mine_corpus([CORPUS], db)  # 青岛 joins 即墨's 领导小组 cluster incrementally
    assert [r.status for r in report.results].count("added") == 4
    query = ("SELECT d.name, c.seq, k.size FROM clauses c JOIN documents d ON d.id = c.doc_id "
             "JOIN clusters k ON k.id = c.cluster_id ORDER BY d.name, c.seq")
    with sqlite3.connect(db) as plain:
        incremental = plain.execute(query).fetchall()
        assert plain.execute("SELECT count(*) FROM clauses WHERE cluster_id IS NULL").fetchone()[0] == 0
        assert plain.execute("SELECT sum(size) FROM clusters").fetchone()[0] == len(incremental)
    conn = store.connect(db)
    try:
        recluster(conn)
    finally:
        conn.close()
    with sqlite3.connect(db) as plain:
        assert plain.execute(query).fetchall() == incremental


def test_default_library_of_an_older_schema_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    db = default_library()
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA user_version = 1")
    assert default_library() == db
    assert count(db, "PRAGMA user_version") == store.SCHEMA_VERSION
    assert count(db, "SELECT count(*) FROM documents") == 5


def test_national_figures_are_not_a_places_history(conn):
    # 日照 发展基础 (line 19): 我国5G基站数达到337.7万个 — the country's figure, not 日照's.
    assert not [r for r in target_history(conn, "5G基站") if r.value == 337.7]
