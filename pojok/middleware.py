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
