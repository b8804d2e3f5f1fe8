from django.urls import path

from . import views

app_name = "routing"

urlpatterns = [
    path("routing/suggest/", views.suggestions, name="suggest"),
]
