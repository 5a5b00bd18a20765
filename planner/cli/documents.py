"""Commands on plan documents: ingest, info, export, schema."""
from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Optional

import click

from planner.cli.app import Context, LazyPath, _fail, cli, json_text

if TYPE_CHECKING:
    from pathlib import Path


@cli.command(options_metavar="[选项]")
@click.argument("files", nargs=-1, required=True, type=LazyPath(), metavar="文件...")
@click.option("-o", "--output", "out_dir", type=LazyPath(), default=".",
              show_default=True, help="输出目录，不存在时自动创建。")
@click.option("--format", "fmt", type=click.Choice(["yaml", "json"]), default="yaml",
              show_default=True, help="输出格式。")
@click.pass_obj
def ingest(ctx: Context, files: tuple[Path, ...], out_dir: Path, fmt: str) -> None:
    """把方案文档（.txt/.docx/.html/.pdf）读成方案文件，每个输入一个输出。"""
    from planner.ingest import ingest_files

    results = ingest_files(files, out_dir, fmt)
    for result in results:
        if result.error is not None:
            _fail(ctx, result.error)
            continue
        click.echo(f"{result.source} → {result.output}")
        for warning in result.warnings:
            click.echo(f"{result.source}: 提示：{warning}", err=True)
        if ctx.verbose:
            for dropped in result.dropped:
                click.echo(f"{result.source}:{dropped.line}: 已去除（{dropped.reason}）：{dropped.text}",
                           err=True)
    failed = sum(1 for r in results if r.error is not None)
    if failed:
        sys.exit(2 if failed == len(results) else 1)


@cli.command(options_metavar="[选项]")
@click.argument("file", type=LazyPath(), metavar="文件")
@click.option("--json", "as_json", is_flag=True, help="以固定结构的 JSON 输出（供其他工具读取）。")
@click.pass_obj
def info(ctx: Context, file: Path, as_json: bool) -> None:
    """显示方案概要：文种、年份、通知、结构、责任单位等。文件可为方案 YAML 或任意可读入的文档。"""
    from planner.info import format_info, plan_info
    from planner.planfile import read_plan

    summary = plan_info(read_plan(file))
    if as_json:
        click.echo(json_text(summary))
    else:
        click.echo(format_info(summary))


@cli.command(options_metavar="[选项]")
@click.argument("file", type=LazyPath(), metavar="方案")
@click.option("--format", "fmt", type=click.Choice(["txt", "md"]), default="txt", show_default=True,
              help="输出格式。")
@click.option("-o", "--output", type=LazyPath(), help="输出文件（默认输出到屏幕）。")
@click.option("--as-written", is_flag=True,
              help="文字按方案原样导出，不做 lint 自动修复类的规范（标点宽度、序号仍规范）。")
@click.pass_obj
def export(ctx: Context, file: Path, fmt: str, output: Optional[Path], as_written: bool) -> None:
    """把方案按规范形式导出为文本：全角标点，一段一行。"""
    from planner.export import export_text
    from planner.output import OutputCheck, write_atomic
    from planner.planfile import read_plan

    if output is not None:
        OutputCheck([file]).claim(output)
    text = export_text(read_plan(file), fmt, tidy=not as_written)
    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomic(output, text, inputs=[file])


@cli.command(options_metavar="[选项]")
@click.option("-o", "--output", type=LazyPath(),
              help="写入的文件，如 schemas/plan.schema.json（默认输出到屏幕）。")
def schema(output: Optional[Path]) -> None:
    """输出方案文件的 JSON Schema（供 YAML 编辑器校验和补全）。"""
    from planner.output import write_atomic
    from planner.planfile import plan_schema

    text = json_text(plan_schema()) + "\n"
    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomic(output, text)
