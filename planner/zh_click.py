"""Chinese for click's own help and error texts (click looks them up through gettext `_`)."""
from __future__ import annotations

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
    "Arguments": "参数",
    "Show this message and exit.": "显示本帮助并退出。",
    "Show the version and exit.": "显示版本并退出。",
    "Error": "错误",
    "Try '{command} {option}' for help.": "可运行“{command} {option}”查看帮助。",
    "No such option: {name}": "没有这个选项：{name}",
    "No such command {name!r}.": "没有这个命令：{name!r}。",
    "Missing argument '{param_name}'.": "缺少参数“{param_name}”。",
    "Missing option '{param_name}'.": "缺少选项“{param_name}”。",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的取值无效：{message}",
    "Invalid value: {message}": "取值无效：{message}",
    "Option {name!r} requires an argument.": "选项 {name!r} 需要一个值。",
    "Got unexpected extra argument ({args})": "多余的参数（{args}）",
    "Got unexpected extra arguments ({args})": "多余的参数（{args}）",
    "{value!r} is not {choice}.": "{value!r} 不是可选值 {choice}。",
    "{value!r} is not one of {choices}.": "{value!r} 不是可选值之一：{choices}。",
    "default": "默认",
    "required": "必填",
    "(Deprecated)": "（已弃用）",
    "Aborted!": "已中止。",
    "{name} {filename!r} does not exist.": "{name} {filename!r} 不存在。",
    "Path": "路径",
    "File": "文件",
    "Directory": "目录",
}


def _zh(message: str) -> str:
    return ZH.get(message, message)


def _zh_plural(singular: str, plural: str, n: int) -> str:
    return _zh(singular if n == 1 else plural)


def install() -> None:
    for module in (click.core, click.decorators, click.exceptions, click.formatting,
                   click.parser, click.types):
        if hasattr(module, "_"):
            module._ = _zh
        if hasattr(module, "ngettext"):
            module.ngettext = _zh_plural
