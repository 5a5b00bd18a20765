"""The workspace over HTTP (the real `planner serve`, tests/conftest.py `served`): one-line errors
with their field, nothing written on bad input, and the local server's guards (Host header,
requests from other sites, paths outside the folder). And the command itself."""
from __future__ import annotations

import json
import urllib.error
import urllib.request
from pathlib import Path
from typing import Optional
from urllib.parse import quote, urlencode

import pytest

from planner.serve import server

ROOT = Path(__file__).resolve().parent.parent
OUTLINE = ROOT / "examples" / "outlines" / "数字即墨2025年行动方案.yaml"
GUARD = {"X-Planner": "1", "Content-Type": "application/json"}


def call(served, path: str, body: Optional[dict] = None, headers: Optional[dict] = None) -> tuple[int, bytes]:
    data = None if body is None else json.dumps(body).encode("utf-8")
    request = urllib.request.Request(served.url + path, data=data, headers=headers or {},
                                     method="GET" if body is None else "POST")
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def version(path: Path) -> str:
    from planner.serve.files import read_versioned

    return read_versioned(path)[1]


def test_an_edit_answers_with_preview_and_findings_and_saves(served):
    path = served.copy(OUTLINE, "接口.yaml")
    status, data = call(served, "/api/edit", {"file": "接口.yaml", "version": version(path), "op": "add_item",
                                              "args": {"part": 0, "heading": "工业互联网", "keywords": "工业互联网"}},
                        GUARD)
    answer = json.loads(data)
    assert status == 200 and "工业互联网" in answer["form"] and 'class="doc"' in answer["preview"]
    assert answer["version"] == version(path) and "工业互联网" in path.read_text(encoding="utf-8")


def test_a_year_of_20255_is_the_cli_line_next_to_the_year_field(served):
    path = served.copy(OUTLINE, "年份.yaml")
    before = path.read_bytes()
    status, data = call(served, "/api/edit", {"file": "年份.yaml", "version": version(path), "op": "set",
                                              "args": {"path": "year", "value": "20255"}}, GUARD)
    answer = json.loads(data)
    assert status == 400 and answer["field"] == "year" and answer["error"].startswith("年份.yaml: year: ")
    assert path.read_bytes() == before


def test_a_stale_page_gets_409_and_the_file_stays(served):
    path = served.copy(OUTLINE, "两个标签页.yaml")
    old = version(path)
    assert call(served, "/api/edit", {"file": path.name, "version": old, "op": "set",
                                      "args": {"path": "issuer", "value": "即墨区人民政府办公室"}}, GUARD)[0] == 200
    saved = path.read_bytes()
    status, data = call(served, "/api/edit", {"file": path.name, "version": old, "op": "set",
                                              "args": {"path": "region", "value": "黄岛区"}}, GUARD)
    assert status == 409 and "已在别处修改" in json.loads(data)["error"]
    assert path.read_bytes() == saved


def test_an_unreadable_upload_is_refused_next_to_the_upload_field(served):
    boundary = "planner-test"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"upload\"; filename=\"上年方案.docx\"\r\n"
            f"Content-Type: application/octet-stream\r\n\r\nnot a zip\r\n--{boundary}--\r\n").encode("utf-8")
    before = sorted(p.name for p in served.root.iterdir())
    request = urllib.request.Request(served.url + "/api/upload", data=body, method="POST", headers={
        "X-Planner": "1", "Content-Type": f"multipart/form-data; boundary={boundary}"})
    with pytest.raises(urllib.error.HTTPError) as raised:
        urllib.request.urlopen(request, timeout=60)
    answer = json.loads(raised.value.read())
    assert raised.value.code == 400 and answer["field"] == "upload" and "\n" not in answer["error"]
    assert sorted(p.name for p in served.root.iterdir()) == before


def test_a_notice_without_its_recipients_names_that_field(served):
    path = served.root / "无通知.yaml"
    text = OUTLINE.read_text(encoding="utf-8")
    path.write_text(text[:text.index("notice:")], encoding="utf-8")
    status, data = call(served, "/download/notice?" + urlencode({"file": path.name}))
    assert status == 400 and json.loads(data)["field"] == "recipients"


def test_a_clusters_variants_are_listed_as_clauses_show_lists_them(served, library):
    from planner.mine import store
    from planner.mine.lookup import cluster_members
    from planner.mine.search import search_clauses

    conn = store.connect(library, create=False)
    try:
        hit = next(h for h in search_clauses(conn, "智慧社区") if h.cluster_size > 1)
        members = cluster_members(conn, hit.cluster)
    finally:
        conn.close()
    status, data = call(served, f"/api/variants?cluster={hit.cluster}")
    page = data.decode("utf-8")
    assert status == 200 and page.count("[代表]") == 1 and page.count("[变体]") == len(members) - 1
    assert all(member.text in page for member in members)


def test_downloads_are_attachments_named_after_the_plan(served):
    status, data = call(served, "/download/plan?file=" + quote(OUTLINE.name))
    assert status == 200 and data[:2] == b"PK"


def test_a_request_naming_another_host_is_refused(served):
    """DNS rebinding: a page elsewhere whose name now points at 127.0.0.1 sends its own Host."""
    status, _ = call(served, "/", headers={"Host": "attacker.example"})
    assert status == 400


def test_changes_from_other_sites_are_refused(served):
    path = served.copy(OUTLINE, "跨站.yaml")
    before = path.read_bytes()
    edit = {"file": path.name, "version": version(path), "op": "set", "args": {"path": "region", "value": "黄岛区"}}
    assert call(served, "/api/edit", edit, {"Content-Type": "application/json"})[0] == 403
    assert call(served, "/api/edit", edit, {**GUARD, "Origin": "http://attacker.example"})[0] == 403
    assert path.read_bytes() == before


@pytest.mark.parametrize("path", ["/download/plan?file=" + quote("../served.yaml"),
                                  "/download/plan?file=" + quote("/etc/passwd"),
                                  "/pages/..%2F..%2Fetc/passwd"])
def test_no_path_outside_the_folder_is_read(served, path):
    status, data = call(served, path)
    assert status in (400, 404) and b"root:" not in data


def test_the_edit_page_of_a_file_outside_the_folder_shows_the_start_page_with_the_error(served):
    status, data = call(served, "/edit?file=" + quote("../x.yaml"))
    assert status == 200 and "只能打开工作目录中的文件" in data.decode("utf-8")


def test_a_yaml_with_an_error_opens_the_start_page_with_its_line(served):
    path = served.root / "语法错误.yaml"
    path.write_text("title: 数字即墨\n\tyear: 2025\n", encoding="utf-8")
    before = path.read_bytes()
    status, data = call(served, "/edit?file=" + quote(path.name))
    page = data.decode("utf-8")
    assert status == 200 and "语法错误.yaml:2:1: YAML 语法错误：不能用 Tab 缩进，请改用空格" in page
    assert 'data-for="open"' in page and path.read_bytes() == before


def test_without_the_extra_serve_says_how_to_install_it(monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "uvicorn" else real(name, *a))
    with pytest.raises(server.ServeError) as raised:
        server.check_extra()
    assert str(raised.value) == "网页工作台需要的组件未安装（uvicorn）；请执行 pip install 'planner[serve]' 后再运行 planner serve"


def test_off_loopback_the_start_line_says_anyone_can_edit(tmp_path):
    assert len(server.banner("http://127.0.0.1:8765/", tmp_path, "127.0.0.1")) == 1
    warned = server.banner("http://127.0.0.1:8765/", tmp_path, "0.0.0.0")
    assert "任何人都能打开并修改" in warned[1]


def test_hosts_a_request_may_name():
    assert server.allowed_hosts("127.0.0.1") == ["127.0.0.1", "localhost", "[::1]", "::1"]
    assert "attacker.example" not in server.allowed_hosts("0.0.0.0")


def test_a_port_in_use_is_one_line():
    taken = server.bind("127.0.0.1", 0)
    try:
        with pytest.raises(server.ServeError, match="--port"):
            server.bind("127.0.0.1", taken.getsockname()[1])
    finally:
        taken.close()
