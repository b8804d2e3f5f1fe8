"""The public privacy notice, and the admin's page for one guest's data (find, export, erase).

The guest page takes the search by POST as well: a guest's name and phone never travel in a URL,
where the server's access log and the browser's history would keep them.
"""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from offices.views import public
from pojok import clock
from pojok.redirects import safe_next

from . import policy
from .forms import EraseForm, GuestSearchForm
from .guests import erase_guest, export_guest, find_guest, row_id
from .holders import GUEST
from .models import PrivacySetting


@public
@require_GET
def notice(request: HttpRequest) -> HttpResponse:
    back = safe_next(request, request.GET.get("kembali", ""))  # only a way back into this app
    return render(request, "privacy/notice.html", {"setting": PrivacySetting.current(), "back": back,
                                                   "guest_placeholder": GUEST})


@login_required
@require_http_methods(["GET", "POST"])
def guest_data(request: HttpRequest) -> HttpResponse:
    policy.require_guest_data(request.user)
    if request.method == "GET":
        return _page(request, GuestSearchForm())
    form = GuestSearchForm(request.POST)
    action = request.POST.get("aksi", "cari")
    if not form.is_valid():
        return _page(request, form, status=400)
    guest, chosen = form.guest(), set(request.POST.getlist("pilih"))
    if action in {"ekspor", "hapus"} and not chosen:
        messages.error(request, _("Pilih sekurang-kurangnya satu baris data tamu."))
        return _page(request, form, found=find_guest(guest), status=400)
    if action == "ekspor":
        return _export(request, guest, chosen)
    if action == "hapus":
        return _erase(request, form, guest, chosen)
    return _page(request, form, found=find_guest(guest))


def _export(request, guest, chosen) -> HttpResponse:
    data = export_guest(guest, chosen, by=request.user)
    response = HttpResponse(json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
                            content_type="application/json; charset=utf-8")
    stamp = clock.local_now().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="data-pribadi-tamu-{stamp}.json"'
    response["Cache-Control"] = "no-store"
    return response


def _erase(request, form, guest, chosen) -> HttpResponse:
    confirm = EraseForm(request.POST)
    if not confirm.is_valid():
        messages.error(request, confirm.errors["confirm"][0])
        return _page(request, form, found=find_guest(guest), status=400)
    counts = erase_guest(guest, chosen, by=request.user)
    done = ", ".join(f"{count} {label}" for label, count in counts.items() if count) or _("tidak ada baris")
    messages.success(request, _("Data pribadi tamu dihapus (diganti tanda anonim): %(done)s. Statistik tetap utuh.")
                     % {"done": done})
    return redirect("privacy:guest_data")


def _page(request, form, *, found=None, status=200) -> HttpResponse:
    tables = [_table(item) for item in found or [] if item.listed]
    following = [(item.holder.label, item.rows.count()) for item in found or [] if not item.listed]
    return render(request, "privacy/guest_data.html",
                  {"form": form, "searched": found is not None, "tables": tables, "following": following,
                   "erase_form": EraseForm()}, status=status)


def _table(item) -> dict:
    columns = [*item.holder.shown, *item.holder.personal]
    rows = [{"id": row_id(item.holder, row["pk"]), "cells": [row[name] for name in columns]}
            for row in item.values()]
    headers = [_header(item.holder, name) for name in columns]
    return {"label": item.holder.label, "headers": headers, "rows": rows}


def _header(holder, lookup: str) -> str:
    name = lookup.split("__")[0].removesuffix("_id")
    return str(holder.model_class._meta.get_field(name).verbose_name)
