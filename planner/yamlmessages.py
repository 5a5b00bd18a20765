"""YAML syntax errors in Chinese, placed at their cause: an unclosed quote or bracket is shown
where it opens, not at the end of the file where the parser gave up. The texts are libyaml's
and PyYAML's (scanner.c, parser.c, reader.py, constructor.py)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

# The parser's context → what is wrong when the file ends inside it, and how to fix it.
UNCLOSED = {
    "while scanning a quoted scalar": ("引号没有闭合", "请在这段文字末尾补上对应的引号"),
    "while parsing a flow sequence": ("方括号“[”没有闭合", "请补上“]”，或检查列表项之间的逗号"),
    "while parsing a flow mapping": ("花括号“{”没有闭合", "请补上“}”，或检查各项之间的逗号"),
}
PROBLEMS = {
    "found unexpected end of stream": ("文件意外结束", "请检查文件末尾是否完整"),
    "did not find expected ',' or ']'": ("列表中此处缺少逗号或“]”", "列表项之间用逗号分隔，以“]”结束"),
    "did not find expected ',' or '}'": ("映射中此处缺少逗号或“}”", "各项之间用逗号分隔，以“}”结束"),
    "mapping values are not allowed in this context": (
        "此处不能出现“键: 值”", "请检查缩进，或给含冒号的文本加引号"),
    "mapping values are not allowed here": ("此处不能出现“键: 值”", "请检查缩进，或给含冒号的文本加引号"),
    "could not find expected ':'": ("这一行缺少冒号（既不是“键: 值”，也不是“- ”列表项）", "请检查缩进和冒号"),
    "did not find expected key": ("缩进不一致：这一行与上面的键没有对齐", "同一层的键应缩进相同的空格数"),
    "did not find expected '-' indicator": ("缩进不一致：这一行与上面的列表项没有对齐", "同一列表的各项应以对齐的“- ”开头"),
    "did not find expected node content": ("此处缺少值", "请写出值，或删去多余的符号"),
    "found character that cannot start any token": (
        "此处的字符不能作为 YAML 值的开头（如 @、`、%）", "请给这段文字加引号"),
    "found unknown escape character": ("双引号中的转义无效（\\ 后面的字符）", "请改用单引号，或把 \\ 写成 \\\\"),
    "found unexpected document indicator": ("引号中出现了文档分隔符（--- 或 ...）", "请检查引号是否闭合"),
    "did not find expected comment or line break": ("此处应换行", "| 或 > 后面只能写缩进数字、+ 或 -"),
    "found unknown directive name": ("未知的 % 指令", "以 % 开头的文字请加引号"),
    "found undefined tag handle": ("未定义的标签（!…）", "以 ! 开头的文字请加引号"),
    "block sequence entries are not allowed in this context": ("此处不能开始列表项（“- ”）", "请检查缩进"),
    "found a tab character that violates indentation": ("不能用 Tab 缩进，请改用空格", None),
    "found a tab character that violate indentation": ("不能用 Tab 缩进，请改用空格", None),
    "did not find expected alphabetic or numeric character": (
        "& 或 * 后面应为锚点名", "以 & 或 * 开头的文字请加引号"),
    "found incompatible YAML document": ("不支持的 YAML 版本", "请删去 %YAML 指令"),
    "found duplicate %YAML directive": ("%YAML 指令重复", "请删去多余的一行"),
    "found unhashable key": ("键不能是映射或列表", "请把键写成文字"),
    "exceeded maximum nesting depth": ("嵌套过深", "请检查是否选错了文件"),
}
TAB = ("不能用 Tab 缩进，请改用空格", None)  # as planner said it before this table
GENERIC = ("YAML 写法有误", "请检查此处的缩进、冒号和引号")


@dataclass
class YamlProblem:
    """A syntax error as the user reads it: what, how to fix it, and 1-based line and column."""

    message: str
    hint: Optional[str]
    line: Optional[int]
    col: Optional[int]


def describe(error: Any, text: str) -> YamlProblem:
    """A PyYAML/libyaml error (MarkedYAMLError, ReaderError, or any YAMLError) in Chinese."""
    if hasattr(error, "position") and hasattr(error, "character"):  # yaml.reader.ReaderError
        return _reader(error, text)
    problem = getattr(error, "problem", None) or getattr(error, "context", None) or ""
    context = getattr(error, "context", None) or ""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    opened = getattr(error, "context_mark", None)
    if opened is not None and _at_end(mark, text):
        if context == "while parsing a flow node" and _unclosed_bracket(text) is not None:
            line, col, char = _unclosed_bracket(text)
            what, hint = UNCLOSED["while parsing a flow sequence" if char == "[" else "while parsing a flow mapping"]
            return YamlProblem(what, hint, line, col)
        if context in UNCLOSED:
            what, hint = UNCLOSED[context]
            return YamlProblem(what, hint, opened.line + 1, opened.column + 1)
        mark = opened  # the parser gave up at the end: the cause is where its context began
    if mark is not None and "\t" in _line(text, mark.line)[:mark.column + 1]:
        what, hint = TAB
    elif problem.startswith("could not determine a constructor for the tag"):
        what, hint = f"不支持的标签（{problem.rsplit(' ', 1)[-1]}）", "以 ! 开头的文字请加引号"
    elif problem in PROBLEMS:
        what, hint = PROBLEMS[problem]
    elif any("\u4e00" <= char <= "\u9fff" for char in problem):
        what, hint = problem, None  # planner's own (duplicate keys, aliases, several documents)
    else:
        what, hint = GENERIC
    if mark is None:
        return YamlProblem(what, hint, None, None)
    return YamlProblem(what, hint, mark.line + 1, mark.column + 1)


def _reader(error: Any, text: str) -> YamlProblem:
    """A character YAML does not allow (control characters, a lone surrogate), by its place."""
    position = max(0, int(error.position))
    # libyaml counts UTF-8 bytes (its encoding is "?"); PyYAML's reader counts characters.
    before = text[:position] if error.encoding == "unicode" else \
        text.encode("utf-8", "surrogatepass")[:position].decode("utf-8", "ignore")
    line = before.count("\n") + 1
    col = len(before) - (before.rfind("\n") + 1) + 1
    character = error.character
    code = f"U+{ord(character) if isinstance(character, str) else int(character):04X}"
    return YamlProblem(f"文件中有 YAML 不允许的字符（{code}）", "请删去该字符（多为从别处复制带来的控制字符）",
                       line, col)


def _line(text: str, index: int) -> str:
    lines = text.splitlines()
    return lines[index] if 0 <= index < len(lines) else ""


def _at_end(mark: Any, text: str) -> bool:
    """True when the parser gave up at the end of the text (only blank lines after the mark)."""
    if mark is None:
        return True
    rest = text.splitlines()[mark.line:]
    if not rest:
        return True
    return not rest[0][mark.column:].strip() and not any(line.strip() for line in rest[1:])


def _unclosed_bracket(text: str) -> Optional[tuple[int, int, str]]:
    """1-based line and column of the last `[` or `{` never closed, outside quotes and comments
    (libyaml names only the end of the file when one is left open at the very end)."""
    stack: list[tuple[int, int, str]] = []
    for number, line in enumerate(text.splitlines(), 1):
        quote = ""
        for col, char in enumerate(line, 1):
            if quote:
                quote = "" if char == quote and line[col - 2:col - 1] != "\\" else quote
            elif char in "'\"" and (col == 1 or line[col - 2] in " [{,:"):
                quote = char
            elif char == "#" and (col == 1 or line[col - 2] in " \t"):
                break
            elif char in "[{":
                stack.append((number, col, char))
            elif char in "]}" and stack:
                stack.pop()
    return stack[-1] if stack else None
