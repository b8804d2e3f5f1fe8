"""The IKM report for managers: on screen, in the published print format, and as an XLSX file."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from pojok import clock
from visits.models import Signer

from .. import policy
from ..export import workbook
from ..forms import ReportFilterForm
from ..ikm import GRADES
from ..pdf import ikm_pdf
from ..reports import ikm_report, respondent_profile, suggestions

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _report_context(request: HttpRequest) -> dict:
    policy.require(policy.can_read_report, request.user)
    start, end = ReportFilterForm.default_period()
    form = ReportFilterForm({"dari": start.isoformat(), "sampai": end.isoformat(), **request.GET.dict()})
    scope = form.scope()
    return {
        "form": form, "scope": scope, "report": ikm_report(scope), "profile": respondent_profile(scope),
        "suggestions": suggestions(scope), "query": request.GET.urlencode(), "grades": GRADES,
    }


@login_required
@require_GET
def report(request: HttpRequest) -> HttpResponse:
    return render(request, "survey/report/report.html", _report_context(request))


@login_required
@require_GET
def print_report(request: HttpRequest) -> HttpResponse:
    return render(request, "survey/report/print.html", _report_context(request))


@login_required
@require_GET
def export(request: HttpRequest) -> HttpResponse:
    context = _report_context(request)
    period = context["scope"].period
    response = HttpResponse(workbook(context["report"], context["profile"], context["suggestions"]),
                            content_type=XLSX)
    name = f"ikm-{period.start:%Y%m%d}-{period.end:%Y%m%d}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@require_GET
def export_pdf(request: HttpRequest) -> HttpResponse:
    """The IKM report as a PDF with the kop and the chosen signer's block (?penandatangan=<id>)."""
    context = _report_context(request)
    period = context["scope"].period
    signer = Signer.chosen(request.GET.get("penandatangan"))
    response = HttpResponse(ikm_pdf(context["scope"], signer=signer, printed_at=clock.local_now()),
                            content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="ikm-{period.start:%Y%m%d}-{period.end:%Y%m%d}.pdf"'
    return response
