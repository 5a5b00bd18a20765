"""The CI script runs the README's test command and fails loudly."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CI_RUN = ROOT / ".ci" / "run"
TEST_COMMAND = "pip install -e '.[test]' && python -m pytest"


def test_readme_and_ci_share_the_test_command():
    assert TEST_COMMAND in (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert TEST_COMMAND in CI_RUN.read_text(encoding="utf-8").splitlines()


def test_ci_script_is_strict_executable_bash():
    lines = CI_RUN.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "#!/usr/bin/env bash"
    assert "set -euo pipefail" in lines
    assert os.access(CI_RUN, os.X_OK)
    subprocess.run(["bash", "-n", str(CI_RUN)], check=True)
