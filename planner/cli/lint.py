"""The lint command."""
from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Optional

import click

from planner.cli.app import Context, LazyPath, _fail, cli
from planner.errors import UserError

if TYPE_CHECKING:
    from pathlib import Path


@cli.command(options_metavar="[选项]")
@click.argument("files", nargs=-1, metavar="[文件]...", type=LazyPath())
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github", "sarif", "md"]),
              default=None, help="输出格式（默认 text；在 GitHub Actions 中默认 github；md 只用于 --list-rules）。")
@click.option("--select", multiple=True, metavar="代码", help="只检查这些规则（代码或前缀，如 P、T001；可用逗号分隔）。")
@click.option("--ignore", multiple=True, metavar="代码", help="不检查这些规则（代码或前缀）。")
@click.option("--config", "config_path", type=LazyPath(),
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

    退出码：0 没有错误；1 有错误级问题（--strict 时警告也算）或部分文件无法读取；2 用法错误或文件都无法读取。
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
    if fmt == "text" and len(report.errors()) < len(report.results):  # something was linted
        click.echo(summary(report), err=True)
    sys.exit(report.exit_code())
