"""The tools a user would pick instead of planner to get a DOCX out of a plan, each given the
same plan: docxtpl (a Word template with a paragraph loop), pandoc (Markdown with a
reference.docx), python-docx the straightforward way, and the floor (WordprocessingML written
as one string and zipped). Also usable as a script for whole-process timing, where docxtpl and
pandoc get the YAML the way their users would load it (PyYAML, no planner):

    python bench/competitors.py TOOL plan.yaml out.docx
"""
from __future__ import annotations

import io
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from planner.blocks import plan_blocks

WORK = Path(tempfile.gettempdir()) / "planner-bench-tools"


def floor_string_xml(plan) -> bytes:
    """WordprocessingML as one string with fonts on each run, zipped: nothing is cheaper."""
    rpr = ('<w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:hAnsi="仿宋_GB2312" w:eastAsia="仿宋_GB2312" '
           'w:cs="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr>')
    body = "".join(f'<w:p><w:r>{rpr}<w:t xml:space="preserve">{escape(b.text)}</w:t></w:r></w:p>'
                   for b in plan_blocks(plan))
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w='
                '"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
                f'{body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>')
    types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.'
             'openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType='
             '"application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
             'ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType='
             '"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '</Relationships>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr("_rels/.rels", rels)
        archive.writestr("word/document.xml", document)
    return out.getvalue()


def python_docx_naive(plan) -> bytes:
    """What a developer writes first: add_paragraph per block, fonts set run by run."""
    from docx import Document
    from docx.oxml.ns import qn
    from docx.shared import Pt

    document = Document()
    for block in plan_blocks(plan):
        run = document.add_paragraph().add_run(block.text)
        run.font.size = Pt(22 if block.kind == "title" else 16)
        run.font.name = "仿宋_GB2312"
        run._element.rPr.rFonts.set(qn("w:eastAsia"), "仿宋_GB2312")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def docxtpl_template() -> Path:
    """A Word template whose body is one paragraph loop over the blocks."""
    path = WORK / "docxtpl_template.docx"
    if not path.exists():
        from docx import Document

        WORK.mkdir(parents=True, exist_ok=True)
        document = Document()
        document.add_paragraph("{%p for block in blocks %}")
        document.add_paragraph("{{ block }}")
        document.add_paragraph("{%p endfor %}")
        document.save(str(path))
    return path


def docxtpl_render(plan) -> bytes:
    from docxtpl import DocxTemplate

    template = DocxTemplate(str(docxtpl_template()))
    template.render({"blocks": [b.text for b in plan_blocks(plan)]})
    out = io.BytesIO()
    template.save(out)
    return out.getvalue()


def pandoc_available() -> bool:
    return shutil.which("pandoc") is not None


def reference_docx() -> Path:
    """pandoc's --reference-doc: planner's own styles, so both tools start from the same look."""
    path = WORK / "reference.docx"
    if not path.exists():
        from planner.model import Plan
        from planner.render.document import plan_docx

        WORK.mkdir(parents=True, exist_ok=True)
        path.write_bytes(plan_docx(Plan(title="参考样式")))
    return path


def pandoc_render(plan) -> bytes:
    from planner.export import export_text

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.docx"
        subprocess.run(["pandoc", "-f", "markdown", "-t", "docx", "--reference-doc", str(reference_docx()),
                        "-o", str(out)], input=export_text(plan, "md").encode("utf-8"), check=True)
        return out.read_bytes()


TOOLS = {"floor": floor_string_xml, "python-docx": python_docx_naive, "docxtpl": docxtpl_render,
         "pandoc": pandoc_render}


def available() -> dict:
    tools = dict(TOOLS)
    try:
        import docxtpl  # noqa: F401
    except ImportError:
        tools.pop("docxtpl")
    if not pandoc_available():
        tools.pop("pandoc")
    return tools


def missing() -> list[str]:
    """What a full benchmark run needs and this machine lacks, each with how to get it."""
    tools = available()
    needs = [] if "docxtpl" in tools else ["docxtpl（pip install -e '.[bench]'）"]
    try:
        import matplotlib  # noqa: F401 — the plot
    except ImportError:
        needs.append("matplotlib（pip install -e '.[bench]'）")
    return needs + ([] if "pandoc" in tools else ["pandoc（apt-get install pandoc）"])


def texts_from_yaml(data: dict) -> list[tuple[int, str]]:
    """What a user of the other tool writes: walk the YAML (no planner) into (level, text)
    paragraphs: 0 title, 1–4 headings, 9 body."""
    out = [(0, data.get("title", ""))]

    def paragraph(p: dict) -> str:
        head = (p.get("lead") or "") + p.get("lead_end", "")
        return head + "".join(c.get("text", "") + (c.get("responsibility") or {}).get("raw", "")
                              for c in p.get("clauses", []))

    def part(node: dict, level: int) -> None:
        if node.get("title") or node.get("marker"):
            out.append((level, (node.get("marker") or "") + (node.get("title") or "")))
        out.extend((9, paragraph(p)) for p in node.get("paragraphs", []))
        for child in node.get("parts", []):
            part(child, level + 1)
        for item in node.get("items", []):
            part(item, level + 1)

    out.extend((9, paragraph(p)) for p in data.get("preamble", []))
    for section in data.get("sections", []):
        part(section, 1)
    return out


def process_main(tool: str, source: str, target: str) -> None:
    """Whole-process run of another tool: load the YAML with PyYAML, render, write."""
    import yaml

    data = yaml.load(Path(source).read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    texts = texts_from_yaml(data)
    if tool == "docxtpl":
        from docxtpl import DocxTemplate

        template = DocxTemplate(str(docxtpl_template()))
        template.render({"blocks": [text for _, text in texts]})
        template.save(target)
    elif tool == "pandoc":
        markdown = "\n\n".join(("#" * level + " " if level < 9 else "") + text for level, text in texts)
        subprocess.run(["pandoc", "-f", "markdown", "-t", "docx", "--reference-doc", str(reference_docx()),
                        "-o", target], input=markdown.encode("utf-8"), check=True)
    else:
        from planner.planfile import load_plan

        Path(target).write_bytes(TOOLS[tool](load_plan(source)))


if __name__ == "__main__":
    process_main(*sys.argv[1:4])
