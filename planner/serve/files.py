"""The workspace's folder: which files a request may name, what each one is, its version, and
saving with change detection (the file on disk is the source of truth)."""
from __future__ import annotations

import hashlib
import shutil
import tempfile
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional

from planner.errors import PlannerError, UserError

PLAN_SUFFIXES = (".yaml", ".yml", ".json")
UPLOAD_SUFFIXES = (".docx", ".txt")
MAX_LISTED = 200
BOM = b"\xef\xbb\xbf"
# One save at a time: a save reads the file's version, compares and writes, and two requests
# (two tabs) must not interleave between the comparison and the write.
SAVING = threading.Lock()


class ConflictError(UserError):
    """The file changed on disk since the page loaded it (another tab, an editor, the CLI)."""


@dataclass
class Entry:
    """A file the start page lists: `kind` is outline, plan or None (unreadable)."""

    name: str
    kind: Optional[str]
    title: str = ""
    note: str = ""


def version_of(data: bytes) -> str:
    """The version a page holds: a hash of the bytes it was shown."""
    return hashlib.sha256(data).hexdigest()[:16]


class Folder:
    """The working file's directory. A request names files inside it (or inside the upload
    directory, for uploads alone); any other path is refused."""

    def __init__(self, root: Path, uploads: Path) -> None:
        self.root = root.resolve()
        self.uploads = uploads.resolve()

    def resolve(self, name: str, suffixes: tuple[str, ...] = PLAN_SUFFIXES) -> Path:
        """`name` (relative to the folder) as a path inside it, or UserError."""
        if not name or "\x00" in name:
            raise UserError("没有给出文件名", hint="请从列表中选择文件")
        path = (self.root / name).resolve()
        if not path.is_relative_to(self.root):
            raise UserError("只能打开工作目录中的文件", path=name, hint=f"工作目录为 {self.root}")
        if path.suffix.lower() not in suffixes:
            raise UserError("文件类型不对", path=name, hint=f"应为 {'、'.join(suffixes)} 文件")
        return path

    def relative(self, path: Path) -> str:
        return path.resolve().relative_to(self.root).as_posix()

    def listing(self) -> list[Entry]:
        """Plan and outline files in the folder (not its subfolders), by name."""
        files = sorted(p for p in self.root.iterdir()
                       if p.is_file() and p.suffix.lower() in PLAN_SUFFIXES and not p.name.startswith("."))
        return [describe(path, path.name) for path in files[:MAX_LISTED]]

    def new_path(self, stem: str, suffix: str = ".yaml") -> Path:
        """A path for a new file that names no existing one: `数字即墨2025年行动方案.yaml`, then
        `数字即墨2025年行动方案（2）.yaml` …"""
        stem = "".join(ch for ch in stem if ch not in '/\\:*?"<>|\x00').strip(" .") or "方案"
        path, number = self.root / f"{stem}{suffix}", 2
        while path.exists():
            path, number = self.root / f"{stem}（{number}）{suffix}", number + 1
        return path


def kind_of(data: object) -> Optional[str]:
    """outline (it has parts), plan (sections), or None."""
    if isinstance(data, dict):
        if "parts" in data:
            return "outline"
        if "sections" in data or "kind" in data:
            return "plan"
    return None


def describe(path: Path, name: str) -> Entry:
    from planner.planfile import load_data, read_text

    try:
        data = load_data(read_text(path), name)
    except PlannerError as error:
        return Entry(name, None, note=str(error))
    kind = kind_of(data)
    title = str(data.get("title") or "") if isinstance(data, dict) else ""
    return Entry(name, kind, title, "" if kind else "不是方案或起草提纲")


def read_versioned(path: Path) -> tuple[str, str]:
    """(text, version) of a plan or outline file; PlanFileError when unreadable."""
    from planner.planfile import decode_utf8, read_bytes

    data = read_bytes(path)
    return decode_utf8(data, path.name).replace("\r\n", "\n"), version_of(data)


def save(path: Path, text: str, expected: str) -> str:
    """Write `text` over `path` atomically when the file is still at version `expected`;
    ConflictError (nothing written) when it changed meanwhile. Returns the new version."""
    from planner.output import write_atomic

    with SAVING:
        try:
            old = path.read_bytes()
        except OSError:
            old = b""
        if version_of(old) != expected:
            raise conflict(path)
        data = in_form_of(old, text)
        write_atomic(path, data)
        return version_of(data)


def in_form_of(old: bytes, text: str) -> bytes:
    """`text` (lines ending in \\n) as the file held its text: a byte-order mark and CRLF line
    ends (Notepad, WPS) are kept, as `planner lint --fix` keeps them."""
    data = text.encode("utf-8")
    if b"\r\n" in old:
        data = data.replace(b"\n", b"\r\n")
    return (BOM if old.startswith(BOM) else b"") + data


def conflict(path: Path) -> ConflictError:
    return ConflictError("文件已在别处修改（另一个标签页、编辑器或命令行），本次修改没有保存",
                         path=path.name, hint="请重新载入页面，在最新内容上再改")


def create(path: Path, text: str) -> str:
    """Write a new file (refused when one appeared meanwhile); returns its version."""
    from planner.output import write_atomic

    with SAVING:
        if path.exists():
            raise ConflictError("文件已存在，未覆盖", path=path.name, hint="请换一个名称")
        data = text.encode("utf-8")
        write_atomic(path, data)
        return version_of(data)


@contextmanager
def received(uploads: Path, name: str, data: bytes) -> Iterator[Path]:
    """An uploaded file's bytes as `name` in a new directory under `uploads` (created for this
    upload alone, the file created exclusively), removed when the upload is read: two uploads
    of one name never meet, and no file already there is replaced."""
    uploads.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="upload-", dir=uploads))
    try:
        path = folder / name
        with open(path, "xb") as out:
            out.write(data)
        yield path
    finally:
        shutil.rmtree(folder, ignore_errors=True)
