from django.urls import path

from . import views

app_name = "booking"

urlpatterns = [
    path("daftar/", views.register, name="register"),
    path("daftar/selesai/", views.done, name="done"),
    path("meja/terjadwal/", views.expected, name="expected"),
    path("meja/terjadwal/datang/", views.arrive, name="arrive"),
]
