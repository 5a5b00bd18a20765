"""Command line: maps flags onto the public functions; the only module that prints or exits."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import click

from planner.errors import PlannerError, UserError
from planner.zh_click import install as _install_chinese

_install_chinese()


class Context:
    def __init__(self, debug: bool, verbose: bool) -> None:
        self.debug = debug
        self.verbose = verbose


def _fail(ctx: Context, error: PlannerError) -> None:
    if ctx.debug:
        raise error
    click.echo(f"错误：{error}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
             options_metavar="[选项]", subcommand_metavar="命令 [参数]...")
@click.version_option(package_name="planner", message="planner %(version)s")
@click.option("--debug", is_flag=True, help="出错时显示完整的调用栈（排查问题用）。")
@click.option("-v", "--verbose", is_flag=True, help="显示更多过程信息。")
@click.pass_context
def cli(click_ctx: click.Context, debug: bool, verbose: bool) -> None:
    """planner：数字政府年度行动方案的解析、起草、排版与检查工具。

    常用：planner ingest 方案.txt -o out/   把文档读成结构化方案（YAML）。
    """
    click_ctx.obj = Context(debug, verbose)


@cli.command(options_metavar="[选项]")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(path_type=Path), default=Path("."),
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
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="以固定结构的 JSON 输出（供其他工具读取）。")
@click.pass_obj
def info(ctx: Context, file: Path, as_json: bool) -> None:
    """显示方案概要：文种、年份、通知、结构、责任单位等。FILE 可为方案 YAML 或任意可读入的文档。"""
    from planner.info import format_info, plan_info
    from planner.planfile import read_plan

    summary = plan_info(read_plan(file))
    if as_json:
        click.echo(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        click.echo(format_info(summary))


@cli.command(options_metavar="[选项]")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["txt", "md"]), default="txt", show_default=True,
              help="输出格式。")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="输出文件（默认输出到屏幕）。")
@click.pass_obj
def export(ctx: Context, file: Path, fmt: str, output: Optional[Path]) -> None:
    """把方案按规范形式导出为文本：全角标点，一段一行。"""
    from planner.export import export_text
    from planner.output import write_atomic
    from planner.planfile import read_plan

    text = export_text(read_plan(file), fmt)
    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomic(output, text, inputs=[file])


@cli.command(options_metavar="[选项]")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="写入的文件，如 schemas/plan.schema.json（默认输出到屏幕）。")
def schema(output: Optional[Path]) -> None:
    """输出方案文件的 JSON Schema（供 YAML 编辑器校验和补全）。"""
    from planner.output import write_atomic
    from planner.planfile import plan_schema

    text = json.dumps(plan_schema(), ensure_ascii=False, indent=2) + "\n"
    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomic(output, text)


@cli.command(options_metavar="[选项]")
@click.argument("files", nargs=-1, metavar="[文件]...", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github", "sarif", "md"]),
              default=None, help="输出格式（默认 text；在 GitHub Actions 中默认 github；md 只用于 --list-rules）。")
@click.option("--select", multiple=True, metavar="代码", help="只检查这些规则（代码或前缀，如 P、T001；可用逗号分隔）。")
@click.option("--ignore", multiple=True, metavar="代码", help="不检查这些规则（代码或前缀）。")
@click.option("--config", "config_path", type=click.Path(path_type=Path),
              help="配置文件（默认从文件所在目录向上查找 .planner-lint.yaml）。")
@click.option("--strict", is_flag=True, help="警告也算作问题（退出码 1）。")
@click.option("--fix", is_flag=True, help="自动修复可修复的问题，写出 名称.fixed.扩展名。")
@click.option("--in-place", is_flag=True, help="与 --fix 一起使用：直接改写原文件。")
@click.option("--explain", metavar="代码", help="显示一条规则的说明和正误示例。")
@click.option("--list-rules", is_flag=True, help="列出全部规则。")
@click.pass_obj
def lint(ctx: Context, files: tuple[Path, ...], fmt: Optional[str], select: tuple[str, ...],
         ignore: tuple[str, ...], config_path: Optional[Path], strict: bool, fix: bool,
         in_place: bool, explain: Optional[str], list_rules: bool) -> None:
    """检查方案草稿（方案 YAML、.txt、.docx 等）：结构、序号、单位、时间、标点、数字、公文要素。

    退出码：0 没有错误；1 有错误级问题（--strict 时警告也算）；2 用法错误或文件无法读取。
    """
    import os

    from planner.lint import LintOptions, lint_plan
    from planner.lint.registry import closest, find_rule, rules_by_key
    from planner.lint.report import format_report, rules_table, summary

    if list_rules:
        click.echo(rules_table("md" if fmt == "md" else "text"), nl=False)
        return
    if explain:
        rule = find_rule(explain)
        if rule is None:
            raise UserError(f"未知规则“{explain}”{closest(explain, rules_by_key())}",
                            hint="planner lint --list-rules 列出全部规则")
        click.echo(rule.doc.strip())
        return
    if not files:
        raise UserError("没有给出要检查的文件", hint="用法：planner lint 文件...")
    if fmt == "md":
        raise UserError("--format md 只能与 --list-rules 一起使用",
                        hint="检查结果请用 text、json、github 或 sarif")
    if fmt is None:
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    split = lambda values: [v.strip() for value in values for v in value.split(",") if v.strip()]  # noqa: E731
    options = LintOptions(select=split(select), ignore=split(ignore), config=config_path,
                          strict=strict, fix=fix, in_place=in_place)
    report = lint_plan(list(files), options)
    for result in report.errors():
        _fail(ctx, result.error)
    click.echo(format_report(report, fmt), nl=False)
    for result in report.results:
        if result.fixed is not None:
            click.echo(f"已修复 {result.fixes_applied} 处 → {result.fixed}", err=True)
        if result.note:
            click.echo(f"{result.path}: 提示：{result.note}", err=True)
    if fmt == "text":
        click.echo(summary(report), err=True)
    sys.exit(report.exit_code())


def main(argv: Optional[list[str]] = None) -> None:
    """Entry point: PlannerError → one Chinese line on stderr and its exit code."""
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args
    try:
        cli.main(args=args, prog_name="planner", standalone_mode=False)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except click.Abort:
        click.echo("已中止。", err=True)
        sys.exit(1)
    except click.ClickException as error:
        if debug:
            raise
        error.show()
        sys.exit(UserError.exit_code)
    except PlannerError as error:
        if debug:
            raise
        click.echo(f"错误：{error}", err=True)
        sys.exit(error.exit_code)
    except KeyboardInterrupt:
        sys.exit(130)
