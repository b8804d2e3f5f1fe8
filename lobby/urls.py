from django.urls import path

from . import views

app_name = "lobby"

urlpatterns = [
    path("perangkat/pasang/<str:token>/", views.pair, name="pair"),
    path("layar/", views.display, name="display"),
    path("layar/antrean/", views.display_board, name="display_board"),
    path("kios/", views.kiosk, name="kiosk"),
    path("bidang/kunjungan/<int:pk>/panggil/", views.call, name="call"),
]
