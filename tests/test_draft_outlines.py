"""Drafting the example outlines (examples/outlines/: 即墨 2025 and three of other places and
years) and the cases of drafting from rolled-over seeds: every target lands in its item, every
clause speaks of its item, nothing foreign or stale is left, and the drafts lint clean apart
from their placeholders (S006)."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from planner.draft.choose import heading_core
from planner.draft.fill import draft_plan
from planner.draft.outline import load_outline
from planner.draft.rollover import rollover_plan
from planner.form.places import place_names, short_form
from planner.form.placeholders import PLACEHOLDER_RE
from planner.form.years import YEAR_RE
from planner.lint import lint_plan
from planner.mine.mask import PLACES, normalize
from planner.planfile import dump_plan, read_plan
from planner.render import render_notice, render_plan

ROOT = Path(__file__).resolve().parent.parent
OUTLINES = sorted((ROOT / "examples" / "outlines").glob("*.yaml"))
DRAFTS = ROOT / "examples" / "drafts"
PLANS = {p.stem[:3]: p for p in (ROOT / "examples" / "plans").glob("*.yaml")}
IDS = [p.stem for p in OUTLINES]


def run(*args: str, cwd: Path = ROOT):
    proc = subprocess.run([sys.executable, "-m", "planner", *args], capture_output=True, text=True,
                          cwd=cwd)
    return proc.returncode, proc.stdout, proc.stderr


def items(plan):
    for section in plan.sections:
        for part in [section, *section.parts]:
            yield from part.items


def item_text(item) -> str:
    return "".join(c.text + (c.responsibility.raw if c.responsibility else "") for c in item.clauses())


def visible(text: str) -> str:
    return PLACEHOLDER_RE.sub("", text)


@pytest.fixture(scope="module")
def drafts(library):
    from planner.mine import store

    conn = store.connect(library, create=False)
    try:
        return {path.stem: (load_outline(path), draft_plan(load_outline(path), conn)) for path in OUTLINES}
    finally:
        conn.close()


def test_there_are_outlines_for_three_other_places_and_years():
    outlines = [load_outline(p) for p in OUTLINES]
    others = {(o.region, o.year) for o in outlines} - {("即墨区", 2025)}
    assert len(others) >= 3 and len({region for region, _ in others}) >= 3


@pytest.mark.parametrize("name", IDS)
def test_every_target_lands_in_its_own_item(name, drafts):
    outline, draft = drafts[name]
    drafted = {i.title: i for i in items(draft.plan)}
    for part in outline.parts:
        for wanted in part.items:
            text = item_text(drafted[wanted.heading])
            for target in wanted.targets:
                assert f"{target.value:g}{target.unit}" in text, (wanted.heading, target.metric, text)


@pytest.mark.parametrize("name", IDS)
def test_every_keyword_item_has_a_clause_about_it_or_a_reported_placeholder(name, drafts):
    outline, draft = drafts[name]
    drafted = {i.title: i for i in items(draft.plan)}
    for part in outline.parts:
        for wanted in part.items:
            if not wanted.keywords or wanted.text:
                continue
            reused = [c.text for c in drafted[wanted.heading].clauses() if c.provenance]
            core = heading_core(wanted.heading)  # 推进智慧法治建设 → 智慧法治 (and 法治)
            words = [*wanted.keywords, core, re.sub(r"^(智慧|数字|智能)", "", core)]
            if reused:
                assert all(any(normalize(w) in normalize(t) for w in words) for t in reused), \
                    (wanted.heading, reused)
            else:
                assert any(w.endswith(wanted.heading) for w in draft.unfilled), wanted.heading


@pytest.mark.parametrize("name", IDS)
def test_no_foreign_place_or_stale_year_is_left(name, drafts):
    outline, draft = drafts[name]
    allowed = {outline.region, short_form(outline.region), *outline.parents,
               *map(short_form, outline.parents)}
    foreign = [n for n in {*place_names(), *PLACES} if n not in allowed and
               not any(n in a for a in allowed)]
    for clause in (c for i in items(draft.plan) for c in i.clauses()):
        seen = visible(clause.text)
        assert not [n for n in foreign if n in seen], clause.text
        assert all(int(y) >= outline.year for y in YEAR_RE.findall(seen)), clause.text
        assert not re.search(r"〔20\d\d〕", seen), clause.text


@pytest.mark.parametrize("name", IDS)
def test_drafts_lint_clean_apart_from_placeholders(name, drafts, tmp_path):
    _, draft = drafts[name]
    written = tmp_path / "draft.yaml"
    written.write_text(dump_plan(draft.plan), encoding="utf-8")
    docx = render_plan(draft.plan, tmp_path / "plan.docx")
    notice = render_notice(draft.plan, tmp_path / "notice.docx")
    report = lint_plan([written, docx, notice])
    assert not report.errors()
    assert [f"{p.file}:{p.line}: {p.code} {p.message}" for p in report.problems()
            if p.code != "S006"] == []


@pytest.mark.parametrize("outline", OUTLINES, ids=IDS)
def test_committed_drafts_are_the_tools_output(outline, tmp_path):
    """examples/drafts/ is produced by the tool from the bundled corpus library."""
    code, out, err = run("draft", str(outline), cwd=tmp_path)
    assert code == 0, err
    committed = DRAFTS / outline.name
    assert out == committed.read_text("utf-8"), \
        f"请运行 planner draft {outline.relative_to(ROOT)} -o {committed.relative_to(ROOT)}"


def test_every_placeholder_of_a_draft_is_reported_on_the_screen(tmp_path):
    outline = next(p for p in OUTLINES if "烟台" in p.name)
    out = tmp_path / "plan.yaml"
    code, _, err = run("draft", str(outline), "-o", str(out), cwd=tmp_path)
    assert code == 0, err
    written = PLACEHOLDER_RE.findall(out.read_text("utf-8"))
    assert written and f"待填项 {len(written)} 处" in err
    assert all(p in err for p in written)


# --- the cases of the issue, drafted from rolled-over seeds -----------------------------------

@pytest.fixture(scope="module")
def conn_(library):
    from planner.mine import store

    connection = store.connect(library, create=False)
    yield connection
    connection.close()


def test_a_heading_is_not_repeated_as_the_first_sentence(conn_):
    # 即墨 2024 (二)1. has no title: 落实青岛市“双12”场景应用,推动人才、民生等领域… — its first
    # phrase becomes the heading, and the drafted item does not open with it again.
    draft = draft_plan(rollover_plan(read_plan(PLANS["000"])), conn_)
    (item,) = [i for i in items(draft.plan) if i.title == "落实青岛市“双12”场景应用"]
    first = item.paragraphs[0].clauses[0].text
    assert not first.startswith("落实青岛市“双12”场景应用") and "推动人才、民生等领域" in first


def test_outdated_topics_are_not_reused_without_the_flag(conn_):
    # 威海 2021 (十一) and (十三): 疫情防控 clauses; a 2022 plan leaves them out unless asked.
    outline = rollover_plan(read_plan(PLANS["004"]))
    draft = draft_plan(outline, conn_)
    texts = [c.text for i in items(draft.plan) for c in i.clauses()]
    assert not any("疫情防控" in t for t in texts)
    assert any(s.topic == "疫情防控" for s in draft.skipped)
    allowed = draft_plan(outline, conn_, allow_outdated=True)
    assert any("疫情防控" in c.text for i in items(allowed.plan) for c in i.clauses())


def test_a_clause_that_does_not_speak_of_the_item_is_not_used(conn_):
    # 即墨 2024 7.推进智慧法治建设 holds a 12345 hotline clause and a police clause: neither
    # speaks of 智慧法治, so the 2025 draft does not reuse them.
    outline = load_outline(next(p for p in OUTLINES if "即墨" in p.name))
    draft = draft_plan(outline, conn_)
    (item,) = [i for i in items(draft.plan) if i.title == "推进智慧法治建设"]
    text = item_text(item)
    assert "12345" not in text and "公安" not in text


def test_targets_without_a_clause_are_sentences_of_their_own(conn_):
    # The 即墨 2025 outline sets 智慧社区 30个; none of the 智慧社区 clauses states a number.
    outline = load_outline(next(p for p in OUTLINES if "即墨" in p.name))
    draft = draft_plan(outline, conn_)
    (item,) = [i for i in items(draft.plan) if i.title == "智慧社区建设"]
    assert "30个" in item_text(item)


def test_another_citys_place_name_becomes_a_placeholder(conn_, tmp_path):
    # 即墨 2024 (三)2.: 配合青岛市推进“全市一家养老院”工作 — 青岛 is not above 东营.
    path = tmp_path / "东营.yaml"
    path.write_text("title: 东营市数字变革创新2025年行动方案\nregion: 东营市\nyear: 2025\n"
                    "parents: [山东省]\nparts:\n  - title: 推进生活方式数字变革\n    items:\n"
                    "      - heading: 智慧养老服务\n        keywords: [养老]\n", encoding="utf-8")
    draft = draft_plan(load_outline(path), conn_)
    (item,) = list(items(draft.plan))
    assert "青岛" not in visible(item_text(item)) and "即墨" not in visible(item_text(item))
    assert any(p.kind == "地名" and "青岛" in p.original for p in draft.placeholders)


def test_draft_notice_without_recipients_points_at_the_outline(tmp_path):
    outline = tmp_path / "o.yaml"
    text = OUTLINES[0].read_text(encoding="utf-8")
    outline.write_text(text[:text.index("notice:")], encoding="utf-8")
    code, _, err = run("draft", str(outline), "-o", str(tmp_path / "p.yaml"),
                       "--notice", str(tmp_path / "n.docx"), cwd=tmp_path)
    assert code == 2 and "主送机关" in err and "notice:" in err and "recipients" in err
    assert "--recipients" not in err and not (tmp_path / "p.yaml").exists()


def test_the_screen_lists_outdated_clauses_and_the_flag_reuses_them(tmp_path):
    outline = tmp_path / "威海2022.yaml"
    code, _, err = run("rollover", str(PLANS["004"]), "-o", str(outline), cwd=tmp_path)
    assert code == 0, err
    code, out, err = run("draft", str(outline), cwd=tmp_path)
    assert code == 0 and "未沿用（疫情防控）" in err and "--allow-outdated" in err
    assert not any("疫情防控" in line for line in out.splitlines() if line.strip().startswith("- text:"))
    code, out, err = run("draft", str(outline), "--allow-outdated", cwd=tmp_path)
    assert code == 0 and "未沿用" not in err
    assert any("疫情防控" in line for line in out.splitlines() if line.strip().startswith("- text:"))
