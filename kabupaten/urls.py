from django.urls import path

from . import views

app_name = "kabupaten"

urlpatterns = [
    path("kabupaten/", views.overview, name="overview"),
]
