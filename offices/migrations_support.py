"""What the apps' migrations share: SQL for PostgreSQL only (search indexes SQLite has no kind of), and,
for the migration into offices, a table whose key was a number of the office's own (an SOP step, an
unsur, a day's counter) rebuilt with an id and the office, its rows copied over.

The rows of the one office there was become office 1 (BPKAD), their ids the old keys, so every
reference and every history entry (django-auditlog keys rows by id) still points at the same row.
Going back is refused once there is a second office: its rows would have nowhere to go.
"""

from django.db import migrations


def _reset_sequence(schema_editor, table: str) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                              f"COALESCE((SELECT MAX(id) FROM {table}), 1))")


def rekeyed(app: str, before: str, after: str, key: str | None, fields: list[str]):
    """Two RunPython operations: rows into the new table (before the old one's references move over), and,
    going back, rows into the old table again (after the references moved back). `key`: the old primary
    key, which becomes the id, and is one of `fields` too (None: the rows get new ids)."""

    def forward(apps, schema_editor):
        Before, After = apps.get_model(app, before), apps.get_model(app, after)
        After.objects.bulk_create(
            After(**({"id": getattr(row, key)} if key else {}), office_id=1,
                  **{name: getattr(row, name) for name in fields})
            for row in Before.objects.all())
        _reset_sequence(schema_editor, After._meta.db_table)

    def backward(apps, schema_editor):
        Before, After = apps.get_model(app, before), apps.get_model(app, after)
        if apps.get_model("offices", "Office").objects.count() > 1:
            raise RuntimeError(f"{app}.{after}: more than one office has rows; not migrating back.")
        Before.objects.bulk_create(
            Before(**{name: getattr(row, name) for name in fields})  # the old key is one of the fields
            for row in After.objects.all())

    return [migrations.RunPython(forward, migrations.RunPython.noop),
            migrations.RunPython(migrations.RunPython.noop, backward)]


def on_postgresql(statements: list[str]):
    """A RunPython function that runs these statements on PostgreSQL only."""

    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)
    return run
