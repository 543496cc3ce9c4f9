"""The floor: a bare process doing only what tnplan's stack cannot avoid.

Imports typer, yaml, rich.console, rich.table and pydantic, defines one small pydantic model,
validates one dict with it, and runs a Typer app whose single command takes the same options
as `tnplan status` and does nothing. `tnplan status` is measured against this.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import rich.console
import rich.table  # noqa: F401
import typer
import yaml  # noqa: F401
from pydantic import BaseModel


class Figure(BaseModel):
    value: float
    text: str


Figure.model_validate({"value": 1.0, "text": "1"})


class Format(StrEnum):
    TABLE = "table"
    CSV = "csv"


app = typer.Typer(add_completion=False)


@app.command()
def status(  # noqa: PLR0917 - the options of tnplan status
    year: Annotated[int | None, typer.Option("--year")] = None,
    tier: Annotated[str, typer.Option("--tier")] = "main",
    fmt: Annotated[Format, typer.Option("--format")] = Format.TABLE,
    lang: Annotated[str, typer.Option("--lang")] = "zh",
    path: Annotated[str | None, typer.Option("--path")] = None,
    output: Annotated[Path | None, typer.Option("--output")] = None,
    force: Annotated[bool, typer.Option("--force")] = False,
    excel: Annotated[bool, typer.Option("--excel")] = False,
    data: Annotated[Path | None, typer.Option("--data")] = None,
) -> None:
    """Do nothing, with the options of `tnplan status`."""


if __name__ == "__main__":
    app()
