"""The workspace's HTML: Jinja templates in planner/serve/templates, autoescaped (everything a
page shows of a plan is data), undefined names an error."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"


@lru_cache(maxsize=1)
def environment():
    import jinja2

    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES), encoding="utf-8"),
                              autoescape=True, undefined=jinja2.StrictUndefined,
                              trim_blocks=True, lstrip_blocks=True)


def render(name: str, **values: Any) -> str:
    return environment().get_template(name).render(**values)
