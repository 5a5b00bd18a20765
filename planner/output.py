"""Writing outputs safely: temp file + rename, parents created, inputs never overwritten."""
from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path
from typing import Iterable

from planner.errors import OutputError


def same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def check_not_input(target: Path, inputs: Iterable[str | os.PathLike]) -> None:
    for source in inputs:
        if same_file(target, Path(source)):
            raise OutputError("输出文件与输入文件相同，已拒绝覆盖", path=str(target),
                              hint="请用 -o 指定另一个输出路径")


def check_writable(target: Path) -> None:
    """Refuse a read-only file, or one an office program has open (its lock file is there:
    `~$name` for Word/Excel/WPS, `.~lock.name#` for LibreOffice)."""
    if not target.exists():
        return
    # The mode bits, not os.access: root may write anything, but a file marked read-only
    # was marked so by someone who meant it.
    if not os.access(target, os.W_OK) or not target.stat().st_mode & stat.S_IWUSR:
        raise OutputError("文件是只读的，未写入", path=str(target), hint="请取消只读属性或换一个输出文件名")
    for lock in (f"~${target.name}", f"~${target.name[2:]}", f".~lock.{target.name}#"):
        if (target.parent / lock).exists():
            raise OutputError("文件正在 Word/WPS/Excel/LibreOffice 中打开，未写入", path=str(target),
                              hint="请先关闭该文件，或换一个输出文件名")


def write_atomic(target: str | os.PathLike, data: str | bytes,
                 inputs: Iterable[str | os.PathLike] = ()) -> Path:
    """Write `data` to `target` through a temporary file in the same directory."""
    target = Path(target)
    check_not_input(target, inputs)
    if target.is_dir():
        raise OutputError("输出路径是一个目录", path=str(target), hint="请给出文件名")
    check_writable(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as error:
        raise OutputError(f"无法创建输出目录或文件（{error.strerror}）", path=str(target),
                          hint="请检查目录权限") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data.encode("utf-8") if isinstance(data, str) else data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _mode_for(target))
        os.replace(tmp, target)
    except OSError as error:
        _discard(tmp)
        raise OutputError(f"写入失败（{error.strerror}）", path=str(target),
                          hint="请检查磁盘空间和权限") from None
    except BaseException:
        _discard(tmp)
        raise
    return target


def _mode_for(target: Path) -> int:
    """The permissions `target` gets: those of the file it replaces, else what a plain
    `open(target, "w")` would give under the umask. mkstemp makes its file 0600, which
    would leave a 方案 shared on a server readable by its writer alone."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0o022)  # the only way to read it is to set it; put it straight back
    os.umask(mask)
    return mask


def _discard(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except OSError:
        pass
