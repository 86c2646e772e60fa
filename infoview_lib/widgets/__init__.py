"""ipywidgets front ends. Thin: every decision is made by a pure function elsewhere.

Each widget lives in its own module and is imported on first use, so
``import infoview_lib.widgets`` stays cheap.
"""

from __future__ import annotations

from importlib import import_module

_WHERE = {
    "ColumnSummary": "start",
    "Quiz": "quiz",
    "ReflectionPrompt": "quiz",
    "QuestionWorkshop": "workshop",
    "OutreachEmailChecker": "email",
    "LogForm": "logform",
    "SpreadsheetCheck": "spreadsheet",
    "show_chart": "charts",
    "chart_widget": "charts",
    "GrowthDashboard": "dashboard",
    "ClassDashboard": "class_dashboard",
    "ExerciseChecker": "exercise",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name in _WHERE:
        return getattr(import_module(f".{_WHERE[name]}", __name__), name)
    raise AttributeError(f"module 'infoview_lib.widgets' has no attribute {name!r}")
