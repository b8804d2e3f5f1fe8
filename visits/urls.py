from django.urls import path

from .views import consult, desk, followups, inbox, remote, report_exports, reports, search, triage, visit

app_name = "visits"

urlpatterns = [
    path("meja-depan/", desk.board, name="desk"),
    path("meja-depan/papan/", desk.board_rows_partial, name="desk_rows"),
    path("meja-depan/tamu-baru/", desk.check_in, name="check_in"),
    path("meja-depan/tamu-lama/", desk.returning_guests, name="returning_guests"),
    path("kunjungan/<int:pk>/", visit.detail, name="detail"),
    path("kunjungan/<int:pk>/slip/", desk.slip, name="slip"),
    path("kunjungan/<int:pk>/langkah/<slug:name>/", visit.move, name="move"),
    path("permintaan-jarak-jauh/", remote.new, name="remote_new"),
    path("triase/", triage.queue, name="triage"),
    path("triase/antrean/", triage.queue_rows, name="triage_rows"),
    path("triase/<int:pk>/", triage.route, name="triage_route"),
    path("triase/piket/", triage.piket_add, name="piket_add"),
    path("triase/piket/<int:pk>/hapus/", triage.piket_remove, name="piket_remove"),
    path("mutu-rute/", triage.quality, name="routing_quality"),
    path("bidang/", inbox.inbox, name="inbox"),
    path("bidang/antrean/", inbox.inbox_rows, name="inbox_rows"),
    path("bidang/jumlah/", inbox.inbox_badge, name="inbox_badge"),
    path("bidang/kunjungan/<int:pk>/", consult.page, name="consultation"),
    path("bidang/kunjungan/<int:pk>/terima/", inbox.receive, name="receive"),
    path("bidang/kunjungan/<int:pk>/alihkan/", consult.transfer, name="transfer"),
    path("bidang/riwayat/", search.search, name="consultation_search"),
    path("bidang/riwayat/ekspor.csv", search.export, name="consultation_export"),
    path("bidang/tindak-lanjut/", followups.follow_ups, name="follow_ups"),
    path("bidang/tindak-lanjut/<int:pk>/selesai/", followups.follow_up_done, name="follow_up_done"),
    path("laporan/", reports.reports, name="reports"),
    path("laporan/cetak/", reports.print_view, name="report_print"),
    path("laporan/ekspor.csv", report_exports.export_csv, name="report_csv"),
    path("laporan/ekspor.xlsx", report_exports.export_xlsx, name="report_xlsx"),
    path("laporan/ekspor.pdf", report_exports.export_pdf, name="report_pdf"),
]
