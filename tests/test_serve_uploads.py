"""The workspace's upload and its listening address (issue 19 audit). An upload is read from a
directory made for it alone and removed after: it never replaces a file of the same name, in the
workspace or among earlier uploads, and what it leaves in the workspace (the plan for the 对照表,
the outline) gets a name no file has. `--host ::1` listens on IPv6; an address that is not this
machine's is one Chinese line saying so, not "the port may be taken"."""
from __future__ import annotations

import socket
from pathlib import Path

import pytest

from planner.draft.outline import load_outline
from planner.planfile import load_plan
from planner.serve import files, server
from planner.serve.workspace import Workspace

ROOT = Path(__file__).resolve().parent.parent
JIMO_TXT = ROOT / "examples" / "corpus" / "000_数字即墨2024年行动方案.txt"
DONGYING_TXT = next((ROOT / "examples" / "corpus").glob("002_*.txt"))


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_an_upload_never_replaces_a_file_of_its_name_even_in_the_upload_directory(tmp_path, library):
    """Worst case: uploads land in the workspace itself, which already holds a file of the
    uploaded name and a plan file of its stem."""
    root = tmp_path / "work"
    root.mkdir()
    (root / "上年方案.txt").write_text("用户自己的文件，不能被覆盖", encoding="utf-8")
    (root / "上年方案.yaml").write_text("# 用户自己的方案文件\ntitle: 自己的方案\n", encoding="utf-8")
    before = snapshot(root)
    workspace = Workspace(files.Folder(root, root), library)
    name = workspace.upload("上年方案.txt", JIMO_TXT.read_bytes(), "2025")
    after = snapshot(root)
    assert {key: after[key] for key in before} == before
    added = sorted(set(after) - set(before))
    assert name in added and len(added) == 2, added  # the outline and the plan, under new names
    plan_name = next(n for n in added if n != name)
    assert load_plan(root / plan_name).title == "数字即墨2024年行动方案"
    assert load_outline(root / name).title == "数字即墨2025年行动方案"


def test_two_uploads_of_one_name_are_each_read_as_uploaded(tmp_path, library):
    """The same file name from two tabs (or twice): each outline comes from its own bytes and
    nothing of either stays in the upload directory."""
    root, uploads = tmp_path / "work", tmp_path / "uploads"
    root.mkdir()
    workspace = Workspace(files.Folder(root, uploads), library)
    first = workspace.upload("上年方案.txt", JIMO_TXT.read_bytes(), "2025")
    second = workspace.upload("上年方案.txt", DONGYING_TXT.read_bytes(), "2023")
    assert first != second
    assert load_outline(root / first).title == "数字即墨2025年行动方案"
    assert "东营" in load_outline(root / second).title  # 002 is 东营市数字变革创新2022年行动方案
    assert [p for p in uploads.rglob("*") if p.is_file()] == []


def test_a_failed_upload_leaves_nothing_in_the_upload_directory(tmp_path, library):
    from planner.errors import UserError

    uploads = tmp_path / "uploads"
    workspace = Workspace(files.Folder(tmp_path, uploads), library)
    with pytest.raises(UserError):
        workspace.upload("方案.docx", b"not a zip at all")
    assert [p for p in uploads.rglob("*") if p.is_file()] == []


def ipv6_loopback() -> bool:
    try:
        with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as probe:
            probe.bind(("::1", 0))
        return True
    except OSError:
        return False


@pytest.mark.skipif(not ipv6_loopback(), reason="no IPv6 loopback on this machine")
def test_host_ipv6_loopback_listens_and_its_url_is_bracketed(tmp_path):
    sock = server.bind("::1", 0)
    try:
        assert sock.family == socket.AF_INET6 and sock.getsockname()[0] == "::1"
        port = sock.getsockname()[1]
        assert server.first_url("::1", port, tmp_path, None) == f"http://[::1]:{port}/"
        with socket.create_connection(("::1", port), timeout=5):
            pass  # the socket listens
    finally:
        sock.close()
    assert "[::1]" in server.allowed_hosts("::1")


@pytest.mark.parametrize("host, says", [("192.0.2.1", "本机没有这个地址"),  # TEST-NET-1 (RFC 5737)
                                        ("no-such-host.invalid", "无法识别的地址")])  # RFC 2606
def test_an_address_not_of_this_machine_is_one_line_that_says_so(host, says):
    with pytest.raises(server.ServeError) as raised:
        server.bind(host, 0)
    message = str(raised.value)
    assert says in message and "--host" in message and "端口可能已被占用" not in message
    assert "\n" not in message and message.startswith("无法在 ")
