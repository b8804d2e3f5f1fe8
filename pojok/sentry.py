"""Error reporting to Sentry or a self-hosted GlitchTip (sentry-sdk), when SENTRY_DSN is set.

A report carries the error, the stack and the request id (to find the request's log line), never a
guest's data: no form data or request body, no cookies, no user's address, no local variables.
An unreachable database is reported once per outage by its log line (pojok/outage.py), not once per
refused request.
"""

import sentry_sdk
from sentry_sdk.integrations.django import DjangoIntegration
from sentry_sdk.integrations.logging import LoggingIntegration

from .outage import is_outage


def start(dsn: str, *, environment: str) -> None:
    sentry_sdk.init(
        dsn=dsn, environment=environment, send_default_pii=False, max_request_body_size="never",
        include_local_variables=False, traces_sample_rate=0.0, before_send=_before_send,
        integrations=[DjangoIntegration(), LoggingIntegration(event_level="ERROR")],
    )


def _before_send(event, hint):
    error = (hint.get("exc_info") or (None, None, None))[1]
    if is_outage(error) and event.get("logger") != "pojok.outage":
        return None
    request = event.get("request") or {}
    request.pop("query_string", None)  # a typed name may be in it (the desk's returning-guest lookup)
    request.pop("data", None)
    request.pop("cookies", None)
    return event
