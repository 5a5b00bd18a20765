"""Where one `planner render PLAN.yaml` spends its time, phase by phase, in a fresh process.

    python bench/phases.py plan.yaml      # JSON: seconds and share of each phase

Run with the interpreter of an installed planner (bench/run.py does). The phases are the
steps `planner render` takes, called one by one: importing what the command imports, reading
and parsing the file, validating the model, tidying the plan's texts (Wording.prepared),
building the blocks, laying them out as paragraph XML, packaging the DOCX, writing it. Loading
and rendering run with the cyclic collector paused, as load_plan and plan_docx run them.
"""
from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

START = time.perf_counter()


def main(source: str) -> dict:
    times: dict[str, float] = {}
    mark = [START]

    def lap(name: str) -> None:
        now = time.perf_counter()
        times[name] = now - mark[0]
        mark[0] = now

    import planner.cli  # noqa: F401
    from planner.planfile import load_data, read_text, validate_plan
    from planner.render import render_plan  # noqa: F401
    from planner.render.document import layout
    from planner.render.package import assemble
    from planner.render.profile import load_profile
    from planner.render.wording import JinjaWording
    from planner.blocks import plan_blocks
    from planner.gcpause import without_gc_pauses
    lap("import")

    @without_gc_pauses
    def load():
        text = read_text(source)
        lap("read")
        data = load_data(text, source)
        lap("parse")
        plan = validate_plan(data, text, source)
        lap("validate")
        return plan

    plan = load()

    @without_gc_pauses
    def render() -> None:
        wording = JinjaWording(plan).prepared(plan)
        lap("tidy")
        blocks = list(plan_blocks(plan, wording))
        lap("blocks")
        body = "".join(layout(blocks, None, None))
        lap("layout")
        package = assemble(load_profile(None), body, plan.title, plan.issuer or "")
        lap("package")
        Path(tempfile.gettempdir(), "planner-phases.docx").write_bytes(package)
        lap("write")

    render()
    total = sum(times.values())
    return {"total_s": total, **{f"{k}_s": v for k, v in times.items()},
            **{f"{k}_%": round(100 * v / total, 1) for k, v in times.items()}}


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1])))
