"""The suite's query watch: every statement that reads, changes or removes rows of a tenant table must
say which office (the `/*office*/` mark of offices.tenancy.CurrentOffice), or `/*all offices*/` (the
kabupaten's figures, by name), or name its rows by key only.

Only the tables a statement reads FROM (its own, and its subqueries') count: a JOIN follows a foreign
key of a row already chosen, as a key does. A key-only statement (`WHERE "visits_visit"."id" = %s`,
`"visit_id" IN (...)`) is Django following a key it already holds: a row's save, a foreign key, a
cascade. Its key came from a scoped query.
Anything else (a `_base_manager` search, raw SQL without the mark) is recorded with the code that made
it, and the test fails at its end.
"""

import re
import traceback
from pathlib import Path

from django.apps import apps

from offices.tenancy import ALL_MARK, MARK, OfficeManager

ROOT = str(Path(__file__).resolve().parents[2])
KEY_ONLY = re.compile(
    r'^\(*"\w+"\."(?:id|\w+_id)" (?:= %s|IN \((?:%s(?:, )?)+\))\)*'
    r'(?: AND \(*"\w+"\."(?:id|\w+_id)" (?:= %s|IN \((?:%s(?:, )?)+\))\)*)*'
    r'(?: ORDER BY .*)?(?: LIMIT \d+)?(?: FOR UPDATE)?$')
READS = ("SELECT", "UPDATE", "DELETE", "WITH")


def tenant_tables() -> set[str]:
    return {model._meta.db_table for model in apps.get_models()
            if isinstance(model._default_manager, OfficeManager)}


class TenantQueryWatch:
    """`outer`: the suite's own watch (tests/conftest.py), which a test of the watch itself silences."""

    silenced = False

    def __init__(self, *, outer: bool = False):
        self.tables = tenant_tables()
        self.found: list[str] = []
        self.outer = outer

    def __call__(self, execute, sql, params, many, context):
        if not (self.outer and TenantQueryWatch.silenced) and self.unscoped(sql):
            self.found.append(f"{sql}\n  made by:\n{self._where_from()}")
        return execute(sql, params, many, context)

    def unscoped(self, sql: str) -> bool:
        if not sql.lstrip().upper().startswith(READS) or MARK in sql or ALL_MARK in sql:
            return False
        read = set(re.findall(r'(?:FROM|UPDATE) "?(\w+)"?', sql)) & self.tables
        return bool(read) and not _key_only(sql)

    @staticmethod
    def _where_from() -> str:
        frames = [frame for frame in traceback.extract_stack()[:-2]
                  if frame.filename.startswith(ROOT) and "/.venv/" not in frame.filename
                  and not frame.filename.endswith(("watch.py", "conftest.py"))]
        return "".join(traceback.format_list(frames[-6:]))


def _key_only(sql: str) -> bool:
    """Whether the statement's only condition is the key of the rows it names."""
    if " WHERE " not in sql:
        return False
    where = sql.split(" WHERE ", 1)[1]
    return bool(KEY_ONLY.match(where.strip()))
