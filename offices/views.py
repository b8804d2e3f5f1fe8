"""A guest's pages belong to one office: `/o/<kode>/...` says which, and the page acts for it. The short
old addresses (`/daftar/`, `/privasi/`) lead to the office's page, or let the guest choose one."""

from functools import wraps

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from .current import acting_for
from .models import Office


def public(view):
    """The page of the office named in its address (the `office` argument), acted for as that office."""
    @wraps(view)
    def wrapper(request, office: str, *args, **kwargs):
        found = Office.objects.filter(code=office).first()
        if found is None:
            raise Http404(_("Kantor dengan kode ini tidak ada."))
        request.office = found
        with acting_for(found):
            return view(request, *args, **kwargs)
    return wrapper


def choose(url_name: str, title: str):
    """The short address of a guest's page: straight to the office's page when there is only one (or the
    person is staff of one), otherwise the list of offices to choose from."""
    @require_GET
    def view(request):
        office = getattr(request.user, "office", None)
        offices = list(Office.objects.order_by("name"))
        if office is None and len(offices) == 1:
            office = offices[0]
        if office is not None:
            return redirect(url_name, office=office.code)
        return render(request, "offices/choose.html", {"offices": offices, "url_name": url_name, "title": title})
    return view
