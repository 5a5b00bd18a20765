"""Writing outputs without losing a file: the one check of a command's outputs against
everything it reads (OutputCheck), and writes that are atomic for regular files, go into
special files instead of replacing them, follow symbolic links and keep hard links."""
from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path
from typing import Iterable, Optional, Union

from planner.errors import OutputError, os_reason

PathLike = Union[str, "os.PathLike[str]"]
# A path under these is a device or a process's stream (/dev/null, /dev/stdout): it is written
# into, never replaced, even when what is there now is a regular file.
DEVICE_DIRS = ("/dev/", "/proc/")
NOT_DEVICE_DIRS = ("/dev/shm/",)  # a tmpfs where ordinary files live
TEMP_PREFIX_CHARS = 32  # the temp file's name must stay valid when the target's is near the limit


def real_path(path: PathLike) -> Path:
    """`path` absolute with every symbolic link followed as far as it leads."""
    try:
        return Path(os.path.realpath(path))
    except (OSError, RuntimeError, ValueError):
        return Path(os.path.abspath(path))


def _inode(path: PathLike) -> Optional[tuple[int, int]]:
    try:
        found = os.stat(path)
    except (OSError, ValueError):
        return None
    return found.st_dev, found.st_ino


def same_file(a: PathLike, b: PathLike) -> bool:
    """One file under two names: the same path once links are followed, or the same inode
    (a hard link, or a case-insensitive file system)."""
    if real_path(a) == real_path(b):
        return True
    inode = _inode(a)
    return inode is not None and inode == _inode(b)


def _inside(path: PathLike, folder: PathLike) -> bool:
    return real_path(folder) in real_path(path).parents


def _is_dir(path: PathLike) -> bool:
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def _written_into(path: PathLike) -> bool:
    """A FIFO, a character device or a path under /dev or /proc: written into, not replaced."""
    for text in (os.path.abspath(path) + "/", str(real_path(path)) + "/"):  # /dev/stdout → a file
        if text.startswith(DEVICE_DIRS) and not text.startswith(NOT_DEVICE_DIRS):
            return True
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)


class OutputCheck:
    """Every file one command reads (whatever option names it) and every file it will write,
    checked before the first write: no output is an input (the same file once links are
    followed, or the same inode), none lies inside an input directory (--templates), and no two
    inputs write one output. Each command builds one and claims its outputs with it."""

    def __init__(self, inputs: Iterable[Optional[PathLike]] = (), label: Optional[str] = None) -> None:
        self.inputs: list[tuple[Path, Optional[str]]] = []
        self.claims: list[tuple[Path, Optional[Path], str]] = []
        self.read(*inputs, label=label)

    def read(self, *paths: Optional[PathLike], label: Optional[str] = None) -> "OutputCheck":
        """Add inputs; `label` names the option that gave them (--profile), for the message."""
        self.inputs.extend((Path(p), label) for p in paths if p is not None)
        return self

    def problem(self, output: PathLike, source: Optional[PathLike] = None, label: str = "",
                replaces_source: bool = False) -> Optional[OutputError]:
        """Why `output` may not be written (None when it may). `source` is the input it is made
        from; with `replaces_source` (lint --fix --in-place) that input may be the output."""
        output = Path(output)
        try:  # a link loop, a name too long or a file where a directory should be: before any write
            _stat(output)
        except OutputError as error:
            return error
        whose = f"{source} 的" if source is not None else ""
        for path, named in self.inputs:
            if replaces_source and source is not None and same_file(path, source):
                continue
            given = f"{named} 给出的 {path}" if named else str(path)
            if same_file(output, path):
                return OutputError(f"{whose}输出文件与输入文件相同（{given}），已拒绝覆盖", path=str(output),
                                   hint="请换一个输出文件名")
            if _is_dir(path) and _inside(output, path):
                return OutputError(f"{whose}输出文件在输入目录（{given}）中，已拒绝写入", path=str(output),
                                   hint="请把输出写到该目录之外")
        if _written_into(output):
            return None  # a FIFO or device may take several outputs, as a shell's > would
        for claimed, by, named in self.claims:
            if same_file(claimed, output) and not (by is not None and source is not None
                                                   and same_file(by, source)):
                earlier = f" {by} 的输出" if by is not None else (f" {named} " if named else "另一个输出")
                return OutputError(f"{whose}输出与{earlier}是同一个文件，未写入", path=str(output),
                                   hint="请给每个输出不同的文件名（多个同名输入请分别用不同的 -o 目录读入）")
        return None

    def claim(self, output: PathLike, source: Optional[PathLike] = None, label: str = "",
              replaces_source: bool = False) -> Path:
        """Record `output` as written by this command; OutputError when it may not be."""
        found = self.problem(output, source, label, replaces_source)
        if found is not None:
            raise found
        self.claims.append((Path(output), None if source is None else Path(source), label))
        return Path(output)


def check_not_input(target: Path, inputs: Iterable[Optional[PathLike]]) -> None:
    OutputCheck(inputs).claim(target)


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


def write_atomic(target: PathLike, data: str | bytes, inputs: Iterable[Optional[PathLike]] = ()) -> Path:
    """Write `data` to `target`: a regular file through a temporary file in its directory and
    a rename (a killed write leaves the old file whole); a FIFO or device by writing into it;
    through a symbolic link to the file it points to (the link stays); a file with hard links
    in place, so that it stays one file (see `_rewrite_in_place`)."""
    target = Path(target)
    check_not_input(target, inputs)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    found = _stat(target)
    if found is not None and stat.S_ISDIR(found.st_mode):
        raise OutputError("输出路径是一个目录", path=str(target), hint="请给出文件名")
    if _written_into(target):
        _write_into(target, payload, found)
        return target
    if found is not None and not stat.S_ISREG(found.st_mode):
        raise OutputError("输出路径是块设备或套接字，未写入", path=str(target), hint="请换一个输出文件名")
    real = real_path(target) if os.path.islink(target) else target
    check_writable(real)
    if found is not None and found.st_nlink > 1:
        _rewrite_in_place(real, payload)
    else:
        _replace(real, payload)
    return target


def _stat(target: Path) -> Optional[os.stat_result]:
    """The target's status (links followed); None when it does not exist yet."""
    try:
        return os.stat(target)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise _failed("无法写入", target, error) from None


def _failed(what: str, target: Path, error: OSError) -> OutputError:
    hints = {"ENAMETOOLONG": "请换一个短一些的文件名", "ELOOP": "请检查该路径上的符号链接",
             "ENOSPC": "请清理磁盘空间", "EROFS": "请写到可写的目录"}
    hint = hints.get(errno.errorcode.get(error.errno or 0, ""), "请检查路径和权限")
    return OutputError(f"{what}（{os_reason(error)}）", path=str(target), hint=hint)


def _write_into(target: Path, payload: bytes, found: Optional[os.stat_result]) -> None:
    """Write into a FIFO or a device without creating or truncating anything. A FIFO that no
    process reads is refused at once instead of waiting for a reader forever."""
    fifo = found is not None and stat.S_ISFIFO(found.st_mode)
    flags = os.O_WRONLY | os.O_APPEND | getattr(os, "O_NOCTTY", 0) | (os.O_NONBLOCK if fifo else 0)
    try:
        fd = os.open(target, flags)
    except OSError as error:
        if fifo and error.errno == errno.ENXIO:
            raise OutputError("管道的另一端没有程序在读取，未写入", path=str(target),
                              hint="请先在另一端读取该管道（如 cat 管道名），或换一个输出文件") from None
        raise _failed("无法写入", target, error) from None
    try:
        if fifo:
            os.set_blocking(fd, True)
        view = memoryview(payload)
        while view:
            view = view[os.write(fd, view):]
    except OSError as error:
        raise _failed("写入失败", target, error) from None
    finally:
        os.close(fd)


def _temp_beside(target: Path) -> tuple[int, str]:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        return tempfile.mkstemp(prefix=f".{target.name[:TEMP_PREFIX_CHARS]}.", suffix=".tmp",
                                dir=target.parent)
    except OSError as error:
        raise _failed("无法创建输出目录或文件", target, error) from None


def _replace(target: Path, payload: bytes) -> None:
    fd, tmp = _temp_beside(target)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _mode_for(target))
        os.replace(tmp, target)
    except OSError as error:
        _discard(tmp)
        raise _failed("写入失败", target, error) from None
    except BaseException:
        _discard(tmp)
        raise
    _sync_dir(target.parent)


def _rewrite_in_place(target: Path, payload: bytes) -> None:
    """A file with several names (hard links) is rewritten in place, so every name sees the new
    content; a rename would split it. The old content is first copied beside it and synced to
    disk, so a write killed half-way leaves that copy (`.name.….tmp`); it is removed after."""
    fd, tmp = _temp_beside(target)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(target.read_bytes())
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as error:
        _discard(tmp)
        raise _failed("写入失败", target, error) from None
    try:
        with open(target, "r+b") as handle:
            handle.write(payload)
            handle.truncate()
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as error:
        raise _failed("写入失败", target, error) from None
    _discard(tmp)


def _sync_dir(folder: Path) -> None:
    """Make the rename itself durable (best effort: not every system can sync a directory)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


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
