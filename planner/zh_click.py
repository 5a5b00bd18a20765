"""Chinese for click's own help and error texts (click looks them up through gettext `_`)."""
from __future__ import annotations

import os
import sys
from typing import Optional

import click
import click.core
import click.decorators
import click.exceptions
import click.formatting
import click.parser
import click.types

ZH = {
    "Usage:": "用法：",
    "Options": "选项",
    "Commands": "命令",
    "Show this message and exit.": "显示本帮助并退出。",
    "Show the version and exit.": "显示版本并退出。",
    "Error: {message}": "错误：{message}",
    "Try '{command} {option}' for help.": "可运行“{command} {option}”查看帮助。",
    "No such option {name!r}.": "没有这个选项：{name!r}。",
    "No such command {name!r}.": "没有这个命令：{name!r}。",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing command.": "缺少命令。",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的取值无效：{message}",
    "Invalid value: {message}": "取值无效：{message}",
    "Option {name!r} requires an argument.": "选项 {name!r} 需要一个值。",
    "Option {name!r} does not take a value.": "选项 {name!r} 不需要值。",
    "Got unexpected extra argument ({args})": "多余的参数（{args}）",
    "Got unexpected extra arguments ({args})": "多余的参数（{args}）",
    "{value!r} is not {choice}.": "{value!r} 不是可选值 {choice}。",
    "{value!r} is not one of {choices}.": "{value!r} 不是可选值之一：{choices}。",
    "{value!r} is not a valid {number_type}.": "{value!r} 不是有效的{number_type}。",
    "{value} is not in the range {range}.": "{value} 不在范围 {range} 内。",
    "default: {default}": "默认：{default}",
    "deprecated": "已弃用",
    "Aborted!": "已中止。",
    "{name} {filename!r} does not exist.": "{name} {filename!r} 不存在。",
    "{name} {filename!r} is a directory.": "{name} {filename!r} 是目录。",
    "{name} {filename!r} is a file.": "{name} {filename!r} 是文件。",
    "Could not open file {filename!r}: {message}": "无法打开文件 {filename!r}：{message}",
    "path": "路径",
    "file": "文件",
    "directory": "目录",
    "%(prog)s, version %(version)s": "%(prog)s 版本 %(version)s",
}


def _zh(message: str) -> str:
    return ZH.get(message, message)


def _zh_plural(singular: str, plural: str, n: int) -> str:
    return _zh(singular if n == 1 else plural)


class ChineseHelpFormatter(click.formatting.HelpFormatter):
    """Section headings end with a full-width colon: `选项：`. The width is click's own
    (the terminal's, at most max_width), found without importing shutil, which brings bz2, lzma
    and zlib into every `planner --help`."""

    def __init__(self, indent_increment: int = 2, width: Optional[int] = None,
                 max_width: Optional[int] = None) -> None:
        if width is None and click.formatting.FORCED_WIDTH is None:
            width = max(min(terminal_columns(), max_width or 80) - 2, 50)
        super().__init__(indent_increment, width, max_width)

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{heading}：\n")


def terminal_columns() -> int:
    """shutil.get_terminal_size().columns: $COLUMNS, else the terminal's, else 80."""
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


def install() -> None:
    click.Context.formatter_class = ChineseHelpFormatter
    for module in (click.core, click.decorators, click.exceptions, click.formatting,
                   click.parser, click.types):
        if hasattr(module, "_"):
            module._ = _zh
        if hasattr(module, "ngettext"):
            module.ngettext = _zh_plural

