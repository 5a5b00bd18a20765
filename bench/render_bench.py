"""Render speed: planner against python-docx the straightforward way and against the floor
(WordprocessingML written as a string and zipped). Same plan, same run, as ratios.

    python bench/render_bench.py [--sizes 20 200 2000] [--out bench/results/render.json]
"""
from __future__ import annotations

import argparse
import io
import json
import sys
import time
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import synthetic_plan  # noqa: E402

from planner.blocks import plan_blocks  # noqa: E402
from planner.render.document import plan_docx  # noqa: E402


def naive_python_docx(plan) -> bytes:
    """What a developer writes first: add_paragraph per block, fonts set run by run."""
    from docx import Document
    from docx.oxml.ns import qn
    from docx.shared import Pt

    document = Document()
    for block in plan_blocks(plan):
        paragraph = document.add_paragraph()
        run = paragraph.add_run(block.text)
        run.font.size = Pt(22 if block.kind == "title" else 16)
        run.font.name = "仿宋_GB2312"
        run._element.rPr.rFonts.set(qn("w:eastAsia"), "仿宋_GB2312")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                 '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Default Extension="xml" ContentType="application/xml"/>'
                 '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                 'officedocument.wordprocessingml.document.main+xml"/></Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'officeDocument" Target="word/document.xml"/></Relationships>')


def floor_string_xml(plan) -> bytes:
    """The floor: one string of WordprocessingML with fonts on each run, zipped."""
    rpr = ('<w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:hAnsi="仿宋_GB2312" w:eastAsia="仿宋_GB2312" '
           'w:cs="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr>')
    body = "".join(f'<w:p><w:r>{rpr}<w:t xml:space="preserve">{escape(b.text)}</w:t></w:r></w:p>'
                   for b in plan_blocks(plan))
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w='
                '"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
                f'{body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
        archive.writestr("word/document.xml", document)
    return out.getvalue()


def best_of(func, plan, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func(plan)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[20, 200, 2000])
    parser.add_argument("--naive-max", type=int, default=2000, help="largest size for python-docx")
    parser.add_argument("--out", type=Path, default=Path("bench/results/render.json"))
    args = parser.parse_args()
    rows = []
    for size in args.sizes:
        plan = synthetic_plan(size)
        repeat = 5 if size <= 200 else 2
        row = {"tasks": size, "planner": best_of(plan_docx, plan, repeat),
               "floor": best_of(floor_string_xml, plan, repeat)}
        if size <= args.naive_max:
            row["python_docx"] = best_of(naive_python_docx, plan, 1)
        row["planner/floor"] = row["planner"] / row["floor"]
        if "python_docx" in row:
            row["python_docx/planner"] = row["python_docx"] / row["planner"]
        rows.append(row)
        print(json.dumps(row, ensure_ascii=False))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(rows, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
