"""The words render adds, from Jinja templates (templates/*.j2; `--templates DIR` first).

Templates are the user's (trusted, but run sandboxed anyway); a plan's text is only ever
passed in as data, never compiled. StrictUndefined turns a misspelt variable into an error
that names the template and its line.
"""
from __future__ import annotations

import os
import sys
from functools import lru_cache
from operator import attrgetter
from pathlib import Path
from typing import Any, Optional

from planner.blocks import Wording
from planner.errors import UserError
from planner.model import Plan, Responsibility
from planner.form.markers import match_marker
from planner.form.numerals import int_to_cn

UNIT_NAME = attrgetter("name")
TEMPLATES = ("note.j2", "marker.j2", "notice_title.j2", "notice_body.j2", "imprint.j2")


class TemplateError(UserError):
    """A template cannot be read, compiled or rendered."""


class JinjaWording(Wording):
    """Wording from templates. The responsibility style (`（A牵头，B配合）` or
    `（责任单位：…）`) follows what the plan itself mostly writes."""

    def __init__(self, plan: Optional[Plan] = None, user_dir: Optional[str | os.PathLike] = None):
        self.env = _environment(user_dir)
        self.templates = {name: self._load(name) for name in TEMPLATES}
        self._plan = plan
        self._style: Optional[str] = None  # the plan's note style: read_notes, else on first use
        self._notes: dict[tuple, str] = {}
        self._markers: dict[str, str] = {}

    def _load(self, name: str):
        import jinja2

        try:
            return self.env.get_template(name)
        except jinja2.TemplateSyntaxError as error:
            raise TemplateError(f"模板语法错误：{error.message}", path=error.filename or name,
                                line=error.lineno, hint="请对照 planner 自带的同名模板修改") from None
        except jinja2.TemplateNotFound:
            raise TemplateError("找不到模板", path=name, hint="请检查 --templates 目录") from None
        except UnicodeDecodeError:
            raise TemplateError("模板不是 UTF-8 编码", path=name, hint="请将模板另存为 UTF-8") from None

    def render(self, name: str, **values: Any) -> str:
        import jinja2

        try:
            return self.templates[name].render(**values).strip("\n")
        except jinja2.UndefinedError as error:
            raise TemplateError(f"模板用到了未定义的变量（{error.message}）", path=name,
                                line=_template_line(name), hint="可用的变量见模板开头的说明") from None
        except jinja2.TemplateError as error:
            raise TemplateError(f"模板出错（{error}）", path=name, line=_template_line(name)) from None
        except RecursionError:
            raise TemplateError("模板包含或继承了自身（无限递归）", path=name, line=_template_line(name),
                                hint="请检查 include 和 extends") from None
        except ZeroDivisionError:
            raise TemplateError("模板中除以零", path=name, line=_template_line(name)) from None
        except (ArithmeticError, TypeError, ValueError, LookupError, UnicodeError) as error:
            raise TemplateError(f"模板中的运算无法进行（{type(error).__name__}: {error}）", path=name,
                                line=_template_line(name)) from None

    @property
    def style(self) -> str:
        if self._style is None:
            self._style = note_style(self._plan) if self._plan is not None else "units"
        return self._style

    def read_notes(self, plan: Plan, notes: list[str]) -> None:
        if self._style is None and plan is self._plan:
            self._style = style_of_notes(notes)

    def note(self, responsibility: Responsibility) -> str:
        key = (responsibility.raw, tuple(map(UNIT_NAME, responsibility.lead)),
               tuple(map(UNIT_NAME, responsibility.support)))
        note = self._notes.get(key)
        if note is None:  # rendered once per distinct note: a plan repeats a few many times
            note = self._notes[key] = self.render("note.j2", raw=key[0], lead=list(key[1]),
                                                  support=list(key[2]), style=self.style)
        return note

    def marker(self, marker: str) -> str:
        if marker not in self._markers:
            self._markers[marker] = self._marker(marker)
        return self._markers[marker]

    def _marker(self, marker: str) -> str:
        found = match_marker(marker + "x")
        if not found:
            return marker
        kind, _, number, _ = found
        word = next((w for w in ("部分", "章", "篇", "节") if w in marker), "")
        return self.render("marker.j2", kind=kind, number=number, cn_number=int_to_cn(number),
                           word=word, original=marker)

    def cc_line(self, cc: list[str]) -> str:
        return self.render("imprint.j2", line="cc", cc=cc, printer="", date="")

    def printer_line(self, printer: str, date: str) -> str:
        return self.render("imprint.j2", line="printer", cc=[], printer=printer, date=date)

    def notice_title(self, issuer: str, title: str) -> str:
        return self.render("notice_title.j2", issuer=issuer, title=title)

    def notice_body(self, title: str, approved_by: Optional[str]) -> str:
        return self.render("notice_body.j2", title=title, approved_by=approved_by or "")


def note_style(plan: Plan) -> str:
    """`lead_support` when most notes of the plan name 牵头 units, else `units`."""
    return style_of_notes([c.responsibility.raw for c in plan.clauses() if c.responsibility and c.responsibility.raw])


def style_of_notes(raws: list[str]) -> str:
    """`lead_support` when most of the notes (as written) name 牵头 units, else `units`."""
    lead_support = sum(1 for raw in raws if "牵头" in raw)
    return "lead_support" if raws and lead_support * 2 > len(raws) else "units"


def _environment(user_dir: Optional[str | os.PathLike]):
    if user_dir is not None and not Path(user_dir).is_dir():
        raise TemplateError("模板目录不存在", path=str(user_dir), hint="--templates 应指向一个目录")
    return _cached_environment(None if user_dir is None else str(Path(user_dir).resolve()))


@lru_cache(maxsize=8)
def _cached_environment(user_dir: Optional[str]):
    """One environment per template directory: templates compile once per process, and
    their bytecode is kept in the user cache (Jinja checks each template's source against it)."""
    import jinja2

    from planner.resources import cache_dir, templates_dir

    search = [str(templates_dir())]
    if user_dir is not None:
        search.insert(0, user_dir)
    folder = cache_dir() / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        bytecode = _bytecode_cache(str(folder))
    except OSError:
        bytecode = None  # a read-only home: templates compile each time
    return _bounded_sandbox()(
        loader=jinja2.FileSystemLoader(search, encoding="utf-8"), undefined=jinja2.StrictUndefined,
        autoescape=False, keep_trailing_newline=False, auto_reload=False, bytecode_cache=bytecode)


def _bytecode_cache(folder: str):
    """Jinja's file cache of compiled templates, where a damaged or unreadable file is compiled
    again (Jinja lets a truncated file's UnpicklingError out) and a cache that cannot be
    written is only not written. The code Jinja compiles depends on the environment (the
    bounded `*` and `**` below), which its cache key leaves out: the names say which one."""
    import pickle

    import jinja2

    class Cache(jinja2.FileSystemBytecodeCache):
        def load_bytecode(self, bucket) -> None:
            try:
                super().load_bytecode(bucket)
            except (OSError, EOFError, ValueError, TypeError, AttributeError, IndexError, pickle.UnpicklingError):
                bucket.reset()

        def dump_bytecode(self, bucket) -> None:
            try:
                super().dump_bytecode(bucket)
            except OSError:
                pass

    return Cache(folder, "bounded-%s.cache")


def _bounded_sandbox() -> type:
    """Jinja's immutable sandbox, with `*` and `**` refused when they would make a string, a
    list or a number too large to write (`"x" * 10 ** 11` would take 100 GB)."""
    from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

    class BoundedSandbox(ImmutableSandboxedEnvironment):
        intercepted_binops = frozenset(["*", "**"])

        def call_binop(self, context, operator, left, right):
            if operator == "**" and isinstance(right, int) and abs(right) > MAX_EXPONENT:
                raise SecurityError(f"指数过大（{right}）")
            if operator == "*" and _repeats(left, right) * _size(left, right) > MAX_PRODUCT:
                raise SecurityError("重复的结果过长")
            return super().call_binop(context, operator, left, right)

    return BoundedSandbox


MAX_EXPONENT = 1000
MAX_PRODUCT = 1_000_000  # characters or items a repetition may make


def _repeats(left: Any, right: Any) -> int:
    counts = [v for v in (left, right) if isinstance(v, int) and not isinstance(v, bool)]
    return abs(counts[0]) if counts and len(counts) == 1 else 0


def _size(left: Any, right: Any) -> int:
    return max((len(v) for v in (left, right) if isinstance(v, (str, list, tuple))), default=0)


def _template_line(name: str) -> Optional[int]:
    """The template line of the error being handled (Jinja rewrites the traceback so its
    frames carry the template's file name and line)."""
    trace = sys.exc_info()[2]
    line = None
    while trace is not None:
        if trace.tb_frame.f_code.co_filename.endswith(name):
            line = trace.tb_lineno
        trace = trace.tb_next
    return line
