"""The plan model: what a yearly digital-government plan and its 印发通知 are made of.

Text is stored as written in the source (half-width punctuation included); normalisation
to 公文 form happens on the way out (export, render). Every parsed node carries `loc`.
"""
from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any, Iterator, Optional

from pydantic import BaseModel, ConfigDict, Field, model_serializer, model_validator


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Loc(Model):
    """Source location — 来源位置: file name and 1-based line, written `file:line`."""

    file: Optional[str] = None
    line: int = Field(ge=0)

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        """Accept `000_即墨.txt:12` (or `12`) as well as {file, line}."""
        if isinstance(value, str):
            file, _, line = value.rpartition(":")
            if not line.strip().isdigit():
                raise ValueError("位置应写作“文件名:行号”")
            return {"file": file or None, "line": int(line)}
        return value

    @model_serializer(mode="plain")
    def _to_text(self) -> str:
        return f"{self.file}:{self.line}" if self.file else str(self.line)

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema, handler):
        return {"type": "string", "pattern": r"^(.*:)?\d+$",
                "description": "来源位置：文件名:行号", "title": "Loc"}


class Kind(str, Enum):
    """文种 of the plan."""

    ACTION_PLAN = "行动方案"
    WORK_POINTS = "工作要点"
    IMPLEMENTATION_PLAN = "实施方案"
    IMPLEMENTATION_OPINIONS = "实施意见"
    PROGRAMME = "规划"
    OTHER = "other"


class Role(str, Enum):
    """What a section or part does in the plan (its 作用)."""

    BASIS = "basis"  # 发展基础 / 现状 / 面临形势
    REQUIREMENTS = "requirements"  # 总体要求
    GUIDING = "guiding"  # 指导思想
    PRINCIPLES = "principles"  # 基本原则
    GOALS = "goals"  # 目标
    TASKS = "tasks"  # 主要任务 / 重点任务
    PROJECTS = "projects"  # 重点工程 / 重点项目
    SAFEGUARDS = "safeguards"  # 保障措施 / 工作要求 / 组织实施
    OTHER = "other"


class Unit(Model):
    """责任单位 — one responsible unit: `name` as written, `canonical` with shared prefixes
    restored (`工业和信息化局` after `区发展和改革局、` → `区工业和信息化局`)."""

    name: str
    canonical: str
    collective: bool = False  # 区政府有关单位, 各镇街 …


class Responsibility(Model):
    """责任单位 note on a clause: `lead` = 牵头, `support` = 配合, `raw` = the note as written
    (parentheses included). A note with no 牵头/配合 split (`（责任单位：…）`) puts all units in
    `lead`. These three names are read by tools outside this repository."""

    lead: list[Unit] = Field(default_factory=list)
    support: list[Unit] = Field(default_factory=list)
    raw: str
    truncated: bool = False  # the note was cut off at the end of the text
    loc: Optional[Loc] = None

    def units(self) -> Iterator[Unit]:
        yield from self.lead
        yield from self.support


class Target(Model):
    """量化指标 — a quantitative target found in the text: `新建5G基站1000座`."""

    text: str
    metric: str
    value: float
    unit: str = ""
    qualifier: str = ""  # 新建 / 累计 / 以上 / 不少于 / 达到 …
    year: Optional[int] = None


class Provenance(Model):
    """来源 — the library clause a drafted clause was reused from: its document, location,
    near-duplicate cluster and the text as the source wrote it."""

    document: str
    loc: Optional[Loc] = None
    cluster: Optional[int] = None
    original: str


class Clause(Model):
    """条款 — the text one responsibility note covers (one or more sentences), or text
    that carries no note (`responsibility` is None). The note applies to every sentence.
    A drafted clause records where it came from in `provenance`."""

    text: str
    responsibility: Optional[Responsibility] = None
    loc: Optional[Loc] = None
    provenance: Optional[Provenance] = None


class Paragraph(Model):
    """段落. `lead` is a run-in lead sentence (`建设数字科技创新平台体系。`, `建设目标:`)
    without its end mark, which is kept in `lead_end`."""

    lead: Optional[str] = None
    lead_end: str = ""
    clauses: list[Clause] = Field(default_factory=list)
    loc: Optional[Loc] = None

    @property
    def text(self) -> str:
        head = (self.lead or "") + self.lead_end
        return head + "".join(c.text + (c.responsibility.raw if c.responsibility else "")
                              for c in self.clauses)


class Heading(Model):
    """Fields shared by numbered divisions. `marker` is the numbering as written (`(一)`,
    `1.`, `第一章`), None for unnumbered headings; `title` has no end mark, `end` keeps it;
    `run_in` is true when the body text continues on the heading's line (`1.标题。正文…`)."""

    marker: Optional[str] = None
    number: Optional[int] = None
    title: Optional[str] = None
    end: str = ""
    run_in: bool = False
    loc: Optional[Loc] = None


class Item(Heading):
    """任务事项 — an item: `1.数字经济产业化。…（责任单位：…）`."""

    paragraphs: list[Paragraph] = Field(default_factory=list)

    def clauses(self) -> Iterator[Clause]:
        for paragraph in self.paragraphs:
            yield from paragraph.clauses


class Part(Heading):
    """部分 — a division holding items or further parts: `（一）持续推进数字经济建设…`."""

    role: Optional[Role] = None
    paragraphs: list[Paragraph] = Field(default_factory=list)
    targets: list[Target] = Field(default_factory=list)  # 量化指标 of a 目标 part
    parts: list["Part"] = Field(default_factory=list)
    items: list[Item] = Field(default_factory=list)

    def all_items(self) -> Iterator[Item]:
        yield from self.items
        for part in self.parts:
            yield from part.all_items()

    def all_clauses(self) -> Iterator[Clause]:
        """Every clause in document order: own paragraphs, sub-parts, then items."""
        for paragraph in self.paragraphs:
            yield from paragraph.clauses
        for part in self.parts:
            yield from part.all_clauses()
        for item in self.items:
            yield from item.clauses()


class Section(Part):
    """篇章 — a top-level part with its role: 目标, 主要任务, 保障措施, 发展基础 …
    A section with no heading (`title` None) groups task parts that stand at the top level."""

    role: Role = Role.OTHER


class Origin(str, Enum):
    """Where a notice field was read from (来源): the notice's own text (文号行、落款、日期行,
    发文机关标志), a portal's metadata (信息公开元数据), or the notice's title line."""

    WRAPPER = "wrapper"
    METADATA = "metadata"
    TITLE_LINE = "title line"


class Notice(Model):
    """印发通知 — the cover notice that issues the plan."""

    title: Optional[str] = None
    doc_number: Optional[str] = None  # 发文字号: 东政办字〔2022〕36号
    recipients: list[str] = Field(default_factory=list)  # 主送机关, one entry per group
    body: list[str] = Field(default_factory=list)  # 正文 paragraphs
    issuer: list[str] = Field(default_factory=list)  # 署名 (several for joint issuers)
    date: Optional[dt.date] = None  # 成文日期
    public: Optional[str] = None  # 附注 as written: (此件公开发布)
    cc: list[str] = Field(default_factory=list)  # 抄送
    printer: Optional[str] = None  # 版记 印发机关
    print_date: Optional[dt.date] = None
    # Where title, doc_number, issuer and date were read from, for the fields read at all.
    origin: dict[str, Origin] = Field(default_factory=dict)
    loc: Optional[Loc] = None


class Plan(Model):
    """方案 / 规划 / 工作要点: the whole document."""

    kind: Kind = Kind.OTHER
    title: Optional[str] = None  # None when no line of the text gives the title
    # What the notice's 印发 sentence (or the first paragraph) calls the plan when no line gives
    # the title: 《数字威海2021行动方案》. A citation, never taken as the title.
    cited_name: Optional[str] = None
    year: Optional[int] = None
    period: Optional[tuple[int, int]] = None
    region: Optional[str] = None
    issuer: Optional[str] = None
    notice: Optional[Notice] = None
    preamble: list[Paragraph] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    # 一揽子规则: what a note says of all tasks after its units (`以下任务均需…落实,不再一一列出`)
    blanket_rule: Optional[str] = None
    source: Optional[str] = None
    loc: Optional[Loc] = None

    @model_validator(mode="after")
    def _period_in_order(self) -> "Plan":
        if self.period and self.period[0] > self.period[1]:
            raise ValueError("period: 起始年份晚于结束年份")
        return self

    @property
    def name(self) -> Optional[str]:
        """What the plan is called: its title, else the name its text cites. Writers title a
        plan with it."""
        return self.title or self.cited_name

    def clauses(self) -> Iterator[Clause]:
        for paragraph in self.preamble:
            yield from paragraph.clauses
        for section in self.sections:
            yield from section.all_clauses()

    def divisions(self) -> Iterator[Part]:
        """Every part, depth first, sections included."""
        stack: list[Part] = list(reversed(self.sections))
        while stack:
            part = stack.pop()
            yield part
            stack.extend(reversed(part.parts))

    def sections_with(self, role: Role) -> list[Section]:
        return [s for s in self.sections if s.role == role]

    @property
    def goals(self) -> list[Part]:
        """目标: sections with the goals role, or goal parts inside 总体要求."""
        found: list[Part] = list(self.sections_with(Role.GOALS))
        for section in self.sections:
            found.extend(p for p in section.parts if p.role == Role.GOALS)
        return found

    @property
    def tasks(self) -> list[Section]:
        return self.sections_with(Role.TASKS)

    @property
    def safeguards(self) -> list[Section]:
        return self.sections_with(Role.SAFEGUARDS)


Part.model_rebuild()
Section.model_rebuild()
