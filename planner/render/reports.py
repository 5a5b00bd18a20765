"""重点任务分工表 as DOCX (an 附件 in a landscape section) and XLSX (one sheet per view)."""
from __future__ import annotations

from typing import Optional

from planner.form.fixes import fix
from planner.matrix import COLUMNS, MatrixRow, UnitRows, rows_by_unit
from planner.model import Plan
from planner.render.options import RenderOptions
from planner.render.oxml.text import LINE_BREAK, run
from planner.render.sheet import Sheet, workbook_bytes
from planner.render.table import attachment_section

SHARES = (4, 14, 36, 12, 12, 8, 14)
UNIT_COLUMNS = ("单位", "承担方式", "序号", "任务", "具体内容", "完成时限", "量化指标")
UNIT_SHARES = (11, 6, 4, 14, 37, 9, 14)


def matrix_title(plan: Plan) -> str:
    return f"{fix(plan.name or '')}重点任务分工表"


def matrix_attachment(plan: Plan, rows: list[MatrixRow], by_unit: bool = False,
                      label: Optional[str] = "附件") -> str:
    """The attachment's paragraphs and table (XML), by task or by unit."""
    if by_unit:
        return attachment_section(matrix_title(plan) + "（按单位）", UNIT_COLUMNS,
                                  _unit_cells(rows, docx=True),
                                  UNIT_SHARES, label)
    return attachment_section(matrix_title(plan), COLUMNS,
                              [[*cells[:1], _task_runs(row), *cells[2:]]
                               for row, cells in ((row, row.cells()) for row in rows)],
                              SHARES, label)


def _task_runs(row: MatrixRow) -> list[str]:
    """The 任务 cell: each division above the item on its own line (a line break, not ` › `)."""
    lines = [*filter(None, row.part.split(" › ")), *filter(None, [row.item])]
    runs: list[str] = []
    for line in lines:
        if runs:
            runs.append(LINE_BREAK)
        runs.append(run(line))
    return runs


def matrix_docx(plan: Plan, rows: list[MatrixRow], by_unit: bool = False,
                options: Optional[RenderOptions] = None) -> bytes:
    from planner.render.package import assemble
    from planner.render.profile import load_profile

    options = options or RenderOptions()
    body = matrix_attachment(plan, rows, by_unit)
    return assemble(load_profile(options.profile), body, matrix_title(plan), plan.issuer or "",
                    landscape_end=True)


def matrix_xlsx(plan: Plan, rows: list[MatrixRow], by_unit: bool = False) -> bytes:
    """Sheet 分工表 (every row); with `by_unit` also 按单位 (each unit's rows) and 单位统计."""
    sheets = [Sheet("分工表", COLUMNS, [_typed(row.cells()) for row in rows])]
    if by_unit:
        units = rows_by_unit(rows)
        sheets.append(Sheet("按单位", UNIT_COLUMNS, [_typed(cells) for cells in _unit_cells(rows, units)]))
        sheets.append(Sheet("单位统计", ("单位", "牵头", "配合", "合计"),
                            [(u.unit, len(u.lead), len(u.support), len(u.lead) + len(u.support))
                             for u in units]))
    return workbook_bytes(sheets)


def _unit_cells(rows: list[MatrixRow], units: Optional[list[UnitRows]] = None,
                docx: bool = False) -> list[list]:
    out = []
    for unit in units if units is not None else rows_by_unit(rows):
        # Each 局 sees its count with its name: 区财政局（牵头2项，配合1项）
        name = f"{unit.unit}（牵头{len(unit.lead)}项，配合{len(unit.support)}项）"
        for how, group in (("牵头", unit.lead), ("配合", unit.support)):
            for row in group:
                cells = row.cells()
                task = _task_runs(row) if docx else cells[1]
                out.append([name, how, cells[0], task, cells[2], cells[5], cells[6]])
    return out


def _typed(cells: list) -> list:
    """序号 as a number so filters and sorting work."""
    return [int(cells[0]) if str(cells[0]).isdigit() else cells[0], *cells[1:]]
