"""plan_info: the at-a-glance summary of a plan, as fixed-shape data and as Chinese text."""
from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Iterator, Optional

from planner.model import Item, Part, Plan, Responsibility, Role, Section
from planner.form.dates import format_date

ROLE_NAMES = {
    Role.BASIS: "发展基础", Role.REQUIREMENTS: "总体要求", Role.GUIDING: "指导思想",
    Role.PRINCIPLES: "基本原则", Role.GOALS: "目标", Role.TASKS: "主要任务",
    Role.PROJECTS: "重点工程", Role.SAFEGUARDS: "保障措施", Role.OTHER: "其他",
}


def walk_parts(part: Part) -> Iterator[Part]:
    for child in part.parts:
        yield child
        yield from walk_parts(child)


def section_items(section: Section) -> list[Item]:
    return list(section.all_items())


def item_notes(item: Item) -> list[Responsibility]:
    return [c.responsibility for c in item.clauses() if c.responsibility]


def part_notes(part: Part) -> list[Responsibility]:
    notes = [c.responsibility for p in part.paragraphs for c in p.clauses if c.responsibility]
    for child in part.parts:
        notes.extend(part_notes(child))
    for item in part.items:
        notes.extend(item_notes(item))
    return notes


def count_clauses(plan: Plan) -> int:
    total = sum(len(p.clauses) for p in plan.preamble)
    for section in plan.sections:
        for part in [section, *walk_parts(section)]:
            total += sum(len(p.clauses) for p in part.paragraphs)
            total += sum(len(p.clauses) for i in part.items for p in i.paragraphs)
    return total


def plan_info(plan: Plan) -> dict:
    """The summary read by tools outside this repository: these keys are fixed."""
    tasks, safeguards = plan.tasks, plan.safeguards
    notes = list(_notes_in_order(plan))
    units = _unit_item_counts(plan)
    return {
        "kind": plan.kind.value,
        "title": plan.title,
        "year": plan.year,
        "period": list(plan.period) if plan.period else None,
        "region": plan.region,
        "issuer": plan.issuer,
        "notice": _notice_info(plan),
        "goals": bool(plan.goals),
        "counts": {
            "task_parts": sum(len(list(walk_parts(s))) for s in tasks),
            "task_items": sum(len(section_items(s)) for s in tasks),
            "task_notes": sum(len(part_notes(s)) for s in tasks),
            "safeguard_items": sum(len(section_items(s)) for s in safeguards),
            "safeguard_notes": sum(len(part_notes(s)) for s in safeguards),
            "clauses": count_clauses(plan),
            "units": len(units),
        },
        "notes": notes,
        "units": units,
        "sections": [{"role": s.role.value, "title": s.title} for s in plan.sections],
    }


# Notice fields whose source is reported: `<field>_from` is wrapper | metadata | title line | null.
ORIGIN_FIELDS = ("title", "doc_number", "issuer", "date")


def _notice_info(plan: Plan) -> Optional[dict]:
    notice = plan.notice
    if notice is None:
        return None
    origin = {f"{name}_from": notice.origin[name].value if name in notice.origin else None
              for name in ORIGIN_FIELDS}
    return {
        "title": notice.title,
        "doc_number": notice.doc_number,
        "date": notice.date.isoformat() if notice.date else None,
        "issuer": "、".join(notice.issuer) or None,
        "recipients": list(notice.recipients),
        "public": notice.public is not None,
        **origin,
    }


def _notes_in_order(plan: Plan) -> Iterator[dict]:
    for section in plan.sections:
        for note in part_notes(section):
            yield {
                "raw": note.raw,
                "lead": [u.canonical for u in note.lead],
                "support": [u.canonical for u in note.support],
                "part": section.role.value,
                "line": note.loc.line if note.loc else None,
            }


def _unit_item_counts(plan: Plan) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for section in plan.sections:
        for item in section.all_items():
            names = {u.canonical for note in item_notes(item) for u in note.units()}
            counts.update(names)
        for part in [section, *walk_parts(section)]:
            for paragraph in part.paragraphs:
                counts.update({u.canonical for c in paragraph.clauses if c.responsibility
                               for u in c.responsibility.units()})
    return dict(sorted(counts.items(), key=lambda pair: (-pair[1], pair[0])))


def format_info(info: dict) -> str:
    """The summary as a drafter reads it (Chinese)."""
    head = info["title"] or "（无标题）"
    facts = [info["kind"] if info["kind"] != "other" else "其他文种"]
    if info["period"]:
        facts.append(f"{info['period'][0]}—{info['period'][1]}年")
    elif info["year"]:
        facts.append(f"{info['year']}年")
    if info["region"]:
        facts.append(info["region"])
    lines = [f"{head}（{'，'.join(facts)}）"]
    lines.append(_notice_line(info["notice"]))
    roles = "、".join(ROLE_NAMES.get(Role(s["role"]), s["role"]) for s in info["sections"])
    lines.append(f"结构：{roles or '无'}；目标{'有' if info['goals'] else '缺失'}")
    c = info["counts"]
    lines.append(f"主要任务：{c['task_parts']} 个部分，{c['task_items']} 项，责任单位标注 {c['task_notes']} 处")
    lines.append(f"保障措施：{c['safeguard_items']} 项，责任单位标注 {c['safeguard_notes']} 处")
    lines.append(f"条款 {c['clauses']} 条；责任单位 {c['units']} 个")
    top = list(info["units"].items())[:5]
    if top:
        lines.append("承担事项最多：" + "，".join(f"{name}（{n} 项）" for name, n in top))
    return "\n".join(lines)


ORIGIN_NAMES = {"wrapper": "正文", "metadata": "网页元数据", "title line": "标题行"}


def _notice_line(notice: Optional[dict]) -> str:
    if notice is None:
        return "印发通知：无"
    date = format_date(dt.date.fromisoformat(notice["date"])) if notice["date"] else "无成文日期"
    parts = [_sourced(notice, "issuer", "无署名"), _sourced(notice, "date", "无成文日期", date),
             f"主送 {len(notice['recipients'])} 个", _sourced(notice, "doc_number", "无发文字号")]
    if notice["public"]:
        parts.append("此件公开发布")
    return "印发通知：" + "，".join(parts)


def _sourced(notice: dict, name: str, missing: str, shown: Optional[str] = None) -> str:
    """A notice field as shown, with where it was read when not from the notice's own text."""
    value = notice[name]
    if not value:
        return missing
    origin = notice.get(f"{name}_from")
    note = f"（取自{ORIGIN_NAMES[origin]}）" if origin and origin != "wrapper" else ""
    return (shown or value) + note
