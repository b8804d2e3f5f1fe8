"""Managers' SOP compliance report: the page (and its htmx partial) and the print view.

Only Pimpinan and Admin open it (policy.can_read_reports). The filters live in the URL, so a
report can be bookmarked and shared; the figures are database queries (visits.reports).
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from pojok import clock

from .. import policy
from ..forms.reports import ReportFilter
from ..models import Signer, signature_block
from ..reports import build_report
from ..reports.charts import step_chart, trend_chart


def report_for(request: HttpRequest):
    """The filters of the request and, when they are valid, the report they choose."""
    policy.require(policy.can_read_reports, request.user)
    filterset = ReportFilter(request.GET)
    report = build_report(filterset.scope()) if filterset.is_valid() else None
    return filterset, report


def _context(request: HttpRequest, filterset, report) -> dict:
    context = {"filter": filterset, "report": report, "query": request.GET.urlencode(),
               "signers": Signer.objects.filter(active=True), "signer_id": request.GET.get("penandatangan", ""),
               "kept": [(key, value) for key, values in request.GET.lists() for value in values
                        if key != "penandatangan"]}
    if report is not None:
        context["trend"] = trend_chart(report.by_day, report.threshold)
        context["step_bars"] = step_chart(report.step_rows, report.threshold)
    return context


@login_required
@require_GET
def reports(request: HttpRequest) -> HttpResponse:
    filterset, report = report_for(request)
    template = "visits/reports/_report.html" if request.htmx else "visits/reports/report.html"
    return render(request, template, _context(request, filterset, report), status=200 if report else 400)


@login_required
@require_GET
def print_view(request: HttpRequest) -> HttpResponse:
    filterset, report = report_for(request)
    context = {**_context(request, filterset, report), "printed_at": clock.local_now(),
               "signature": signature_block(request.GET.get("penandatangan"))}
    template = "visits/reports/print.html" if report else "visits/reports/report.html"
    return render(request, template, context, status=200 if report else 400)
