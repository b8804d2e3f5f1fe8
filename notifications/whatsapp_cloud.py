"""Sending one approved template message through the WhatsApp Business Cloud API.

Off unless WHATSAPP_CLOUD_TOKEN and WHATSAPP_CLOUD_PHONE_ID are set. The standard library's urllib is
enough for one JSON POST; a failure raises WhatsAppError with the API's own message, which the outbox
records on the row and retries like a failed e-mail.
"""

import json
from urllib.error import HTTPError, URLError
from urllib.request import Request, urlopen

from django.conf import settings


class WhatsAppError(Exception):
    pass


def enabled() -> bool:
    return bool(settings.WHATSAPP_CLOUD_TOKEN and settings.WHATSAPP_CLOUD_PHONE_ID)


def template_message(*, to: str, template: str, parameters: list[str]) -> dict:
    """The request body the Cloud API takes for a template with body parameters {{1}}, {{2}}, …"""
    return {
        "messaging_product": "whatsapp",
        "to": to,
        "type": "template",
        "template": {
            "name": template,
            "language": {"code": settings.WHATSAPP_TEMPLATE_LANGUAGE},
            "components": [{"type": "body", "parameters": [{"type": "text", "text": str(value)[:1024]}
                                                            for value in parameters]}],
        },
    }


def send_template(*, to: str, template: str, parameters: list[str]) -> str:
    """POST the message; the API's message id, or WhatsAppError."""
    url = f"{settings.WHATSAPP_CLOUD_URL.rstrip('/')}/{settings.WHATSAPP_CLOUD_PHONE_ID}/messages"
    body = json.dumps(template_message(to=to, template=template, parameters=parameters)).encode()
    request = Request(url, data=body, method="POST", headers={
        "Authorization": f"Bearer {settings.WHATSAPP_CLOUD_TOKEN}", "Content-Type": "application/json"})
    try:
        with urlopen(request, timeout=settings.WHATSAPP_CLOUD_TIMEOUT) as response:  # noqa: S310 - a set URL
            answer = json.load(response)
    except HTTPError as error:
        raise WhatsAppError(f"WhatsApp Cloud API {error.code}: {_api_message(error)}") from error
    except (URLError, OSError, ValueError) as error:
        raise WhatsAppError(f"WhatsApp Cloud API tidak dapat dihubungi: {error}") from error
    try:
        return answer["messages"][0]["id"]
    except (KeyError, IndexError, TypeError) as error:
        raise WhatsAppError(f"Jawaban WhatsApp Cloud API tidak dikenal: {str(answer)[:200]}") from error


def _api_message(error: HTTPError) -> str:
    try:
        return json.load(error)["error"]["message"]
    except (ValueError, KeyError, TypeError):
        return error.reason or "galat"
