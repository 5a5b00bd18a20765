"""Hostile input files, made byte by byte: DOCX packages with damaged zip members or odd XML,
PDFs with a text layer (encrypted or not), UTF-16 and GB18030 texts. Used by the regression
tests (test_readers.py, test_loaders.py) and the byte-level fuzzers (test_bytes.py, long_run)."""
from __future__ import annotations

import io
import struct
import zipfile

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TITLE = "数字某区2025年行动方案"
PLAN_LINES = [TITLE, "一、主要任务", "（一）推进政务服务", "1.推进一网通办。建设城市运行平台。（责任单位：区大数据局）"]
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName='
    '"/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.'
    'document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.'
    'openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>')
PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
    'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
NUMBERING_REL = ('<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/'
                 '2006/relationships/numbering" Target="numbering.xml"/>')


def paragraph(text: str, num_pr: str = "") -> str:
    ppr = f"<w:pPr>{num_pr}</w:pPr>" if num_pr else ""
    return f"<w:p>{ppr}<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>" if text else f"<w:p>{ppr}</w:p>"


def num_pr(ilvl: str = "0", num_id: str = "1") -> str:
    return f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'


def document_xml(body: str, with_body: bool = True) -> str:
    inner = f"<w:body>{body}</w:body>" if with_body else body
    return f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}">{inner}</w:document>'


def numbering_xml(levels: str = "", start: str = "1") -> str:
    """One list: level 0 `%1.` (decimal) and level 1 `（%2）` (Chinese counting), or `levels`."""
    levels = levels or (f'<w:lvl w:ilvl="0"><w:start w:val="{start}"/><w:numFmt w:val="decimal"/>'
                        '<w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/>'
                        '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>')
    return (f'<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="{W_NS}"><w:abstractNum '
            f'w:abstractNumId="0">{levels}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/>'
            '</w:num></w:numbering>')


def docx_bytes(document: str, numbering: str | None = None, numbering_rels: int = 1,
               method: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A minimal DOCX package: content types, relationships, the document and, if given, the
    numbering part named by `numbering_rels` relationships (Word writes one)."""
    rels = "".join(NUMBERING_REL.format(n=n) for n in range(1, numbering_rels + 1)) if numbering else ""
    parts = {"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": PACKAGE_RELS,
             "word/_rels/document.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns='
             f'"http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>',
             "word/document.xml": document}
    if numbering:
        parts["word/numbering.xml"] = numbering
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, text in parts.items():
            archive.writestr(name, text.encode("utf-8") if isinstance(text, str) else text)
    return buffer.getvalue()


def plan_docx(lines: list[str] = PLAN_LINES) -> bytes:
    return docx_bytes(document_xml("".join(paragraph(line) for line in lines)))


def damage_member(data: bytes, name: str, how: str) -> bytes:
    """`data` (a zip) with member `name` damaged: `crc` (a wrong checksum in both headers),
    `deflate` (its compressed bytes scrambled), `encrypted` (the encryption flag set) or
    `method` (compression method 99)."""
    out = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(name)
    local = info.header_offset
    central = _central_header(data, name)
    if how == "crc":
        for at in (local + 14, central + 16):
            out[at] ^= 0xFF
    elif how == "deflate":
        name_length, extra_length = struct.unpack_from("<HH", data, local + 26)
        start = local + 30 + name_length + extra_length
        for at in range(start + 2, min(start + 2 + 24, start + info.compress_size)):
            out[at] ^= 0x55
    elif how == "encrypted":
        out[local + 6] |= 1
        out[central + 8] |= 1
    elif how == "method":
        struct.pack_into("<H", out, local + 8, 99)
        struct.pack_into("<H", out, central + 10, 99)
    return bytes(out)


def _central_header(data: bytes, name: str) -> int:
    at = 0
    while True:
        at = data.index(b"PK\x01\x02", at)
        length = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46:at + 46 + length] == name.encode():
            return at
        at += 4


def compound_file(encrypted: bool) -> bytes:
    """The first sectors of an OLE compound file: what Word writes for a password-protected
    .docx (a root entry and an `EncryptedPackage` stream) or for an old .doc (`WordDocument`)."""
    header = bytearray(512)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHH", header, 0x18, 0x3E, 3, 0xFFFE)
    struct.pack_into("<H", header, 0x1E, 9)  # 512-byte sectors
    struct.pack_into("<I", header, 0x30, 0)  # the directory starts at sector 0
    directory = bytearray(512)
    for index, name in enumerate(["Root Entry", "EncryptedPackage" if encrypted else "WordDocument"]):
        encoded = name.encode("utf-16-le") + b"\x00\x00"
        directory[index * 128:index * 128 + len(encoded)] = encoded
        struct.pack_into("<H", directory, index * 128 + 64, len(encoded))
    return bytes(header + directory + bytes(512))


def text_pdf(lines: list[str]) -> bytes:
    """A one-page PDF whose text layer holds `lines` (a Type0 font, Identity-H, with a ToUnicode
    map: what pypdf reads; the glyphs are never drawn, so no font is needed)."""
    chars = sorted(set("".join(lines)))
    code = {ch: index + 1 for index, ch in enumerate(chars)}
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /U def "
            "1 begincodespacerange <0000> <FFFF> endcodespacerange "
            f"{len(chars)} beginbfchar " + " ".join(f"<{code[c]:04X}> <{ord(c):04X}>" for c in chars)
            + " endbfchar endcmap CMapName currentdict /CMap defineresource pop end end")
    shows = " ".join(f"<{''.join(f'{code[c]:04X}' for c in line)}> Tj 0 -20 Td" for line in lines)
    content = f"BT /F1 12 Tf 50 800 Td {shows} ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        "/Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /Identity-H "
        "/DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
        _stream(content),
        "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry "
        "(Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 8 0 R /DW 1000 >>",
        _stream(cmap),
        "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 4 /FontBBox [0 -200 1000 900] "
        "/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 80 >>",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _stream(text: str) -> str:
    return f"<< /Length {len(text.encode('latin-1'))} >>\nstream\n{text}\nendstream"


def encrypted_pdf(data: bytes, user_password: str, algorithm: str = "AES-128") -> bytes:
    """`data` encrypted as PDF makers do: an owner password always, a user password (needed
    to open it) only when not empty — government sites publish the empty kind."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm=algorithm)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
