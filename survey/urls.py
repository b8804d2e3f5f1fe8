from django.urls import path

from .views import invitation, public, report

app_name = "survey"

urlpatterns = [
    path("s/<str:token>", public.answer, name="answer"),
    path("survei/", public.start, name="start"),
    path("survei/undangan/<int:pk>/", invitation.show, name="invitation"),
    path("ikm/", report.report, name="report"),
    path("ikm/cetak/", report.print_report, name="print"),
    path("ikm/unduh.xlsx", report.export, name="export"),
    path("ikm/tindak-lanjut/", report.add_plan, name="add_plan"),
    path("ikm/tindak-lanjut/<int:pk>/status/", report.plan_status, name="plan_status"),
    path("ikm/unduh.pdf", report.export_pdf, name="export_pdf"),
]
