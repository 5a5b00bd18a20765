"""Golden structural snapshots of each example's DOCX (plan with its notice): page setup,
styles (fonts, sizes), and every paragraph's style, level and text. Never bytes: python-docx
stamps times. `pytest tests/test_golden.py --update-golden` rewrites them; review the diff."""
from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest
import yaml
from lxml import etree

from planner.planfile import load_plan
from planner.render import NoticeFields, render_notice

ROOT = Path(__file__).resolve().parent.parent
PLANS = sorted((ROOT / "examples" / "plans").glob("*.yaml"))
GOLDEN = Path(__file__).resolve().parent / "golden"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FILL = NoticeFields(issuer=["某市人民政府办公室"], date=dt.date(2024, 3, 1),
                    recipients=["各区（市）人民政府", "市政府各部门"])


def _val(node, path: str, attr: str = "val"):
    found = node.find(path) if node is not None else None
    return found.get(W + attr) if found is not None else None


def structure(docx: Path) -> dict:
    with zipfile.ZipFile(docx) as archive:
        document = etree.fromstring(archive.read("word/document.xml"))
        styles = etree.fromstring(archive.read("word/styles.xml"))
    sect = document.find(f"{W}body/{W}sectPr")
    page = {
        "size": [int(_val(sect, W + "pgSz", "w")), int(_val(sect, W + "pgSz", "h"))],
        "margins": {k: int(_val(sect, W + "pgMar", k)) for k in ("top", "right", "bottom", "left", "footer")},
        "grid": [_val(sect, W + "docGrid", "type"), int(_val(sect, W + "docGrid", "linePitch"))],
        "footers": sorted(ref.get(W + "type") for ref in sect.iter(W + "footerReference")),
    }
    style_table = {}
    for style in styles.iter(W + "style"):
        rpr = style.find(W + "rPr")
        entry = {"based_on": _val(style, W + "basedOn"), "font": _val(rpr, W + "rFonts", "eastAsia"),
                 "size": _val(rpr, W + "sz"), "outline": _val(style, f"{W}pPr/{W}outlineLvl"),
                 "jc": _val(style, f"{W}pPr/{W}jc")}
        style_table[style.get(W + "styleId")] = {k: v for k, v in entry.items() if v is not None}
    paragraphs = []
    for p in document.find(W + "body").iter(W + "p"):
        runs = [r for r in p.findall(W + "r") if r.find(W + "t") is not None]
        text = "".join(t.text or "" for r in runs for t in r.findall(W + "t"))
        if not text:
            continue
        entry = {"style": _val(p, f"{W}pPr/{W}pStyle") or "Normal", "text": text[:40],
                 "chars": len(text)}
        head = _val(runs[0], f"{W}rPr/{W}rStyle") if runs else None
        if head:
            entry["head"] = head
        if p.find(f"{W}pPr/{W}pageBreakBefore") is not None:
            entry["new_page"] = True
        paragraphs.append(entry)
    return {"page": page, "styles": style_table, "paragraphs": paragraphs}


@pytest.mark.parametrize("path", PLANS, ids=[p.stem[:3] for p in PLANS])
def test_docx_structure_matches_its_golden_snapshot(path, tmp_path, request):
    plan = load_plan(path)
    fields = NoticeFields() if plan.notice and plan.notice.recipients else FILL
    docx = render_notice(plan, tmp_path / "out.docx", fields)
    snapshot = yaml.safe_dump(structure(docx), allow_unicode=True, sort_keys=False, width=120)
    golden = GOLDEN / f"{path.stem}.yaml"
    if request.config.getoption("--update-golden"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(snapshot, encoding="utf-8")
    assert golden.exists(), f"缺少 {golden.name}；请运行 pytest tests/test_golden.py --update-golden 并审阅"
    assert golden.read_text(encoding="utf-8") == snapshot, \
        f"{golden.name} 与当前输出不同；确认改动无误后运行 pytest tests/test_golden.py --update-golden"
