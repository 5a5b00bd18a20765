"""Running planner as an unprivileged user, for tests of file permissions: root reads and
writes any file whatever its mode, and the suite runs as root in CI."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from typing import Optional

NOBODY = 65534


def as_another_user() -> Optional[list[str]]:
    """The command prefix that runs a command as an unprivileged user: nothing when not root,
    setpriv when root; None when planner cannot be run that way here."""
    if not hasattr(os, "geteuid"):
        return None
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        return None
    prefix = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
    probe = subprocess.run([*prefix, sys.executable, "-c", "import planner.cli"], capture_output=True,
                           cwd="/", timeout=120)
    return prefix if probe.returncode == 0 else None


AS_ANOTHER_USER = as_another_user()
