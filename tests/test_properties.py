"""Property tests: ingest never fails but with planner's own error; export → ingest is the
identity on generated plans in canonical form."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.errors import PlannerError
from canonical import without_locs
from planner.export import export_text
from planner.model import Item, Kind, Notice, Paragraph, Part, Plan, Role, Section
from planner.parse.document import ingest_text
from planner.parse.responsibility import split_clauses
from planner.planfile import plan_data
from planner.form.numerals import int_to_cn

CORPUS = Path(__file__).resolve().parent.parent / "examples" / "corpus"
SEED_LINES = [line for path in sorted(CORPUS.glob("*.txt"))
              for line in path.read_text(encoding="utf-8").splitlines()]

# Short phrases with no punctuation: titles and sentence pieces of generated plans.
PHRASES = ["推进一网通办", "建设城市大脑", "完善数据平台", "发展智慧农业", "优化营商环境", "提升治理能力",
           "加强网络安全", "深化数据共享", "建设智慧社区", "推广电子证照", "强化资金保障", "加强组织领导",
           "培育数字产业", "完善基础设施", "推动政务上云", "拓展应用场景"]
UNITS = ["市大数据局", "市财政局", "市发展改革委", "市工业和信息化局", "市行政审批服务局", "市公安局"]
phrase = st.sampled_from(PHRASES)


@st.composite
def sentence(draw) -> str:
    """A sentence with a comma inside, so it never reads as a lead sentence or a title."""
    return draw(phrase) + "，" + draw(phrase) + "。"


@st.composite
def note(draw) -> str:
    lead = draw(st.lists(st.sampled_from(UNITS), min_size=1, max_size=3, unique=True))
    if draw(st.booleans()):
        return "（责任单位：" + "、".join(lead) + "）"
    support = draw(st.sampled_from(UNITS))
    return "（" + "、".join(lead) + "牵头，" + support + "配合）"


@st.composite
def paragraph_text(draw, with_notes: bool) -> str:
    pieces = []
    for _ in range(draw(st.integers(1, 3))):
        pieces.append("".join(draw(st.lists(sentence(), min_size=1, max_size=2))))
        if with_notes and draw(st.booleans()):
            pieces.append(draw(note()))
    return "".join(pieces)


def paragraph(text: str, lead: str | None = None) -> Paragraph:
    return Paragraph(lead=lead, lead_end="。" if lead else "", clauses=split_clauses(text))


@st.composite
def item(draw, number: int, marker: str, with_notes: bool) -> Item:
    title = draw(phrase)
    body = [paragraph(draw(paragraph_text(with_notes)))]
    if draw(st.booleans()):
        body.append(paragraph(draw(paragraph_text(with_notes)), lead=draw(phrase)))
    return Item(marker=marker, number=number, title=title, end="。", run_in=True, paragraphs=body)


@st.composite
def tasks_section(draw, number: int) -> Section:
    parts, count = [], 0
    for p in range(1, draw(st.integers(1, 3)) + 1):
        items = []
        for _ in range(draw(st.integers(1, 3))):
            count += 1
            items.append(draw(item(count, f"{count}.", with_notes=True)))
        parts.append(Part(marker=f"（{int_to_cn(p)}）", number=p, title=draw(phrase), items=items))
        count = count if draw(st.booleans()) else 0  # numbering runs on or restarts
    return Section(role=Role.TASKS, marker=f"{int_to_cn(number)}、", number=number, title="主要任务",
                   parts=parts)


@st.composite
def plans(draw) -> Plan:
    year = draw(st.integers(2020, 2030))
    title = f"青山市数字政府{year}年行动方案"
    sections = [Section(role=Role.GOALS, marker="一、", number=1, title="行动目标",
                        paragraphs=[paragraph(draw(paragraph_text(False)))]),
                draw(tasks_section(2))]
    items = [draw(item(n, f"（{int_to_cn(n)}）", with_notes=False))
             for n in range(1, draw(st.integers(1, 4)) + 1)]
    sections.append(Section(role=Role.SAFEGUARDS, marker="三、", number=3, title="保障措施",
                            items=items))
    notice = None
    if draw(st.booleans()):
        date = draw(st.dates(dt.date(year, 1, 1), dt.date(year, 12, 31)))
        notice = Notice(recipients=["各区人民政府", "市政府各部门"],
                        body=[f"《{title}》已经市政府同意，现印发给你们，请认真贯彻落实。"],
                        issuer=["青山市人民政府办公室"], date=date, public="（此件公开发布）")
    return Plan(kind=Kind.ACTION_PLAN, title=title, year=year, region="青山市",
                issuer="青山市人民政府办公室" if notice else None, notice=notice,
                preamble=[paragraph("为加快数字政府建设，制定本方案。")], sections=sections)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_export_then_ingest_is_identity_on_generated_plans(plan):
    again = ingest_text(export_text(plan), "generated.txt").plan
    assert without_locs(plan_data(again)) == without_locs(plan_data(plan))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_ingest_any_text_fails_only_with_planner_errors(text):
    try:
        ingest_text(text, "random.txt")
    except PlannerError:
        pass


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(SEED_LINES), max_size=40),
       st.lists(st.tuples(st.integers(0, 200), st.text(max_size=5)), max_size=5))
def test_ingest_mutated_seed_text_fails_only_with_planner_errors(lines, edits):
    text = "\n".join(lines)
    for at, insert in edits:
        text = text[:at] + insert + text[at:]
    try:
        parsed = ingest_text(text, "mutated.txt")
    except PlannerError:
        return
    export_text(parsed.plan)
