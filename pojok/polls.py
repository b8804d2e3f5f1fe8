"""Conditional polls: a partial that the browser asks for every few seconds answers 304 Not Modified
when nothing its viewer can see has changed.

The view names a cheap version of what it shows (one small query: the day's last history row and how
many there are, for the viewer's scope); the ETag is that version with the viewer, the language and
the day. Django's `condition` compares it with the If-None-Match the poll sent BEFORE the view runs, so
an unchanged board costs the version query and nothing else: no rendering, a body of zero bytes.
static/js/pojok.js sends the ETag of the last answer with each poll and keeps the page as it is on a
304; the timers go on ticking in the browser.
"""

import hashlib
from functools import wraps

from django.db import connection
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.views.decorators.http import condition

from pojok import clock


def last_rows(*querysets) -> tuple:
    """(largest id, row count) of each queryset, in one round trip: the version of what they hold."""
    parts, params = [], []
    for number, queryset in enumerate(querysets):
        sql, query_params = queryset.order_by().values("id").query.sql_with_params()
        parts.append(f"(SELECT MAX(id), COUNT(*) FROM ({sql}) AS rows{number}) AS version{number}")
        params += query_params
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {' CROSS JOIN '.join(parts)}", params)
        return tuple(cursor.fetchone())


def poll(version, *, guard=None):
    """Decorate a polled partial: `version(request, *args, **kwargs)` returns what makes its content;
    `guard(request)` (the view's access check, raising) runs first, so a refused viewer never learns
    a version."""
    def etag(request, *args, **kwargs):
        if guard is not None:
            guard(request)
        key = repr((version(request, *args, **kwargs), getattr(request.user, "pk", None), get_language(),
                    clock.today().isoformat()))
        return hashlib.blake2b(key.encode(), digest_size=12).hexdigest()

    def decorator(view):
        conditional = condition(etag_func=etag)(view)

        @wraps(view)
        def wrapper(request, *args, **kwargs):
            response = conditional(request, *args, **kwargs)
            # the browser keeps the answer only to ask again with its ETag; never served from its cache
            patch_cache_control(response, private=True, no_cache=True)
            return response
        return wrapper
    return decorator
