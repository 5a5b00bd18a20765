"""Command line: the `planner` group, shared options, and main() (errors → one Chinese line and an
exit code). The commands live in the modules beside this one; planner.cli is the only package
that prints, reads argv or exits."""
from __future__ import annotations

import sys
from typing import Any, Optional

import click

from planner.errors import PlannerError, UserError, contained
from planner.zh_click import ChineseCommand, ChineseGroup, install as _install_chinese

_install_chinese()
DEBUG_HELP = "出错时显示完整的调用栈（排查问题用；可写在命令行的任何位置）。"
VERBOSE_HELP = "显示更多过程信息（可写在命令行的任何位置）。"
SHARED_FLAGS = {"debug": (("--debug",), DEBUG_HELP), "verbose": (("-v", "--verbose"), VERBOSE_HELP)}


class Context:
    def __init__(self, debug: bool, verbose: bool) -> None:
        self.debug = debug
        self.verbose = verbose


# One pair of flag options shared by every command and group that lacks them (hidden there:
# the top help lists them), so that they work after a command name (`planner lint --debug x`).
SHARED_OPTIONS = [click.Option(list(opts), is_flag=True, help=help_text, hidden=True)
                  for opts, help_text in SHARED_FLAGS.values()]


def _shared_params(params: list) -> list:
    have = {opt for param in params for opt in getattr(param, "opts", ())}
    return params + [option for option in SHARED_OPTIONS if not have.intersection(option.opts)]


def _take_shared_flags(ctx: click.Context, command: click.Command) -> None:
    """Move the flags given after a command name onto planner's Context."""
    state = ctx.find_object(Context)
    own = {param.name for param in command.params}
    for name in SHARED_FLAGS:
        if name not in own and ctx.params.pop(name, False) and state is not None:
            setattr(state, name, True)


class PlannerCommand(ChineseCommand):
    def get_params(self, ctx: click.Context) -> list:
        return _shared_params(super().get_params(ctx))

    def invoke(self, ctx: click.Context) -> Any:
        _take_shared_flags(ctx, self)
        return super().invoke(ctx)


class PlannerGroup(ChineseGroup):
    command_class = PlannerCommand

    def get_params(self, ctx: click.Context) -> list:
        return _shared_params(super().get_params(ctx))

    def invoke(self, ctx: click.Context) -> Any:
        _take_shared_flags(ctx, self)
        return super().invoke(ctx)


PlannerGroup.group_class = PlannerGroup


class LazyPath(click.Path):
    """A path argument as a `pathlib.Path`. pathlib is imported when a command receives a path,
    not when the commands are declared: `planner --help` loads click and nothing else heavy.
    click checks nothing about the file: an unreadable input is the command's to report (one
    line, and in a batch the other files go on)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("readable", False)
        super().__init__(**kwargs)

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


@click.group(cls=PlannerGroup,
             context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
             options_metavar="[选项]", subcommand_metavar="命令 [参数]...")
@click.version_option(package_name="planner", message="planner %(version)s")
@click.option("--debug", is_flag=True, help=DEBUG_HELP)
@click.option("-v", "--verbose", is_flag=True, help=VERBOSE_HELP)
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
    """Entry point: any error → one Chinese line on stderr and its exit code (the traceback
    with --debug, wherever it is written)."""
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
        if type(error).__name__ == "NoArgsIsHelpError":  # `planner` alone: its help
            error.show()
        else:
            click.echo(f"错误：{usage_line(error, args)}", err=True)
        sys.exit(UserError.exit_code)
    except PlannerError as error:
        if debug:
            raise
        click.echo(f"错误：{error}", err=True)
        sys.exit(error.exit_code)
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:  # `planner lint … | head`: the reader has gone, nothing to say
        _silence_stdout()
        sys.exit(1)
    except Exception as error:  # noqa: BLE001  the last line of defence: one line, no traceback
        if debug:
            raise
        found = contained(error)
        click.echo(f"错误：{found}", err=True)
        sys.exit(found.exit_code)


def usage_line(error: click.ClickException, args: list[str]) -> str:
    """A click usage error as one line: what is wrong；where to read the usage."""
    ctx = getattr(error, "ctx", None)
    message = _usage_message(error).rstrip("。.")
    if not isinstance(error, click.UsageError):
        return message
    path = ctx.command_path if ctx is not None else _command_path(args)
    return f"{message}；可运行“{path} --help”查看用法"


def _command_path(args: list[str]) -> str:
    """`planner clauses search` from the words of a command line (click's parser may raise
    without naming the command)."""
    path, command = ["planner"], cli
    for arg in args:
        if arg.startswith("-"):
            continue
        found = getattr(command, "commands", {}).get(arg)
        if found is None:
            break
        path.append(arg)
        command = found
    return " ".join(path)


def _usage_message(error: click.ClickException) -> str:
    param = getattr(error, "param", None)
    if isinstance(error, click.MissingParameter) and param is not None:
        return f"缺少{'选项' if isinstance(param, click.Option) else '参数'} {_param_name(param, error.ctx)}"
    if isinstance(error, click.NoSuchOption):
        guess = f"（是不是 {'、'.join(error.possibilities)}？）" if error.possibilities else ""
        return f"没有这个选项：{error.option_name}{guess}"
    name = getattr(error, "command_name", None)
    if name is not None:
        guess = getattr(error, "possibilities", None)
        return f"没有这个命令：{name}" + (f"（是不是 {'、'.join(guess)}？）" if guess else "")
    if isinstance(error, click.BadParameter) and param is not None:
        return f"{_param_name(param, error.ctx)} 的取值无效：{error.message}"
    return error.format_message()


def _param_name(param: click.Parameter, ctx: Optional[click.Context]) -> str:
    if isinstance(param, click.Option):
        return "/".join(param.opts + param.secondary_opts)
    return param.make_metavar(ctx) if ctx is not None else (param.name or "").upper()


def _silence_stdout() -> None:
    """Point stdout at the null device so that Python's flush at exit does not complain."""
    import os

    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except OSError:
        pass
