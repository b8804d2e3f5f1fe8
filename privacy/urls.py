from django.urls import path
from django.utils.translation import gettext_lazy as _

from offices.views import choose

from . import views

app_name = "privacy"

urlpatterns = [
    path("o/<slug:office>/privasi/", views.notice, name="notice"),
    path("privasi/", choose("privacy:notice", _("Pemberitahuan privasi")), name="choose"),
    path("privasi/data-tamu/", views.guest_data, name="guest_data"),
]
