from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("privasi/", views.notice, name="notice"),
    path("privasi/data-tamu/", views.guest_data, name="guest_data"),
]
