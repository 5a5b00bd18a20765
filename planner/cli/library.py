"""Clause library and drafting: mine, clauses, draft, rollover."""
from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Optional

import click

from planner.cli.app import Context, LazyPath, _fail, cli, json_text

if TYPE_CHECKING:
    from pathlib import Path


DB_HELP = "条款库文件（默认：用户缓存目录中由内置样例文档建成的条款库，首次使用时自动建立）。"
PROGRESS_FROM = 6  # more files than this get a progress bar


@cli.command(options_metavar="[选项]")
@click.argument("paths", nargs=-1, required=True, type=LazyPath(), metavar="文件或目录...")
@click.option("--db", type=LazyPath(), help=DB_HELP)
@click.pass_obj
def mine(ctx: Context, paths: tuple[Path, ...], db: Optional[Path]) -> None:
    """把文档（或目录中的全部文档）收入条款库：条款、责任单位、量化指标、相似条款簇。

    内容未变的文件自动跳过，内容变了的文件替换原有记录。"""
    from planner.mine.library import default_library, expand_inputs, mine_corpus

    notes: list[str] = []
    target = db if db is not None else default_library(notes)
    _say(notes)
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
    """The library to read: --db or the default one, opened read-only."""
    from planner.mine import store
    from planner.mine.library import library_path

    notes: list[str] = []
    path = library_path(db, notes)
    _say(notes)
    return store.open_for_reading(path)


def _say(notes: list[str]) -> None:
    for note in notes:
        click.echo(f"提示：{note}", err=True)


@clauses.command("search", options_metavar="[选项]")
@click.argument("query", metavar="关键词")
@click.option("--top", type=click.IntRange(1, 200), default=10, show_default=True, help="显示条数。")
@click.option("--region", help="只看某地区的文档，如 东营。")
@click.option("--year", type=int, help="只看某年的文档（多年规划按其起止年份）。")
@click.option("--part", type=click.Choice(["tasks", "safeguards", "goals"]),
              help="只看某类部分：tasks 主要任务、safeguards 保障措施、goals 目标。")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出。")
@click.option("--db", type=LazyPath(), help=DB_HELP)
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
        click.echo(json_text([h.as_dict() for h in hits]))
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
@click.argument("cluster_id", type=int, metavar="簇编号")
@click.option("--db", type=LazyPath(), help=DB_HELP)
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
@click.argument("metric", metavar="指标")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出。")
@click.option("--db", type=LazyPath(), help=DB_HELP)
def clauses_targets(metric: str, as_json: bool, db: Optional[Path]) -> None:
    """显示一个指标在各文档中的数值，如 planner clauses targets 5G基站。"""
    from planner.mine.lookup import target_history

    conn = _library(db)
    try:
        rows = target_history(conn, metric)
    finally:
        conn.close()
    if as_json:
        click.echo(json_text([r.as_dict() for r in rows]))
        return
    for row in rows:
        where = f"{row.region or ''}{row.year or ''}"
        click.echo(f"{where} {row.amount}  {row.metric}  "
                   f"（{row.document} {row.file}:{row.line}）")


@cli.command(options_metavar="[选项]")
@click.argument("outline", type=LazyPath(), metavar="提纲")
@click.option("-o", "--output", type=LazyPath(),
              help="方案文件（YAML，默认输出到屏幕）。")
@click.option("--db", type=LazyPath(), help=DB_HELP)
@click.option("--docx", "docx_out", type=LazyPath(), help="同时把方案排成 Word 文档。")
@click.option("--notice", "notice_out", type=LazyPath(),
              help="同时排出印发通知（主送机关、成文日期写在提纲的 notice: 中，署名为提纲的 issuer）。")
@click.option("--allow-outdated", is_flag=True,
              help="也沿用涉及过时内容（如疫情防控）的条款（默认不沿用，并在屏幕上列出）。")
@click.pass_obj
def draft(ctx: Context, outline: Path, output: Optional[Path], db: Optional[Path],
          docx_out: Optional[Path], notice_out: Optional[Path], allow_outdated: bool) -> None:
    """按起草提纲从条款库选取条款，起草新一年的方案（YAML），并列出全部待填项。"""
    from planner.draft.fill import draft_plan
    from planner.draft.outline import check_notice, load_outline
    from planner.mine import store
    from planner.mine.library import library_path
    from planner.output import OutputCheck, write_atomic
    from planner.planfile import dump_plan

    notes: list[str] = []
    library = library_path(db, notes)
    _say(notes)
    check = OutputCheck([outline]).read(library, label="--db" if db is not None else "默认条款库")
    for path, label in ((output, "-o"), (docx_out, "--docx"), (notice_out, "--notice")):
        if path is not None:
            check.claim(path, label=label)
    spec = load_outline(outline)
    if notice_out is not None:
        check_notice(spec, outline)
    conn = store.open_for_reading(library)
    try:
        result = draft_plan(spec, conn, allow_outdated=allow_outdated)
    finally:
        conn.close()
    text = dump_plan(result.plan)
    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomic(output, text, inputs=[outline, library])
        click.echo(f"{outline} → {output}", err=True)
    if docx_out is not None or notice_out is not None:
        from planner.render import render_notice, render_plan

        if docx_out is not None:
            click.echo(f"{outline} → {render_plan(result.plan, docx_out, inputs=[outline, library])}", err=True)
        if notice_out is not None:
            click.echo(f"{outline} → {render_notice(result.plan, notice_out, inputs=[outline, library])}",
                       err=True)
    _report_draft(result)


def _report_draft(result) -> None:
    """待填项, items with no clause and clauses left out, on stderr."""
    if result.skipped:
        click.echo(f"涉及过时内容、未沿用的条款 {len(result.skipped)} 条（如需沿用请加 --allow-outdated）：",
                   err=True)
        for skipped in result.skipped:
            click.echo(f"  {skipped.line()}", err=True)
    if not result.placeholders:
        click.echo("没有待填项。", err=True)
        return
    click.echo(f"待填项 {len(result.placeholders)} 处，未找到条款的事项 {len(result.unfilled)} 个"
               f"（planner lint 的 S006 会逐处报告）：", err=True)
    for placeholder in result.placeholders:
        click.echo(f"  {placeholder.line()}", err=True)


@cli.command(options_metavar="[选项]")
@click.argument("last", type=LazyPath(), metavar="上年方案")
@click.option("--year", type=int, help="新方案的年份（默认：上年方案的年份加一）。")
@click.option("-o", "--output", type=LazyPath(), required=True,
              help="写入的起草提纲（YAML）。")
def rollover(last: Path, year: Optional[int], output: Path) -> None:
    """由上年方案生成下一年的起草提纲：沿用部分、事项和责任单位，年份顺延，指标改为待填。"""
    from planner.draft.outline import dump_outline
    from planner.draft.rollover import rollover_plan
    from planner.output import OutputCheck, write_atomic
    from planner.planfile import read_plan

    OutputCheck([last]).claim(output)
    outline = rollover_plan(read_plan(last), year)
    write_atomic(output, dump_outline(outline), inputs=[last])
    click.echo(f"{last} → {output}")
