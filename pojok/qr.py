"""QR codes drawn on the server as inline SVG (segno): nothing fetched, nothing run in the browser."""

import segno
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext


def qr_svg(text: str, *, scale: int = 4, title: str | None = None, svgclass: str = "survey-qr") -> SafeString:
    """A survey link, a booking code, a device's pairing link: any text, as an inline SVG QR code."""
    title = title if title is not None else gettext("Kode QR survei")
    code = segno.make(text, error="m", micro=False)
    # segno writes only its own <svg>/<path> markup around the encoded text: nothing a guest typed.
    return mark_safe(code.svg_inline(scale=scale, border=2, title=title, svgclass=svgclass))
