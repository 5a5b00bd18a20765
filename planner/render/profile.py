"""The typesetting profile: fonts and sizes per role (templates/profile.yaml, user overrides)."""
from __future__ import annotations

import os
from typing import Any, Optional

from pydantic import Field

from planner.errors import PlanFileError
from planner.model import Model

PROFILE_FILE = "profile.yaml"


class Fonts(Model):
    """字体 per role. `latin`, when set, is used for digits and Latin letters."""

    body: str = Field(min_length=1)
    heading1: str = Field(min_length=1)
    heading2: str = Field(min_length=1)
    title: str = Field(min_length=1)
    masthead: str = Field(min_length=1)
    page_number: str = Field(min_length=1)
    latin: Optional[str] = None


class Sizes(Model):
    """字号 in half-points (44 = 二号, 32 = 三号, 28 = 四号)."""

    title: int = Field(ge=10, le=144)
    body: int = Field(ge=10, le=144)
    masthead: int = Field(ge=10, le=144)
    page_number: int = Field(ge=10, le=144)
    imprint: int = Field(ge=10, le=144)
    table: int = Field(ge=10, le=144)


class Profile(Model):
    """排版方案."""

    fonts: Fonts
    sizes: Sizes
    char_spacing: int = Field(ge=-40, le=40)
    masthead_color: str = Field(pattern=r"^[0-9A-Fa-f]{6}$")


def load_profile(user_file: Optional[str | os.PathLike] = None) -> Profile:
    """The shipped profile, with a user's file merged over it key by key."""
    from planner.planfile import load_data, read_text, validate_model
    from planner.resources import templates_dir

    default_path = templates_dir() / PROFILE_FILE
    data = load_data(default_path.read_text(encoding="utf-8"), str(default_path))
    if user_file is None:
        return Profile.model_validate(data)
    path = str(user_file)
    text = read_text(path)
    override = load_data(text, path)
    if not isinstance(override, dict):
        raise PlanFileError("顶层应为映射（fonts: …、sizes: …）", path=path, line=1, col=1)
    return validate_model(Profile, _merge(data, override), text, path)


def _merge(base: Any, override: Any) -> Any:
    if isinstance(base, dict) and isinstance(override, dict):
        merged = dict(base)
        for key, value in override.items():
            merged[key] = _merge(base.get(key), value) if key in base else value
        return merged
    return override
