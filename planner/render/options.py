"""What a render is asked for: layout options, and notice fields given on the command line."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Optional

from planner.errors import UserError
from planner.model import Model, Notice, Plan
from planner.form.dates import parse_date
from planner.form.docnumber import normalize_doc_number


class NoticeError(UserError):
    """The 印发通知 lacks a part that neither the plan nor the options give."""


class RenderOptions(Model):
    """排版选项: a user's template directory and profile, and the 版头 text (None: no 版头)."""

    templates: Optional[Path] = None
    profile: Optional[Path] = None
    masthead: Optional[str] = None


class NoticeFields(Model):
    """印发通知 parts given as options; each one set here replaces the plan's."""

    title: Optional[str] = None
    doc_number: Optional[str] = None
    recipients: list[str] = []
    issuer: list[str] = []
    date: Optional[dt.date] = None
    public: Optional[bool] = None
    cc: list[str] = []
    printer: Optional[str] = None
    print_date: Optional[dt.date] = None
    approved_by: Optional[str] = None


def notice_fields(*, date_text: Optional[str] = None, doc_number: Optional[str] = None,
                  recipients: Optional[str] = None, issuer: tuple[str, ...] = (), cc: Optional[str] = None,
                  **rest: object) -> NoticeFields:
    """Notice fields from command-line text: dates and 文号 read, lists split on 、，,；."""
    return NoticeFields(date=read_date(date_text, "--date") if date_text else None,
                        doc_number=read_doc_number(doc_number) if doc_number else None,
                        recipients=_split(recipients), issuer=[i.strip() for i in issuer if i.strip()],
                        cc=_split(cc), **rest)


def _split(text: Optional[str]) -> list[str]:
    return [part.strip() for part in re.split(r"[，,；;]", text or "") if part.strip()]


def read_date(text: str, option: str) -> dt.date:
    """`2024-05-31` or `2024年5月31日` → date."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        pass
    found = parse_date(text)
    if found is None:
        raise NoticeError(f"{option} 的日期无法识别（{text}）", hint="请写成 2024-05-31 或 2024年5月31日")
    return found


def read_doc_number(text: str) -> str:
    """`东政办字[2022]36号` → `东政办字〔2022〕36号`; anything else is refused."""
    found = normalize_doc_number(text)
    if found is None:
        raise NoticeError(f"发文字号格式不对（{text}）", hint="应为“机关代字〔年份〕序号号”，如 东政办字〔2022〕36号")
    return found


def complete_notice(plan: Plan, fields: NoticeFields, wording, masthead: bool = False) -> Notice:
    """The plan's notice with the options laid over it; missing parts are named in the error."""
    base = plan.notice or Notice()
    data = base.model_dump()
    for key in ("title", "doc_number", "date", "printer", "print_date"):
        value = getattr(fields, key)
        if value is not None:
            data[key] = value
    for key in ("recipients", "issuer", "cc"):
        if getattr(fields, key):
            data[key] = list(getattr(fields, key))
    if fields.public is not None:
        data["public"] = "（此件公开发布）" if fields.public else None
    notice = Notice.model_validate(data)
    _require(notice, masthead)
    if not notice.title:
        notice.title = wording.notice_title(notice.issuer[0], plan.name or "")
    if not notice.body:
        notice.body = [wording.notice_body(plan.name or "", fields.approved_by)]
    if notice.printer and not notice.print_date:
        notice.print_date = notice.date
    return notice


def _require(notice: Notice, masthead: bool) -> None:
    missing = [("recipients", "主送机关", "--recipients “各镇人民政府，各街道办事处”"),
               ("issuer", "发文机关署名", "--issuer “某某区人民政府办公室”"),
               ("date", "成文日期", "--date 2024-05-31")]
    if masthead:
        missing.append(("doc_number", "发文字号（版头需要）", "--doc-number “某政办字〔2024〕1号”"))
    lacking = [(name, example) for key, name, example in missing if not getattr(notice, key)]
    if lacking:
        raise NoticeError(f"印发通知缺少{'、'.join(name for name, _ in lacking)}",
                          hint=f"请在方案文件（或起草提纲）的 notice 中写明，或用 "
                               f"{' '.join(example for _, example in lacking)} 指定")
