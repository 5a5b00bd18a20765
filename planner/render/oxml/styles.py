"""The styles part (w:styles): document defaults and named paragraph and character styles."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional

from planner.render.oxml.markup import attr, part
from planner.render.oxml.paragraph import ParagraphFormat, properties
from planner.render.oxml.text import RunFormat, run_props


@dataclass(frozen=True)
class Style:
    """One named style: `kind` is paragraph or character; `next_style` is the style Word
    gives the paragraph after this one."""

    style_id: str
    name: str
    kind: str
    based_on: str = ""
    next_style: str = ""
    default: bool = False
    paragraph: Optional[ParagraphFormat] = None
    run: Optional[RunFormat] = None


def styles_part(default_run: RunFormat, default_paragraph: ParagraphFormat, styles: Iterable[Style]) -> str:
    """styles.xml: the document defaults, then each style, every one in the quick gallery."""
    defaults = (f"<w:docDefaults><w:rPrDefault>{run_props(default_run)}</w:rPrDefault>"
                f"<w:pPrDefault><w:pPr>{properties(default_paragraph)}</w:pPr></w:pPrDefault></w:docDefaults>")
    return part("w:styles", defaults + "".join(style(s) for s in styles))


def style(spec: Style) -> str:
    default = ' w:default="1"' if spec.default else ""
    parts = [f"<w:name w:val={attr(spec.name)}/>"]
    if spec.based_on:
        parts.append(f"<w:basedOn w:val={attr(spec.based_on)}/>")
    if spec.next_style:
        parts.append(f"<w:next w:val={attr(spec.next_style)}/>")
    parts.append("<w:qFormat/>")
    ppr = properties(spec.paragraph) if spec.paragraph is not None and spec.kind == "paragraph" else ""
    if ppr:
        parts.append(f"<w:pPr>{ppr}</w:pPr>")
    if spec.run is not None:
        parts.append(run_props(spec.run))
    return (f'<w:style w:type="{spec.kind}"{default} w:styleId={attr(spec.style_id)}>'
            f'{"".join(parts)}</w:style>')
