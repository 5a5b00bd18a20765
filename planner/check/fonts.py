"""Font checks: no theme fonts left (F004), every used style names a font on all four slots
(F005), and font names matched to the categories the standard names (仿宋, 黑体 …)."""
from __future__ import annotations

from typing import Iterator

from planner.check.findings import Finding
from planner.check.parts import W, Package
from planner.check.styles import FONT_SLOTS, Styles

# Font categories by role: a name is accepted when it contains one of the words.
CATEGORIES = {
    "仿宋": ("仿宋", "fangsong", "fang song"),
    "黑体": ("黑体", "simhei", "heiti", "hei"),
    "楷体": ("楷体", "kaiti", "kai"),
    "小标宋": ("小标宋", "标宋", "xiaobiaosong"),
    "宋体": ("宋体", "simsun", "songti", "song"),
}


def in_category(font: str, category: str) -> bool:
    name = font.lower()
    if category == "宋体" and "标宋" in name:
        return False
    return any(word in name for word in CATEGORIES[category])


def theme_fonts(package: Package) -> Iterator[Finding]:
    parts = [("styles.xml", package.styles), ("document.xml", package.document)]
    parts += [(f"页脚 {rid}", footer) for rid, footer in package.footers.items()]
    for name, root in parts:
        if root is None:
            continue
        for node in root.iter(W + "rFonts"):
            themes = [key.replace(W, "") for key in node.attrib if key.lower().endswith("theme")]
            if themes:
                owner = _owner(node)
                yield Finding("F004", f"{name} {owner}",
                              f"使用了主题字体（{'、'.join(themes)}），会覆盖指定字体；请删除主题字体，"
                              "在 ascii/hAnsi/eastAsia/cs 四处写明字体名")
                break


def style_fonts(styles: Styles, used: list[str]) -> Iterator[Finding]:
    """Every paragraph style the document uses declares (or inherits) all four font slots."""
    for style_id in used:
        fonts: dict[str, str] = {}
        for layer in [styles.default_rpr] + [s.find(W + "rPr") for s in styles.chain(style_id)]:
            node = layer.find(W + "rFonts") if layer is not None else None
            if node is not None:
                fonts.update({k.replace(W, ""): v for k, v in node.attrib.items()})
        missing = [slot for slot in FONT_SLOTS if slot not in fonts]
        if missing:
            yield Finding("F005", f"样式 {styles.name(style_id)}",
                          f"字体未在 {'、'.join(missing)} 上声明；中文字体应在 rFonts 四处都写明")


def _owner(node) -> str:
    """A short name for where an element sits: its style, or its paragraph."""
    parent = node
    while parent is not None:
        if parent.tag == W + "style":
            return f"样式 {parent.get(W + 'styleId')}"
        if parent.tag == W + "docDefaults":
            return "文档默认格式"
        parent = parent.getparent()
    return ""
