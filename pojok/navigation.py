"""The areas of the app each role may open: the navigation bar and where a user lands after login."""

from dataclasses import dataclass

from django.urls import reverse

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
]


def areas_for(user) -> list[Area]:
    return [area for area in AREAS if area.allowed(user)]


def context(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_areas": []}
    path = request.path
    items = [(area.label, reverse(area.url_name)) for area in areas_for(user)]
    return {"nav_areas": [(label, url, path.startswith(url)) for label, url in items]}
