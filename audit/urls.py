from django.urls import path

from . import views

app_name = "audit"

urlpatterns = [
    path("riwayat-aturan/", views.rule_changes, name="rule_changes"),
]
