"""The areas of the app each role may open: the navigation bar and where a user lands after login."""

from dataclasses import dataclass

from django.urls import reverse

from survey import policy as survey_policy
from visits import policy


@dataclass(frozen=True)
class Area:
    label: str
    url_name: str
    allowed: object  # a policy check taking the user


AREAS = [
    Area("Meja Depan", "visits:desk", policy.can_front_desk),
    Area("Triase", "visits:triage", policy.can_triage),
    Area("Tamu Bidang", "visits:inbox", policy.can_consult),
    Area("Laporan SOP", "visits:reports", policy.can_read_reports),
    Area("Mutu Rute", "visits:routing_quality", policy.can_read_routing_quality),
    Area("Survei IKM", "survey:report", survey_policy.can_read_report),
    Area("Riwayat Konsultasi", "visits:consultation_search", policy.can_read_consultations),
    Area("Riwayat Aturan", "audit:rule_changes", lambda user: user.has_perm("auditlog.view_logentry")),
]


def areas_for(user) -> list[Area]:
    return [area for area in AREAS if area.allowed(user)]


def context(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_areas": []}
    path = request.path
    items = [(area.label, reverse(area.url_name)) for area in areas_for(user)]
    return {"nav_areas": [(label, url, path.startswith(url)) for label, url in items], **_inbox_badge(user)}


def _inbox_badge(user) -> dict:
    """Staff see how many guests wait for their Bidang on every page: one COUNT query."""
    if not policy.can_consult(user):
        return {}
    from visits.consult import waiting_count

    return {"inbox_waiting": waiting_count(user)}
