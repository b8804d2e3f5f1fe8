from django.urls import path
from django.utils.translation import gettext_lazy as _

from offices.views import choose

from . import views

app_name = "booking"

urlpatterns = [
    path("o/<slug:office>/daftar/", views.register, name="register"),
    path("o/<slug:office>/daftar/selesai/", views.done, name="done"),
    path("daftar/", choose("booking:register", _("Daftarkan kunjungan")), name="choose"),
    path("meja/terjadwal/", views.expected, name="expected"),
    path("meja/terjadwal/datang/", views.arrive, name="arrive"),
]
