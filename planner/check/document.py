"""`planner check-format`: a DOCX read back and every deviation from GB/T 9704-2012 reported.

Each finding has a code (F001…), a place (页面设置, 样式 X, 第 N 段 …) and a Chinese message
saying what is wrong, what was seen and what is expected. lint's F group reports them too.
"""
from __future__ import annotations

from pathlib import Path

from planner.check import fonts, page, paragraphs
from planner.check.findings import Finding
from planner.check.parts import Package
from planner.check.styles import Styles, paragraph_style


def check_docx(path: str | Path) -> list[Finding]:
    """Every format finding for the DOCX at `path` (SourceError when it cannot be read)."""
    package = Package.open(Path(path))
    styles = Styles(package.styles)
    findings = list(page.page(package))
    findings += page.settings(package)
    findings += fonts.theme_fonts(package)
    findings += fonts.style_fonts(styles, _used_styles(package, styles))
    findings += paragraphs.paragraphs(package, styles)
    findings += page.footers(package, styles)
    return findings


def _used_styles(package: Package, styles: Styles) -> list[str]:
    used = dict.fromkeys(paragraph_style(p, styles) for p in package.body_paragraphs())
    return [style_id for style_id in used if style_id in styles.by_id]
