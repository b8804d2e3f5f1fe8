"""The database's own note of which office days changed: triggers on the visit and step tables that add
a `kabupaten_change` row (office, day) for every visit written and every step written, in the writer's
transaction. A trigger sees every write, however made: a page's save, a queryset's update, a night job,
a bulk load (PostgreSQL's COPY), a migration, raw SQL. Python hooks would each need every writer to go
through them.

PostgreSQL: a trigger per statement, with the statement's rows as a transition table, so a bulk write
notes each (office, day) once, not each row; a TRUNCATE of either table forgets every count (all days are
counted again). SQLite has only row triggers, and no TRUNCATE.
"""

CHANGE = "kabupaten_change"
VISITS, STEPS = "visits_visit", "visits_visitstep"
COUNTS = ("kabupaten_daycount", "kabupaten_stepcount")

# each event: its transition tables and the names a PostgreSQL trigger reads them by; SQLite's rows
_EVENTS = {
    "insert": ("NEW TABLE AS after_rows", ["after_rows"], ["NEW"]),
    "update": ("OLD TABLE AS before_rows NEW TABLE AS after_rows", ["before_rows", "after_rows"], ["OLD", "NEW"]),
    "delete": ("OLD TABLE AS before_rows", ["before_rows"], ["OLD"]),
}


def _touched_days(table: str, sources: list[str]) -> str:
    """SELECT the (office, day) of the rows in `sources`, as visits (a step names its visit)."""
    if table == VISITS:
        rows = " UNION ".join(f"SELECT office_id, day FROM {source}" for source in sources)
    else:
        ids = " UNION ".join(f"SELECT visit_id FROM {source}" for source in sources)
        rows = f"SELECT office_id, day FROM {VISITS} WHERE id IN ({ids})"
    return f"INSERT INTO {CHANGE} (office_id, day) SELECT DISTINCT office_id, day FROM ({rows}) AS touched"


TABLES = (VISITS, STEPS)


def _name(table: str, event: str) -> str:
    return f"kabupaten_{table}_{event}"


def _triggers(vendor: str) -> list[tuple[str, str]]:
    events = [*_EVENTS, "truncate"] if vendor == "postgresql" else list(_EVENTS)
    return [(table, event) for table in TABLES for event in events]


def _postgresql(table: str, event: str) -> list[str]:
    name = _name(table, event)
    if event == "truncate":
        body, referencing = " ".join(f"DELETE FROM {counts};" for counts in COUNTS) + f" {_every_day()}", ""
    else:
        transition, sources, _ = _EVENTS[event]
        body, referencing = f"{_touched_days(table, sources)};", f" REFERENCING {transition}"
    return [f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ "
            f"BEGIN {body} RETURN NULL; END $$",
            f"DROP TRIGGER IF EXISTS {name} ON {table}",
            f"CREATE TRIGGER {name} AFTER {event.upper()} ON {table}{referencing} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {name}()"]


def _sqlite(table: str, event: str) -> list[str]:
    rows = _EVENTS[event][2]
    if table == VISITS:
        notes = [f"INSERT INTO {CHANGE} (office_id, day) VALUES ({row}.office_id, {row}.day);" for row in rows]
    else:
        ids = ", ".join(f"{row}.visit_id" for row in rows)
        notes = [f"INSERT INTO {CHANGE} (office_id, day) SELECT office_id, day FROM {VISITS} WHERE id IN ({ids});"]
    name = _name(table, event)
    return [f"DROP TRIGGER IF EXISTS {name}",
            f"CREATE TRIGGER {name} AFTER {event.upper()} ON {table} FOR EACH ROW BEGIN {' '.join(notes)} END"]


def _every_day() -> str:
    return f"INSERT INTO {CHANGE} (office_id, day) SELECT DISTINCT office_id, day FROM {VISITS};"


def _present(cursor, vendor: str) -> set[str]:
    if vendor == "postgresql":
        cursor.execute("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgname LIKE 'kabupaten_%'")
    else:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'kabupaten_%'")
    return {name for (name,) in cursor.fetchall()}


def ensure(connection) -> bool:
    """Make the triggers that are missing, and note every day to be counted again if one was: a
    migration that rebuilds the visit or step table (SQLite rebuilds a table to change a column) drops
    the table's triggers with it. Called by the migration that made them and after every `migrate`
    (apps.py). Nothing to do before the kabupaten's tables exist. True when some were made."""
    if CHANGE not in connection.introspection.table_names():
        return False
    vendor = connection.vendor
    make = _postgresql if vendor == "postgresql" else _sqlite
    with connection.cursor() as cursor:
        present = _present(cursor, vendor)
        missing = [(table, event) for table, event in _triggers(vendor) if _name(table, event) not in present]
        for table, event in missing:
            for statement in make(table, event):
                cursor.execute(statement)
        if missing:
            cursor.execute(_every_day())
    return bool(missing)


def drop(connection) -> None:
    with connection.cursor() as cursor:
        for table, event in _triggers(connection.vendor):
            if connection.vendor == "postgresql":
                cursor.execute(f"DROP TRIGGER IF EXISTS {_name(table, event)} ON {table}")
                cursor.execute(f"DROP FUNCTION IF EXISTS {_name(table, event)}()")
            else:
                cursor.execute(f"DROP TRIGGER IF EXISTS {_name(table, event)}")
