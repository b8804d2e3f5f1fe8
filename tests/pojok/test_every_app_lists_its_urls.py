"""Each app's README lists every URL the app serves, by its route and name, and nothing else.

Which app serves a page is then one look away (`bidang/kunjungan/<id>/panggil/` is lobby's); who may
open each is proven by the access walk (tests/trust/expectations.py).
"""

import re
from pathlib import Path

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

ROOT = Path(__file__).resolve().parents[2]
ROW = re.compile(r"^\| `([^`]*)` \| `([^`]+)` \|", re.M)
APPS = ["pojok", "visits", "survey", "lobby", "booking", "privacy", "routing", "audit", "presence", "documents",
        "referrals", "kabupaten"]


def _served_by(app: str) -> set[tuple[str, str]]:
    """(route, URL name) of every named pattern the app's urls.py serves."""
    served = set()
    for entry in get_resolver().url_patterns:
        if isinstance(entry, URLResolver) and getattr(entry.urlconf_module, "__name__", "") == f"{app}.urls":
            served |= {(str(p.pattern), f"{entry.namespace}:{p.name}") for p in entry.url_patterns if p.name}
        elif app == "pojok" and isinstance(entry, URLPattern) and entry.name:
            served.add((str(entry.pattern), entry.name))
    if app == "pojok":
        served.add(("admin/", "admin:index"))  # the admin's own pages are the admin's
    return served


def _listed_in(app: str) -> set[tuple[str, str]]:
    return set(ROW.findall((ROOT / app / "README.md").read_text()))


@pytest.mark.parametrize("app", APPS)
def test_the_apps_readme_lists_exactly_its_urls(app):
    served, listed = _served_by(app), _listed_in(app)
    assert served, f"{app} serves no URL: is it still in the URL configuration?"
    assert served - listed == set(), f"missing from {app}/README.md"
    assert listed - served == set(), f"listed in {app}/README.md but not served by {app}"


def test_every_served_url_belongs_to_a_listed_app():
    names = {name for app in APPS for _, name in _served_by(app)}
    namespaces = {entry.namespace for entry in get_resolver().url_patterns if isinstance(entry, URLResolver)}
    assert namespaces - {"admin"} <= {name.split(":")[0] for name in names if ":" in name}
