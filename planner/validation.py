"""pydantic's validation errors in Chinese: every error type planner's models can raise has a
message here, and anything else gets a Chinese fallback, so pydantic's English (its `msg`,
such as `Recursion error - maximum validation depth exceeded`) never reaches a user."""
from __future__ import annotations

import re
from typing import Any

# pydantic-core error type → message; {names} are filled from the error's ctx.
MESSAGES = {
    "missing": "缺少必填字段",
    "extra_forbidden": "未知字段，请删除或检查拼写",
    "string_type": "应为文本",
    "string_too_short": "内容太短（至少 {min_length} 个字）",
    "string_too_long": "内容太长（最多 {max_length} 个字）",
    "string_pattern_mismatch": "格式不对",
    "string_unicode": "应为有效的文字",
    "string_sub_type": "应为文本",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_parsing_size": "整数位数过多",
    "int_from_float": "应为整数（不能有小数）",
    "float_type": "应为数字",
    "float_parsing": "应为数字",
    "finite_number": "应为有限的数字",
    "number_type": "应为数字",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "list_type": "应为列表",
    "tuple_type": "应为列表",
    "set_type": "应为列表",
    "iterable_type": "应为列表",
    "dict_type": "应为映射（键: 值）",
    "mapping_type": "应为映射（键: 值）",
    "model_type": "应为映射（键: 值）",
    "model_attributes_type": "应为映射（键: 值）",
    "dataclass_type": "应为映射（键: 值）",
    "none_required": "此处应为空",
    "enum": "取值无效（可选：{expected}）",
    "literal_error": "取值无效（可选：{expected}）",
    "date_type": "日期格式应为 YYYY-MM-DD",
    "date_parsing": "日期格式应为 YYYY-MM-DD",
    "date_from_datetime_parsing": "日期格式应为 YYYY-MM-DD",
    "date_from_datetime_inexact": "应为日期，不带时间",
    "datetime_type": "应为日期时间",
    "datetime_parsing": "应为日期时间",
    "datetime_from_date_parsing": "应为日期时间",
    "time_type": "应为时间",
    "time_parsing": "应为时间",
    "too_short": "元素太少（至少 {min_length} 项）",
    "too_long": "元素太多（最多 {max_length} 项）",
    "greater_than": "数值太小（应大于 {gt}）",
    "greater_than_equal": "数值太小（应不小于 {ge}）",
    "less_than": "数值太大（应小于 {lt}）",
    "less_than_equal": "数值太大（应不大于 {le}）",
    "multiple_of": "应为 {multiple_of} 的倍数",
    "recursion_loop": "嵌套过深或循环引用",
    "union_tag_invalid": "取值无效",
    "union_tag_not_found": "缺少用来区分类型的字段",
    "json_invalid": "不是有效的 JSON",
    "json_type": "应为 JSON 文本",
    "bytes_type": "应为文本",
    "is_instance_of": "类型不对",
    "frozen_field": "不能修改",
    "frozen_instance": "不能修改",
    "value_error": "取值无效",
    "assertion_error": "取值无效",
    "recursion_depth_exceeded": "嵌套过深",
    "string_not_ascii": "只能使用英文字母、数字和符号",
    "set_item_not_hashable": "列表中的值不能是映射或列表",
    "invalid_key": "键无效",
    "bytes_too_short": "内容太短", "bytes_too_long": "内容太长", "bytes_invalid_encoding": "编码无效",
    "date_past": "日期应在今天之前", "date_future": "日期应在今天之后",
    "datetime_past": "时间应在现在之前", "datetime_future": "时间应在现在之后",
    "datetime_object_invalid": "日期时间无效", "timezone_naive": "不应带时区", "timezone_aware": "应带时区",
    "timezone_offset": "时区不对", "time_delta_type": "应为时长", "time_delta_parsing": "应为时长",
    "decimal_type": "应为数字", "decimal_parsing": "应为数字", "decimal_max_digits": "数字位数过多",
    "decimal_max_places": "小数位数过多", "decimal_whole_digits": "整数位数过多",
    "fraction_type": "应为分数", "fraction_parsing": "应为分数",
    "complex_type": "应为数字", "complex_str_parsing": "应为数字",
    "url_type": "应为网址", "url_parsing": "网址无效", "url_syntax_violation": "网址无效",
    "url_too_long": "网址太长", "url_scheme": "网址的协议不对",
    "uuid_type": "应为 UUID", "uuid_parsing": "UUID 无效", "uuid_version": "UUID 版本不对",
    "frozen_set_type": "应为列表", "deque_type": "应为列表", "counter_type": "应为映射（键: 值）",
    "ordered_dict_type": "应为映射（键: 值）", "frozen_dict_type": "应为映射（键: 值）",
    "named_tuple_type": "应为列表", "dataclass_exact_type": "应为映射（键: 值）",
    "iteration_error": "无法逐项读取", "callable_type": "类型不对", "is_subclass_of": "类型不对",
    "needs_python_object": "类型不对", "get_attribute_error": "无法读取字段",
    "no_such_attribute": "未知字段", "default_factory_not_called": "缺少默认值",
    "ellipsis_error": "取值无效", "missing_sentinel_error": "取值无效",
    "arguments_type": "参数类型不对", "missing_argument": "缺少参数",
    "missing_keyword_only_argument": "缺少参数", "missing_positional_only_argument": "缺少参数",
    "unexpected_keyword_argument": "多余的参数", "unexpected_positional_argument": "多余的参数",
    "multiple_argument_values": "参数重复",
}
FALLBACK = "取值无效"
PLACEHOLDER_NOTE_RE = re.compile(r"（[^（）{]*\{[^}]*\}[^（）]*）")  # 例：（应不小于 {ge}）


def message(error: dict[str, Any], overrides: dict[str, str] | None = None) -> str:
    """One pydantic error (an item of ValidationError.errors()) as a Chinese message. A
    validator of planner's that raised ValueError in Chinese keeps its own words."""
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind in ("value_error", "assertion_error"):
        own = str(ctx.get("error", ""))
        if _chinese(own):
            return own
    template = (overrides or {}).get(kind) or MESSAGES.get(kind) or FALLBACK
    try:
        return template.format(**{key: _plain(value) for key, value in ctx.items()})
    except (KeyError, IndexError, ValueError):  # ctx without the detail: say it without it
        bare = PLACEHOLDER_NOTE_RE.sub("", template)
        return FALLBACK if "{" in bare else bare


def _plain(value: Any) -> str:
    """A ctx value as the message shows it: `'tasks' or 'safeguards'` → `tasks、safeguards`."""
    text = str(value)
    return text.replace("' or '", "、").replace("', '", "、").strip("'") if "'" in text else text


def _chinese(text: str) -> bool:
    return any("\u4e00" <= char <= "\u9fff" for char in text)
