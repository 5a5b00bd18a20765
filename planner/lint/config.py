"""Lint configuration: `.planner-lint.yaml` found upward from the file, and the command's flags.

    extends: default          # default | strict (strict: warnings count as errors)
    select: [S, N, P]         # codes or prefixes; empty = every rule
    ignore: [P007]
    rules:
      T001: {level: warning, extra_years: [2035]}
      unit-unknown: disable
    per-file-ignores:
      "drafts/*.txt": [P001]
    units: my-units.yaml      # extra unit registry, same format as planner/form/units.yaml
"""
from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from planner.errors import PlanFileError, UserError, os_reason
from planner.lint.registry import Rule, all_rules, closest, rules_by_key
from planner.validation import message

CONFIG_NAMES = (".planner-lint.yaml", ".planner-lint.yml")
META_CODES = {"X001": "warning"}  # unused-suppression
# F: DOCX format findings from planner.render.formatcheck (engine.format_problems); their codes
# are not known here, so any F selector is accepted.
RESERVED_PREFIXES = ("F",)
OFF = ("disable", "off")


class ConfigFile(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    extends: Literal["default", "strict"] = "default"
    select: list[str] = Field(default_factory=list)
    ignore: list[str] = Field(default_factory=list)
    rules: dict[str, Any] = Field(default_factory=dict)
    per_file_ignores: dict[str, list[str]] = Field(default_factory=dict, alias="per-file-ignores")
    units: Optional[str] = None


@dataclass
class Config:
    levels: dict[str, Optional[str]] = field(default_factory=dict)
    options: dict[str, BaseModel] = field(default_factory=dict)
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    per_file: dict[str, list[str]] = field(default_factory=dict)
    units: Optional[Path] = None
    strict: bool = False
    root: Optional[Path] = None
    source: Optional[str] = None

    def active(self, code: str, path: str = "") -> bool:
        if self.levels.get(code, "x") is None:
            return False
        if self.select and not _matches(code, self.select):
            return False
        if _matches(code, self.ignore):
            return False
        return not any(_matches(code, codes) for pattern, codes in self.per_file.items()
                       if self._glob(path, pattern))

    def _glob(self, path: str, pattern: str) -> bool:
        file = Path(path)
        names = [str(file), file.name]
        if self.root is not None:
            try:
                names.append(str(file.resolve().relative_to(self.root.resolve())))
            except ValueError:
                pass
        return any(fnmatch.fnmatch(name, pattern) for name in names)

    def level(self, rule_code: str, default: str) -> str:
        return self.levels.get(rule_code) or default


def _matches(code: str, selectors: list[str]) -> bool:
    return any(code.startswith(s.upper()) for s in selectors)


def find_config(start: Path) -> Optional[Path]:
    folder = Path(os.path.realpath(start))  # not Path.resolve: RuntimeError on a link loop (Python < 3.13)
    folder = folder if folder.is_dir() else folder.parent
    for directory in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            if (directory / name).is_file():
                return directory / name
    return None


def load_config(path: Optional[Path]) -> Config:
    if path is None:
        return default_config()
    data = read_yaml_file(Path(path), "配置文件")
    return build_config({} if data is None else data, str(path), Path(path).parent)


def read_yaml_file(path: Path, what: str) -> Any:
    """A small YAML file kept beside the drafts (the config, a unit list), as Notepad or WPS
    saves it (UTF-8, UTF-16 with BOM or GB18030), read by the plan files' loader: a date that
    does not exist, a bad tag, an alias or a duplicate key is a UserError at its line."""
    from planner.parse.source import decode_text
    from planner.planfile import load_data

    try:
        data = path.read_bytes()
    except OSError as error:
        raise UserError(f"无法读取{what}（{os_reason(error)}）", path=str(path)) from None
    text, _ = decode_text(data, str(path))
    try:
        return load_data(text, str(path))
    except PlanFileError as error:  # said as the file it is: 配置文件 YAML 语法错误：…
        joint = " " if error.message.startswith(("YAML", "JSON")) else "："
        raise UserError(f"{what}{joint}{error.message}", path=error.path, line=error.line, col=error.col,
                        hint=error.hint) from None


def default_config() -> Config:
    return build_config({}, None, None)


def build_config(data: Any, where: Optional[str], root: Optional[Path]) -> Config:
    if not isinstance(data, dict):
        raise UserError("配置文件顶层应为映射", path=where)
    for key in data:
        known = list(ConfigFile.model_fields) + ["per-file-ignores"]
        if key not in known:
            raise UserError(f"未知配置项“{key}”{closest(key, known)}", path=where)
    try:
        parsed = ConfigFile.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        raise UserError(f"配置项 {'.'.join(map(str, first['loc']))} 无效（{message(first)}）",
                        path=where) from None
    config = Config(select=parsed.select, ignore=parsed.ignore, per_file=parsed.per_file_ignores,
                    strict=parsed.extends == "strict", root=root, source=where)
    for selector in parsed.select + parsed.ignore + [c for v in parsed.per_file_ignores.values()
                                                     for c in v]:
        check_selector(selector, where)
    if parsed.units:
        config.units = (root or Path(".")) / parsed.units
    table = rules_by_key()
    for rule in all_rules():
        config.options[rule.code] = rule.options()
    for key, value in parsed.rules.items():
        rule = table.get(key) or table.get(str(key).upper())
        if rule is None:
            if str(key).upper() in META_CODES:
                off = value in OFF or value is False
                config.levels[str(key).upper()] = None if off else (
                    value if value in ("error", "warning") else None)
                continue
            raise UserError(f"rules: 未知规则“{key}”{closest(key, table)}", path=where,
                            hint="planner lint --list-rules 列出全部规则")
        _apply_rule(config, rule, value, where)
    return config


def check_selector(selector: str, where: Optional[str]) -> None:
    codes = [r.code for r in all_rules()] + list(META_CODES)
    if selector.upper().startswith(RESERVED_PREFIXES):
        return
    if not any(code.startswith(selector.upper()) for code in codes):
        raise UserError(f"未知规则代码或前缀“{selector}”{closest(selector.upper(), codes)}",
                        path=where)


def _apply_rule(config: Config, rule: Rule, value: Any, where: Optional[str]) -> None:
    if value in OFF or value is False:
        config.levels[rule.code] = None
        return
    if value in ("enable", True):
        return
    if value in ("error", "warning"):
        config.levels[rule.code] = value
        return
    if not isinstance(value, dict):
        raise UserError(f"rules.{rule.code}: 应为 disable、error、warning 或选项映射（{value}）",
                        path=where)
    options = dict(value)
    level = options.pop("level", None)
    if level is not None:
        if level not in ("error", "warning", "off", "disable"):
            raise UserError(f"rules.{rule.code}.level: 应为 error、warning 或 off（{level}）",
                            path=where)
        config.levels[rule.code] = None if level in OFF else level
    fields = list(rule.options.model_fields)
    for key in options:
        if key not in fields:
            hint = closest(key, fields + ["level"]) or ("" if fields else "；此规则只能设置 level")
            raise UserError(f"rules.{rule.code}: 未知选项“{key}”{hint}", path=where)
    try:
        config.options[rule.code] = rule.options.model_validate(options)
    except ValidationError as error:
        first = error.errors()[0]
        raise UserError(f"rules.{rule.code}.{'.'.join(map(str, first['loc']))}: 取值无效"
                        f"（{message(first)}）", path=where) from None
