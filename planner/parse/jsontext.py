"""A crawler's JSON record saved as text (a policy database's record: `{"title": …,
"doc_number": …, "content_text": "…\\n…"}`), read as the page it was taken from: the record's
fields about the document as the page's metadata lines (文号：…, 成文日期：…), then the lines of
its text fields, escapes decoded. A record cut off (an excerpt, a download that stopped) is
read as far as it goes."""
from __future__ import annotations

import json
import re
from typing import Optional

from planner.form.script import has_cjk

# A text that opens like a JSON object (or a list of them) with a string key.
RECORD_RE = re.compile(r'\A\s*[\[{]\s*"[^"\n]{1,40}"\s*:')
# Each key and its string value (an open string at the end of a cut record too), or null.
PAIR_RE = re.compile(r'"(?P<key>[^"\\\n]{1,40})"\s*:\s*(?:"(?P<text>(?:[^"\\]|\\.)*)(?:"|\Z)|null)', re.S)
# Fields about the document, by key (case and separators aside), as the portal labels them.
FIELDS = {
    "title": "名称", "标题": "名称",
    "docnumber": "文号", "docno": "文号", "wenhao": "文号", "文号": "文号", "发文字号": "文号",
    "issuer": "发布机构", "publisher": "发布机构", "department": "发布机构", "发布机构": "发布机构", "发文机关": "发布机构",
    "writtendate": "成文日期", "chengwendate": "成文日期", "成文日期": "成文日期",
    "publishdate": "发布日期", "pubdate": "发布日期", "发布日期": "发布日期",
}
# Fields holding the document's text.
TEXT_KEYS = frozenset({"contenttext", "content", "text", "body", "fulltext", "正文", "内容", "全文"})
KEY_SEPARATORS_RE = re.compile(r"[_\-\s]")
# A value cut inside an escape at the end of a cut record. 例：…\ / …\u53
CUT_ESCAPE_RE = re.compile(r"\\(?:u[0-9a-fA-F]{0,3})?\Z")
FIELD_MAX = 200  # a field about the document is one short value


def is_record(text: str) -> bool:
    return RECORD_RE.match(text) is not None


def record_lines(text: str) -> list[tuple[int, str]]:
    """The record as a page's lines, each with the line of the file its field stands on: its
    fields about the document, then its text."""
    fields: list[tuple[int, str]] = []
    body: list[tuple[int, str]] = []
    for match in PAIR_RE.finditer(text):
        value = match["text"]
        if value is None:
            continue
        key = KEY_SEPARATORS_RE.sub("", match["key"]).lower()
        decoded = _decoded(value)
        if decoded is None or not decoded.strip():
            continue
        line = text.count("\n", 0, match.start()) + 1
        if key in TEXT_KEYS:
            body += [(line, part) for part in decoded.splitlines()] if has_cjk(decoded) else []
        elif key in FIELDS and len(decoded) <= FIELD_MAX:
            fields.append((line, f"{FIELDS[key]}：{decoded.strip()}"))
    return fields + body


def _decoded(value: str) -> Optional[str]:
    """A JSON string's text (its escapes decoded); None when it is no JSON string."""
    try:
        return json.loads('"' + CUT_ESCAPE_RE.sub("", value) + '"')
    except ValueError:
        return None
