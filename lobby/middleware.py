"""A paired device opens its own page and nothing else.

A browser that carries a device cookie and no logged-in user is a kiosk or a lobby display in a
public place: every URL except the device pages (and pairing) is refused, whatever that page
would allow an anonymous visitor. A person who logs in on it is a person again.
"""

from django.shortcuts import render

from .devices import cookie_value

DEVICE_PAGES = frozenset({"pair", "display", "display_board", "kiosk"})
# Public information a guest at the kiosk may read (the kiosk links to it), holding no data; and the
# guest's choice of language (the kiosk's language buttons), which sets a cookie and goes back.
OPEN_TO_DEVICES = frozenset({"privacy:notice", "set_language"})


class DeviceLockMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.user.is_authenticated or cookie_value(request) is None:
            return None
        match = request.resolver_match
        if match.namespace == "lobby" and match.url_name in DEVICE_PAGES:
            return None
        if match.view_name in OPEN_TO_DEVICES:
            return None
        return render(request, "lobby/refused.html", status=403)
