"""The DOCX package around a body: python-docx builds it once per profile (styles, settings,
odd/even footers, properties) with a marker for the body; each render splices its body
string and its title into a copy. The body is never parsed into a tree, which keeps
rendering linear and close to the cost of writing the XML itself."""
from __future__ import annotations

import hashlib
import io
import re
import zipfile
from functools import lru_cache

from planner import __version__
from planner.errors import PlannerError
from planner.render import oxml
from planner.render import styles as st
from planner.render.profile import Profile

BODY_MARK = '<w:bookmarkStart w:id="0" w:name="planner-body"/>'
BODY_MARK_RE = re.compile(r'<w:bookmarkStart [^>]*w:name="planner-body"/>')
TITLE_MARK, AUTHOR_MARK = "planner-title-mark", "planner-author-mark"
THUMBNAIL = "docProps/thumbnail.jpeg"
# Parts of python-docx's template that planner does not use; stylesWithEffects repeats the
# template's styles with theme fonts, which Word 2010 would read.
UNUSED_PARTS = {"stylesWithEffects", "numbering", "customXml"}


SECTION_RE = re.compile(r"<w:sectPr\b.*?</w:sectPr>", re.S)
FOOTER_REF_RE = re.compile(r'<w:footerReference w:type="(default|even)" r:id="(\w+)"/>')


def footer_ids(profile: Profile) -> tuple[str, str]:
    """Relationship ids of the odd (default) and even footers in the profile's skeleton."""
    with zipfile.ZipFile(io.BytesIO(skeleton(profile.model_dump_json()))) as archive:
        refs = dict(FOOTER_REF_RE.findall(archive.read("word/document.xml").decode("utf-8")))
    return refs["default"], refs["even"]


def assemble(profile: Profile, body: str, title: str, author: str, landscape_end: bool = False) -> bytes:
    """A complete DOCX: the profile's skeleton with `body` (paragraph XML) and properties;
    `landscape_end` turns the last section (the one the body ends in) landscape."""
    source = zipfile.ZipFile(io.BytesIO(skeleton(profile.model_dump_json())))
    out = io.BytesIO()
    with source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                xml = data.decode("utf-8")
                mark = BODY_MARK_RE.search(xml)
                tail = xml[mark.end():]
                if landscape_end:
                    odd, even = footer_ids(profile)
                    tail = SECTION_RE.sub(lambda _: st.section_xml(odd, even, landscape=True, declare=False),
                                          tail, count=1)
                data = (xml[:mark.start()] + body + tail).encode("utf-8")
            elif info.filename == "docProps/core.xml":
                data = data.replace(TITLE_MARK.encode(), _text(title).encode("utf-8"))
                data = data.replace(AUTHOR_MARK.encode(), _text(author).encode("utf-8"))
            target.writestr(info, data)
    return out.getvalue()


def _text(value: str) -> str:
    return oxml.escape(oxml.clean(value)[:255])


@lru_cache(maxsize=8)
def skeleton(profile_json: str) -> bytes:
    """The package for one profile, body and properties marked for `assemble`; kept in the
    user cache so a render needs no python-docx import (key: everything planner writes into
    it, so a change of styles or footers never meets an old file)."""
    from planner.resources import cache_dir

    profile = Profile.model_validate_json(profile_json)
    key = hashlib.sha256("\0".join([__version__, st.styles_xml(profile), st.footer_xml(True),
                                     st.footer_xml(False), st.section_xml("a", "b"), BODY_MARK])
                         .encode("utf-8")).hexdigest()[:32]
    cached = cache_dir() / "skeletons" / f"{key}.docx"
    try:
        data = cached.read_bytes()
        if data[:2] == b"PK":
            return data
    except OSError:
        pass
    data = _build_skeleton(profile)
    try:
        from planner.output import write_atomic

        write_atomic(cached, data)
    except PlannerError:
        pass  # a read-only cache only costs the next render a rebuild
    return data


def _build_skeleton(profile: Profile) -> bytes:
    from docx import Document
    from docx.oxml import parse_xml

    document = Document()
    part = document.part
    part._styles_part._element = parse_xml(st.styles_xml(profile))
    for rel_id, rel in list(part.rels.items()):
        if rel.reltype.rsplit("/", 1)[-1] in UNUSED_PARTS:
            part.drop_rel(rel_id)
    _settings(document)
    odd_id, even_id = _footer(part, odd=True), _footer(part, odd=False)
    body = document.element.body
    body.getparent().replace(body, parse_xml(oxml.wrap([BODY_MARK, st.section_xml(odd_id, even_id)])))
    props = document.core_properties
    props.title, props.author, props.language, props.comments = TITLE_MARK, AUTHOR_MARK, "zh-CN", ""
    out = io.BytesIO()
    document.save(out)
    return _tidy(out.getvalue())


def _footer(part, odd: bool) -> str:
    from docx.oxml import parse_xml

    footer_part, rel_id = part.add_footer_part()
    footer_part._element = parse_xml(st.footer_xml(odd))
    return rel_id


def _settings(document) -> None:
    """Odd and even pages get their own footers; CJK theme language set to zh-CN."""
    from docx.oxml.ns import qn

    settings = document.settings
    settings.odd_and_even_pages_header_footer = True
    lang = settings.element.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.set(qn("w:eastAsia"), "zh-CN")


def _tidy(package: bytes) -> bytes:
    """Without python-docx's template thumbnail (it shows an empty page), and with every
    namespace the body uses declared on the root (DrawingML for the 版记 box)."""
    source = zipfile.ZipFile(io.BytesIO(package))
    out = io.BytesIO()
    with source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == THUMBNAIL:
                continue
            if info.filename == "_rels/.rels":
                data = re.sub(rb"<Relationship [^>]*thumbnail[^>]*/>", b"", data)
            elif info.filename == "word/document.xml":
                data = _declare_namespaces(data.decode("utf-8")).encode("utf-8")
            target.writestr(info, data)
    return out.getvalue()


def _declare_namespaces(xml: str) -> str:
    root_end = xml.index(">", xml.index("<w:document"))
    missing = "".join(f' xmlns:{prefix}="{uri}"' for prefix, uri in oxml.BODY_NAMESPACES.items()
                      if f"xmlns:{prefix}=" not in xml[:root_end])
    return xml[:root_end] + missing + xml[root_end:]
