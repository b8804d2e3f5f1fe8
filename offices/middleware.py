"""Each request acts for the office of the person logged in (offices.current).

A staff member's office comes with their user row (pojok.security.LoginBackend.get_user joins it), so
this costs no query of its own. A kabupaten user has no office: they reach only the kabupaten's pages,
which read figures across the offices by name. Public pages and paired devices say their office
themselves (`/o/<kode>/`, the device's row). A streamed answer (a CSV export) is written after the view
returned, so its chunks are made as the office too. An office's page reached with no office (an account
that belongs to none) is refused with a 403 that says why.
"""

from django.shortcuts import render

from . import current


class OfficeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        office = _office_of(request.user)
        if office is None:
            return self.get_response(request)
        with current.acting_for(office):
            response = self.get_response(request)
        if response.streaming:
            response.streaming_content = current.streamed(office, response.streaming_content)
        return response

    def process_exception(self, request, exception):
        """An office's page opened with no office to act for (an account of no office): refused, not a 500."""
        if isinstance(exception, current.NoOffice):
            return render(request, "offices/no_office.html", status=403)
        return None


def _office_of(user):
    if not user.is_authenticated or user.office_id is None:
        return None
    return user.office
