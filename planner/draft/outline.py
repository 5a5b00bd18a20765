"""The drafting outline: what a drafter writes (title, region, year, goals, parts, items),
loaded with `file:line:col: path: message` errors."""
from __future__ import annotations

import datetime as dt

import os
from typing import Any, Literal, Optional

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from planner.errors import UserError
from planner.planfile import SAFE_DUMPER, dotted, load_data, locate, read_text
from planner.validation import message


class OutlineError(UserError):
    """An outline file is malformed or fails validation."""


YEARS = (2000, 2100)  # the years an outline may be for


class OutlineModel(BaseModel):
    model_config = ConfigDict(extra="forbid")


class OutlineTarget(OutlineModel):
    """量化指标 the drafter sets: `{metric: 5G基站, value: 1200, unit: 座}`. `value` null keeps
    a placeholder; `previous` is last year's value as rollover found it (`1000座`)."""

    metric: str = Field(min_length=2)
    value: Optional[float] = Field(default=None, allow_inf_nan=False)  # .inf/.nan: no target
    unit: Optional[str] = None
    qualifier: Optional[str] = None
    previous: Optional[str] = None


class OutlineItem(OutlineModel):
    """An item to fill: its heading, extra search words, 责任单位 (`units`: 牵头 or, without a
    split, all of them; `support`: 配合) and targets. `text` is the drafter's own wording (used
    as written, no library search); `deadline` is the 完成时限 (`2025年底前`) put before the
    item's text when the text states no time of its own."""

    heading: str = Field(min_length=2)
    keywords: list[str] = Field(default_factory=list)
    units: list[str] = Field(default_factory=list)
    support: list[str] = Field(default_factory=list)
    targets: list[OutlineTarget] = Field(default_factory=list)
    text: Optional[str] = Field(default=None, min_length=2)
    deadline: Optional[str] = Field(default=None, min_length=2)


class OutlinePart(OutlineModel):
    """A part of 主要任务 (role tasks) or 保障措施 (role safeguards): items to fill, or (a
    保障措施 written as one paragraph) the drafter's own `text`."""

    title: str = Field(min_length=2)
    role: Literal["tasks", "safeguards"] = "tasks"
    text: Optional[str] = Field(default=None, min_length=2)
    items: list[OutlineItem] = Field(default_factory=list)

    @model_validator(mode="after")
    def _has_content(self) -> "OutlinePart":
        if not self.items and not self.text:
            raise ValueError("至少需要一个事项（items）或一段正文（text）")
        return self


class OutlineNotice(OutlineModel):
    """印发通知 parts for `draft --notice` (the 署名 is the outline's issuer)."""

    recipients: list[str] = Field(default_factory=list)
    date: Optional[dt.date] = None
    doc_number: Optional[str] = None
    public: bool = True
    cc: list[str] = Field(default_factory=list)
    printer: Optional[str] = None


class Outline(OutlineModel):
    """起草提纲 — the outline `planner draft` fills. `parents` are the places above `region`
    (青岛市, 山东省) that reused text may keep; `deadline` is the 完成时限 of every task item
    that sets none and whose text states none; `outdated` adds topics to planner's list of
    those no longer reused (planner.form.topics)."""

    title: str = Field(min_length=2)
    region: str = Field(min_length=2)
    year: int = Field(ge=YEARS[0], le=YEARS[1])
    issuer: Optional[str] = None
    parents: list[str] = Field(default_factory=list)
    preamble: Optional[str] = None
    goals: list[str] = Field(default_factory=list)
    deadline: Optional[str] = Field(default=None, min_length=2)  # for task items without one
    parts: list[OutlinePart] = Field(min_length=1)
    notice: Optional[OutlineNotice] = None
    outdated: list[str] = Field(default_factory=list)

    @field_validator("goals", "parents", "outdated")
    @classmethod
    def _no_blank(cls, values: list[str]) -> list[str]:
        if any(not v.strip() for v in values):
            raise ValueError("不能有空白条目")
        return values


OUTLINE_MESSAGES = {"too_short": "至少需要一项",  # planner.validation gives the others
                    "finite_number": "应为有限的数值（不能是 .inf 或 .nan）"}


def load_outline(path: str | os.PathLike) -> Outline:
    """Read and validate an outline. Raises OutlineError with file:line:col."""
    path = str(path)
    try:
        text = read_text(path)
        data = load_data(text, path)
    except UserError as error:
        raise OutlineError(error.message, path=error.path, line=error.line, col=error.col,
                           hint=error.hint) from None
    return validate_outline(data, path, text)


def validate_outline(data: Any, path: str, text: Optional[str] = None) -> Outline:
    """Outline data as the model; OutlineError names the first bad field (`parts[0].title: 内容太短`)
    and, given the file's text, its line and column."""
    if not isinstance(data, dict):
        raise OutlineError("顶层应为映射（title: …、region: …、year: …、parts: …）", path=path,
                           line=1, col=1)
    try:
        return Outline.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        line, col = locate(text, path, first["loc"]) if text is not None else (None, None)
        raise OutlineError(f"{dotted(first['loc'])}: {message(first, OUTLINE_MESSAGES)}", path=path,
                           line=line, col=col) from None


def dump_outline(outline: Outline) -> str:
    data: Any = outline.model_dump(mode="json", exclude_defaults=True)
    return yaml.dump(data, Dumper=SAFE_DUMPER, allow_unicode=True, sort_keys=False, width=100)


# What a 印发通知 needs that the outline gives, and where the outline writes it.
NOTICE_NEEDS = (("recipients", "主送机关", "notice: {recipients: [各镇人民政府, 各街道办事处]}"),
                ("issuer", "发文机关署名", "issuer: 某某区人民政府办公室"),
                ("date", "成文日期", "notice: {date: 2025-05-30}"))


def check_notice(outline: Outline, path: str | os.PathLike) -> None:
    """Raise OutlineError naming every part of the 印发通知 the outline lacks."""
    given = outline.notice or OutlineNotice()
    lacking = [(name, example) for key, name, example in NOTICE_NEEDS
               if not (outline.issuer if key == "issuer" else getattr(given, key))]
    if lacking:
        raise OutlineError(f"提纲中没有印发通知的{'、'.join(name for name, _ in lacking)}", path=str(path),
                           hint=f"请在提纲中写明，如 {'；'.join(example for _, example in lacking)}")
