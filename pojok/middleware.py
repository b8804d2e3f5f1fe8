"""Request-wide behaviour of the app."""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class OfficeLanguageMiddleware(LocaleMiddleware):
    """Indonesian unless the user chose another language in the header.

    Office PCs often run an English browser; its Accept-Language must not switch the app.
    """

    def process_request(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in dict(settings.LANGUAGES):
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()


class AdminSearchLimitMiddleware:
    """Keep the admin's search box to a searchable length.

    The admin turns every word of `q` into a condition on every search field; thousands of words
    (a pasted document, or a robot) make a query SQLite refuses ("Expression tree is too large")
    and PostgreSQL labours over. Nobody searches with more than a few words: the rest is dropped.
    """

    MAX_WORDS, MAX_CHARS = 10, 200

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query = request.GET.get("q")
        if query and request.path.startswith("/admin/"):
            shortened = " ".join(query[: self.MAX_CHARS].split()[: self.MAX_WORDS])
            if shortened != query:
                request.GET = request.GET.copy()
                request.GET["q"] = shortened
        return self.get_response(request)
