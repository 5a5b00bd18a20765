"""What the page downloads, made by the functions the CLI calls: the plan DOCX (render_plan),
the 印发通知 (render_notice, with the notice fields the page asks for), the 分工表 XLSX
(render_matrix) and the 对照表 against last year's plan (diff_plans, comparison_docx)."""
from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

from planner.errors import PlannerError
from planner.model import Plan

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Notice form fields and the words a NoticeError uses for each (render.options._require).
NOTICE_FIELDS = {"recipients": "主送机关", "issuer": "署名", "date": "成文日期",
                 "doc_number": "发文字号", "masthead": "版头", "cc": "抄送", "printer": "印发机关"}


@dataclass
class Download:
    filename: str
    data: bytes
    media_type: str


def _written(make: Callable[[Path], Path], name: str) -> bytes:
    """What `make` writes to a file called `name` (in a private temporary folder)."""
    with tempfile.TemporaryDirectory(prefix="planner-serve-") as work:
        return make(Path(work) / name).read_bytes()


def safe_name(title: str) -> str:
    return "".join(ch for ch in title if ch not in '/\\:*?"<>|\x00').strip(" .") or "方案"


def plan_docx(plan: Plan) -> Download:
    from planner.render import render_plan

    name = f"{safe_name(plan.title)}.docx"
    return Download(name, _written(lambda path: render_plan(plan, path), name), DOCX)


def notice_docx(plan: Plan, form: dict[str, str]) -> Download:
    """The 印发通知 with the fields the page gives (as `planner notice` options: dates and 文号
    read the same way); a missing or bad field is a NoticeError naming it."""
    from planner.render import RenderOptions, render_notice
    from planner.render.options import notice_fields

    def text(key: str) -> Optional[str]:
        return (form.get(key) or "").strip() or None

    issuer = tuple(line.strip() for line in (form.get("issuer") or "").splitlines() if line.strip())
    public = {"yes": True, "no": False}.get(form.get("public") or "")
    fields = notice_fields(date_text=text("date"), doc_number=text("doc_number"),
                           recipients=text("recipients"), issuer=issuer, cc=text("cc"),
                           printer=text("printer"), public=public)
    options = RenderOptions(masthead=text("masthead"))
    name = f"{safe_name(plan.title)}_印发通知.docx"
    return Download(name, _written(lambda path: render_notice(plan, path, fields, options), name), DOCX)


def notice_defaults(plan: Plan) -> dict[str, str]:
    """The notice form as the plan (or outline) already fills it."""
    notice = plan.notice
    if notice is None:
        return {"issuer": plan.issuer or ""}
    return {"recipients": "，".join(notice.recipients), "issuer": "\n".join(notice.issuer or [plan.issuer or ""]),
            "date": notice.date.isoformat() if notice.date else "", "doc_number": notice.doc_number or "",
            "cc": "，".join(notice.cc), "printer": notice.printer or ""}


def notice_field(error: PlannerError) -> str:
    """The form field a notice error is about ('' when it names none)."""
    text = f"{error.message}{error.hint or ''}"
    for key, word in NOTICE_FIELDS.items():
        if word in error.message or f"--{key.replace('_', '-')}" in text:
            return key
    return ""


def matrix_xlsx(plan: Plan) -> Download:
    from planner.render import render_matrix

    name = f"{safe_name(plan.title)}_分工表.xlsx"
    return Download(name, _written(lambda path: render_matrix(plan, path, by_unit=True), name), XLSX)


def comparison_docx(last: Plan, plan: Plan) -> Download:
    """The 三栏对照表 of last year's plan against this one (`planner diff --format docx`)."""
    from planner.diff import diff_plans
    from planner.render.comparison import comparison_docx as table

    return Download(f"{safe_name(plan.title)}_对照表.docx", table(diff_plans(last, plan)), DOCX)


def last_year_candidates(plan: Plan, entries: list) -> list[str]:
    """Plan files of the folder, the likeliest last year's plan first (same region, the year
    before)."""
    def rank(entry) -> tuple:
        title = entry.title or ""
        year = str((plan.year or 0) - 1)
        return (year not in title, (plan.region or "~")[:2] not in title, entry.name)

    return [e.name for e in sorted((e for e in entries if e.kind == "plan"), key=rank)]
