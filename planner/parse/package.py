"""A DOCX package (a zip) read safely: its size bounded before anything is unpacked, each part
read with the zip's damage (a bad CRC, broken deflate data, an encrypted or unknown compression
method) turned into a SourceError, XML parsed with no DTD, entities or network, and the
relationships that name the parts resolved. The DOCX reader (parse.docx), the format check
(check.parts) and the LibreOffice copy (planner.office) all read a DOCX through here."""
from __future__ import annotations

import lzma
import posixpath
import struct
import zipfile
import zlib
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator, Optional

from planner.errors import SourceError, os_reason

MAX_UNZIPPED = 200 * 1024 * 1024
DOCUMENT = "word/document.xml"
REPAIR_HINT = "请在 Word/WPS 中重新另存为 .docx"
# An OLE compound file: an old .doc renamed, or a .docx that Word encrypted with a password
# (the package is then the stream "EncryptedPackage" inside the compound file).
CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)  # what Word and WPS write
# What reading a damaged zip raises: BadZipFile (bad CRC, a header cut short), zlib.error
# (broken deflate data), EOFError (data ends early), OSError and lzma.LZMAError (another
# method's broken data), RuntimeError (encrypted), NotImplementedError (unknown method),
# ValueError (a name that is not UTF-8, a negative offset), struct.error (a short header).
ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, lzma.LZMAError, RuntimeError,
              NotImplementedError, ValueError, struct.error)
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


def open_zip(file: Path, required: Optional[str] = DOCUMENT) -> zipfile.ZipFile:
    """The package, refused before any part is read when it is no zip, is encrypted, uses a
    compression Word never writes, unpacks to more than MAX_UNZIPPED or lacks the `required`
    part (a DOCX's document; None for another Office file, an .xlsx)."""
    _not_compound(file)
    try:
        archive = zipfile.ZipFile(file)
        infos = archive.infolist()
    except ZIP_ERRORS:
        raise SourceError("不是有效的 .docx 文件（不是 zip 格式）", path=str(file),
                          hint="请在 Word/WPS 中另存为 .docx") from None
    try:
        _check_members(infos, file, required)
    except SourceError:
        archive.close()
        raise
    return archive


def _not_compound(file: Path) -> None:
    try:
        with open(file, "rb") as handle:
            head = handle.read(512)
            encrypted = head.startswith(CFB_MAGIC) and ENCRYPTED_PACKAGE in _directory(handle, head)
    except OSError as error:
        raise SourceError(f"无法读取文件（{os_reason(error)}）", path=str(file), hint="请检查权限") from None
    if encrypted:
        raise SourceError("文件已加密（设有打开密码）", path=str(file),
                          hint="请在 Word/WPS 中输入密码打开，取消密码后另存为 .docx")
    if head.startswith(CFB_MAGIC):
        raise SourceError("这是旧版 Word 文件（.doc），不是 .docx", path=str(file),
                          hint="请在 Word/WPS 中另存为 .docx")


def _directory(handle, head: bytes) -> bytes:
    """The compound file's first directory sector (its root entries name the streams)."""
    if len(head) < 0x34:
        return b""
    shift, = struct.unpack_from("<H", head, 0x1E)  # sector size: 2**9 or 2**12 bytes
    first, = struct.unpack_from("<I", head, 0x30)  # the directory's first sector
    if shift not in (9, 12):
        return b""
    handle.seek((first + 1) << shift)
    return handle.read(1 << shift)


def _check_members(infos: list[zipfile.ZipInfo], file: Path, required: Optional[str]) -> None:
    if sum(info.file_size for info in infos) > MAX_UNZIPPED:
        raise SourceError("解压后过大（超过 200 MB），疑似压缩炸弹", path=str(file), hint="请确认文件来源")
    if required is not None and required not in {info.filename for info in infos}:
        raise SourceError(f"不是有效的 .docx 文件（缺少 {required}）", path=str(file),
                          hint="请在 Word/WPS 中另存为 .docx")
    for info in infos:
        if info.flag_bits & 0x1:
            raise SourceError(f"文件中的 {info.filename} 已加密", path=str(file),
                              hint="请在 Word/WPS 中取消密码后另存为 .docx")
        if info.compress_type not in METHODS:
            raise SourceError(f"文件中的 {info.filename} 使用了不支持的压缩方式（{info.compress_type}）",
                              path=str(file), hint=REPAIR_HINT)


def damaged(name: str, file: Path) -> SourceError:
    return SourceError(f"文件已损坏（{name} 无法解压）", path=str(file), hint=REPAIR_HINT)


def read_part(archive: zipfile.ZipFile, name: str, file: Path) -> bytes:
    try:
        return archive.read(name)
    except ZIP_ERRORS:
        raise damaged(name, file) from None


@contextmanager
def part_stream(archive: zipfile.ZipFile, name: str, file: Path) -> Iterator[IO[bytes]]:
    """The part as a stream (a reader that parses as it unpacks); damage found on the way is a
    SourceError. An XML error inside the `with` is the caller's to name."""
    try:
        with archive.open(name) as stream:
            yield stream
    except ZIP_ERRORS:
        raise damaged(name, file) from None


def xml_parser():
    from lxml import etree

    # No DTDs, no entities, no network: a hostile part cannot pull anything in.
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           huge_tree=False, remove_comments=True)


def parse_part(archive: zipfile.ZipFile, name: str, file: Path):
    """The part's XML root; SourceError when it is damaged or not XML."""
    from lxml import etree

    try:
        return etree.fromstring(read_part(archive, name, file), xml_parser())
    except etree.XMLSyntaxError as error:
        raise not_xml(name, file, error) from None


def not_xml(name: str, file: Path, error) -> SourceError:
    return SourceError(f"{name} 不是有效的 XML（{error.msg}）", path=str(file), hint=REPAIR_HINT)


def relationships(archive: zipfile.ZipFile, file: Path, part: str = DOCUMENT) -> dict[str, tuple[str, str]]:
    """Relationship id → (type's last word, target part name) of `part`, internal targets only."""
    folder, base = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", base + ".rels")
    if rels not in archive.namelist():
        return {}
    out = {}
    for rel in parse_part(archive, rels, file).iter(REL):
        target = rel.get("Target", "")
        if rel.get("TargetMode") == "External" or not target:
            continue
        name = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        out[rel.get("Id", "")] = (rel.get("Type", "").rsplit("/", 1)[-1], posixpath.normpath(name))
    return out


def related_part(archive: zipfile.ZipFile, file: Path, kind: str) -> Optional[str]:
    """The document's first part of relationship type `kind` (styles, numbering …) that exists."""
    names = set(archive.namelist())
    return next((target for rel_kind, target in relationships(archive, file).values()
                 if rel_kind == kind and target in names), None)
