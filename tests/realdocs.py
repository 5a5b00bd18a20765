"""Score planner's reader on the real excerpts of tests/fixtures/real (format and conventions:
its README.md): each excerpt is ingested with the public `ingest_document` and compared field by
field with the values read by eye. Text is compared without whitespace (layout, not content);
traditional characters stay traditional.

    python tests/realdocs.py dev          # the table; `-v` lists every miss
"""
from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

import yaml

FIXTURES = Path(__file__).resolve().parent / "fixtures"
REAL = FIXTURES / "real"
# Texts written for the constructs the real set lacks (same format; tests/fixtures/SOURCES.md).
CONSTRUCTS = FIXTURES / "constructs"
# The bar: each field right in 19 documents of 20; notes F1 and units F1.
FIELD_BAR, NOTES_BAR, UNITS_BAR = 0.95, 0.95, 0.9
# Fields the bar is measured on, then fields reported for information.
BAR_FIELDS = ("notice", "doc_number", "issuer", "date", "title")
INFO_FIELDS = ("notice_title", "recipients", "public", "doc_number_from", "issuer_from", "date_from",
               "blanket_rule")
NAMES = {"notice": "找到通知", "doc_number": "发文字号", "issuer": "发文机关", "date": "成文日期",
         "title": "方案标题", "notice_title": "通知标题", "recipients": "主送机关", "public": "附注",
         "doc_number_from": "文号来源", "issuer_from": "机关来源", "date_from": "日期来源",
         "blanket_rule": "一揽子规则", "notes": "注（缺/多）", "units": "单位（缺/多）"}
SPACE_RE = re.compile(r"\s+")


def key(value: Any) -> Any:
    """What is compared: text without whitespace, lists item by item, dates as ISO text."""
    if isinstance(value, str):
        return SPACE_RE.sub("", value)
    if isinstance(value, (list, tuple)):
        return [key(item) for item in value]
    if value is not None and hasattr(value, "isoformat"):
        return value.isoformat()
    return value


# The forms a set keeps its documents in: excerpts as text, or whole files (final16: DOCX).
FORMS = (".txt", ".docx", ".pdf", ".html")


def cases(folder: Path) -> list[Path]:
    return sorted(path for path in folder.iterdir() if path.suffix in FORMS)


def expected_fields(data: dict) -> dict[str, Any]:
    notice = data.get("notice") or {}
    return {"notice": data.get("notice") is not None, "title": data.get("title"),
            "doc_number": notice.get("doc_number"), "issuer": notice.get("issuer") or [],
            "date": notice.get("date"), "notice_title": notice.get("title"),
            "recipients": notice.get("recipients") or [], "public": notice.get("public"),
            "blanket_rule": data.get("blanket_rule"),
            **{name: notice.get(name) for name in ("doc_number_from", "issuer_from", "date_from")}}


def read_fields(plan) -> dict[str, Any]:
    notice = plan.notice
    origin = {name: value.value for name, value in notice.origin.items()} if notice else {}
    return {"notice": notice is not None, "title": plan.title,
            "doc_number": notice.doc_number if notice else None,
            "issuer": list(notice.issuer) if notice else [],
            "date": notice.date if notice else None,
            "notice_title": notice.title if notice else None,
            "recipients": list(notice.recipients) if notice else [],
            "public": notice.public if notice else None,
            "blanket_rule": plan.blanket_rule,
            **{f"{name}_from": origin.get(name) for name in ("doc_number", "issuer", "date")}}


def expected_notes(data: dict) -> list[dict]:
    return data.get("notes") or []


def read_notes(plan) -> list[dict]:
    notes = []
    for clause in plan.clauses():
        note = clause.responsibility
        if note is not None:
            notes.append({"raw": note.raw, "lead": [u.name for u in note.lead],
                          "support": [u.name for u in note.support], "truncated": note.truncated})
    return notes


def note_keys(notes: list[dict]) -> Counter:
    return Counter((key(n["raw"]), bool(n.get("truncated"))) for n in notes)


def unit_keys(notes: list[dict]) -> Counter:
    """(role, name) of every unit: a unit named as lead where the text makes it support is a miss."""
    return Counter((role, key(name)) for n in notes for role in ("lead", "support")
                   for name in n.get(role) or [])


@dataclass
class Counts:
    """True positives, false positives and false negatives: F1 = 2tp / (2tp + fp + fn)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, expected: Counter, got: Counter) -> None:
        common = sum((expected & got).values())
        self.tp += common
        self.fp += sum(got.values()) - common
        self.fn += sum(expected.values()) - common

    @property
    def f1(self) -> float:
        total = 2 * self.tp + self.fp + self.fn
        return 1.0 if total == 0 else 2 * self.tp / total


@dataclass
class Report:
    split: str
    documents: int = 0
    right: Counter = field(default_factory=Counter)
    misses: list[tuple[str, str, Any, Any]] = field(default_factory=list)  # case, field, want, got
    notes: Counts = field(default_factory=Counts)
    units: Counts = field(default_factory=Counts)
    errors: list[tuple[str, str]] = field(default_factory=list)

    def rate(self, name: str) -> float:
        return self.right[name] / self.documents if self.documents else 1.0

    def failures(self) -> list[str]:
        """What misses the bar, in words; empty when the split passes."""
        failed = [f"{NAMES[n]} {self.rate(n):.1%}" for n in BAR_FIELDS if self.rate(n) < FIELD_BAR]
        if self.notes.f1 < NOTES_BAR:
            failed.append(f"注 F1 {self.notes.f1:.3f}")
        if self.units.f1 < UNITS_BAR:
            failed.append(f"单位 F1 {self.units.f1:.3f}")
        failed.extend(f"{case}: {error}" for case, error in self.errors)
        return failed


def score(split: str, root: Path = REAL) -> Report:
    """Ingest every text of `root/split` (or of `root` when split is "") and compare."""
    from planner.errors import PlannerError
    from planner.parse.document import ingest_document

    report = Report(split or root.name)
    for path in cases(root / split if split else root):
        data = yaml.safe_load(path.with_suffix(".yaml").read_text(encoding="utf-8"))
        report.documents += 1
        try:
            plan = ingest_document(path).plan
        except PlannerError as error:
            report.errors.append((path.stem, str(error)))
            continue
        want, got = expected_fields(data), read_fields(plan)
        for name in BAR_FIELDS + INFO_FIELDS:
            if key(want[name]) == key(got[name]):
                report.right[name] += 1
            else:
                report.misses.append((path.stem, name, want[name], got[name]))
        wanted, found = expected_notes(data), read_notes(plan)
        report.notes.add(note_keys(wanted), note_keys(found))
        report.units.add(unit_keys(wanted), unit_keys(found))
        for name, keys in (("notes", note_keys), ("units", unit_keys)):
            missing, extra = keys(wanted) - keys(found), keys(found) - keys(wanted)
            if missing or extra:
                report.misses.append((path.stem, name, sorted(missing.elements()), sorted(extra.elements())))
    return report


def table(report: Report, misses: bool = False) -> str:
    """The per-field table (Markdown), and the misses when asked."""
    n = report.documents
    lines = [f"{report.split}：{n} 份", "", "| 项 | 对 | 比例 |", "|---|---|---|"]
    for name in BAR_FIELDS + INFO_FIELDS:
        mark = "" if name in BAR_FIELDS else "（参考）"
        lines.append(f"| {NAMES[name]}{mark} | {report.right[name]}/{n} | {report.rate(name):.1%} |")
    for label, counts in (("注", report.notes), ("单位（含牵头/配合）", report.units)):
        lines.append(f"| {label} F1 | tp {counts.tp} fp {counts.fp} fn {counts.fn} | {counts.f1:.3f} |")
    if misses:
        lines.append("")
        lines.extend(f"{case} {NAMES[name]}: 应为 {want!r}，读出 {got!r}"
                     for case, name, want, got in report.misses)
        lines.extend(f"{case}: 出错 {error}" for case, error in report.errors)
    return "\n".join(lines)


def main(argv: Optional[list[str]] = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    verbose = "-v" in args
    splits = [arg for arg in args if arg != "-v"] or ["dev"]
    for split in splits:
        report = score("", CONSTRUCTS) if split == "constructs" else score(split)
        print(table(report, misses=verbose))
        print()
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    raise SystemExit(main())
