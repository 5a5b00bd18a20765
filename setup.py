"""Build hook (metadata is in setup.cfg): what planner makes from its bundled data (the default
clause library) is made when the wheel is built, into planner/built/, not on a user's first run
(planner/bundle.py). An editable install skips it and builds on first use, into the user cache."""
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

# Runs in a fresh interpreter against the package as laid out in the build directory, so the
# bundled corpus is the one the wheel ships.
BUILD = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import planner
assert Path(planner.__file__).resolve().is_relative_to(Path(sys.argv[1]).resolve()), planner.__file__
from planner.bundle import build_bundle
build_bundle(sys.argv[2])
"""


class BuildWithBundle(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib, "planner", "built")
        with tempfile.TemporaryDirectory(prefix="planner-build-") as cache:
            # XDG_CACHE_HOME: nothing of the build lands in the builder's own cache.
            subprocess.run([sys.executable, "-c", BUILD, self.build_lib, str(target)], check=True,
                           env={**os.environ, "XDG_CACHE_HOME": cache})


setup(cmdclass={"build_py": BuildWithBundle})
