"""What the routes send back, as plain data and HTML built from a State: the form or the plan's
findings panel, the preview, each node's findings. No Starlette here (tests call it directly)."""
from __future__ import annotations

from typing import Optional

from planner.serve.downloads import last_year_candidates, notice_defaults
from planner.serve.files import Folder
from planner.serve.pages import render
from planner.serve.workspace import State

FINDINGS_SHOWN = 200  # a raw plan can have hundreds; the panel shows this many, and says so


def findings_html(state: State) -> dict[str, str]:
    """For an outline: node key → its findings' HTML (keys without findings are absent)."""
    return {key: render("findings.html", findings=found, file=state.name)
            for key, found in state.findings_by_key().items()}


def chosen_sources(state: State) -> dict[str, list[str]]:
    """For an outline: item key → where each clause draft chose for it comes from
    (`《东营市数字变革创新2022年行动方案》002_….txt:29`)."""
    from planner.serve.findings import outline_keys

    keys = outline_keys(state.outline, state.plan)
    sources: dict[str, list[str]] = {}
    for item in (item for division in state.plan.divisions() for item in division.items):
        if id(item) not in keys:
            continue
        found = sources.setdefault(keys[id(item)], [])
        for clause in (c for p in item.paragraphs for c in p.clauses if c.provenance):
            loc = clause.provenance.loc
            found.append(f"《{clause.provenance.document}》" + (f"{loc.file}:{loc.line}" if loc else ""))
    return sources


def form_html(state: State) -> str:
    """The outline's form (or, for a plan, its findings panel), findings on their nodes."""
    if state.kind == "outline":
        return render("outline_form.html", state=state, outline=state.outline,
                      found=findings_html(state), sources=chosen_sources(state))
    shown = state.findings[:FINDINGS_SHOWN]
    groups: dict[str, list] = {}
    for finding in shown:
        groups.setdefault(finding.label or "（全文）", []).append(finding)
    return render("plan_panel.html", state=state, groups=groups, total=len(state.findings),
                  fixable=sum(f.fixable for f in state.findings), shown=len(shown))


def summary(state: State) -> str:
    errors = sum(f.level == "error" for f in state.findings)
    fixable = sum(f.fixable for f in state.findings)
    if not state.findings:
        return "检查通过：没有发现问题"
    text = f"检查发现 {len(state.findings)} 个问题（错误 {errors} 个）"
    return text + (f"，其中 {fixable} 个可一键修复" if fixable else "")


def payload(state: State, with_form: bool = True) -> dict:
    """The JSON an edit answers with: new version, preview, findings, and the form when its
    shape changed (a set of one field leaves the form as the user is typing in it)."""
    from planner.serve.preview import preview_html

    data = {"version": state.version, "preview": preview_html(state.plan), "summary": summary(state),
            "findings": findings_html(state) if state.kind == "outline" else {}}
    if with_form or state.kind == "plan":
        data["form"] = form_html(state)
    return data


def workspace_page(state: State, folder: Folder, units: list[str], office: bool) -> str:
    from planner.serve.preview import preview_html

    return render("workspace.html", state=state, form=form_html(state), preview=preview_html(state.plan),
                  summary=summary(state), notice=notice_defaults(state.plan), units=units,
                  last_plans=last_year_candidates(state.plan, folder.listing()), office=office)


def start_page(folder: Folder, error: Optional[dict] = None) -> str:
    entries = folder.listing()
    return render("start.html", root=str(folder.root), entries=entries,
                  plans=[e for e in entries if e.kind == "plan"], error=error or {})


def unit_suggestions(state: State) -> list[str]:
    """Unit names to suggest: those the outline already names, then the registry's (planner's
    and the config's), each with the region's level (区民政局 for 即墨区), then 统称."""
    from planner.lint.engine import config_for
    from planner.lint.units import load_registry
    from planner.serve.edits import outline_data

    level = (state.plan.region or "")[-1:] if (state.plan.region or "")[-1:] in "市区县" else ""
    used: list[str] = []
    if state.outline is not None:
        for part in outline_data(state.outline).get("parts", []):
            for item in part.get("items", []):
                used += item.get("units", []) + item.get("support", [])
    registry = load_registry(config_for(state.name).units)
    names = [f"{level}{name}" for name, (_, form) in registry.forms.items() if form == "name"]
    names += sorted(registry.others)
    collective = [f"{level}政府有关单位", "各镇街", "各功能区"] if level else []
    return list(dict.fromkeys(used + names + collective))
