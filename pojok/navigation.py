"""The navigation bar and where a user lands after login: the areas each role may open.

Apps add their own areas when they start (AppConfig.ready() calls `register`), so pojok knows no
app's screens and every app points here, never the other way.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from django.urls import reverse

# Who may open which screens are the apps' own policies: an area only holds the check.


@dataclass(frozen=True)
class Area:
    label: str
    url_name: str
    allowed: Callable  # a policy check taking the user
    order: int  # place in the bar; the first area a user may open is their home page
    badge: str = ""  # a partial shown beside the label, e.g. the inbox's count of waiting guests
    badge_context: Callable | None = None  # user -> the partial's context (one cheap query)


class NavItem(NamedTuple):
    label: str
    url: str
    active: bool
    badge: str


AREAS: list[Area] = []


def register(*areas: Area) -> None:
    """Add an app's areas to the bar (idempotent: an area is known by its URL name)."""
    known = {area.url_name for area in AREAS}
    AREAS.extend(area for area in areas if area.url_name not in known)
    AREAS.sort(key=lambda area: area.order)


def areas_for(user) -> list[Area]:
    return [area for area in AREAS if area.allowed(user)]


def context(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_areas": []}
    areas = areas_for(user)
    extra = {}
    for area in areas:
        if area.badge_context is not None:
            extra.update(area.badge_context(user))
    path = request.path
    items = [(area, reverse(area.url_name)) for area in areas]
    return {"nav_areas": [NavItem(area.label, url, path.startswith(url), area.badge) for area, url in items],
            **extra}
