"""Command line: the `planner` group, shared options, and main() (errors → one Chinese line and an
exit code). The commands live in the modules beside this one; planner.cli is the only package
that prints, reads argv or exits."""
from __future__ import annotations

import sys
from typing import Any, Optional

import click

from planner.errors import PlannerError, UserError
from planner.zh_click import install as _install_chinese

_install_chinese()


class Context:
    def __init__(self, debug: bool, verbose: bool) -> None:
        self.debug = debug
        self.verbose = verbose


class LazyPath(click.Path):
    """A path argument as a `pathlib.Path`. pathlib is imported when a command receives a path,
    not when the commands are declared: `planner --help` loads click and nothing else heavy."""

    def convert(self, value: Any, param: Optional[click.Parameter], ctx: Optional[click.Context]) -> Any:
        from pathlib import Path

        return Path(super().convert(value, param, ctx))


def json_text(data: Any) -> str:
    """Data as the CLI prints JSON: UTF-8 text as is, indented by two."""
    import json

    return json.dumps(data, ensure_ascii=False, indent=2)


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

    \b
    常用：
      planner ingest 方案.txt -o out/                        把文档读成结构化方案（YAML）
      planner draft 提纲.yaml -o 方案.yaml --docx 方案.docx  按提纲起草并排版
      planner notice 方案.yaml -o 通知.docx                  排印发通知
      planner lint 草稿.txt                                  检查草稿
    """
    click_ctx.obj = Context(debug, verbose)


def _layout_options(func):
    """--templates and --profile, shared by the commands that write DOCX."""
    func = click.option("--profile", type=LazyPath(),
                        help="排版方案 YAML（字体、字号），覆盖默认的 templates/profile.yaml 中相应各项。")(func)
    return click.option("--templates", type=LazyPath(),
                        help="自己的模板目录，其中的同名模板优先于自带模板。")(func)


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
