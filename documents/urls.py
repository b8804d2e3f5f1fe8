from django.urls import path

from . import views

app_name = "documents"

urlpatterns = [
    path("arsip-laporan/", views.packs, name="packs"),
    path("arsip-laporan/<int:pk>/unduh/", views.download, name="download"),
]
