"""The least a render on planner's stack must do, as one process: import the stack (click,
Jinja2, PyYAML, pydantic and the model), read the plan's JSON, validate it into the model, then
write it the floor's way (string + zipfile: no tidying, no styles, no headings).

    python bench/stackfloor.py plan.json out.docx

Not a competitor: it imports planner. bench/process.stack_floor runs it beside docxtpl; where
it is not faster than docxtpl, no `planner render` can be.
"""
from __future__ import annotations

import click  # noqa: F401 — imported as `planner` imports it, for the command line
import gc
import jinja2  # noqa: F401
import json
import sys
import yaml  # noqa: F401
from pathlib import Path

from planner.model import Plan

import competitors


def main(source: str, target: str) -> None:
    gc.disable()  # as planner loads and renders: the cyclic collector would walk every new object
    data = json.loads(Path(source).read_text(encoding="utf-8"))
    Plan.model_validate(data)
    Path(target).write_bytes(competitors.floor(competitors.paragraphs(data)))


if __name__ == "__main__":
    main(*sys.argv[1:3])
