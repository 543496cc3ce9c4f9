"""tnplan: track the indicators of Tongnan District's 14th five-year plan
(human resources and social security).

The public API is imported lazily so that ``tnplan --version`` does not pay for pydantic.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "1.0.0"

__all__ = [
    "Diagnostic",
    "Evaluation",
    "Plan",
    "Report",
    "Severity",
    "Status",
    "Submission",
    "TnplanError",
    "__version__",
    "check_files",
    "evaluate",
    "evaluate_plan",
    "load_actuals",
    "load_plan",
    "locate_data",
]

_WHERE = {
    "Diagnostic": "model.diagnostics",
    "Report": "model.diagnostics",
    "Severity": "model.diagnostics",
    "TnplanError": "model.diagnostics",
    "Plan": "model.plan",
    "Submission": "model.submission",
    "Evaluation": "calc.progress",
    "Status": "calc.progress",
    "evaluate": "calc.progress",
    "evaluate_plan": "calc.evaluation",
    "check_files": "sources.store",
    "load_actuals": "sources.store",
    "load_plan": "sources.store",
    "locate_data": "sources.store",
}

if TYPE_CHECKING:
    from .calc.evaluation import evaluate_plan
    from .calc.progress import Evaluation, Status, evaluate
    from .model.diagnostics import Diagnostic, Report, Severity, TnplanError
    from .model.plan import Plan
    from .model.submission import Submission
    from .sources.store import check_files, load_actuals, load_plan, locate_data


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        import importlib

        module = importlib.import_module(f".{_WHERE[name]}", __name__)
        return getattr(module, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
