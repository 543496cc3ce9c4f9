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
    "Diagnostic": "diagnostics",
    "Report": "diagnostics",
    "Severity": "diagnostics",
    "TnplanError": "diagnostics",
    "Plan": "models",
    "Submission": "models",
    "Evaluation": "progress",
    "Status": "progress",
    "evaluate": "progress",
    "evaluate_plan": "evaluation",
    "check_files": "rules",
    "load_actuals": "store",
    "load_plan": "store",
    "locate_data": "store",
}

if TYPE_CHECKING:
    from .diagnostics import Diagnostic, Report, Severity, TnplanError
    from .evaluation import evaluate_plan
    from .models import Plan, Submission
    from .progress import Evaluation, Status, evaluate
    from .rules import check_files
    from .store import load_actuals, load_plan, locate_data


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        import importlib

        module = importlib.import_module(f".{_WHERE[name]}", __name__)
        return getattr(module, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
