"""A new form cannot slip past the fuzz tests: every form class of the project is named by a target
in tests/trust/fuzz/targets.py, or listed here with the reason it needs none."""

from django import forms
from django.urls import get_resolver

from .targets import GET_TARGETS, POST_TARGETS

PROJECT_APPS = ("pojok", "visits", "routing", "survey", "lobby", "booking", "privacy", "audit",
                "notifications", "presence", "referrals", "documents", "offices", "kabupaten")

NOT_FUZZED = {
    # the admin's own forms are Django's, fuzzed through two admin add pages (admin_instansi, admin_topic)
}


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def test_every_form_of_the_project_has_a_fuzz_target():
    _ = get_resolver().url_patterns  # imports every view, and so every form the pages use
    project_forms = {f"{cls.__module__}.{cls.__name__}" for cls in _subclasses(forms.BaseForm)
                     if cls.__module__.split(".")[0] in PROJECT_APPS}
    fuzzed = {name for target in POST_TARGETS + GET_TARGETS for name in target.forms}
    assert project_forms - fuzzed - set(NOT_FUZZED) == set()
