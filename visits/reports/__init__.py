"""The SOP compliance report: its scope (scope.py), its figures as database queries (figures.py),
the SQL pieces Django lacks (sql.py), the charts (charts.py) and the tables the exports and the
sop_report command write (tables.py)."""

from pojok.periods import PERIOD_CHOICES, Period

from .figures import GOOD, NOT_GOOD, Report, build_report, clock, percent_text
from .scope import Scope

__all__ = ["GOOD", "NOT_GOOD", "PERIOD_CHOICES", "Period", "Report", "Scope", "build_report", "clock",
           "percent_text"]
