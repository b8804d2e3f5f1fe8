"""The app's URLs plus one view with a bug, for the 500 page's tests."""

from django.urls import path

from pojok.urls import urlpatterns as app_urlpatterns


def broken(request):
    raise RuntimeError("a bug in a view")


urlpatterns = [path("rusak/", broken), *app_urlpatterns]
handler500 = "pojok.errors.server_error"
