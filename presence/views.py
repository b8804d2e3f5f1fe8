"""The day's arrangement in one screen (the Kasubbag Umum and the admin), and staff marking themselves."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from pojok import clock
from pojok.redirects import safe_next

from . import policy, today
from .forms import ArrangeForm, DayForm, MineForm, PersonForm
from .models import Status


def _screen(request, day, *, arrange_form=None, status=200):
    people = today.with_status(today.office_staff(), day)
    context = {"day": day, "is_today": day == clock.today(), "people": people, "statuses": Status.choices,
               "day_form": DayForm(initial={"tanggal": day}),
               "arrange_form": arrange_form or ArrangeForm(initial={"day": day, "status": Status.WFO}),
               "in_office": sum(person.in_office for person in people)}
    return render(request, "presence/day.html", context, status=status)


def _back(day) -> HttpResponse:
    return redirect(f"{reverse('presence:day')}?tanggal={day.isoformat()}")


@login_required
@require_http_methods(["GET", "POST"])
def day(request: HttpRequest) -> HttpResponse:
    """GET: the day's people and their status. POST action=semua: everyone or one Bidang; action=orang: one."""
    if not policy.can_arrange(request.user):
        raise PermissionDenied
    if request.method == "GET":
        return _screen(request, DayForm(request.GET).day())
    if request.POST.get("action") == "orang":
        form = PersonForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            today.set_status(user=data["user"], status=data["status"], day=data["day"], by=request.user)
            messages.success(request, f"{data['user'].display_name}: {Status(data['status']).label}.")
            return _back(data["day"])
        errors = " ".join(error for errors in form.errors.values() for error in errors)
        messages.error(request, _("Kehadiran belum disimpan: %(errors)s") % {"errors": errors})
        return _screen(request, clock.today(), status=400)
    form = ArrangeForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        count = today.arrange(day=data["day"], status=data["status"], bidang=data["bidang"], by=request.user)
        who = data["bidang"] or _("semua pegawai Bidang")
        messages.success(request, ngettext("%(count)d pegawai (%(who)s): %(status)s.",
                                           "%(count)d pegawai (%(who)s): %(status)s.", count) % {
            "count": count, "who": who, "status": Status(data["status"]).label})
        return _back(data["day"])
    messages.error(request, _("Pengaturan belum disimpan: periksa isian yang ditandai."))
    return _screen(request, clock.today(), arrange_form=form, status=400)


@login_required
@require_POST
def mine(request: HttpRequest) -> HttpResponse:
    """A staff member marks their own day (today)."""
    if not policy.can_mark_self(request.user):
        raise PermissionDenied
    form = MineForm(request.POST)
    back = safe_next(request, request.POST.get("next", ""), reverse("visits:inbox"))
    if not form.is_valid():
        messages.error(request, _("Kehadiran belum disimpan: pilih WFO, WFH, dinas luar, cuti atau sakit."))
        return redirect(back)
    today.set_status(user=request.user, status=form.cleaned_data["status"], by=request.user)
    messages.success(request, _("Kehadiran Anda hari ini: %(status)s.") % {
        "status": Status(form.cleaned_data["status"]).label})
    return redirect(back)
