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

def _layout_options(func):
    """--templates and --profile, shared by the commands that write DOCX."""
    func = click.option("--profile", type=click.Path(path_type=Path),
                        help="排版方案 YAML（字体、字号），覆盖默认的 templates/profile.yaml 中相应各项。")(func)
    return click.option("--templates", type=click.Path(path_type=Path),
                        help="自己的模板目录，其中的同名模板优先于自带模板。")(func)


@cli.command(options_metavar="[选项]")
@click.argument("plan", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True, help="输出的 .docx 文件。")
@_layout_options
@click.pass_obj
def render(ctx: Context, plan: Path, output: Path, templates: Optional[Path],
           profile: Optional[Path]) -> None:
    """把方案排成符合 GB/T 9704-2012 的 Word 文档（仅方案本身）。PLAN 可为方案 YAML 或任意可读入的文档。"""
    from planner.planfile import read_plan
    from planner.render import RenderOptions, render_plan

    options = RenderOptions(templates=templates, profile=profile)
    written = render_plan(read_plan(plan), output, options, inputs=[plan])
    click.echo(f"{plan} → {written}")


@cli.command(options_metavar="[选项]")
@click.argument("plan", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True, help="输出的 .docx 文件。")
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
    from planner.render.options import notice_fields

    options = RenderOptions(templates=templates, profile=profile, masthead=masthead)
    written = render_notice(read_plan(plan), output, notice_fields(date_text=date_text, **fields),
                            options, inputs=[plan], with_matrix=with_matrix)
    click.echo(f"{plan} → {written}")


@cli.command(options_metavar="[选项]")
@click.argument("plan", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
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
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出检查结果。")
@click.pass_obj
def check_format(ctx: Context, files: tuple[Path, ...], as_json: bool) -> None:
    """检查 .docx 是否符合 GB/T 9704-2012：纸张、页边距、版心网格、各部分字体字号、缩进、页码、文号与日期写法。

    有问题时退出码为 1；文件无法读取时为 2。
    """
    from planner.render.formatcheck import check_docx

    found = unreadable = 0
    report = {}
    for file in files:
        try:
            findings = check_docx(file)
        except PlannerError as error:
            unreadable += 1
            _fail(ctx, error)
            continue
        found += len(findings)
        report[str(file)] = [vars(f) for f in findings]
        if not as_json:
            for finding in findings:
                click.echo(finding.line(str(file)))
            click.echo(f"{file}: {'发现 ' + str(len(findings)) + ' 处不符合格式要求' if findings else '格式检查通过'}",
                       err=bool(findings))
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    if unreadable:
        sys.exit(2 if unreadable == len(files) else 1)
    if found:
        sys.exit(1)


@cli.command(options_metavar="[选项]")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(path_type=Path), required=True,
              help="输出目录（PDF 和每页 PNG）。")
@click.option("--notice", "with_notice", is_flag=True, help="FILE 为方案时，连同印发通知一起预览。")
@click.option("--dpi", type=click.IntRange(30, 300), default=80, show_default=True, help="PNG 分辨率。")
@click.pass_obj
def preview(ctx: Context, file: Path, out_dir: Path, with_notice: bool, dpi: int) -> None:
    """用 LibreOffice 生成 PDF 和每页 PNG 预览。FILE 为 .docx，或方案（先排版再预览）。"""
    import tempfile

    from planner.render.preview import preview_docx

    with tempfile.TemporaryDirectory(prefix="planner-preview-") as tmp:
        docx = file
        if file.suffix.lower() != ".docx":
            from planner.planfile import read_plan
            from planner.render import render_notice, render_plan

            docx = Path(tmp) / (file.stem + ".docx")
            plan = read_plan(file)
            (render_notice if with_notice else render_plan)(plan, docx)
        elif not file.is_file():
            raise UserError("文件不存在", path=str(file), hint="请检查路径")
        result = preview_docx(docx, out_dir, dpi)
    click.echo(f"{file} → {result.pdf}（{len(result.pages)} 页 PNG）")
    for wanted, used in result.substituted.items():
        click.echo(f"提示：本机没有字体“{wanted}”，预览以“{used}”代替", err=True)


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
    if fmt == "text" and len(report.errors()) < len(report.results):  # something was linted
        click.echo(summary(report), err=True)
    sys.exit(report.exit_code())


@cli.command("diff", options_metavar="[选项]")
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json", "docx", "xlsx"]), default="text",
              show_default=True, help="输出格式；docx/xlsx 为三栏对照表（原表述、新表述、变化说明）。")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="输出文件（docx/xlsx 必须给出）。")
@click.option("--all", "show_all", is_flag=True, help="文本输出时也列出未变的事项。")
@click.pass_obj
def diff(ctx: Context, old: Path, new: Path, fmt: str, output: Optional[Path], show_all: bool) -> None:
    """对照两份方案（如去年与今年，或本市与外市）：按内容对齐事项，列出新增、删除、改写、
    年份顺延、量化指标变化和责任单位增减。序号变了、换了位置或改了标题也能对上。"""
    from planner.diff import diff_json, diff_plans
    from planner.output import write_atomic
    from planner.planfile import read_plan

    result = diff_plans(read_plan(old), read_plan(new))
    if fmt in ("docx", "xlsx"):
        if output is None:
            raise UserError(f"--format {fmt} 需要用 -o 指定输出文件", hint=f"例如 -o 对照表.{fmt}")
        from planner.render.comparison import comparison_docx, comparison_xlsx

        data = comparison_docx(result) if fmt == "docx" else comparison_xlsx(result)
        click.echo(f"{old} ↔ {new} → {write_atomic(output, data, inputs=[old, new])}")
        return
    if fmt == "json":
        text = json.dumps(diff_json(result), ensure_ascii=False, indent=2) + "\n"
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

DB_HELP = "条款库文件（默认：用户缓存目录中由内置样例文档建成的条款库，首次使用时自动建立）。"
PROGRESS_FROM = 6  # more files than this get a progress bar


@cli.command(options_metavar="[选项]")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--db", type=click.Path(path_type=Path), help=DB_HELP)
@click.pass_obj
def mine(ctx: Context, paths: tuple[Path, ...], db: Optional[Path]) -> None:
    """把文档（或目录中的全部文档）收入条款库：条款、责任单位、量化指标、相似条款簇。

    内容未变的文件自动跳过，内容变了的文件替换原有记录。"""
    from planner.mine.library import default_library, expand_inputs, mine_corpus

    target = db if db is not None else default_library()
    count = len(expand_inputs(paths))

    def progress(files):
        with click.progressbar(files, label="收录", file=sys.stderr) as bar:
            yield from bar

    report = mine_corpus(paths, target, progress if count >= PROGRESS_FROM else None)
    labels = {"added": "新增", "replaced": "已更新", "unchanged": "未变化，跳过"}
    for result in report.results:
        if result.error is not None:
            _fail(ctx, result.error)
        elif result.status == "unchanged":
            click.echo(f"{result.source}: {labels[result.status]}")
        else:
            click.echo(f"{result.source}: {labels[result.status]} {result.clauses} 条")
    click.echo(f"条款库 {report.db}：相似条款簇 {report.clusters} 个")
    if report.failed:
        sys.exit(2 if report.failed == len(report.results) else 1)


@cli.group(options_metavar="[选项]", subcommand_metavar="命令 [参数]...")
def clauses() -> None:
    """查询条款库：检索条款、查看相似条款簇、查看指标的历年数值。"""


def _library(db: Optional[Path]):
    from planner.mine import store
    from planner.mine.library import library_path

    return store.connect(library_path(db), create=False)


@clauses.command("search", options_metavar="[选项]")
@click.argument("query")
@click.option("--top", type=click.IntRange(1, 200), default=10, show_default=True, help="显示条数。")
@click.option("--region", help="只看某地区的文档，如 东营。")
@click.option("--year", type=int, help="只看某年的文档（多年规划按其起止年份）。")
@click.option("--part", type=click.Choice(["tasks", "safeguards", "goals"]),
              help="只看某类部分：tasks 主要任务、safeguards 保障措施、goals 目标。")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出。")
@click.option("--db", type=click.Path(path_type=Path), help=DB_HELP)
def clauses_search(query: str, top: int, region: Optional[str], year: Optional[int],
                   part: Optional[str], as_json: bool, db: Optional[Path]) -> None:
    """按关键词检索条款（任意长度，引号、*、AND 等都按普通文字处理）。"""
    from planner.mine.search import Filters, search_clauses

    conn = _library(db)
    try:
        hits = search_clauses(conn, query, top, Filters(region=region, year=year, part=part))
    finally:
        conn.close()
    if as_json:
        click.echo(json.dumps([h.as_dict() for h in hits], ensure_ascii=False, indent=2))
        return
    if not hits:
        click.echo("没有找到相关条款。")
    for rank, hit in enumerate(hits, 1):
        when = f"{hit.region or ''} {hit.year or ''}".strip()
        click.echo(f"{rank}. {hit.document}（{when}）{hit.file}:{hit.line}  "
                   f"簇 {hit.cluster}（{hit.cluster_size} 条）")
        click.echo(f"   位置：{hit.heading}")
        click.echo(f"   {hit.text}")
        if hit.units:
            click.echo(f"   责任单位：{'、'.join(hit.units)}")


@clauses.command("show", options_metavar="[选项]")
@click.argument("cluster_id", type=int)
@click.option("--db", type=click.Path(path_type=Path), help=DB_HELP)
def clauses_show(cluster_id: int, db: Optional[Path]) -> None:
    """显示一个相似条款簇：代表条款及其各地各年的写法。"""
    from planner.mine.lookup import cluster_members

    conn = _library(db)
    try:
        members = cluster_members(conn, cluster_id)
    finally:
        conn.close()
    click.echo(f"簇 {cluster_id}：{len(members)} 条")
    for member in members:
        mark = "代表" if member.canonical else "变体"
        when = f"{member.region or ''} {member.year or ''}".strip()
        click.echo(f"[{mark}] {member.document}（{when}）{member.file}:{member.line}")
        click.echo(f"   {member.text}")


@clauses.command("targets", options_metavar="[选项]")
@click.argument("metric")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出。")
@click.option("--db", type=click.Path(path_type=Path), help=DB_HELP)
def clauses_targets(metric: str, as_json: bool, db: Optional[Path]) -> None:
    """显示一个指标在各文档中的数值，如 planner clauses targets 5G基站。"""
    from planner.mine.lookup import target_history

    conn = _library(db)
    try:
        rows = target_history(conn, metric)
    finally:
        conn.close()
    if as_json:
        click.echo(json.dumps([r.as_dict() for r in rows], ensure_ascii=False, indent=2))
        return
    for row in rows:
        where = f"{row.region or ''}{row.year or ''}"
        click.echo(f"{where} {row.amount}  {row.metric}  "
                   f"（{row.document} {row.file}:{row.line}）")


@cli.command(options_metavar="[选项]")
@click.argument("outline", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="方案文件（YAML，默认输出到屏幕）。")
@click.option("--db", type=click.Path(path_type=Path), help=DB_HELP)
@click.option("--docx", "docx_out", type=click.Path(path_type=Path), help="同时把方案排成 Word 文档。")
@click.option("--notice", "notice_out", type=click.Path(path_type=Path),
              help="同时排出印发通知（主送、成文日期等写在提纲的 notice 中）。")
@click.pass_obj
def draft(ctx: Context, outline: Path, output: Optional[Path], db: Optional[Path],
          docx_out: Optional[Path], notice_out: Optional[Path]) -> None:
    """按起草提纲从条款库选取条款，起草新一年的方案（YAML），并列出全部待填项。"""
    from planner.draft.fill import draft_plan
    from planner.draft.outline import load_outline
    from planner.output import write_atomic
    from planner.planfile import dump_plan

    spec = load_outline(outline)
    conn = _library(db)
    try:
        result = draft_plan(spec, conn)
    finally:
        conn.close()
    text = dump_plan(result.plan)
    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomic(output, text, inputs=[outline])
        click.echo(f"{outline} → {output}", err=True)
    if docx_out is not None or notice_out is not None:
        from planner.render import render_notice, render_plan

        if docx_out is not None:
            click.echo(f"{outline} → {render_plan(result.plan, docx_out, inputs=[outline])}", err=True)
        if notice_out is not None:
            click.echo(f"{outline} → {render_notice(result.plan, notice_out, inputs=[outline])}", err=True)
    click.echo(f"待填项 {len(result.placeholders)} 处，未找到条款的事项 {len(result.unfilled)} 个：",
               err=True)
    for placeholder in result.placeholders:
        click.echo(f"  {placeholder.line()}", err=True)


@cli.command(options_metavar="[选项]")
@click.argument("last", type=click.Path(path_type=Path))
@click.option("--year", type=int, help="新方案的年份（默认：上年方案的年份加一）。")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="写入的起草提纲（YAML）。")
def rollover(last: Path, year: Optional[int], output: Path) -> None:
    """由上年方案生成下一年的起草提纲：沿用部分、事项和责任单位，年份顺延，指标改为待填。"""
    from planner.draft.outline import dump_outline
    from planner.draft.rollover import rollover_plan
    from planner.output import write_atomic
    from planner.planfile import read_plan

    outline = rollover_plan(read_plan(last), year)
    write_atomic(output, dump_outline(outline), inputs=[last])
    click.echo(f"{last} → {output}")



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
