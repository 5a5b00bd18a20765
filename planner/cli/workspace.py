"""The serve command: the drafting workspace in the browser (the optional `serve` extra)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

import click

from planner.cli.app import LazyPath, cli
from planner.cli.library import DB_HELP

if TYPE_CHECKING:
    from pathlib import Path


@cli.command(options_metavar="[选项]")
@click.argument("file", required=False, type=LazyPath(), metavar="[文件]")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True,
              help="端口（0 表示任选一个空闲端口）。")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="监听地址。默认只有本机能打开；改为其他地址时，同一网络中的任何人都能修改方案。")
@click.option("--no-browser", is_flag=True, help="不自动打开浏览器。")
@click.option("--db", type=LazyPath(), help=DB_HELP)
def serve(file: Optional[Path], port: int, host: str, no_browser: bool, db: Optional[Path]) -> None:
    """在浏览器中起草：打开起草提纲或方案文件（文件所在目录为工作目录，默认当前目录），
    按表单编辑提纲、检索并选用条款、实时预览公文版式、查看并修复检查问题、下载 Word 文档。

    需要安装网页工作台组件：pip install 'planner[serve]'。"""
    from planner.serve.server import ServeOptions, run

    run(ServeOptions(file=file, host=host, port=port, browser=not no_browser, db=db),
        lambda line: click.echo(line, err=line.startswith("注意")))
