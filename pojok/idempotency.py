"""Safe to send twice: a form carries a key made when it was shown, and what it asks is done once.

A POST repeated after a lost connection, a double click, or the outage page's "Kirim lagi" sends the
same key and gets the first answer back: never a second visit, a second routing or a second record.
`once()` is the mechanism (the lobby kiosk calls it directly); `@idempotent` applies it to a view whose
successful POST redirects (the desk's check-in, the routing form, the consultation record), and the
template tag `{% idempotency_key %}` puts the key in the form.

The key is claimed first, inside the same transaction as the work: a twin sent at the same moment
waits on the unique row (PostgreSQL) or the write lock (SQLite), then finds the first one's answer.
"""

import hashlib
import uuid
from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.shortcuts import redirect
from django.utils.translation import gettext

from . import clock
from .models import IdempotencyKey

FIELD = "idempotency_key"
_NOT_DATA = {FIELD, "csrfmiddlewaretoken"}
_DONE = {301, 302, 303}


def once(key: uuid.UUID, *, scope: str, work: Callable[[], str | None]) -> tuple[str | None, bool]:
    """Run `work()` once for (scope, key): (its result, False); again later: (the first result, True).

    `work()` returns a short text (a URL, an id) when it did what was asked, or None when it did nothing
    (a form with errors): then the key stays free for the corrected form.
    """
    try:  # the claim is the first statement: a key used before fails it at once, and nothing is done
        with transaction.atomic():
            claim = IdempotencyKey.objects.create(scope=scope, key=key, created_at=clock.now())
            result = work()
            if result is None:
                claim.delete()
            else:
                IdempotencyKey.objects.filter(pk=claim.pk).update(result=result)
    except IntegrityError:
        earlier = _result(scope, key)
        if earlier is None:  # not a twin: an error of the work itself
            raise
        return earlier, True
    return result, False


def _result(scope: str, key: uuid.UUID) -> str | None:
    return IdempotencyKey.objects.filter(scope=scope, key=key).values_list("result", flat=True).first()


def sent_key(request) -> uuid.UUID | None:
    """The key a POST carried, or None (an old page without one, or a garbled value)."""
    try:
        return uuid.UUID(str(request.POST.get(FIELD, "")))
    except ValueError:
        return None


def _fingerprint(request) -> str:
    """What was typed: the same key with other data (an old page edited and sent again) is new work."""
    items = sorted((name, value) for name, values in request.POST.lists() if name not in _NOT_DATA
                   for value in values)
    return hashlib.sha256(repr(items).encode()).hexdigest()


def idempotent(form_class=None):
    """A view whose successful POST redirects: a repeated POST with the same key and data is redirected
    where the first one went, without running the view again.

    `form_class` names the form whose labels the outage page uses to show what was typed
    (pojok.errors): a view marked here also keeps its typing when the database is down.
    """
    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            key = sent_key(request) if request.method == "POST" else None
            if key is None:
                return view(request, *args, **kwargs)
            answered = []

            def work():
                answered.append(view(request, *args, **kwargs))
                return answered[0]["Location"] if answered[0].status_code in _DONE else None

            scope = f"{request.user.pk}:{request.path}"
            location, repeated = once(uuid.uuid5(key, _fingerprint(request)), scope=scope, work=work)
            if not repeated:
                return answered[0]
            messages.info(request, gettext("Isian ini sudah tersimpan sebelumnya; tidak dicatat dua kali."))
            return redirect(location)

        wrapper.keeps_typing = form_class or True
        return wrapper
    return decorator
