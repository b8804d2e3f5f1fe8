"""The visits app's screens in the navigation bar (pojok.navigation), registered by apps.py."""

from pojok.navigation import Area

from . import policy
from .consult import waiting_count

AREAS = [
    Area("Meja Depan", "visits:desk", policy.can_front_desk, order=10),
    Area("Triase", "visits:triage", policy.can_triage, order=20),
    # staff see how many guests wait for their Bidang on every page: one COUNT query
    Area("Tamu Bidang", "visits:inbox", policy.can_consult, order=30, badge="visits/inbox/_badge.html",
         badge_context=lambda user: {"inbox_waiting": waiting_count(user)}),
    Area("Laporan SOP", "visits:reports", policy.can_read_reports, order=40),
    Area("Mutu Rute", "visits:routing_quality", policy.can_read_routing_quality, order=50),
    Area("Riwayat Konsultasi", "visits:consultation_search", policy.can_read_consultations, order=70),
]
