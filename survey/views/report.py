"""The IKM report for managers: on screen, in the published print format, and as an XLSX file; and the
rencana tindak lanjut pimpinan write on it."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from pojok import clock
from pojok.periods import Period
from visits.models import Signer, signature_block

from .. import policy
from ..export import workbook
from ..follow_up import carried_over, plans_of, set_status, write_plan
from ..forms import FollowUpPlanForm, PlanStatusForm, ReportFilterForm
from ..ikm import GRADES
from ..models import FollowUpPlan, PlanStatus
from ..pdf import ikm_pdf
from ..reports import (
    grouped_suggestions,
    ikm_by_channel,
    ikm_report,
    respondent_profile,
    suggestion_groups,
    suggestions,
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SUGGESTIONS_PER_PAGE = 20


def _report_context(request: HttpRequest, query: dict, plan_form: FollowUpPlanForm | None = None) -> dict:
    """The report of the period and filters in `query` (the page's GET), for everyone who reads it."""
    policy.require(policy.can_read_report, request.user)
    start, end = ReportFilterForm.default_period()
    form = ReportFilterForm({"dari": start.isoformat(), "sampai": end.isoformat(), **query})
    scope = form.scope()
    report = ikm_report(scope)
    context = {
        "form": form, "scope": scope, "report": report, "profile": respondent_profile(scope),
        "query": urlencode(query), "grades": GRADES,
        "plans": list(plans_of(scope.period)), "earlier_plans": list(carried_over(scope.period)),
        "suggestion_groups": suggestion_groups(scope), "statuses": PlanStatus.choices,
        "channels": ikm_by_channel(scope),
    }
    if policy.can_plan_follow_up(request.user):
        period = {"dari": scope.period.start, "sampai": scope.period.end}
        context["plan_form"] = plan_form or FollowUpPlanForm(
            initial={**period, "unsur": min(report.weakest, default=None)})
    return context


def _screen(request: HttpRequest, query: dict, plan_form: FollowUpPlanForm | None = None, status: int = 200):
    """The report page: the suggestions grouped and shown a page at a time (`hal`)."""
    context = _report_context(request, query, plan_form)
    paginator = Paginator(grouped_suggestions(context["scope"]), SUGGESTIONS_PER_PAGE)
    page_query = {key: value for key, value in query.items() if key != "hal"}
    context.update(suggestions=paginator.get_page(query.get("hal")), page_query=urlencode(page_query))
    return render(request, "survey/report/report.html", context, status=status)


@login_required
@require_GET
def report(request: HttpRequest) -> HttpResponse:
    return _screen(request, request.GET.dict())


@login_required
@require_GET
def print_report(request: HttpRequest) -> HttpResponse:
    context = _report_context(request, request.GET.dict())
    context.update(suggestions=grouped_suggestions(context["scope"]),
                   signature=signature_block(request.GET.get("penandatangan")))
    return render(request, "survey/report/print.html", context)


@login_required
@require_GET
def export(request: HttpRequest) -> HttpResponse:
    context = _report_context(request, request.GET.dict())
    period = context["scope"].period
    content = workbook(context["report"], context["profile"], suggestions(context["scope"]),
                       context["plans"], context["earlier_plans"], context["channels"])
    response = HttpResponse(content, content_type=XLSX)
    name = f"ikm-{period.start:%Y%m%d}-{period.end:%Y%m%d}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _back_to(period: Period) -> str:
    query = urlencode({"dari": period.start.isoformat(), "sampai": period.end.isoformat()})
    return f"{reverse('survey:report')}?{query}#tindak-lanjut"


@login_required
@require_POST
def add_plan(request: HttpRequest) -> HttpResponse:
    """Pimpinan write a line of the rencana tindak lanjut for the report's period."""
    policy.require(policy.can_plan_follow_up, request.user)
    form = FollowUpPlanForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Rencana tindak lanjut belum tersimpan: periksa isian yang ditandai."))
        period = {"dari": request.POST.get("dari", ""), "sampai": request.POST.get("sampai", "")}
        return _screen(request, period, form, status=400)
    data = form.cleaned_data
    write_plan(by=request.user, period=form.period, unsur=data["unsur"], action=data["action"],
               due=data["due"], responsible=data["responsible"])
    messages.success(request, _("Rencana tindak lanjut untuk %(unsur)s tersimpan.") % {"unsur": data["unsur"]})
    return redirect(_back_to(form.period))


@login_required
@require_POST
def plan_status(request: HttpRequest, pk: int) -> HttpResponse:
    """What became of a plan: under way, done, or given up (a plan is never deleted)."""
    policy.require(policy.can_plan_follow_up, request.user)
    plan = get_object_or_404(FollowUpPlan, pk=pk)
    form = PlanStatusForm(request.POST)
    back = Period(plan.period_start, plan.period_end)
    if form.is_valid():
        data = form.cleaned_data
        if data["dari"] and data["sampai"] and data["dari"] <= data["sampai"]:
            back = Period(data["dari"], data["sampai"])
        set_status(plan=plan, by=request.user, status=data["status"], note=data["note"])
        messages.success(request, _("Status rencana tindak lanjut %(unsur)s: %(status)s.") % {
            "unsur": plan.unsur, "status": plan.get_status_display()})
    else:
        errors = "; ".join(error for field in form.errors.values() for error in field)
        messages.error(request, _("Status belum diubah: %(errors)s") % {"errors": errors})
    return redirect(_back_to(back))


@login_required
@require_GET
def export_pdf(request: HttpRequest) -> HttpResponse:
    """The IKM report as a PDF with the kop and the chosen signer's block (?penandatangan=<id>)."""
    context = _report_context(request, request.GET.dict())
    period = context["scope"].period
    signer = Signer.chosen(request.GET.get("penandatangan"))
    response = HttpResponse(ikm_pdf(context["scope"], signer=signer, printed_at=clock.local_now()),
                            content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="ikm-{period.start:%Y%m%d}-{period.end:%Y%m%d}.pdf"'
    return response
