"""The live preview: a plan laid out as HTML/CSS the way render lays it out as DOCX (the same
blocks, wording templates, title lines and fonts), 【待填】 highlighted; and the page images
LibreOffice makes of the real DOCX, when it is installed."""
from __future__ import annotations

import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional

from planner.model import Plan

GENERIC = {"title": "serif", "body": "serif", "heading1": "sans-serif", "heading2": "serif"}
HEADING_FONT = {1: "heading1", 2: "heading2", 3: "body", 4: "body"}


@dataclass
class Shown:
    """One paragraph of the preview: `pieces` are (text, is a 【待填】) runs; a heading that
    runs on into its body (`1.标题。正文…`) has its head apart."""

    kind: str
    level: int = 0
    head: list[tuple[str, bool]] = field(default_factory=list)
    pieces: list[tuple[str, bool]] = field(default_factory=list)
    lines: list[list[tuple[str, bool]]] = field(default_factory=list)


def pieces(text: str) -> list[tuple[str, bool]]:
    """`text` cut at each 【待填…】 placeholder: [(text, False), (placeholder, True), …]."""
    from planner.form.placeholders import PLACEHOLDER_RE

    out, at = [], 0
    for match in PLACEHOLDER_RE.finditer(text):
        if match.start() > at:
            out.append((text[at:match.start()], False))
        out.append((match.group(0), True))
        at = match.end()
    if at < len(text):
        out.append((text[at:], False))
    return out


def shown_blocks(plan: Plan) -> list[Shown]:
    """The plan's paragraphs as render writes them (planner.blocks with the Jinja wording)."""
    from planner.blocks import plan_blocks
    from planner.render.title import title_lines
    from planner.render.wording import JinjaWording

    shown = []
    for block in plan_blocks(plan, JinjaWording(plan)):
        if block.kind == "title":
            shown.append(Shown("title", lines=[pieces(line) for line in title_lines(block.text)]))
        elif block.kind == "heading":
            level = block.level or 1
            if block.head:
                shown.append(Shown("runin", level, pieces(block.head), pieces(block.text[len(block.head):])))
            else:
                shown.append(Shown("heading", level, pieces=pieces(block.text)))
        else:
            shown.append(Shown("body", pieces=pieces(block.text)))
    return shown


@lru_cache(maxsize=1)
def substitutes() -> dict[str, list[str]]:
    """公文 font name → the free fonts that stand in for it (templates/fonts.conf, the aliases
    LibreOffice previews with)."""
    from planner.resources import templates_dir

    tree = ET.parse(templates_dir() / "fonts.conf")
    out = {}
    for alias in tree.getroot().iter("alias"):
        name = alias.findtext("family")
        prefer = alias.find("prefer")
        if name and prefer is not None:
            out[name] = [f.text for f in prefer.iter("family") if f.text]
    return out


def font_stacks(profile_path: Optional[Path] = None) -> dict[str, list[str]]:
    """role → fonts in the order the browser tries them: the profile's font, its stand-ins."""
    from planner.render.profile import load_profile

    fonts = load_profile(profile_path).fonts
    return {role: [getattr(fonts, role), *substitutes().get(getattr(fonts, role), [])]
            for role in GENERIC}


def css_family(stack: list[str], role: str) -> str:
    """A CSS font-family value. It goes into a <style> element, where HTML escapes are not
    read: names keep only what a CSS string may hold, and the value is marked safe."""
    from markupsafe import Markup

    names = ["".join(ch for ch in name if ch not in '"\\<>;{}') for name in stack]
    return Markup(", ".join([f'"{name}"' for name in names if name] + [GENERIC[role]]))


def preview_html(plan: Plan, profile_path: Optional[Path] = None) -> str:
    """The plan's preview (an HTML fragment, styles included)."""
    from planner.serve.pages import render

    stacks = font_stacks(profile_path)
    families = {role: css_family(stack, role) for role, stack in stacks.items()}
    return render("preview.html", blocks=shown_blocks(plan), families=families, stacks=stacks,
                  heading_font=HEADING_FONT)


def page_images(plan: Plan, out_dir: Path, dpi: int = 60) -> list[Path]:
    """The plan rendered (render_plan) and laid out by LibreOffice: one PNG a page in
    `out_dir`. ToolMissing when LibreOffice or poppler is not installed."""
    from planner.office import program
    from planner.render import render_plan
    from planner.render.preview import preview_docx

    program()
    with tempfile.TemporaryDirectory(prefix="planner-serve-") as work:
        docx = render_plan(plan, Path(work) / "方案.docx")
        return preview_docx(docx, out_dir, dpi).pages
