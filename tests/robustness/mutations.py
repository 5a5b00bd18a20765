"""Byte-level and XML-level inputs for the readers, each built from a number (so a finding is
replayed), and the run of one through planner: only planner's own errors may come out.

Kinds (FILE_KINDS): a text's bytes in some encoding, damaged (txt); an HTML page (html); a PDF
with a text layer, sometimes encrypted with an empty password (pdf); a DOCX's zip bytes (docx);
a real DOCX's XML mutated — planner's own rendered examples and python-docx documents made by
hand — (docx-xml); a real DOCX's attributes set to values Word never writes (check-attr); a
plan file's YAML scalars replaced by tagged, dated and oversized ones (yaml); a plan as JSON,
nested, escaped and numbered oddly (json).
"""
from __future__ import annotations

import io
import json
import random
import tempfile
import zipfile
from functools import lru_cache
from pathlib import Path

from tests.robustness import hostile
from tests.robustness.inputs import NASTY, SEEDS

ROOT = Path(__file__).resolve().parents[2]
FILE_KINDS = ("txt", "html", "pdf", "docx", "docx-xml", "check-attr", "yaml", "json")
SUFFIX = {"txt": ".txt", "html": ".html", "pdf": ".pdf", "docx": ".docx", "docx-xml": ".docx", "check-attr": ".docx",
          "yaml": ".yaml", "json": ".json"}
ENCODINGS = ["utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le", "utf-16-be", "big5", "latin-1"]
# Values Word never writes in a number's place. 例：16pt / inf / ١٢
ODD_VALUES = ["16pt", "2.5cm", "inf", "-inf", "nan", "1e400", "", " ", "-1", "0", "x", "٣", "²", "9" * 40, "1.5",
              "-999999999", "0x10", "true", "auto", "%1", "16磅", "\ufeff12"]
# NASTY strings lxml accepts as text (XML 1.0 has no place for NUL, most controls or surrogates).
XML_TEXTS = [s for s in NASTY if not any(ord(c) < 32 and c not in "\t\n\r" or 0xD800 <= ord(c) < 0xE000 or c in "\ufffe"
                                         for c in s)]
YAML_SCALARS = ["2024-02-30", "!!int abc", "!!float x", "!!bool maybe", "!!timestamp foo", "!!binary '%%%'",
                "!!int ''", "!!null x", "!!str [1]", "!!set {a: 1}", "9" * 5000, "1e999999", ".inf", ".nan",
                "0x_", "0b2", "1:2:3:4", "~", "2024-5-31", "!!python/object:os.system x", "!foo bar",
                "'单引号''里'", '"\\ud800"', '"\\x00"', "&a 锚", "*a", "[" * 50 + "]" * 50, "{a: [b, {c: d}]}"]
JSON_PIECES = ["9" * 5000, "1e999", "-0", "NaN", "Infinity", '"\\ud800"', '"\\udc00\\ud800"', '"\\u0000"',
               "[" * 300 + "]" * 300, '{"a": ' * 150 + "1" + "}" * 150, "true", "null", '"' + "长" * 1000 + '"']


def make(kind: str, rng: random.Random) -> bytes:
    return MAKERS[kind](rng)


def damage(data: bytes, rng: random.Random, edits: int = 0) -> bytes:
    """`data` with 1–8 byte edits: a byte changed, bytes inserted, deleted, duplicated, or the
    data cut short."""
    out = bytearray(data)
    for _ in range(edits or rng.randint(1, 8)):
        if not out:
            out += b"\x00"
        at = rng.randrange(len(out))
        op = rng.randrange(5)
        if op == 0:
            out[at] = rng.randrange(256)
        elif op == 1:
            out[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
        elif op == 2:
            del out[at:at + rng.randint(1, 16)]
        elif op == 3:
            out[at:at] = out[at:at + rng.randint(1, 64)]
        elif rng.random() < 0.2:
            del out[at:]
    return bytes(out)


def _seed_lines(rng: random.Random, count: int = 12) -> list[str]:
    lines = [line for line in rng.choice(SEEDS).splitlines() if line.strip()]
    start = rng.randrange(max(1, len(lines) - count))
    return lines[start:start + count]


def txt(rng: random.Random) -> bytes:
    text = "\n".join(_seed_lines(rng)) + (rng.choice(NASTY) if rng.random() < 0.3 else "")
    encoding = rng.choice(ENCODINGS)
    data = text.encode(encoding, errors="replace")
    return damage(data, rng) if rng.random() < 0.7 else data


def html(rng: random.Random) -> bytes:
    charset = rng.choice(["utf-8", "gbk", "gb2312", "undefined", "utf-16", "big5", "x-unknown", "latin-1", ""])
    tags = ["p", "div", "b", "span", "td", "li", "script", "style", "br", "h1", "nav", "table", "!--", "a href='x'"]
    pieces = []
    for line in _seed_lines(rng):
        tag = rng.choice(tags)
        pieces.append(f"<{tag}>{line}" + ("" if rng.random() < 0.2 else f"</{tag.split()[0]}>"))
    page = f'<html><head><meta charset="{charset}"><title>x</title></head><body>{"".join(pieces)}</body></html>'
    data = page.encode("gb18030" if charset in ("gbk", "gb2312") else "utf-8")
    return damage(data, rng) if rng.random() < 0.6 else data


def pdf(rng: random.Random) -> bytes:
    data = hostile.text_pdf(_seed_lines(rng, 8))
    if rng.random() < 0.3:
        data = hostile.encrypted_pdf(data, rng.choice(["", "", "secret"]), rng.choice(["RC4-128", "AES-128", "AES-256"]))
    return damage(data, rng) if rng.random() < 0.8 else data


def docx(rng: random.Random) -> bytes:
    data = rng.choice(base_docx())
    if rng.random() < 0.3:
        return hostile.damage_member(data, "word/document.xml", rng.choice(["crc", "deflate", "encrypted", "method"]))
    return damage(data, rng)


def docx_xml(rng: random.Random) -> bytes:
    """A real DOCX with one of its XML parts mutated as a tree (see mutate_tree)."""
    from lxml import etree

    data = rng.choice(base_docx())
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = {info.filename: archive.read(info.filename) for info in archive.infolist()}
    xml_parts = [name for name in parts if name.endswith((".xml", ".rels"))]
    weights = [6 if name == "word/document.xml" else 3 if "numbering" in name or "styles" in name else 1
               for name in xml_parts]
    for name in rng.choices(xml_parts, weights, k=rng.randint(1, 2)):
        root = etree.fromstring(parts[name])
        mutate_tree(root, rng)
        parts[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return _zip(parts)


def mutate_tree(root, rng: random.Random) -> None:
    """1–6 edits of an XML tree: an element deleted, duplicated, moved or emptied, an attribute
    set to an odd value or removed, text replaced, a child inserted from elsewhere."""
    for _ in range(rng.randint(1, 6)):
        elements = list(root.iter())
        element = rng.choice(elements)
        parent = element.getparent()
        op = rng.randrange(8)
        if op == 0 and parent is not None:
            parent.remove(element)
        elif op == 1 and parent is not None:
            parent.insert(parent.index(element), _copy(element))
        elif op == 2 and parent is not None:
            target = rng.choice(elements)
            if target is not element and element not in target.iterancestors():
                parent.remove(element)
                target.append(element)
        elif op == 3:
            element[:] = []
        elif op in (4, 5) and element.attrib:
            name = rng.choice(list(element.attrib))
            if op == 4:
                element.set(name, rng.choice(ODD_VALUES + [str(rng.randint(-10**6, 10**6))]))
            else:
                del element.attrib[name]
        elif op == 6:
            element.text = rng.choice(XML_TEXTS + ["一、", "（一）", "1.", "", "长" * 5000])
        else:
            element.append(_copy(rng.choice(elements[:200])))


def _copy(element):
    from copy import deepcopy

    return deepcopy(element)


def check_attr(rng: random.Random) -> bytes:
    """A real DOCX with attributes the format check reads (sizes, page, margins, grid, indents,
    spacing, levels) set to values Word never writes."""
    from lxml import etree

    data = rng.choice(base_docx())
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = {info.filename: archive.read(info.filename) for info in archive.infolist()}
    names = ["sz", "szCs", "w", "h", "top", "bottom", "left", "right", "linePitch", "firstLineChars", "firstLine",
             "line", "val", "ilvl", "numId", "lineRule", "type", "start", "charSpace", "orient"]
    for name in ("word/document.xml", "word/styles.xml", "word/settings.xml"):
        if name not in parts:
            continue
        root = etree.fromstring(parts[name])
        for element in root.iter():
            for attribute in list(element.attrib):
                if attribute.rsplit("}", 1)[-1] in names and rng.random() < 0.15:
                    element.set(attribute, rng.choice(ODD_VALUES))
        parts[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return _zip(parts)


def _zip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


@lru_cache(maxsize=1)
def base_docx() -> tuple[bytes, ...]:
    """Real DOCX to mutate: planner's rendering of every example plan (and one 印发通知), the
    hand-made notice of tests/handmade.py (python-docx, text boxes, as a Word user sets it up),
    and the hand-made list and table documents of hostile.py."""
    from planner.planfile import load_plan
    from planner.render import render_notice
    from planner.render.document import plan_docx
    from tests.handmade import notice

    plans = [load_plan(path) for path in sorted((ROOT / "examples" / "plans").glob("*.yaml"))]
    out = [plan_docx(plan) for plan in plans]
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "notice.docx"
        render_notice(plans[0], target)
        out.append(target.read_bytes())
        out.append(notice(Path(folder) / "handmade.docx").read_bytes())
    body = "".join(hostile.paragraph(line, hostile.num_pr(str(n % 2)) if n else "")
                   for n, line in enumerate(hostile.PLAN_LINES))
    out.append(hostile.docx_bytes(hostile.document_xml(body), hostile.numbering_xml()))
    return tuple(out)


def yaml_plan(rng: random.Random) -> bytes:
    """A plan file with one to three of its scalars replaced by hostile ones, or its bytes damaged."""
    path = rng.choice(sorted((ROOT / "examples" / "plans").glob("*.yaml")))
    lines = path.read_text(encoding="utf-8").splitlines()
    for _ in range(rng.randint(1, 3)):
        at = rng.randrange(len(lines))
        head, colon, _ = lines[at].partition(": ")
        if colon:
            lines[at] = f"{head}: {rng.choice(YAML_SCALARS)}"
    data = "\n".join(lines).encode("utf-8")
    return damage(data, rng, rng.randint(1, 3)) if rng.random() < 0.2 else data


def json_plan(rng: random.Random) -> bytes:
    path = rng.choice(sorted((ROOT / "examples" / "plans").glob("*.yaml")))
    from planner.planfile import load_plan, plan_data

    text = json.dumps(plan_data(load_plan(path)), ensure_ascii=rng.random() < 0.5, indent=1)
    lines = text.splitlines()
    for _ in range(rng.randint(1, 3)):
        at = rng.randrange(len(lines))
        head, colon, rest = lines[at].partition(": ")
        if colon:
            lines[at] = f"{head}: {rng.choice(JSON_PIECES)}" + ("," if rest.endswith(",") else "")
    data = "\n".join(lines).encode("utf-8")
    return damage(data, rng, rng.randint(1, 3)) if rng.random() < 0.2 else data


MAKERS = {"txt": txt, "html": html, "pdf": pdf, "docx": docx, "docx-xml": docx_xml, "check-attr": check_attr,
          "yaml": yaml_plan, "json": json_plan}


def through_file(kind: str, data: bytes, folder: Path) -> None:
    """`data` as a file of `kind` through what reads it: ingest (documents), check-format and
    lint's F group (DOCX), load, lint and render (plan files). PlannerError is fine; anything
    else propagates."""
    from planner.errors import PlannerError

    path = folder / ("input" + SUFFIX[kind])
    path.write_bytes(data)
    for step in STEPS[SUFFIX[kind]]:
        try:
            step(path)
        except PlannerError:
            pass


def _ingest(path: Path) -> None:
    from planner.parse.document import ingest_document

    ingest_document(path)


def _check(path: Path) -> None:
    from planner.check import check_docx

    check_docx(path)


def _lint(path: Path) -> None:
    from planner.lint.engine import lint_file

    result = lint_file(path)
    if result.error is not None:
        raise result.error


def _render(path: Path) -> None:
    from planner.planfile import load_plan
    from planner.render.document import plan_docx

    plan_docx(load_plan(path))


STEPS = {".txt": [_ingest, _lint], ".html": [_ingest], ".pdf": [_ingest], ".docx": [_ingest, _check],
         ".yaml": [_lint, _render], ".json": [_lint, _render]}
