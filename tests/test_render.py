"""Render: every example as DOCX, read back (page setup, styles, fonts, levels, footers,
notice order), passed by check-format, and ingested back to the same plan."""
from __future__ import annotations

import datetime as dt
import posixpath
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from canonical import canonical_plan, without_locs
from planner.check import check_docx
from planner.model import Plan
from planner.parse.document import ingest_document
from planner.planfile import load_plan
from planner.render import NoticeFields, RenderOptions, render_notice, render_plan
from planner.render.document import plan_docx, title_lines
from planner.render.options import NoticeError, complete_notice, notice_fields
from planner.render.wording import JinjaWording, TemplateError

ROOT = Path(__file__).resolve().parent.parent
PLANS = sorted((ROOT / "examples" / "plans").glob("*.yaml"))
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
IDS = [p.stem[:3] for p in PLANS]
# Notice fields for the seeds that carry no 印发通知 (001 news, 003 规划).
FILL = NoticeFields(issuer=["某市人民政府办公室"], date=dt.date(2024, 3, 1),
                    recipients=["各区（市）人民政府", "市政府各部门"])


def part(path: Path, name: str):
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read(name))


def paragraphs(path: Path) -> list[tuple[str, str]]:
    """(style id, text) of every body paragraph, text boxes included."""
    body = part(path, "word/document.xml").find(W + "body")
    out = []
    for p in body.iter(W + "p"):
        style = p.find(f"{W}pPr/{W}pStyle")
        text = "".join(t.text or "" for t in p.iter(W + "t")
                       if not any(a.tag == W + "txbxContent" for a in t.iterancestors()
                                  if a is not p and p.find(f".//{W}txbxContent") is not None))
        out.append((style.get(W + "val") if style is not None else "", text))
    return out


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """{prefix: (plan, plan.docx, notice.docx)} for every example."""
    out = tmp_path_factory.mktemp("render")
    result = {}
    for path in PLANS:
        plan = load_plan(path)
        prefix = path.stem[:3]
        plan_file = render_plan(plan, out / f"{prefix}.docx")
        fields = NoticeFields() if plan.notice and plan.notice.recipients else FILL
        notice_file = render_notice(plan, out / f"{prefix}_notice.docx", fields)
        result[prefix] = (plan, plan_file, notice_file)
    return result


@pytest.mark.parametrize("prefix", IDS)
def test_page_setup_is_a4_with_the_standard_margins_and_grid(rendered, prefix):
    for docx in rendered[prefix][1:]:
        sect = part(docx, "word/document.xml").find(f"{W}body/{W}sectPr")
        size, margins, grid = sect.find(W + "pgSz"), sect.find(W + "pgMar"), sect.find(W + "docGrid")
        assert (size.get(W + "w"), size.get(W + "h")) == ("11906", "16838")
        assert {k: margins.get(W + k) for k in ("top", "left", "bottom", "right")} == \
            {"top": "2098", "left": "1587", "bottom": "1984", "right": "1474"}
        assert (grid.get(W + "type"), grid.get(W + "linePitch")) == ("lines", "579")


@pytest.mark.parametrize("prefix", IDS)
def test_fonts_are_declared_on_four_slots_and_no_theme_font_is_left(rendered, prefix):
    docx = rendered[prefix][2]
    styles = part(docx, "word/styles.xml")
    for rfonts in styles.iter(W + "rFonts"):
        assert all(rfonts.get(W + slot) for slot in ("ascii", "hAnsi", "eastAsia", "cs"))
        assert rfonts.get(W + "hint") == "eastAsia"
    with zipfile.ZipFile(docx) as archive:
        for name in archive.namelist():
            if name.endswith(".xml") and not name.startswith("word/theme"):
                assert b"Theme=" not in archive.read(name) and b"cstheme" not in archive.read(name), name
    fonts = {s.get(W + "styleId"): s.find(f"{W}rPr/{W}rFonts") for s in styles.iter(W + "style")}
    east = {k: v.get(W + "eastAsia") for k, v in fonts.items() if v is not None}
    assert east["Normal"] == "仿宋_GB2312" and east["Title"] == "方正小标宋简体"
    assert east["Heading1"] == "黑体" and east["Heading2"] == "楷体_GB2312"
    assert east["Footer"] == "宋体"


@pytest.mark.parametrize("prefix", IDS)
def test_headings_take_the_style_of_their_marker(rendered, prefix):
    levels = {"一、": "Heading1", "（一）": "Heading2"}
    for style, text in paragraphs(rendered[prefix][1]):
        for marker, expected in levels.items():
            if text.startswith(marker) and style.startswith("Heading"):
                assert style == expected, text


def test_run_in_heading_keeps_the_heading_font_on_its_head(rendered):
    body = part(rendered["002"][1], "word/document.xml").find(W + "body")
    for p in body.iter(W + "p"):
        runs = p.findall(W + "r")
        texts = ["".join(t.text for t in r.iter(W + "t")) for r in runs]
        if texts and texts[0] == "8.高标准完成新型智慧城市试点建设。":
            assert runs[0].find(f"{W}rPr/{W}rStyle").get(W + "val") == "Heading3Char"
            assert texts[1].startswith("围绕“优政、惠民、兴业、强基”")
            return
    pytest.fail("002 的第 8 项没有排成段首标题")


@pytest.mark.parametrize("prefix", IDS)
def test_footers_put_the_page_number_right_on_odd_left_on_even_pages(rendered, prefix):
    docx = rendered[prefix][1]
    settings = part(docx, "word/settings.xml")
    assert settings.find(W + "evenAndOddHeaders") is not None
    rels = part(docx, "word/_rels/document.xml.rels")
    targets = {r.get("Id"): r.get("Target") for r in rels}
    sect = part(docx, "word/document.xml").find(f"{W}body/{W}sectPr")
    refs = {r.get(W + "type"): r.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
            for r in sect.iter(W + "footerReference")}
    for kind, side in (("default", "right"), ("even", "left")):
        footer = part(docx, "word/" + targets[refs[kind]])
        p = footer.find(W + "p")
        text = "".join(t.text for t in p.iter(W + "t"))
        assert text == "— 1 —"  # U+2014 either side; the 1 is the PAGE field's placeholder
        assert "PAGE" in "".join(i.text for i in p.iter(W + "instrText"))
        assert p.find(f"{W}pPr/{W}jc").get(W + "val") == side
        assert p.find(f"{W}pPr/{W}ind").get(W + side + "Chars") == "100"


@pytest.mark.parametrize("prefix", IDS)
def test_every_docx_planner_writes_passes_check_format(rendered, prefix):
    for docx in rendered[prefix][1:]:
        assert check_docx(docx) == []


def test_notice_parts_come_in_order_then_the_plan_on_a_new_page(rendered):
    plan, _, docx = rendered["000"]
    shown = [(s, t) for s, t in paragraphs(docx) if t]
    texts = [t for _, t in shown]
    assert texts[0] == "青岛市即墨区人民政府办公室关于印发数字即墨2024年行动方案的通知"
    assert texts[1] == "各镇人民政府，各街道办事处，各功能区，区政府各部门，区直各单位："
    assert texts[2] == "《数字即墨2024年行动方案》已经区政府研究同意，现印发给你们，请认真贯彻落实。"
    assert texts[3:6] == ["青岛市即墨区人民政府办公室", "2024年5月31日", "（此件公开发布）"]
    assert shown[6] == ("Title", "数字即墨2024年行动方案")
    body = part(docx, "word/document.xml").find(W + "body")
    titles = [p for p in body.iter(W + "p") if p.find(f"{W}pPr/{W}pStyle").get(W + "val") == "Title"]
    assert titles[0].find(f"{W}pPr/{W}pageBreakBefore") is None
    assert titles[1].find(f"{W}pPr/{W}pageBreakBefore") is not None
    assert "附件" not in "".join(texts[:8])


def test_signature_and_date_are_placed_by_the_standard(rendered):
    _, _, docx = rendered["000"]
    body = part(docx, "word/document.xml").find(W + "body")
    indents = {}
    for p in body.iter(W + "p"):
        text = "".join(t.text or "" for t in p.iter(W + "t"))
        if text in ("青岛市即墨区人民政府办公室", "2024年5月31日"):
            ind = p.find(f"{W}pPr/{W}ind")
            indents[text] = (int(ind.get(W + "left")), int(ind.get(W + "leftChars")))
    # 署名 13 characters, 右空二字 → starts at 28 − 2 − 13 = 13 characters of the line (5.2.3: 28 in
    # 156 mm); the date two characters further. Word counts leftChars in 16 pt ems (320 twips).
    line_char = 156 / 25.4 * 1440 / 28  # twips
    for text, chars in (("青岛市即墨区人民政府办公室", 13), ("2024年5月31日", 15)):
        left, left_chars = indents[text]
        assert abs(left - chars * line_char) <= 1
        assert abs(left_chars - chars * line_char / 320 * 100) <= 1


@pytest.mark.parametrize("prefix", IDS)
def test_ingesting_the_rendered_plan_gives_the_plan_back(rendered, prefix):
    plan, plan_file, notice_file = rendered[prefix]
    expected = without_locs(canonical_plan(plan).model_dump())
    if expected["title"] is None:  # a plan with no title line is titled by the name its text cites
        expected["title"], expected["cited_name"] = plan.name, None
    back = without_locs(ingest_document(plan_file).plan.model_dump())
    expected_plan = dict(expected, notice=None, issuer=None)  # the 署名 is the notice's
    assert back == expected_plan
    if plan.notice and plan.notice.recipients:
        notice = expected["notice"]
        if notice["title"] is None:  # the seed's text had none: templates/notice_title.j2 made one
            notice["title"] = f"{notice['issuer'][0]}关于印发{expected['title']}的通知"
        assert without_locs(ingest_document(notice_file).plan.model_dump()) == expected


def test_imprint_is_a_ruled_table_on_a_page_of_its_own_and_reads_back(tmp_path):
    plan = load_plan(PLANS[0])
    fields = NoticeFields(cc=["区委各部门", "区人大常委会办公室"], printer="青岛市即墨区人民政府办公室")
    docx = render_notice(plan, tmp_path / "n.docx", fields)
    xml = part(docx, "word/document.xml")
    box = xml.find(f".//{W}txbxContent")
    lines = ["".join(t.text for t in p.iter(W + "t")) for p in box.iter(W + "p")]
    # 印发机关 and 印发日期 in two cells of one row: no tab between them (lint P007)
    assert lines == ["抄送：区委各部门，区人大常委会办公室。", "青岛市即墨区人民政府办公室", "2024年5月31日印发", ""]
    assert not list(box.iter(W + "tab"))
    borders = box.find(f".//{W}tblBorders")  # 7.4.1: 0.35 mm above and below, 0.25 mm between
    assert [(b.tag.split("}")[1], b.get(W + "sz")) for b in borders if b.get(W + "val") == "single"] == \
        [("top", "8"), ("bottom", "8"), ("insideH", "6")]
    cc = box.find(f".//{W}ind")  # 7.4.2: continuation lines under the first organisation
    assert (cc.get(W + "left"), cc.get(W + "hanging")) == (str(4 * 280), str(3 * 280))
    last = xml.find(f"{W}body/{W}sectPr")  # the 版记页: even, without page numbers
    assert last.find(W + "type").get(W + "val") == "evenPage"
    assert {ref.get(R_ID) for ref in last.iter(W + "footerReference")} == {"rId5"}
    notice = ingest_document(docx).plan.notice
    assert notice.cc == ["区委各部门", "区人大常委会办公室"]
    assert notice.printer == "青岛市即墨区人民政府办公室" and notice.print_date == dt.date(2024, 5, 31)
    assert check_docx(docx) == []


# notice fields ----------------------------------------------------------------------------

def test_missing_notice_fields_are_named_with_the_option_to_give():
    plan = load_plan(PLANS[1])  # 001: a news text, no notice
    with pytest.raises(NoticeError, match="主送机关.*--recipients"):
        complete_notice(plan, NoticeFields(), JinjaWording(plan))
    with pytest.raises(NoticeError, match="成文日期.*--date"):
        complete_notice(plan, NoticeFields(recipients=["各区市政府"], issuer=["青岛市人民政府办公厅"]),
                        JinjaWording(plan))
    with pytest.raises(NoticeError, match="发文字号"):
        complete_notice(plan, FILL, JinjaWording(plan), masthead=True)


def test_options_are_read_into_standard_forms():
    fields = notice_fields(date_text="2024年05月31日", doc_number="东政办字[2022]036号",
                           recipients="各区、市人民政府，市政府各部门", issuer=("东营市人民政府办公室",))
    assert fields.date == dt.date(2024, 5, 31)
    assert fields.doc_number == "东政办字〔2022〕36号"
    assert fields.recipients == ["各区、市人民政府", "市政府各部门"]
    with pytest.raises(NoticeError, match="日期"):
        notice_fields(date_text="五月")
    with pytest.raises(NoticeError, match="发文字号"):
        notice_fields(doc_number="第36号")


def test_a_generated_notice_title_and_body_come_from_the_templates():
    plan = load_plan(PLANS[1])
    notice = complete_notice(plan, FILL, JinjaWording(plan))
    assert notice.title == "某市人民政府办公室关于印发数字青岛2023年行动方案的通知"
    assert notice.body == ["现将《数字青岛2023年行动方案》印发给你们，请结合实际认真贯彻落实。"]
    approved = complete_notice(plan, FILL.model_copy(update={"approved_by": "市政府"}), JinjaWording(plan))
    assert approved.body == ["《数字青岛2023年行动方案》已经市政府研究同意，现印发给你们，请认真贯彻落实。"]


def test_long_titles_break_at_a_phrase_boundary():
    assert title_lines("东营市人民政府办公室关于印发东营市数字变革创新2022年行动方案的通知") == \
        ["东营市人民政府办公室关于印发", "东营市数字变革创新2022年行动方案的通知"]
    assert title_lines("数字即墨2024年行动方案") == ["数字即墨2024年行动方案"]


# templates --------------------------------------------------------------------------------

def test_user_templates_come_first(tmp_path):
    (tmp_path / "note.j2").write_text("【{{ (lead + support) | join('、') }}】", encoding="utf-8")
    plan = Plan.model_validate({"title": "测试方案", "sections": [{"role": "tasks", "items": [{
        "marker": "1.", "title": "推进政务服务", "end": "。", "run_in": True, "paragraphs": [{"clauses": [{
            "text": "推进一网通办。", "responsibility": {"lead": [{"name": "市大数据局", "canonical": "市大数据局"}],
                                                   "support": [], "raw": ""}}]}]}]}]})
    wording = JinjaWording(plan, tmp_path)
    assert wording.note(plan.sections[0].items[0].paragraphs[0].clauses[0].responsibility) == "【市大数据局】"
    default = JinjaWording(plan)
    assert default.note(plan.sections[0].items[0].paragraphs[0].clauses[0].responsibility) == \
        "（责任单位：市大数据局）"


def test_lead_support_style_follows_the_plan(tmp_path):
    plan = load_plan(PLANS[2])  # 002 东营 writes （牵头单位：…；配合单位：…）
    assert JinjaWording(plan).style == "lead_support"
    assert JinjaWording(load_plan(PLANS[0])).style == "units"


def test_undefined_template_variable_names_the_template_and_line(tmp_path):
    (tmp_path / "note.j2").write_text("{# 注释 #}\n（{{ leader }}）", encoding="utf-8")
    plan = load_plan(PLANS[0])
    with pytest.raises(TemplateError) as caught:
        plan_docx(plan, RenderOptions(templates=tmp_path))
    assert "note.j2" in str(caught.value) and ":2" in str(caught.value)


def test_template_syntax_error_names_the_file_and_line(tmp_path):
    (tmp_path / "marker.j2").write_text("{% if kind %}\n{{ number }", encoding="utf-8")
    with pytest.raises(TemplateError) as caught:
        JinjaWording(None, tmp_path)
    assert "marker.j2" in str(caught.value) and "2" in str(caught.value)


def test_plan_text_is_never_evaluated_as_a_template():
    plan = Plan.model_validate({"title": "测试{{ 7*7 }}方案", "preamble": [{"clauses": [
        {"text": "{% for x in range(3) %}不执行{% endfor %}<w:p>&amp;\x01\x0b\ud800"}]}]})
    data = plan_docx(plan)
    with zipfile.ZipFile(__import__("io").BytesIO(data)) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    assert "测试{{ 7*7 }}方案" in xml
    # Escaped, control characters and the lone surrogate dropped; punctuation made full-width
    # (GB/T 15834: in Chinese text), and no space after a full-width bracket.
    assert "{% for x in range（3）%}不执行{% endfor %}&lt;w:p&gt;&amp;amp；</w:t>" in xml


def test_profile_overrides_fonts(tmp_path):
    (tmp_path / "p.yaml").write_text("fonts:\n  body: 仿宋\n", encoding="utf-8")
    data = plan_docx(load_plan(PLANS[0]), RenderOptions(profile=tmp_path / "p.yaml"))
    with zipfile.ZipFile(__import__("io").BytesIO(data)) as archive:
        styles = archive.read("word/styles.xml").decode("utf-8")
    assert 'w:eastAsia="仿宋"' in styles and "仿宋_GB2312" not in styles


def test_bad_profile_gives_file_line_col(tmp_path):
    from planner.errors import PlanFileError

    (tmp_path / "p.yaml").write_text("fonts:\n  body: 仿宋\nsizes:\n  body: 三号\n", encoding="utf-8")
    with pytest.raises(PlanFileError) as caught:
        plan_docx(load_plan(PLANS[0]), RenderOptions(profile=tmp_path / "p.yaml"))
    assert str(caught.value).startswith(f"{tmp_path / 'p.yaml'}:4:")


@pytest.mark.parametrize("prefix", IDS)
def test_every_declared_part_and_relationship_target_is_in_the_package(rendered, prefix):
    ct = "{http://schemas.openxmlformats.org/package/2006/content-types}"
    for docx in rendered[prefix][1:]:
        with zipfile.ZipFile(docx) as archive:
            names = set(archive.namelist())
            types = etree.fromstring(archive.read("[Content_Types].xml"))
            declared = {o.get("PartName").lstrip("/") for o in types.iter(ct + "Override")}
            targets = set()
            for rels in [n for n in names if n.endswith(".rels")]:
                base = posixpath.dirname(posixpath.dirname(rels))
                targets |= {posixpath.normpath(posixpath.join(base, r.get("Target")))
                            for r in etree.fromstring(archive.read(rels))}
        assert declared <= names and targets <= names
        assert names - {"[Content_Types].xml"} - {n for n in names if n.endswith(".rels")} == declared


def test_a_render_imports_no_python_docx():
    code = ("import sys; from planner.planfile import load_plan; from planner.render.document import plan_docx; "
            f"plan_docx(load_plan({str(PLANS[0])!r})); print(sorted(m for m in sys.modules if m.split('.')[0] == 'docx'))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_empty_parts_and_long_paragraphs_give_a_valid_docx(tmp_path):
    import docx

    plan = Plan.model_validate({"title": "空方案", "sections": [
        {"role": "tasks", "title": "主要任务"}, {"role": "safeguards", "title": "保障措施", "paragraphs": [
            {"clauses": [{"text": "长" * 100_000 + "。"}]}]}]})
    out = render_plan(plan, tmp_path / "e.docx")
    document = docx.Document(str(out))
    assert len(document.paragraphs[-1].text) == 100_001
    assert check_docx(out) == []


def test_text_and_attribute_values_read_back_unchanged_from_the_xml():
    from planner.render.oxml.markup import attr, clean, escape

    for value in ['A&B <C> "引号" \'单\'', "制表\t换行\n回车\r", "]]> &amp; &#10;", "\x01控制\ud800"]:
        element = etree.fromstring(f"<e a={attr(value)}>{escape(clean(value))}</e>")
        assert element.get("a") == clean(value)
        assert element.text == clean(value).replace("\r", "\n")  # parsers normalise CR in content



def test_an_attachment_label_in_the_body_is_set_as_one_on_its_own_page(tmp_path):
    # GB/T 9704 8: “附件”二字及附件顺序号用3号黑体字顶格编排在版心左上角第一行; 附件应当另面编排.
    plan = Plan.model_validate({"title": "临江市公共数据资源开发利用实施细则", "preamble": [
        {"clauses": [{"text": "为规范公共数据资源开发利用，制定本细则。"}]}, {"clauses": [{"text": "附件1"}]}]})
    path = render_plan(plan, tmp_path / "plan.docx")
    assert ("AttachmentLabel", "附件1") in paragraphs(path)
    body = part(path, "word/document.xml").find(W + "body")
    label = next(p for p in body.iter(W + "p") if "".join(t.text or "" for t in p.iter(W + "t")) == "附件1")
    assert label.find(f"{W}pPr/{W}pageBreakBefore") is not None
    assert check_docx(path) == []


def test_a_letter_spaced_signature_is_written_solid(tmp_path):
    fields = NoticeFields(issuer=["临江市发展和改革委员会", "临 江 市 数 据 局"])
    path = render_notice(load_plan(PLANS[0]), tmp_path / "notice.docx", fields)
    texts = [text for _, text in paragraphs(path)]
    assert "临江市数据局" in texts and "临 江 市 数 据 局" not in texts


@pytest.mark.parametrize("title", [
    "临江市数据局 临江市发展改革委 临江市财政局人力资源社会保障局 市场监管局关于印发临江市公共数据授权运营管理办法的通知",
    "即墨区数据局 即墨区发展和改革局 即墨区财政局 即墨区人力资源和社会保障局 即墨区市场监督管理局 即墨区统计局关于印发数字即墨2024年行动方案的通知",
])
def test_a_long_joint_title_is_shaped_even_where_it_must_break_inside_a_word(title):
    # 7.3.1: 标题排列应当使用梯形或菱形; each line within the 版心's 20 二号 characters.
    from planner.check.standard import title_shape
    from planner.textwidth import text_width
    lines = title_lines(title)
    widths = [text_width(line.rstrip()) for line in lines]
    assert "".join(lines) == title and len(lines) > 1
    assert max(widths) <= 20 and title_shape([text_width(line) for line in lines]) in ("梯形", "菱形")
    assert not any(line.startswith(("即墨区发展", "和改革局", "和社会保障局")) for line in lines[1:])  # spaced names kept whole


@pytest.mark.parametrize("title, word", [
    ("上海市脑机接口未来产业培育行动方案（2025—2030年）", "培育"),  # final20 009, ingested and rendered
    ("临江市低空经济未来产业加快发展行动方案（2025—2027年）", "加快"),
])
def test_a_title_with_no_shape_at_known_boundaries_still_keeps_its_verb_whole(title, word):
    """GB/T 9704 7.3.1: a long title breaks between words, as a 梯形. With no shape at the
    boundaries planner knows (…产业培育行动方案 splits into 13 over 11.5 characters there), it
    breaks before the verb its phrase opens with, not inside it (…未来产业培 / 育行动方案…)."""
    from planner.textwidth import text_width

    lines = title_lines(title)
    widths = [text_width(line) for line in lines]
    assert "".join(lines) == title and len(lines) == 2
    assert any(word in line for line in lines)  # the verb is not cut
    assert widths == sorted(widths) and max(widths) <= 20  # a 梯形 that fits the 版心
