"""What the page does to a file: open it (an outline is drafted for its preview and findings),
edit an outline, pick a clause into an item, fix findings, make next year's outline by rollover
(from a plan in the folder or an uploaded .docx/.txt). Every change reads the file, checks the
version the page holds, and writes atomically; a refused change writes nothing."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from planner.draft.outline import Outline, validate_outline
from planner.errors import UserError
from planner.model import Plan
from planner.serve import files
from planner.serve.findings import Finding


@dataclass
class State:
    """A file as the page shows it. For an outline, `plan` is what `planner draft` makes of it."""

    name: str
    kind: str  # outline | plan
    version: str
    text: str
    plan: Plan
    outline: Optional[Outline] = None
    findings: list[Finding] = field(default_factory=list)

    def findings_by_key(self) -> dict[str, list[Finding]]:
        out: dict[str, list[Finding]] = {}
        for finding in self.findings:
            out.setdefault(finding.key, []).append(finding)
        return out


@dataclass
class Current:
    """An outline file read for a change: its name, version, text and outline."""

    name: str
    version: str
    text: str
    outline: Outline


class Workspace:
    """The files of one folder, the clause library (`db`, else the default one)."""

    def __init__(self, folder: files.Folder, db: Optional[Path] = None) -> None:
        self.folder = folder
        self.db = db

    def open(self, name: str) -> State:
        path = self.folder.resolve(name)
        text, version = files.read_versioned(path)
        return self.state(path, text, version)

    def state(self, path: Path, text: str, version: str) -> State:
        from planner.planfile import load_data
        from planner.serve.findings import outline_findings, plan_findings

        name = self.folder.relative(path)
        data = load_data(text, name)
        if files.kind_of(data) == "outline":
            outline = validate_outline(data, name, text)
            plan = self.drafted(outline)
            return State(name, "outline", version, text, plan, outline,
                         outline_findings(str(path), text, outline, plan))
        from planner.planfile import validate_plan

        plan = validate_plan(data, text, name)
        return State(name, "plan", version, text, plan, findings=plan_findings(str(path), text))

    def drafted(self, outline: Outline) -> Plan:
        from planner.draft.fill import draft_plan
        from planner.serve.clauses import opened

        with opened(self.db) as conn:
            return draft_plan(outline, conn).plan

    def edit(self, name: str, version: str, operation: str, args: dict) -> State:
        """Apply an outline operation (planner.serve.edits) and save."""
        from planner.serve.edits import apply_edit, outline_text

        current = self._outline(name)
        changed = apply_edit(current.outline, operation, args, name)
        return self._save(current, outline_text(changed, current.text), version)

    def pick(self, name: str, version: str, part: int, item: int, cluster: int, clause: int) -> State:
        """Add library clause `clause` (of cluster `cluster`) to an item's text and save."""
        from planner.serve.clauses import member, opened, pick
        from planner.serve.edits import outline_text

        current = self._outline(name)
        with opened(self.db) as conn:
            chosen = member(conn, cluster, clause)
        changed = validate_outline(pick(current.outline, part, item, chosen), name)
        return self._save(current, outline_text(changed, current.text), version)

    def fix(self, name: str, version: str, finding: Optional[str]) -> State:
        """Fix one finding (by its id) or all that lint can fix, and save."""
        from planner.serve.findings import fix_outline, fix_plan

        current = self.open(name)
        path = self.folder.resolve(name)
        if current.kind == "outline":
            text = fix_outline(str(path), current.text, current.plan, finding)
        else:
            text = fix_plan(str(path), current.text, finding)
        return self._save(current, text, version)

    def _outline(self, name: str) -> "Current":
        """The outline file as it is now, read for a change (not drafted: the change's answer is)."""
        from planner.planfile import load_data

        path = self.folder.resolve(name)
        text, version = files.read_versioned(path)
        data = load_data(text, name)
        if files.kind_of(data) != "outline":
            raise UserError("这是方案文件，不是起草提纲，不能按提纲编辑", path=name,
                            hint="可先用“生成下一年的起草提纲”由它生成提纲")
        return Current(name, version, text, validate_outline(data, name, text))

    def _save(self, current: "State | Current", text: str, version: str) -> State:
        """Write `text` when the page's `version` is the file's (the one the change was made
        on, and still the one on disk when it is written); ConflictError otherwise."""
        path = self.folder.resolve(current.name)
        if version != current.version:
            raise files.conflict(path)
        return self.state(path, text, files.save(path, text, version))

    def rollover(self, name: str, year_text: str = "") -> str:
        """Next year's outline from plan `name` in the folder; returns the new file's name."""
        from planner.planfile import read_plan

        year = read_year(year_text)
        return self._new_outline(read_plan(self.folder.resolve(name)), year)

    def upload(self, filename: str, data: bytes, year_text: str = "") -> str:
        """A .docx/.txt of last year's plan: ingested (its plan file written beside the
        outline, for the 对照表, under a name no file has), then rolled over. Returns the
        outline's name. The upload is read from a directory of its own, made for it and removed
        after: an upload never replaces a file, an earlier upload or another tab's of the same
        name."""
        from planner.parse.document import ingest_document

        suffix = Path(filename).suffix.lower()
        if suffix not in files.UPLOAD_SUFFIXES:
            raise UserError("只能上传 .docx 或 .txt 文件", path=filename or "（未选择文件）",
                            hint="请另存为 Word 文档（.docx）或文本文件（.txt）后再上传")
        year = read_year(year_text)
        stem = "".join(ch for ch in Path(filename.replace("\\", "/")).stem if ch not in '/\\:*?"<>|\x00') or "上传"
        with files.received(self.folder.uploads, f"{stem}{suffix}", data) as source:
            plan = ingest_document(source).plan
        return self._new_outline(plan, year, plan_stem=stem)

    def _new_outline(self, plan: Plan, year: Optional[int], plan_stem: str = "") -> str:
        """Roll `plan` over (nothing is written when that fails) and write the outline; the
        plan too when it came from an upload. Returns the outline's name."""
        from planner.draft.outline import dump_outline
        from planner.draft.rollover import rollover_plan
        from planner.planfile import dump_plan

        outline = rollover_plan(plan, year)
        text = dump_outline(outline)
        if plan_stem:
            files.create(self.folder.new_path(plan_stem), dump_plan(plan))
        path = self.folder.new_path(outline.title)
        files.create(path, text)
        return self.folder.relative(path)


def read_year(text: str) -> Optional[int]:
    """The year a form gives ('' for the default: last year's plan + 1)."""
    text = (text or "").strip()
    if not text:
        return None
    if not text.isdigit():
        raise UserError(f"年份应为数字（{text}）", hint="如 2025")
    return int(text)
