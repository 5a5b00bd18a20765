"""Commands that write documents: render, notice, matrix, check-format, preview, diff."""
from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Optional

import click

from planner.cli.app import Context, LazyPath, _fail, _layout_options, cli, json_text
from planner.errors import PlannerError, UserError, contained

if TYPE_CHECKING:
    from pathlib import Path


@cli.command(options_metavar="[选项]")
@click.argument("plan", type=LazyPath(), metavar="方案")
@click.option("-o", "--output", type=LazyPath(), required=True, help="输出的 .docx 文件。")
@_layout_options
@click.pass_obj
def render(ctx: Context, plan: Path, output: Path, templates: Optional[Path],
           profile: Optional[Path]) -> None:
    """把方案排成符合 GB/T 9704-2012 的 Word 文档（仅方案本身）。方案可为方案 YAML 或任意可读入的文档。"""
    from planner.planfile import read_plan
    from planner.render import RenderOptions, render_plan

    options = RenderOptions(templates=templates, profile=profile)
    written = render_plan(read_plan(plan), output, options, inputs=[plan])
    click.echo(f"{plan} → {written}")


@cli.command(options_metavar="[选项]")
@click.argument("plan", type=LazyPath(), metavar="方案")
@click.option("-o", "--output", type=LazyPath(), required=True, help="输出的 .docx 文件。")
@click.option("--issuer", multiple=True, help="发文机关署名（联合行文可写多次）。")
@click.option("--date", "date_text", help="成文日期，如 2024-05-31 或 2024年5月31日。")
@click.option("--doc-number", help="发文字号，如 东政办字〔2022〕36号（方括号会改为六角括号）。")
@click.option("--recipients", help="主送机关，用逗号分隔，如 “各镇人民政府，各街道办事处”。")
@click.option("--title", help="通知标题（默认：××关于印发《方案》的通知）。")
@click.option("--approved-by", help="正文中“已经××研究同意”的机关，如 区政府。")
@click.option("--public/--no-public", default=None, help="是否加附注（此件公开发布）。")
@click.option("--cc", help="版记中的抄送机关，用逗号分隔。")
@click.option("--printer", help="版记中的印发机关（印发日期默认同成文日期）。")
@click.option("--masthead", help="版头的发文机关标志，如 “青岛市即墨区人民政府办公室文件”（不给则不排版头）。")
@click.option("--with-matrix", is_flag=True, help="附上重点任务分工表（作为附件，通知中加附件说明）。")
@_layout_options
@click.pass_obj
def notice(ctx: Context, plan: Path, output: Path, templates: Optional[Path], profile: Optional[Path],
           masthead: Optional[str], date_text: Optional[str], with_matrix: bool, **fields: object) -> None:
    """排印发通知：通知（主送、正文、署名、成文日期、附注），另起一页为方案，末页可加版记。

    方案中没有的通知要素用选项补上；选项给出的值优先于方案中的值。
    """
    from planner.planfile import read_plan
    from planner.render import RenderOptions, render_notice
    from planner.render.options import NoticeError, notice_fields

    options = RenderOptions(templates=templates, profile=profile, masthead=masthead)
    try:
        written = render_notice(read_plan(plan), output, notice_fields(date_text=date_text, **fields),
                                options, inputs=[plan], with_matrix=with_matrix)
    except NoticeError as error:
        error.path = error.path or str(plan)  # the plan whose notice lacks the parts
        raise
    click.echo(f"{plan} → {written}")


@cli.command(options_metavar="[选项]")
@click.argument("plan", type=LazyPath(), metavar="方案")
@click.option("-o", "--output", type=LazyPath(), required=True,
              help="输出文件：.xlsx（Excel）或 .docx（Word，横排表格附件）。")
@click.option("--by-unit", is_flag=True, help="按责任单位分组（牵头、配合分开），便于各单位认领。")
@_layout_options
@click.pass_obj
def matrix(ctx: Context, plan: Path, output: Path, by_unit: bool, templates: Optional[Path],
           profile: Optional[Path]) -> None:
    """生成重点任务分工表：序号、任务、具体内容、牵头单位、配合单位、完成时限、量化指标。

    每条带责任单位的任务条款一行；没有责任单位的事项也列出并注明。完成时限取自原文，不作推测。
    """
    from planner.planfile import read_plan
    from planner.render import RenderOptions, render_matrix

    source = read_plan(plan)
    written = render_matrix(source, output, by_unit, RenderOptions(templates=templates, profile=profile),
                            inputs=[plan])
    click.echo(f"{plan} → {written}")


@cli.command("check-format", options_metavar="[选项]")
@click.argument("files", nargs=-1, required=True, type=LazyPath(), metavar="文件...")
@click.option("--render", "measure", is_flag=True,
              help="再用 LibreOffice 排版，测量页面：每页行数、每行字数、版头、标题、主送、署名、附注、版记、页码的位置。")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出检查结果。")
@click.pass_obj
def check_format(ctx: Context, files: tuple[Path, ...], measure: bool, as_json: bool) -> None:
    """检查 .docx 是否符合 GB/T 9704-2012：纸张、页边距、版心网格、行距、各部分字体字号、缩进、主送、页码、文号与日期写法。

    每处问题注明 GB/T 9704 的条款。有问题或部分文件无法读取时退出码为 1；文件都无法读取时为 2。
    """
    from planner.check import check_docx

    report: dict[str, list] = {}
    unreadable = 0
    for file in files:
        try:
            report[str(file)] = check_docx(file)
        except Exception as error:  # noqa: BLE001  the batch boundary: one file never stops the others
            unreadable += 1
            _fail(ctx, contained(error, str(file)))
    if measure and report:
        unreadable += _measured(ctx, report)
    found = sum(len(findings) for findings in report.values())
    if as_json:
        click.echo(json_text({name: [f.as_dict() for f in findings] for name, findings in report.items()}))
    else:
        for name, findings in report.items():
            for finding in findings:
                click.echo(finding.line(name))
            click.echo(f"{name}: {'发现 ' + str(len(findings)) + ' 处不符合格式要求' if findings else '格式检查通过'}",
                       err=bool(findings))
    if unreadable:
        sys.exit(2 if unreadable == len(files) else 1)
    if found:
        sys.exit(1)


def _measured(ctx: Context, report: dict[str, list]) -> int:
    """Add the measured findings of every readable file (one LibreOffice run); say in one
    line when nothing can be measured here. Returns how many files could not be laid out."""
    from pathlib import Path

    from planner.check.pdf import MeasureUnavailable
    from planner.check.rendered import measure_docx
    from planner.office import ToolMissing

    try:
        measured = measure_docx([Path(name) for name in report])
    except (ToolMissing, MeasureUnavailable) as error:
        click.echo(f"提示：{error.message}，只检查了 Word 文档的设置；{error.hint}", err=True)
        return 0
    failed = 0
    for path, outcome in measured.items():
        if isinstance(outcome, PlannerError):
            failed += 1
            _fail(ctx, outcome)
            report.pop(str(path))
        else:
            report[str(path)] += outcome
    return failed


@cli.command(options_metavar="[选项]")
@click.argument("file", type=LazyPath(), metavar="文件")
@click.option("-o", "--output", "out_dir", type=LazyPath(), required=True,
              help="输出目录（PDF 和每页 PNG）。")
@click.option("--notice", "with_notice", is_flag=True, help="文件为方案时，连同印发通知一起预览。")
@click.option("--dpi", type=click.IntRange(30, 300), default=80, show_default=True, help="PNG 分辨率。")
@click.pass_obj
def preview(ctx: Context, file: Path, out_dir: Path, with_notice: bool, dpi: int) -> None:
    """用 LibreOffice 生成 PDF 和每页 PNG 预览。文件为 .docx，或方案（先排版再预览）。"""
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory(prefix="planner-preview-") as tmp:
        docx = file
        if file.suffix.lower() != ".docx":
            from planner.planfile import read_plan
            from planner.render import render_notice, render_plan

            docx = Path(tmp) / (file.stem + ".docx")
            plan = read_plan(file)
            (render_notice if with_notice else render_plan)(plan, docx)
        else:
            _check_docx_file(file)
        result = _previewed(file, docx, out_dir, dpi)
    click.echo(f"{file} → {result.pdf}（{len(result.pages)} 页 PNG）")
    for wanted, used in result.substituted.items():
        click.echo(f"提示：本机没有字体“{wanted}”，预览以“{used}”代替", err=True)


def _check_docx_file(file: Path) -> None:
    """A .docx to preview is a zip with a document part (else one line, before LibreOffice)."""
    import zipfile

    from planner.errors import SourceError, os_reason

    if not file.is_file():
        raise UserError("文件不存在" if not file.exists() else "这是一个目录，不是文件", path=str(file),
                        hint="请检查路径")
    try:
        with zipfile.ZipFile(file) as archive:
            names = archive.namelist()
    except zipfile.BadZipFile:
        names = []
    except OSError as error:
        raise SourceError(f"无法读取（{os_reason(error)}）", path=str(file), hint="请检查文件权限") from None
    if "word/document.xml" not in names:
        raise SourceError("不是有效的 .docx 文件（不是 zip 格式或缺少 word/document.xml）", path=str(file),
                          hint="请在 Word/WPS 中另存为 .docx")


def _previewed(file: Path, docx: Path, out_dir: Path, dpi: int):
    """preview_docx, with a .docx whose parts cannot be unpacked (damaged data, encrypted, an
    unknown compression) reported as unreadable input."""
    import zipfile
    import zlib

    from planner.errors import SourceError
    from planner.render.preview import preview_docx

    try:
        return preview_docx(docx, out_dir, dpi, inputs=[file])
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError) as error:
        raise SourceError(f"不是有效的 .docx 文件（{_zip_problem(error)}）", path=str(file),
                          hint="请在 Word/WPS 中打开后另存为 .docx") from error


def _zip_problem(error: Exception) -> str:
    if isinstance(error, NotImplementedError):
        return "使用了不支持的压缩方式"
    if isinstance(error, RuntimeError):
        return "文件已加密"
    return "压缩数据损坏"


@cli.command("diff", options_metavar="[选项]")
@click.argument("old", type=LazyPath(), metavar="原方案")
@click.argument("new", type=LazyPath(), metavar="新方案")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "docx", "xlsx"]), default="text",
              show_default=True, help="输出格式；docx/xlsx 为三栏对照表（原表述、新表述、变化说明）。")
@click.option("-o", "--output", type=LazyPath(), help="输出文件（docx/xlsx 必须给出）。")
@click.option("--all", "show_all", is_flag=True, help="文本输出时也列出未变的事项。")
@click.pass_obj
def diff(ctx: Context, old: Path, new: Path, fmt: str, output: Optional[Path], show_all: bool) -> None:
    """对照两份方案（如去年与今年，或本市与外市）：按内容对齐事项，列出新增、删除、改写、
    年份顺延、量化指标变化和责任单位增减。序号变了、换了位置或改了标题也能对上。"""
    from planner.diff import diff_json, diff_plans
    from planner.output import OutputCheck, write_atomic
    from planner.planfile import read_plan

    if output is not None:
        OutputCheck([old, new]).claim(output)
    result = diff_plans(read_plan(old), read_plan(new))
    if fmt in ("docx", "xlsx"):
        if output is None:
            raise UserError(f"--format {fmt} 需要用 -o 指定输出文件", hint=f"例如 -o 对照表.{fmt}")
        from planner.render.comparison import comparison_docx, comparison_xlsx

        data = comparison_docx(result) if fmt == "docx" else comparison_xlsx(result)
        click.echo(f"{old} ↔ {new} → {write_atomic(output, data, inputs=[old, new])}")
        return
    if fmt == "json":
        text = json_text(diff_json(result)) + "\n"
    else:
        text = _diff_text(result, show_all)
    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomic(output, click.unstyle(text), inputs=[old, new])


def _diff_text(result, show_all: bool) -> str:
    """Terminal report: one block per change, changed characters coloured (when a terminal)."""
    from planner.diff import STATUS_WORDS, explain, summary
    from planner.render.comparison import segments

    marks = {"unchanged": ("=", None), "years": ("~", "cyan"), "reworded": ("~", "yellow"),
             "added": ("+", "green"), "removed": ("-", "red")}
    lines = [f"{result.old_title} → {result.new_title}",
             "，".join(f"{STATUS_WORDS[k]} {v}" for k, v in summary(result).items())]
    for old_part, new_part in result.parts_renamed:
        lines.append(click.style(f"部分改名：{old_part} → {new_part}", fg="magenta"))
    for change in result.changes:
        if change.status == "unchanged" and not show_all and not (change.moved or change.renumbered):
            continue
        mark, colour = marks[change.status]
        head = (change.new or change.old).label
        lines.append(click.style(f"{mark} {head}：{explain(change)}", fg=colour, bold=True))
        if change.status in ("reworded", "years"):
            left, right = segments(change.old.text, change.new.text)
            lines.append("  原：" + "".join(click.style(t, fg="red") if c else t for t, c in left))
            lines.append("  新：" + "".join(click.style(t, fg="green") if c else t for t, c in right))
        elif change.status in ("added", "removed"):
            lines.append("  " + (change.new or change.old).text)
    return "\n".join(lines) + "\n"


# --- clause library and drafting: mine, clauses, draft, rollover ---------------------------
