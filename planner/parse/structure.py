"""Body lines → heading tree → typed sections, parts, items and paragraphs."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from planner.model import Item, Loc, Role
from planner.parse.clean import Dropped, Line
from planner.parse.headings import (HEADING_END_RE, HeadingLine, first_sentence_end,
                                    parse_heading)
from planner.form.notes import is_line_note
from planner.parse.responsibility import clause_data
from planner.form.hanzi import simplify
from planner.form.script import has_cjk

# 例：实施数字政府场景变革创新工程 (an unnumbered heading line)
PLAIN_HEADING_MAX = 30
# 例：目录 / 目 录
TOC_RE = re.compile(r"^\s*目\s*录\s*$")
# 例：一、发展基础……………1
TOC_PAGE_RE = re.compile(r"[.…·\s]{2,}\d{1,3}\s*$")
ROLE_RES = [
    (Role.GOALS, re.compile(r"(行动|工作|发展|主要|总体|建设|预期)目标|^目标")),
    (Role.TASKS, re.compile(r"(主要|重点|工作|建设)任务|重点工作|主要内容|工作措施|重点举措|任务措施")),
    (Role.SAFEGUARDS, re.compile(r"保障措施|工作要求|组织实施|组织保障|保障机制|实施保障|综合保障|"
                                 r"保障体[制系]|工作保障|支撑保障|^保障")),
    (Role.BASIS, re.compile(r"发展基础|发展现状|现状与|面临形势|发展环境|发展形势|背景")),
    (Role.REQUIREMENTS, re.compile(r"总体要求|总体思路|总体框架")),
    (Role.PROJECTS, re.compile(r"重点工程|重大工程|重点项目|重大项目|专项工程")),
]
PART_ROLE_RES = [
    (Role.GUIDING, re.compile(r"指导思想")),
    (Role.PRINCIPLES, re.compile(r"基本原则|工作原则")),
    (Role.GOALS, re.compile(r"目标")),
]
ITEM_ROLES = {Role.TASKS, Role.SAFEGUARDS, Role.PROJECTS, Role.GOALS}


@dataclass
class Node:
    heading: Optional[HeadingLine]
    line: int
    lines: list[tuple[Line, bool]] = field(default_factory=list)  # (line, is run-in body)
    children: list["Node"] = field(default_factory=list)


@dataclass
class Body:
    """Preamble paragraphs and sections as plain data (the fields of Paragraph and Section),
    holding Item models: the caller validates them with the rest of the plan in one call."""

    preamble: list[dict]
    sections: list[dict]
    warnings: list[str]


def build_body(lines: list[Line], file: Optional[str]) -> tuple[Body, list[Dropped]]:
    lines, dropped = drop_toc(lines)
    root = build_tree(lines)
    builder = _Builder(file)
    preamble = [builder.paragraph(line, run_in) for line, run_in in root.lines]
    warnings: list[str] = []
    if not root.children:
        if preamble:
            warnings.append("未识别到标题层级，全文作为一个部分读入")
        section = {"role": Role.TASKS, "paragraphs": preamble,
                   "loc": preamble[0]["loc"] if preamble else None}
        return Body([], [section] if preamble else [], warnings), dropped
    return Body(preamble, builder.sections(root.children), warnings), dropped


def drop_toc(lines: list[Line]) -> tuple[list[Line], list[Dropped]]:
    """Remove a table of contents: `目录` and the heading lines repeated after it."""
    start = next((i for i, line in enumerate(lines) if TOC_RE.match(line.text)), None)
    if start is None:
        return lines, []
    entries: list[str] = []
    end = start + 1
    while end < len(lines):
        text = TOC_PAGE_RE.sub("", lines[end].text).strip()
        if entries and text == entries[0] or not _looks_like_toc_entry(lines[end].text):
            break
        entries.append(text)
        end += 1
    dropped = [Dropped(line.text, line.line, "目录") for line in lines[start:end]]
    return lines[:start] + lines[end:], dropped


def _looks_like_toc_entry(text: str) -> bool:
    return bool(TOC_PAGE_RE.search(text)) or (parse_heading(text) is not None and len(text) <= 40)


def build_tree(lines: list[Line]) -> Node:
    root = Node(None, 0)
    stack: list[tuple[str, Node]] = [("root", root)]
    for index, line in enumerate(lines):
        heading = parse_heading(line.text) or _plain_heading(lines, index)
        if heading is None:
            stack[-1][1].lines.append((line, False))
            continue
        kinds = [kind for kind, _ in stack]
        if heading.kind in kinds:
            del stack[kinds.index(heading.kind):]
        node = Node(heading, line.line)
        if heading.body:
            node.lines.append((Line(heading.body, line.line), True))
        stack[-1][1].children.append(node)
        stack.append((heading.kind, node))
    return root


def _plain_heading(lines: list[Line], index: int) -> Optional[HeadingLine]:
    """An unnumbered heading: a short line with no end mark, followed by body text."""
    text = lines[index].text.strip()
    if (len(text) > PLAIN_HEADING_MAX or not has_cjk(text) or HEADING_END_RE.search(text)
            or text.startswith(("—", "《", "“", "(", "（")) or index + 1 >= len(lines) or is_line_note(text)):
        return None  # (`责任单位:市建设局` over `时限要求:…` is a note, not a heading)
    following = lines[index + 1].text.strip()
    if len(following) <= len(text) or parse_heading(following):
        return None
    return HeadingLine("plain", None, None, text, "", "")


def detect_role(title: Optional[str], table=ROLE_RES) -> Optional[Role]:
    if not title:
        return None
    title = simplify(title)
    for role, pattern in table:
        if pattern.search(title):
            return role
    return None


class _Builder:
    def __init__(self, file: Optional[str]) -> None:
        self.file = file
        self.locs: dict[int, Loc] = {}

    def loc(self, line: int) -> Loc:
        """One Loc per line, shared by the nodes on it (as a paragraph already shares its own
        with its clauses and notes)."""
        if line not in self.locs:
            self.locs[line] = Loc(file=self.file, line=line)
        return self.locs[line]

    def sections(self, nodes: list[Node]) -> list[dict]:
        roles = [detect_role(node.heading.title) for node in nodes]
        explicit_tasks = Role.TASKS in roles
        sections: list[dict] = []
        for node, role in zip(nodes, roles):
            if role is None and not explicit_tasks:
                if (not sections or sections[-1].get("title") is not None
                        or sections[-1]["role"] != Role.TASKS):
                    sections.append({"role": Role.TASKS, "loc": self.loc(node.line), "parts": []})
                sections[-1]["parts"].append(self.part(node, in_items_context=True))
                continue
            sections.append(self.section(node, role or Role.OTHER))
        return sections

    def section(self, node: Node, role: Role) -> dict:
        part = self.part(node, in_items_context=role in ITEM_ROLES)
        # Every field given, as Section(**dict(part)) did, so model_fields_set stays the same.
        return {"targets": [], "parts": [], "items": [], **part, "role": role}

    def part(self, node: Node, in_items_context: bool) -> dict:
        heading = node.heading
        part = {**self._heading_fields(node),
                "role": detect_role(heading.title, PART_ROLE_RES) if heading else None}
        part["paragraphs"] = [self.paragraph(line, run_in) for line, run_in in node.lines]
        children = node.children
        if not children and heading is not None and heading.marker is None:
            part["items"], part["paragraphs"] = self._lead_items(part["paragraphs"])
        elif any(child.children for child in children) or not in_items_context:
            part["parts"] = [self.part(child, in_items_context=True) for child in children]
        else:
            part["items"] = [self.item(child) for child in children]
        return part

    def item(self, node: Node) -> Item:
        """Items are most of a plan. Validated one by one, each item's dicts are freed at once
        instead of all living until the plan is validated: fewer live objects, so Python's
        cyclic GC runs less often and walks less."""
        paragraphs = [self.paragraph(line, run_in) for line, run_in in node.lines]
        return Item.model_validate({**self._heading_fields(node), "paragraphs": paragraphs})

    def _heading_fields(self, node: Node) -> dict:
        heading = node.heading
        run_in = bool(node.lines and node.lines[0][1])
        return dict(marker=heading.marker, number=heading.number, title=heading.title,
                    end=heading.end, run_in=run_in, loc=self.loc(node.line))

    def _lead_items(self, paragraphs: list[dict]) -> tuple[list[dict], list[dict]]:
        """In an unnumbered part, paragraphs that open with a lead sentence act as items."""
        if not paragraphs or not any(p["lead"] for p in paragraphs):
            return [], paragraphs
        intro = []
        while paragraphs and not paragraphs[0]["lead"]:
            intro.append(paragraphs.pop(0))
        items: list[dict] = []
        for paragraph in paragraphs:
            if paragraph["lead"]:
                body = {**paragraph, "lead": None, "lead_end": ""}
                items.append({"title": paragraph["lead"], "end": paragraph["lead_end"], "run_in": True,
                              "paragraphs": [body] if body["clauses"] else [], "loc": paragraph["loc"]})
            else:
                items[-1]["paragraphs"].append(paragraph)
        return items, intro

    def paragraph(self, line: Line, run_in: bool) -> dict:
        loc = self.loc(line.line)
        lead, lead_end, body = (None, "", line.text) if run_in else split_lead(line.text)
        return {"lead": lead, "lead_end": lead_end, "clauses": clause_data(body, loc), "loc": loc}


LEAD_MAX = 30
# 例：建设目标: / 建设内容：
COLON_LEAD_MAX = 8


def split_lead(text: str) -> tuple[Optional[str], str, str]:
    """`建设数字科技创新平台体系。立足…` → (`建设数字科技创新平台体系`, `。`, `立足…`)."""
    cut = first_sentence_end(text)
    if is_line_note(text):
        return None, "", text  # `责任单位:A、B` is a note, not a lead and its text
    if cut is None or cut + 1 >= len(text.rstrip()):
        return None, "", text
    head, mark = text[:cut], text[cut]
    if mark in "：:":
        ok = 0 < len(head) <= COLON_LEAD_MAX and not re.search(r"[，,、；;]", head)
    else:
        ok = mark == "。" and 0 < len(head) <= LEAD_MAX and not re.search(r"[，,、；;：:()（）]", head)
    if not ok:
        return None, "", text
    return head, mark, text[cut + 1:]
