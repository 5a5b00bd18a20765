"""The package around the body (OPC): content types, relationships, document, settings and
document properties."""
from __future__ import annotations

from typing import Iterable

from planner.render.oxml.markup import DECLARATION, NSDECLS, attr, clean, escape, part

OFFICE_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"
# Part kind → (content type, relationship type from its source).
KINDS = {
    "document": (f"{WML}.document.main+xml", f"{OFFICE_RELS}/officeDocument"),
    "styles": (f"{WML}.styles+xml", f"{OFFICE_RELS}/styles"),
    "settings": (f"{WML}.settings+xml", f"{OFFICE_RELS}/settings"),
    "footer": (f"{WML}.footer+xml", f"{OFFICE_RELS}/footer"),
    "core": ("application/vnd.openxmlformats-package.core-properties+xml",
             "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"),
    "app": ("application/vnd.openxmlformats-officedocument.extended-properties+xml",
            f"{OFFICE_RELS}/extended-properties"),
}
CONTENT_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CORE_NAMESPACES = ('xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
                   'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
                   'xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
                   'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"')
PROPERTY_LIMIT = 255  # characters Word keeps of a title or author


def content_types(parts: dict[str, str]) -> str:
    """[Content_Types].xml for `parts` (part name → kind)."""
    overrides = "".join(f'<Override PartName={attr("/" + name)} ContentType={attr(KINDS[kind][0])}/>'
                        for name, kind in parts.items())
    return (f'{DECLARATION}<Types xmlns="{CONTENT_TYPES_NS}">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            f'<Default Extension="xml" ContentType="application/xml"/>{overrides}</Types>')


def relationships(rels: Iterable[tuple[str, str, str]]) -> str:
    """A .rels part: (relationship id, kind of the target, target relative to the source)."""
    body = "".join(f'<Relationship Id={attr(rel_id)} Type={attr(KINDS[kind][1])} Target={attr(target)}/>'
                   for rel_id, kind, target in rels)
    return f'{DECLARATION}<Relationships xmlns="{RELATIONSHIPS_NS}">{body}</Relationships>'


def document(body: Iterable[str]) -> str:
    """document.xml: `body` is the paragraphs and tables followed by the last sectPr, in
    pieces joined here once (a 20000-task body is 12 MB: each copy of it costs fresh memory)."""
    return "".join([DECLARATION, f"<w:document {NSDECLS}><w:body>", *body, "</w:body></w:document>"])


def settings(*, even_and_odd_footers: bool, default_tab_stop: int, compatibility: dict[str, int],
             theme_languages: tuple[str, str]) -> str:
    """settings.xml. CJK punctuation is never compressed (each character keeps its full
    width); Word lays out with East Asian rules (useFELayout) in the given compatibility
    settings; `theme_languages` are the Latin and East Asian languages of the text."""
    compat = "".join(f'<w:compatSetting w:name={attr(name)} w:uri="http://schemas.microsoft.com/office/word" '
                     f'w:val="{value}"/>' for name, value in compatibility.items())
    latin, east_asian = theme_languages
    return part("w:settings",
                f'<w:defaultTabStop w:val="{default_tab_stop}"/>'
                f'{"<w:evenAndOddHeaders/>" if even_and_odd_footers else ""}'
                '<w:characterSpacingControl w:val="doNotCompress"/>'
                f"<w:compat><w:useFELayout/>{compat}</w:compat>"
                f"<w:themeFontLang w:val={attr(latin)} w:eastAsia={attr(east_asian)}/>"
                '<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/>')


def core_properties(title: str, creator: str, language: str) -> str:
    """docProps/core.xml: title, author and language (no dates: the same plan gives the
    same file)."""
    return (f"{DECLARATION}<cp:coreProperties {CORE_NAMESPACES}>"
            f"<dc:title>{_property(title)}</dc:title><dc:creator>{_property(creator)}</dc:creator>"
            f"<dc:language>{_property(language)}</dc:language></cp:coreProperties>")


def app_properties(application: str) -> str:
    """docProps/app.xml: the program that wrote the file."""
    return (f'{DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
            f'extended-properties"><Application>{_property(application)}</Application></Properties>')


def _property(value: str) -> str:
    return escape(clean(value)[:PROPERTY_LIMIT])
