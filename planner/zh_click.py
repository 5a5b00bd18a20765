"""Chinese for click: its own help and error texts (click looks them up through gettext `_`),
its labels (TEXT, INTEGER RANGE, [required]), and help laid out in display columns (a Chinese
character takes two; planner.textwidth, imported when help is written)."""
from __future__ import annotations

import os
import re
import sys
from typing import Any, Optional

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
    "Positional arguments": "参数",
    "Show this message and exit.": "显示本帮助并退出。",
    "Show the version and exit.": "显示版本并退出。",
    "Error: {message}": "错误：{message}",
    "Try '{command} {option}' for help.": "可运行“{command} {option}”查看帮助。",
    "No such option {name!r}.": "没有这个选项：{name}。",
    "No such command {name!r}.": "没有这个命令：{name}。",
    "Did you mean {possibility}?": "是不是 {possibility}？",
    "(Possible options: {possibilities})": "（是不是：{possibilities}）",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing command.": "缺少命令。",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的取值无效：{message}",
    "Invalid value: {message}": "取值无效：{message}",
    "Option {name!r} requires an argument.": "选项 {name} 需要一个值。",
    "Option {name!r} requires {nargs} arguments.": "选项 {name} 需要 {nargs} 个值。",
    "Option {name!r} does not take a value.": "选项 {name} 不需要值。",
    "Argument {name!r} takes {nargs} values.": "参数 {name} 需要 {nargs} 个值。",
    "Got unexpected extra argument ({args})": "多余的参数（{args}）",
    "Got unexpected extra arguments ({args})": "多余的参数（{args}）",
    "Value must be an iterable.": "应为多个值。",
    "{value!r} is not {choice}.": "{value!r} 不是可选值 {choice}。",
    "{value!r} is not one of {choices}.": "{value!r} 不是可选值之一：{choices}。",
    "{value!r} is not a valid {number_type}.": "{value!r} 不是有效的{number_type}。",
    "{value!r} is not a valid boolean. Recognized values: {states}": "{value!r} 不是 true 或 false。",
    "{value!r} is not a valid UUID.": "{value!r} 不是有效的 UUID。",
    "{value} is not in the range {range}.": "{value} 不在范围 {range} 内。",
    "default: {default}": "默认：{default}",
    "env var: {var}": "环境变量：{var}",
    "required": "必填",
    "(dynamic)": "（动态）",
    "deprecated": "已弃用",
    "Aborted!": "已中止。",
    "{name} {filename!r} does not exist.": "{name} {filename!r} 不存在。",
    "{name} {filename!r} is a directory.": "{name} {filename!r} 是目录。",
    "{name} {filename!r} is a file.": "{name} {filename!r} 是文件。",
    "{name} {filename!r} is not readable.": "{name} {filename!r} 不可读。",
    "{name} {filename!r} is not writable.": "{name} {filename!r} 不可写。",
    "{name} {filename!r} is not executable.": "{name} {filename!r} 不可执行。",
    "Could not open file {filename!r}: {message}": "无法打开文件 {filename!r}：{message}",
    "path": "路径",
    "file": "文件",
    "directory": "目录",
    "%(prog)s, version %(version)s": "%(prog)s 版本 %(version)s",
}
# click's type names are its metavars (upper-cased) and appear in its errors.
TYPE_NAMES = {"StringParamType": "文本", "UnprocessedParamType": "文本", "IntParamType": "整数",
              "IntRange": "整数", "FloatParamType": "数值", "FloatRange": "数值",
              "BoolParamType": "布尔值", "UUIDParameterType": "UUID", "File": "文件",
              "DateTime": "日期时间", "Choice": "可选值"}
HELP_EXTRA_RE = re.compile(r"  \[([^\[\]]*)\]$")  # 例：“  [默认：10; 1–200]”
RANGE_RE = re.compile(r"^-?[\d.]+–-?[\d.]+$")  # 例：30–300
SENTENCE_END = "。"


def _zh(message: str) -> str:
    return ZH.get(message, message)


def _zh_plural(singular: str, plural: str, n: int) -> str:
    return _zh(singular if n == 1 else plural)


def _range_zh(self: Any) -> str:
    """A number range as help and errors show it: `1–200`, `不小于 1`."""
    low = f"大于 {self.min}" if self.min_open else f"不小于 {self.min}"
    high = f"小于 {self.max}" if self.max_open else f"不大于 {self.max}"
    if self.min is not None and self.max is not None:
        return f"{self.min}–{self.max}" if not (self.min_open or self.max_open) else f"{low}且{high}"
    return low if self.min is not None else high


class ChineseHelpFormatter(click.formatting.HelpFormatter):
    """click's help layout measured in display columns; section headings end with a full-width
    colon (`选项：`). The width is click's own (the terminal's, at most max_width), found without
    importing shutil, which brings bz2, lzma and zlib into every `planner --help`."""

    def __init__(self, indent_increment: int = 2, width: Optional[int] = None,
                 max_width: Optional[int] = None) -> None:
        if width is None and click.formatting.FORCED_WIDTH is None:
            width = max(min(terminal_columns(), max_width or 80) - 2, 50)
        super().__init__(indent_increment, width, max_width)

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{heading}：\n")

    def write_usage(self, prog: str, args: str = "", prefix: Optional[str] = None) -> None:
        from planner.textwidth import display_width, wrap_text

        prefix = f"{_zh('Usage:')} " if prefix is None else prefix
        head = f"{prefix:>{self.current_indent}}{prog} "
        indent = " " * display_width(head)
        text = wrap_text(args, self.width - self.current_indent, head, indent) if args else head.rstrip()
        self.write(f"{text}\n")

    def write_text(self, text: str) -> None:
        from planner.textwidth import wrap_text

        indent = " " * self.current_indent
        self.write(wrap_text(text, self.width, indent, indent, preserve_paragraphs=True) + "\n")

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
        from planner.textwidth import display_width, wrap_text

        rows = [(first, second) for first, second in rows]
        first_col = min(max((display_width(r[0]) for r in rows), default=0), col_max) + col_spacing
        pad = " " * (first_col + self.current_indent)
        for first, second in rows:
            self.write(f"{'':>{self.current_indent}}{first}")
            if not second:
                self.write("\n")
                continue
            used = display_width(first)
            self.write(" " * (first_col - used) if used <= first_col - col_spacing else "\n" + pad)
            lines = wrap_text(second, max(self.width - first_col - 2, 10), preserve_paragraphs=True)
            self.write(f"\n{pad}".join(lines.splitlines() or [""]) + "\n")


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


def tidy_help(text: str) -> str:
    """An option's help with click's `  [默认：80; 30–300]` as `（默认：80；范围 30–300）`."""
    def extras(match: re.Match) -> str:
        items = [f"范围 {item}" if RANGE_RE.match(item) else item for item in match.group(1).split("; ")]
        return f"（{'；'.join(items)}）"

    return HELP_EXTRA_RE.sub(extras, text)


def short_help(text: str, limit: int) -> str:
    """A command's line in the list of commands: its first sentence; when that is wider than
    `limit`, the part before its first colon, else cut with an ellipsis."""
    from planner.textwidth import display_width

    first = text.strip().split("\n\n")[0].replace("\n", "")
    sentence = first.split(SENTENCE_END)[0]
    if display_width(sentence) > limit and "：" in sentence:
        sentence = sentence.split("：")[0]
    while display_width(sentence) > limit and len(sentence) > 1:
        sentence = sentence[:-2] + "…"
    return sentence


class ChineseCommand(click.Command):
    """A command whose help is laid out by ChineseHelpFormatter with Chinese labels."""

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [record for param in self.get_params(ctx) if not isinstance(param, click.Argument)
                for record in [param.get_help_record(ctx)] if record is not None]
        if rows:
            with formatter.section(_zh("Options")):
                formatter.write_dl([(first, tidy_help(second)) for first, second in rows])

    def get_short_help_str(self, limit: int = 45) -> str:
        return self.short_help or short_help(self.help or "", max(limit, 20))


class ChineseGroup(ChineseCommand, click.Group):
    """A group whose commands (and sub-groups) are Chinese* too."""

    command_class = ChineseCommand

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        ChineseCommand.format_options(self, ctx, formatter)
        self.format_commands(ctx, formatter)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        names = [n for n in self.list_commands(ctx) if not self.get_command(ctx, n).hidden]
        if not names:
            return
        from planner.textwidth import display_width

        limit = formatter.width - 6 - max(display_width(n) for n in names)
        rows = [(name, self.get_command(ctx, name).get_short_help_str(limit)) for name in names]
        with formatter.section(_zh("Commands")):
            formatter.write_dl(rows)


ChineseGroup.group_class = ChineseGroup


def install() -> None:
    click.Context.formatter_class = ChineseHelpFormatter
    for module in (click.core, click.decorators, click.exceptions, click.formatting,
                   click.parser, click.types):
        if hasattr(module, "_"):
            module._ = _zh
        if hasattr(module, "ngettext"):
            module.ngettext = _zh_plural
    for name, label in TYPE_NAMES.items():
        kind = getattr(click.types, name, None)
        if kind is not None:
            kind.name = label
    base = getattr(click.types, "_NumberRangeBase", None)
    if base is not None and hasattr(base, "_describe_range"):
        base._describe_range = _range_zh
