"""Every URL the project resolves, taken from the URL configuration itself, made concrete.

`url_names()` walks `get_resolver().url_patterns` (namespaces and the Django admin included), so
a URL added anywhere shows up here without anyone listing it. `concrete_url()` fills the path's
parameters with real objects from a `World`: the table FILL says how, name by name; the admin's
parameters follow one rule (an object of the model the URL is about).
"""

import re
from collections import Counter

from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.test import RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from .world import World

ADMIN_CATCH_ALL = "admin:<catch-all>"
# What was walked, printed at the end of the run: URL x method per role, and the other checks' counts.
CHECKED: Counter = Counter()
COUNTED: Counter = Counter()


def _patterns(resolver, namespace="", prefix=""):
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _patterns(entry, inner, route)
        elif isinstance(entry, URLPattern):
            yield namespace, route, entry


def _name(namespace: str, route: str, entry: URLPattern) -> str:
    if entry.name:
        return f"{namespace}{entry.name}"
    if namespace == "admin:" and route.endswith("(?P<url>.*)$"):
        return ADMIN_CATCH_ALL
    return f"{namespace}<{route}>"  # unnamed: its whole route, e.g. the admin's old change URLs


def url_names() -> list[str]:
    """The names of every URL pattern; an unnamed one is named by its namespace and route."""
    return sorted({_name(ns, route, entry) for ns, route, entry in _patterns(get_resolver())})


# How to fill the parameters of a URL, name by name: a fresh object in the state the page needs.
# A URL without parameters is reversed as it is; the admin's URLs follow _admin_url's rule.
FILL = {
    "visits:detail": lambda w: {"pk": w.visit("waiting").pk},
    "visits:slip": lambda w: {"pk": w.visit("greeting").pk},
    "visits:move": lambda w: {"pk": w.visit("waiting").pk, "name": "receive"},
    "visits:triage_route": lambda w: {"pk": w.visit("triage").pk},
    "visits:piket_remove": lambda w: {"pk": w.piket_tomorrow().pk},
    "visits:consultation": lambda w: {"pk": w.consultation().visit_id},
    "visits:receive": lambda w: {"pk": w.visit("waiting").pk},
    "visits:transfer": lambda w: {"pk": w.visit("waiting").pk},
    "visits:follow_up_done": lambda w: {"pk": w.consultation(follow_up=True).pk},
    "lobby:call": lambda w: {"pk": w.visit("waiting").pk},
    "lobby:pair": lambda w: {"token": w.pairing_token()},
    "survey:answer": lambda w: {"token": w.survey_token()},
    "survey:invitation": lambda w: {"pk": w.visit("leaving").pk},
    "survey:plan_status": lambda w: {"pk": w.follow_up_plan().pk},
    "documents:download": lambda w: {"pk": w.filed_pack().pk},
    "booking:register": lambda w: {"office": w.office.code},
    "booking:done": lambda w: {"office": w.office.code},
    "referrals:new": lambda w: {"pk": w.visit("triage").pk},
    "referrals:detail": lambda w: {"pk": w.received_referral().pk},
    "referrals:receive": lambda w: {"pk": w.received_referral().pk},
    "privacy:notice": lambda w: {"office": w.office.code},
}


def admin_model(name: str):
    """The model an admin URL is about, with its ModelAdmin and the view (changelist, add, change ...)."""
    short = name.removeprefix("admin:")
    for model, model_admin in admin.site._registry.items():
        for prefix in (f"{model._meta.app_label}_{model._meta.model_name}_",
                       f"<admin/{model._meta.app_label}/{model._meta.model_name}/"):
            if short.startswith(prefix):
                return model, model_admin, short.removeprefix(prefix).rstrip(">")
    return None, None, None


def _admin_url(name: str, world: World) -> str:
    """An admin URL with an object of its model (or a missing one when the model has none)."""
    model, model_admin, _ = admin_model(name)
    route, entry = next((route, entry) for ns, route, entry in _patterns(get_resolver())
                        if _name(ns, route, entry) == name)
    if model is not None:
        first = _admin_rows(model_admin, world).order_by("pk").first()
        values = {"object_id": first.pk if first else 999999}
    else:
        values = {"app_label": "routing", "object_id": world.user("petugas").pk,
                  "content_type_id": ContentType.objects.get_for_model(world.user_model()).pk}
    def value(key):  # any other parameter (a third-party admin view's own) gets the object's id too
        return str(values.get(key, values["object_id"]))

    if entry.name:
        return reverse(name, kwargs={key: value(key) for key in entry.pattern.regex.groupindex})
    return "/" + re.sub(r"<(?:\w+:)?(\w+)>", lambda match: value(match.group(1)), route)


def concrete_url(name: str, world: World) -> str:
    if name == ADMIN_CATCH_ALL:
        return reverse("admin:index") + "tidak-ada/"
    if name in FILL:
        return reverse(name, kwargs=FILL[name](world))
    if name.startswith("admin:"):
        return _admin_url(name, world)
    return reverse(name)


def admin_has_object(name: str, world: World) -> bool:
    """Whether the admin URL's model has a row the office's admin may open (else "no such object")."""
    model, model_admin, _ = admin_model(name)
    return model is None or _admin_rows(model_admin, world).exists()


def _admin_rows(model_admin, world: World):
    """The rows the admin's list shows the office's admin (their office's, as each ModelAdmin keeps it)."""
    request = RequestFactory().get("/admin/")
    request.user = world.user("admin")
    return model_admin.get_queryset(request)
