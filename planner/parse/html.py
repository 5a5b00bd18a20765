"""HTML → text, one line per block element; scripts, styles and navigation dropped."""
from __future__ import annotations

import re
from html.parser import HTMLParser

from planner.parse.source import decode_text

BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "tr", "section",
          "article", "blockquote", "pre", "dd", "dt", "center", "table", "ul", "ol"}
SKIPPED = {"script", "style", "noscript", "nav", "header", "footer", "iframe", "form", "title",
           "head", "select", "button", "svg"}
VOID = {"br", "img", "hr", "meta", "link", "input", "area", "base", "col", "embed", "source", "wbr"}
# 例：<meta charset="gbk"> / content="text/html; charset=gb2312"
CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
# Collapse runs of ASCII whitespace; a single space between Chinese characters is kept.
SPACES_RE = re.compile(r"[ \t\r\n\f]+")


class _Blocks(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[tuple[int, str]] = []
        self.current: list[str] = []
        self.started = False  # the current block has text other than whitespace
        self.start = 1
        self.skip = 0

    def _flush(self) -> None:
        if self.started:
            self.lines.append((self.start, SPACES_RE.sub(" ", "".join(self.current)).strip()))
        self.current = []
        self.started = False

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED:
            self.skip += 1
        elif tag == "br" or tag in BLOCKS:
            self._flush()

    def handle_endtag(self, tag):
        if tag in SKIPPED:
            self.skip = max(0, self.skip - 1)
        elif tag in BLOCKS:
            self._flush()

    def handle_startendtag(self, tag, attrs):
        if tag == "br":
            self._flush()

    def handle_data(self, data):
        if not self.skip:
            data = data.replace("\u00a0", " ")
            if not self.started and data.strip():
                self.start = self.getpos()[0]  # the block's line: where its first text is
                self.started = True
            self.current.append(data)


def read_html(data: bytes, name: str) -> tuple[list[tuple[int, str]], str]:
    """(source line, text) of the page's blocks, and the encoding used."""
    declared = CHARSET_RE.search(data[:4096])
    text, encoding = None, None
    if declared:
        encoding = declared.group(1).decode("ascii").lower()
        encoding = "gb18030" if encoding in ("gb2312", "gbk") else encoding
        try:
            text = data.decode(encoding)
        except (LookupError, UnicodeError):  # an unknown name, or one no codec decodes (undefined)
            text = None
    if text is None:
        text, encoding = decode_text(data, name)
    return html_blocks(text), encoding


def html_blocks(text: str) -> list[tuple[int, str]]:
    """(source line, text) of each block of an HTML text."""
    parser = _Blocks()
    parser.feed(text)
    parser.close()
    parser._flush()
    return parser.lines
