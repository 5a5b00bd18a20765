"""The tools a user would pick instead of planner to get a DOCX out of a plan, written the way
their users write them: the plan is JSON, a few lines walk it into paragraphs, the tool lays
them out. docxtpl (a Word template with a paragraph loop), pandoc (Markdown with a reference
DOCX), python-docx the straightforward way, and the floor (the paragraphs as one string of
WordprocessingML, zipped with zipfile: nothing is cheaper). Nothing here imports planner.

    python bench/competitors.py TOOL plan.json out.docx [--reference reference.docx]
"""
from __future__ import annotations

import argparse
import io
import json
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

WORK = Path(tempfile.gettempdir()) / "planner-bench-tools"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TITLE, BODY = 0, 9  # paragraph levels: 0 title, 1–4 headings, 9 body text


def paragraphs(plan: dict) -> list[tuple[int, str]]:
    """The plan's paragraphs in reading order as (level, text): what a user of another tool
    writes to get text out of the JSON. A run-in item (`1.标题。正文…`) is one paragraph."""
    out = [(TITLE, plan.get("title", ""))]
    out.extend((BODY, _text(p)) for p in plan.get("preamble", []))
    for section in plan.get("sections", []):
        _division(section, 1, out)
    return out


def _text(paragraph: dict) -> str:
    head = (paragraph.get("lead") or "") + paragraph.get("lead_end", "")
    return head + "".join(c.get("text", "") + ((c.get("responsibility") or {}).get("raw") or "")
                          for c in paragraph.get("clauses", []))


def _division(node: dict, level: int, out: list) -> None:
    body = [_text(p) for p in node.get("paragraphs", [])]
    heading = (node.get("marker") or "") + (node.get("title") or "") + (node.get("end") or "")
    if node.get("run_in") and body:
        heading += body.pop(0)
    if heading:
        out.append((min(level, 4), heading))
    out.extend((BODY, text) for text in body)
    for child in node.get("parts", []) + node.get("items", []):
        _division(child, level + 1, out)


def floor(paras: list[tuple[int, str]]) -> bytes:
    """WordprocessingML as one string with fonts on every run, zipped."""
    rpr = ('<w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:hAnsi="仿宋_GB2312" w:eastAsia="仿宋_GB2312" '
           'w:cs="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr>')
    body = "".join(f'<w:p><w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'
                   for _, text in paras)
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}">'
                f'<w:body>{body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>')
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


def python_docx_naive(paras: list[tuple[int, str]]) -> bytes:
    """What a developer writes first: add_paragraph per paragraph, fonts set run by run."""
    from docx import Document
    from docx.oxml.ns import qn
    from docx.shared import Pt

    document = Document()
    for level, text in paras:
        run = document.add_paragraph().add_run(text)
        run.font.size = Pt(22 if level == TITLE else 16)
        run.font.name = "仿宋_GB2312"
        run._element.rPr.rFonts.set(qn("w:eastAsia"), "仿宋_GB2312")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def docxtpl_template() -> Path:
    """The user's Word template: a paragraph loop over the texts (made once, as in Word)."""
    path = WORK / "docxtpl_template.docx"
    if not path.exists():
        from docx import Document

        WORK.mkdir(parents=True, exist_ok=True)
        document = Document()
        document.add_paragraph("{%p for text in texts %}")
        document.add_paragraph("{{ text }}")
        document.add_paragraph("{%p endfor %}")
        building = path.with_name(f"{path.name}.{id(document)}.tmp")
        document.save(str(building))
        building.replace(path)
    return path


def docxtpl_render(paras: list[tuple[int, str]]) -> bytes:
    from docxtpl import DocxTemplate

    template = DocxTemplate(str(docxtpl_template()))
    template.render({"texts": [text for _, text in paras]}, autoescape=True)
    out = io.BytesIO()
    template.save(out)
    return out.getvalue()


def markdown(paras: list[tuple[int, str]]) -> str:
    return "\n\n".join(("#" * max(level, 1) + " " if level < BODY else "") + text for level, text in paras)


def pandoc_render(paras: list[tuple[int, str]], reference: Path | None = None) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.docx"
        command = ["pandoc", "-f", "markdown", "-t", "docx", "-o", str(out)]
        if reference is not None:
            command[1:1] = ["--reference-doc", str(reference)]
        subprocess.run(command, input=markdown(paras).encode("utf-8"), check=True)
        return out.read_bytes()


TOOLS = {"floor": floor, "python-docx": python_docx_naive, "docxtpl": docxtpl_render,
         "pandoc": pandoc_render}


def pandoc_available() -> bool:
    return shutil.which("pandoc") is not None


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


def main() -> None:
    """Whole-process run of one tool: read the JSON, walk it, render, write."""
    parser = argparse.ArgumentParser()
    parser.add_argument("tool", choices=sorted(TOOLS))
    parser.add_argument("source", type=Path)
    parser.add_argument("target", type=Path)
    parser.add_argument("--reference", type=Path, help="pandoc's --reference-doc")
    args = parser.parse_args()
    paras = paragraphs(json.loads(args.source.read_text(encoding="utf-8")))
    if args.tool == "pandoc":
        data = pandoc_render(paras, args.reference)
    else:
        data = TOOLS[args.tool](paras)
    args.target.write_bytes(data)


if __name__ == "__main__":
    main()
