"""What a draft leaves for the drafter to settle, each listed on the screen: placeholders in
the text (`【待填：…】`), items with no clause, clauses left out for an outdated topic."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Placeholder:
    """One thing the drafter must settle: kind 数值 / 年份 / 地名 / 文件 / 责任单位 / 条款."""

    where: str
    kind: str
    original: str
    text: str

    def line(self) -> str:
        return f"{self.where}: {self.kind} {self.text}（原文：{self.original}）"


@dataclass
class Skipped:
    """A clause the library offered but the draft left out: its topic is outdated."""

    where: str
    topic: str
    text: str

    def line(self) -> str:
        return f"{self.where}: 未沿用（{self.topic}）{self.text[:40]}"
