"""ingest_files: documents → plan files, one per input; a bad input never stops the batch."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Sequence

from planner.errors import PlannerError, contained
from planner.parse.clean import Dropped


@dataclass
class IngestResult:
    source: str
    output: Optional[Path] = None
    error: Optional[PlannerError] = None
    warnings: list[str] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)


def output_names(files: Sequence[os.PathLike], out_dir: Path, fmt: str) -> list[Path]:
    """`x.txt` → `out_dir/x.yaml`; inputs that share a stem keep their suffix in the name."""
    stems = [Path(f).stem for f in files]
    names = []
    for file, stem in zip(files, stems):
        base = stem if stems.count(stem) == 1 else Path(file).name
        names.append(out_dir / f"{base}.{fmt}")
    return names


def distinct(files: Sequence[os.PathLike]) -> list[os.PathLike]:
    """The files with a second mention of one file (`a.txt ./a.txt`) left out."""
    from planner.output import same_file

    kept: list[os.PathLike] = []
    for file in files:
        if not any(same_file(file, seen) for seen in kept):
            kept.append(file)
    return kept


def ingest_files(files: Sequence[os.PathLike], out_dir: Path, fmt: str = "yaml") -> list[IngestResult]:
    """Read each file and write its plan into `out_dir`. An input whose output would be an input
    or another input's output is refused (reported in its result), like an unreadable one."""
    from planner.output import OutputCheck, write_atomic
    from planner.parse.document import ingest_document
    from planner.planfile import dump_plan

    files = distinct(files)
    check = OutputCheck(files)
    results = []
    for file, target in zip(files, output_names(files, out_dir, fmt)):
        result = IngestResult(source=str(file))
        try:
            check.claim(target, source=file)
            parsed = ingest_document(file)
            result.output = write_atomic(target, dump_plan(parsed.plan, fmt), inputs=files)
            result.warnings, result.dropped = parsed.warnings, parsed.dropped
        except Exception as error:  # noqa: BLE001  the batch boundary: one file never stops the others
            result.error = contained(error, str(file))
        results.append(result)
    return results
