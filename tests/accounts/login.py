"""Logging in through the real login page, from a chosen address, as the tests of this folder need."""

from django.urls import reverse

from tests.factories import PASSWORD


def post_login(client, username, password=PASSWORD, *, ip="10.0.0.1", **headers):
    headers = {"HTTP_USER_AGENT": "Mozilla/5.0 (uji)", **headers}
    data = {"username": username, "password": password}
    return client.post(reverse("login"), data, REMOTE_ADDR=ip, **headers)


def fail_login(client, username, times, *, ip="10.0.0.1", **headers):
    """`times` wrong passwords; returns the last answer."""
    response = None
    for _ in range(times):
        response = post_login(client, username, "bukan-sandinya", ip=ip, **headers)
    return response


def is_logged_in(client) -> bool:
    return "_auth_user_id" in client.session
