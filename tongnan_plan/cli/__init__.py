"""The tnplan command line: parse options, call the library, render, set the exit code.

Exit codes: 0 success (a valid submission, warnings allowed); 1 invalid data (or warnings
with --strict); 2 a usage or file error; 3 a failure of tnplan itself.
Only this package imports Typer; heavy modules are imported inside the commands that use them.
Each module registers its commands on the one app (cli.root.app) when imported: `main`
imports only the module of the command it runs (entry.register); `app`, asked for here, has
every command.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .root import app

__all__ = ["app", "main"]


def main() -> None:
    """The `tnplan` script: cli.entry.main, the cyclic collector turned off before the command
    line and its libraries are imported (a run builds no garbage cycles worth collecting)."""
    import gc

    gc.disable()
    from .entry import main as run

    run()


def __getattr__(name: str) -> Any:
    """`app`, every command registered on it."""
    if name != "app":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from .entry import register
    from .root import app

    register()
    return app
