from django.urls import path

from . import views

app_name = "presence"

urlpatterns = [
    path("kehadiran/", views.day, name="day"),
    path("kehadiran/saya/", views.mine, name="mine"),
]
