"""Errors planner raises; cli.py turns them into one Chinese line and an exit code."""
from __future__ import annotations

from typing import Optional


class PlannerError(Exception):
    """Base of every error planner reports to the user."""

    exit_code = 1

    def __init__(self, message: str, *, path: Optional[str] = None,
                 line: Optional[int] = None, col: Optional[int] = None,
                 hint: Optional[str] = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.col = col
        self.hint = hint

    def where(self) -> str:
        parts = [self.path] if self.path else []
        if self.line is not None:
            parts.append(str(self.line))
            if self.col is not None:
                parts.append(str(self.col))
        return ":".join(parts)

    def __str__(self) -> str:
        where = self.where()
        text = f"{where}: {self.message}" if where else self.message
        return f"{text}；{self.hint}" if self.hint else text


class UserError(PlannerError):
    """Bad usage or unreadable input: exit 2."""

    exit_code = 2


class SourceError(UserError):
    """An input document cannot be read or holds no plan text."""


class PlanFileError(UserError):
    """A plan YAML/JSON file is malformed or fails the schema."""


class OutputError(UserError):
    """An output cannot be written where asked."""


class InternalError(PlannerError):
    """A fault in planner met while handling one input: reported in one line (the traceback
    with --debug), so that one file of a batch never stops the others."""

    exit_code = 2


# errno → what went wrong, in the user's words (strerror is English).
OS_REASONS = {
    "EACCES": "没有权限", "EPERM": "没有权限", "ENOENT": "文件或目录不存在",
    "ENOTDIR": "路径中有一段不是目录", "EISDIR": "是目录，不是文件", "ENAMETOOLONG": "文件名过长",
    "ELOOP": "符号链接循环", "ENOSPC": "磁盘空间不足", "EDQUOT": "超出磁盘配额",
    "EROFS": "所在的文件系统只读", "EEXIST": "文件已存在", "EBUSY": "文件正被占用",
    "ETXTBSY": "文件正被占用", "EIO": "磁盘读写错误", "EFBIG": "文件过大", "EMFILE": "打开的文件过多",
    "ENFILE": "打开的文件过多", "ENXIO": "设备或管道的另一端不存在", "EINVAL": "参数无效",
    "EXDEV": "不能跨文件系统移动", "EAGAIN": "资源暂时不可用", "EPIPE": "管道的读取方已关闭",
    "ENODEV": "没有这个设备", "EINTR": "被信号中断", "ESPIPE": "不能在管道上定位",
}


def os_reason(error: OSError) -> str:
    """An OSError's reason in Chinese (its errno name when there is no translation)."""
    import errno

    name = errno.errorcode.get(error.errno or 0, "")
    return OS_REASONS.get(name, f"系统错误 {name or error.errno}")


def contained(error: BaseException, path: Optional[str] = None) -> PlannerError:
    """Any error met while handling one input, as the PlannerError reported for it: an OSError
    is an unreadable input, anything else a fault in planner (InternalError, its cause kept
    for --debug)."""
    if isinstance(error, PlannerError):
        return error
    if isinstance(error, OSError):
        where = path or error.filename
        found = SourceError(f"无法读取（{os_reason(error)}）", path=str(where) if where else None,
                            hint="请检查文件和目录的权限")
    elif isinstance(error, RecursionError):
        found = InternalError("嵌套过深，无法处理", path=path, hint="请检查文件中是否有极深的嵌套结构")
    elif isinstance(error, MemoryError):
        found = InternalError("内存不足，无法处理", path=path, hint="请检查文件是否过大")
    else:
        kind = type(error)
        name = kind.__name__ if kind.__module__ == "builtins" else f"{kind.__module__}.{kind.__name__}"
        found = InternalError(f"planner 内部错误（{name}）", path=path,
                              hint="这是 planner 的缺陷，请加 --debug 重新运行并报告")
    found.__cause__ = error
    return found
