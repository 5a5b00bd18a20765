"""Styles read back: basedOn chains, and properties resolved through document defaults →
paragraph style chain → character style chain → direct formatting."""
from __future__ import annotations

from typing import Optional

from planner.check.parts import W

FONT_SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")


class Styles:
    """Style lookup with basedOn chains, for resolving run and paragraph properties."""

    def __init__(self, root) -> None:
        self.by_id: dict[str, object] = {}
        self.default_paragraph: Optional[str] = None
        self.default_rpr = self.default_ppr = None
        if root is None:
            return
        for style in root.iter(W + "style"):
            self.by_id[style.get(W + "styleId")] = style
            if style.get(W + "type") == "paragraph" and style.get(W + "default") in ("1", "true"):
                self.default_paragraph = style.get(W + "styleId")
        defaults = root.find(W + "docDefaults")
        if defaults is not None:
            self.default_rpr = defaults.find(f"{W}rPrDefault/{W}rPr")
            self.default_ppr = defaults.find(f"{W}pPrDefault/{W}pPr")

    def chain(self, style_id: Optional[str]) -> list[object]:
        """The style and its ancestors, root first."""
        out, seen = [], set()
        while style_id and style_id in self.by_id and style_id not in seen:
            seen.add(style_id)
            style = self.by_id[style_id]
            out.append(style)
            based = style.find(W + "basedOn")
            style_id = based.get(W + "val") if based is not None else None
        return out[::-1]

    def name(self, style_id: Optional[str]) -> str:
        style = self.by_id.get(style_id or "")
        node = style.find(W + "name") if style is not None else None
        return (node.get(W + "val") if node is not None else None) or style_id or ""


def paragraph_style(paragraph, styles: Styles) -> Optional[str]:
    node = paragraph.find(f"{W}pPr/{W}pStyle")
    return node.get(W + "val") if node is not None else styles.default_paragraph


def _props_layers(styles: Styles, paragraph, run=None, kind: str = "rPr") -> list[object]:
    """Property elements from weakest to strongest."""
    layers = [styles.default_rpr if kind == "rPr" else styles.default_ppr]
    layers += [s.find(W + kind) for s in styles.chain(paragraph_style(paragraph, styles))]
    if kind == "pPr":
        layers.append(paragraph.find(W + "pPr"))
    elif run is not None:
        rstyle = run.find(f"{W}rPr/{W}rStyle")
        if rstyle is not None:
            layers += [s.find(W + "rPr") for s in styles.chain(rstyle.get(W + "val"))]
        layers.append(run.find(W + "rPr"))
    return [layer for layer in layers if layer is not None]


def resolved_fonts(styles: Styles, paragraph, run=None) -> dict[str, str]:
    """Each rFonts slot (and *Theme slot) as finally applied to the run."""
    fonts: dict[str, str] = {}
    for layer in _props_layers(styles, paragraph, run):
        node = layer.find(W + "rFonts")
        if node is None:
            continue
        for slot in FONT_SLOTS:
            for key in (slot, slot + "Theme" if slot != "hAnsi" else "hAnsiTheme"):
                value = node.get(W + (key if key != "csTheme" else "cstheme"))
                if value is not None:
                    fonts[key] = value
    return fonts


def resolved_run_value(styles: Styles, paragraph, run, tag: str) -> Optional[str]:
    """w:val of a run property (sz, spacing, color) as finally applied."""
    value = None
    for layer in _props_layers(styles, paragraph, run):
        node = layer.find(W + tag)
        if node is not None:
            value = node.get(W + "val")
    return value


def resolved_ppr(styles: Styles, paragraph, tag: str) -> dict[str, str]:
    """Attributes of a paragraph property (ind, jc, spacing) merged over the layers."""
    merged: dict[str, str] = {}
    for layer in _props_layers(styles, paragraph, kind="pPr"):
        node = layer.find(W + tag)
        if node is not None:
            merged.update({key.replace(W, ""): value for key, value in node.attrib.items()})
    return merged


def paragraph_text(paragraph) -> str:
    return "".join(node.text or "" if node.tag == W + "t" else "\t"
                   for node in paragraph.iter(W + "t", W + "tab"))


def text_runs(paragraph) -> list[object]:
    return [run for run in paragraph.iter(W + "r") if run.find(W + "t") is not None
            and (run.find(W + "t").text or "").strip()]
