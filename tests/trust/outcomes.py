"""A response told in one short word, so that an expectations table reads like the office's rules.

"200" a page, "login" a redirect to the login page, "admin-login" to the admin's login, "403",
"404", "405", "400", and "→visits:inbox" a redirect to another named page.
"""

from urllib.parse import urlsplit

from django.apps import apps
from django.db import connection
from django.urls import Resolver404, resolve, reverse


def outcome(response) -> str:
    if response.status_code not in (301, 302, 303):
        return str(response.status_code)
    path = urlsplit(response["Location"]).path
    if path == reverse("login"):
        return "login"
    if path == reverse("admin:login"):
        return "admin-login"
    try:
        match = resolve(path)
    except Resolver404:
        return f"→{path}"
    return f"→{match.view_name}"


def row_counts() -> dict[str, int]:
    """Rows in every table of the project's models, read in one query."""
    tables = sorted({model._meta.db_table for model in apps.get_models(include_auto_created=True)
                     if model._meta.managed and not model._meta.proxy})
    quote = connection.ops.quote_name
    columns = ", ".join(f"(SELECT COUNT(*) FROM {quote(table)})" for table in tables)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns} /*all offices*/")
        return dict(zip(tables, cursor.fetchone(), strict=True))


def changed(before: dict, after: dict) -> dict:
    return {table: (before[table], after[table]) for table in before if before[table] != after[table]}
