from django.urls import path

from . import views

app_name = "referrals"

urlpatterns = [
    path("rujukan/", views.office_list, name="list"),
    path("rujukan/baru/<int:pk>/", views.new, name="new"),
    path("rujukan/<int:pk>/", views.detail, name="detail"),
    path("rujukan/<int:pk>/terima/", views.receive, name="receive"),
]
