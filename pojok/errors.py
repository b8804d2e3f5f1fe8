"""The app's own error pages, in Indonesian (English when chosen), inside the app's layout.

403 and 404 are Django's own views with templates/403.html and 404.html. A 500 is rendered here, and
so is the 503 that an unreachable database gets instead: neither touches the database (the layout
without the person's menu), both show the request id. On the 503 page, the form the person was sending
comes back filled in, with a "Kirim lagi" button: the views that keep typing are marked by
pojok.idempotency, so sending it again never records anything twice.
"""

import sys

from django import forms
from django.http import HttpResponse
from django.template import loader
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _

from . import outage
from .idempotency import FIELD

SKIPPED = {FIELD, "csrfmiddlewaretoken"}


def server_error(request) -> HttpResponse:
    error = sys.exc_info()[1]
    if outage.is_outage(error):
        request.met_outage = True  # the request log does not probe a database that just failed
        outage.failed(error)
        return _page(request, "503.html", 503, _resend(request))
    return _page(request, "500.html", 500)


def _page(request, template: str, status: int, extra: dict | None = None) -> HttpResponse:
    # No RequestContext: its context processors would ask the database for the user and the menu.
    context = {"request_id": getattr(request, "id", ""), "path": request.get_full_path(),
               "method": request.method, **(extra or {})}
    response = HttpResponse(loader.render_to_string(template, context), status=status)
    if status == 503:
        response["Retry-After"] = "10"
    return response


def _resend(request) -> dict:
    """What the person sent, to send again: every field as it was, and the typed ones shown."""
    keeps_typing = _keeps_typing(request)
    if request.method != "POST" or not keeps_typing:
        return {}
    fields = getattr(keeps_typing, "base_fields", {})
    hidden = [(name, value) for name, values in request.POST.lists() for value in values]
    shown = [(label, value) for label, value in (_shown(fields.get(name), value) for name, value in hidden
                                                  if name not in SKIPPED) if label]
    return {"resend": {"action": request.get_full_path(), "hidden": hidden, "shown": shown}}


def _keeps_typing(request):
    try:
        return getattr(resolve(request.path_info).func, "keeps_typing", None)
    except Resolver404:
        return None


def _shown(field, value: str) -> tuple[str, str]:
    """(label, what to show) for a field worth showing; ("", "") for a choice of a row, or an empty one."""
    if field is None or not value or isinstance(field, forms.ModelChoiceField | forms.BooleanField):
        return "", ""
    if isinstance(field, forms.ChoiceField):
        value = str(dict(field.choices).get(value, value))
    return str(field.label or ""), value


def csrf_failure(request, reason: str = "") -> HttpResponse:
    """A form sent with an expired or missing security token: an Indonesian 403 page, not Django's."""
    context = {"title": _("Formulir kedaluwarsa"),
               "message": _("Halaman ini sudah terlalu lama terbuka atau dibuka di jendela lain. "
                            "Muat ulang halaman, lalu kirim lagi.")}
    return HttpResponse(loader.render_to_string("403.html", context, request=request), status=403)
