"""The tnplan command line: parse options, call the library, render, set the exit code.

Exit codes: 0 success (a valid submission, warnings allowed); 1 invalid data (or warnings
with --strict); 2 a usage or file error; 3 a failure of tnplan itself.
Only this package imports Typer; heavy modules are imported inside the commands that use them.
Each module registers its commands on the one app (cli.common.app) when imported.
"""

# ruff: noqa: I001  (the import order of the command modules is the order of `tnplan --help`)
from __future__ import annotations

from . import evaluation, figures, checking, drafting, plans  # noqa: F401
from .common import app
from .entry import main

__all__ = ["app", "main"]
