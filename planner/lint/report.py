"""Lint output formats: text, json, github (workflow commands), sarif (SARIF 2.1.0)."""
from __future__ import annotations

import json
from pathlib import PurePath
from typing import TYPE_CHECKING
from urllib.parse import quote

from planner.lint.registry import all_rules

if TYPE_CHECKING:
    from planner.lint import LintReport

FORMATS = ("text", "json", "github", "sarif")
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL_WORDS = {"error": "错误", "warning": "警告"}


def format_report(report: "LintReport", fmt: str) -> str:
    return {"text": format_text, "json": format_json, "github": format_github,
            "sarif": format_sarif}[fmt](report)


def format_text(report: "LintReport") -> str:
    lines = [f"{p.file}:{p.line}:{p.col}: {p.level} {p.code} {p.message}"
             for p in report.problems()]
    return "\n".join(lines) + ("\n" if lines else "")


def summary(report: "LintReport") -> str:
    problems = report.problems()
    errors = sum(1 for p in problems if p.level == "error")
    fixable = sum(1 for p in problems if p.fixable)
    text = f"共 {len(problems)} 个问题（错误 {errors} 个，警告 {len(problems) - errors} 个）"
    if fixable:
        text += f"，其中 {fixable} 个可用 --fix 自动修复"
    unreadable = len(report.errors())
    return text + (f"；{unreadable} 个文件无法读取" if unreadable else "")


def format_json(report: "LintReport") -> str:
    data = {
        "problems": [{"file": p.file, "line": p.line, "col": p.col, "level": p.level,
                      "code": p.code, "name": p.name, "message": p.message,
                      "fixable": p.fixable} for p in report.problems()],
        "errors": [{"file": r.path, "message": str(r.error)} for r in report.errors()],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _escape(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def format_github(report: "LintReport") -> str:
    lines = []
    for p in report.problems():
        props = f"file={_escape(p.file, True)},line={p.line},col={p.col}," \
                f"title={_escape(p.code + ' ' + p.name, True)}"
        lines.append(f"::{p.level} {props}::{_escape(p.message)}")
    for result in report.errors():
        lines.append(f"::error file={_escape(result.path, True)}::{_escape(str(result.error))}")
    return "\n".join(lines) + ("\n" if lines else "")


def _uri(path: str) -> str:
    return quote(PurePath(path).as_posix(), safe="/:._-~")


def _location(path: str, line: int, col: int) -> dict:
    return {"physicalLocation": {"artifactLocation": {"uri": _uri(path)},
                                 "region": {"startLine": max(line, 1),
                                            "startColumn": max(col, 1)}}}


def format_sarif(report: "LintReport") -> str:
    from planner import __version__
    rules = all_rules()
    index = {rule.code: i for i, rule in enumerate(rules)}
    descriptors = [{"id": r.code, "name": r.name, "shortDescription": {"text": r.summary},
                    "fullDescription": {"text": r.doc.strip()},
                    "defaultConfiguration": {"level": r.level},
                    "properties": {"fixable": r.fixable}} for r in rules]
    results = []
    for p in report.problems():
        result = {"ruleId": p.code, "level": p.level, "message": {"text": p.message},
                  "locations": [_location(p.file, p.line, p.col)]}
        if p.code in index:
            result["ruleIndex"] = index[p.code]
        results.append(result)
    notes = [{"level": "error", "message": {"text": str(r.error)},
              "locations": [_location(r.path, r.error.line or 1, r.error.col or 1)]}
             for r in report.errors()]
    run = {"tool": {"driver": {"name": "planner-lint", "version": __version__,
                               "rules": descriptors}},
           "columnKind": "unicodeCodePoints",  # columns count characters, as the text format does
           "results": results,
           "invocations": [{"executionSuccessful": not notes,
                            "toolExecutionNotifications": notes}]}
    log = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def rules_table(fmt: str = "text") -> str:
    """The rule list: plain text for the terminal, Markdown for docs/rules.md."""
    rules = all_rules()
    if fmt != "md":
        return "\n".join(f"{r.code}  {r.name:<24} {r.level:<8} {'可修复' if r.fixable else '  '}"
                         f"  {r.summary.split('：', 1)[-1]}" for r in rules) + "\n"
    out = ["# planner lint 规则", "",
           "本文件由 `planner lint --list-rules --format md > docs/rules.md` 生成，请勿手改；"
           "规则说明写在各规则模块（planner/lint/rules/）的文档字符串中。", "",
           "| 代码 | 名称 | 级别 | 自动修复 | 说明 |", "|---|---|---|---|---|"]
    for r in rules:
        out.append(f"| {r.code} | {r.name} | {LEVEL_WORDS[r.level]} | {'是' if r.fixable else '否'} "
                   f"| {r.summary.split('：', 1)[-1]} |")
    out += ["", "另有 `X001 unused-suppression`（警告）：抑制注释没有抑制任何问题。", ""]
    out += _format_codes()
    for r in rules:
        body = r.doc.strip().split("\n", 1)
        out += [f"## {body[0]}", "", f"级别：{LEVEL_WORDS[r.level]}；自动修复："
                f"{'是' if r.fixable else '否'}。", ""]
        rest = body[1].strip() if len(body) > 1 else ""
        out += [_md_examples(rest), ""]
    return "\n".join(out).rstrip("\n") + "\n"


def _format_codes() -> list[str]:
    """F group: the check-format findings, for .docx input (级别：错误，不可自动修复)."""
    from planner.check.findings import FORMAT_CODES

    out = ["## F 组：Word 文档版式（仅 .docx）", "",
           "输入为 .docx 时，`planner check-format` 的检查结果作为 F 组问题报告（级别：错误；不可自动修复），"
           "同样可用 `--select`/`--ignore`、配置文件和抑制注释控制。F014 起各项在 `planner check-format --render` "
           "时还测量 LibreOffice 排出的页面。", "", "| 代码 | GB/T 9704 条款 | 检查 |", "|---|---|---|"]
    out += [f"| {code} | {clause} | {text} |" for code, (clause, text) in FORMAT_CODES.items()]
    return out + [""]


def _md_examples(text: str) -> str:
    """Docstring body → Markdown: PASS/FAIL blocks become fenced code."""
    out, block = [], False
    for line in text.splitlines():
        if line in ("PASS:", "FAIL:"):
            if block:
                out += ["```", ""]
            out += [f"**{'正确' if line == 'PASS:' else '错误'}**", "", "```text"]
            block = True
        elif block and line and not line.startswith(" "):
            out += ["```", line]
            block = False
        elif block:
            if line.strip():
                out.append(line[4:])
        else:
            out.append(line)
    if block:
        out.append("```")
    return "\n".join(out)
