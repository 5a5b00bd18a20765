"""A DOCX read back for format checks: its XML parts (document, styles, settings, footers),
parsed safely, found through the package's relationships."""
from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Optional

from planner.errors import SourceError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def _parse(data: bytes, name: str, path: Path):
    from lxml import etree

    # No DTDs, no entities, no network: a hostile part cannot pull anything in.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False, remove_comments=True)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise SourceError(f"{name} 不是有效的 XML（{error.msg}）", path=str(path),
                          hint="请在 Word/WPS 中重新另存为 .docx") from None


@dataclass
class Package:
    """The parts of a DOCX that format checks read."""

    path: Path
    document: object
    styles: Optional[object]
    settings: Optional[object]
    footers: dict[str, object] = field(default_factory=dict)  # relationship id → w:ftr

    @classmethod
    def open(cls, path: Path) -> "Package":
        from planner.parse.source import open_zip

        if not path.is_file():
            raise SourceError("是目录，不是文件" if path.is_dir() else "文件不存在", path=str(path),
                              hint="请检查路径")
        with open_zip(path) as archive:
            names = set(archive.namelist())

            def part(name: str):
                return _parse(archive.read(name), name, path) if name in names else None

            document = part("word/document.xml")
            rels = part("word/_rels/document.xml.rels")
            targets = {}
            if rels is not None:
                for rel in rels.iter(PKG_REL + "Relationship"):
                    target = posixpath.normpath(posixpath.join("word", rel.get("Target", "")))
                    targets[rel.get("Id")] = (rel.get("Type", "").rsplit("/", 1)[-1], target)
            footers = {rid: part(target) for rid, (kind, target) in targets.items()
                       if kind == "footer" and target in names}
            styles = next((part(t) for kind, t in targets.values() if kind == "styles"), None)
            settings = next((part(t) for kind, t in targets.values() if kind == "settings"), None)
        return cls(path, document, styles, settings, {k: v for k, v in footers.items() if v is not None})

    def body_paragraphs(self) -> Iterator[object]:
        body = self.document.find(W + "body")
        if body is None:
            return
        yield from body.iter(W + "p")

    def sections(self) -> list[object]:
        return list(self.document.iter(W + "sectPr"))


def int_attr(node, name: str) -> Optional[int]:
    """A w: attribute as a whole number (None when absent or not a number)."""
    value = node.get(W + name) if node is not None else None
    try:
        return int(float(value)) if value is not None else None
    except ValueError:
        return None
