from django.urls import path

from .views import desk, inbox, reports, triage, visit

app_name = "visits"

urlpatterns = [
    path("meja-depan/", desk.board, name="desk"),
    path("meja-depan/papan/", desk.board_rows_partial, name="desk_rows"),
    path("meja-depan/tamu-baru/", desk.check_in, name="check_in"),
    path("meja-depan/tamu-lama/", desk.returning_guests, name="returning_guests"),
    path("kunjungan/<int:pk>/", visit.detail, name="detail"),
    path("kunjungan/<int:pk>/slip/", desk.slip, name="slip"),
    path("kunjungan/<int:pk>/langkah/<slug:name>/", visit.move, name="move"),
    path("triase/", triage.queue, name="triage"),
    path("triase/antrean/", triage.queue_rows, name="triage_rows"),
    path("bidang/", inbox.inbox, name="inbox"),
    path("bidang/antrean/", inbox.inbox_rows, name="inbox_rows"),
    path("laporan/", reports.reports, name="reports"),
]
