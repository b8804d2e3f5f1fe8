"""Database pieces the SOP report needs that Django does not ship: a percentile aggregate and the
seconds between two moments, each written for PostgreSQL and for SQLite."""

import math

from django.db.models import Aggregate, FloatField, Func


class Percentile(Aggregate):
    """The continuous percentile of a group (0.5 is the median), interpolated like percentile_cont.

    PostgreSQL has the ordered-set aggregate built in. SQLite has none, so the same function is
    registered on the SQLite connection as an aggregate, as Django does for StdDev and Variance:
    the values still never leave the database query; only each group's result does.
    """

    name = "Percentile"
    output_field = FloatField()

    def __init__(self, expression, fraction: float, **extra):
        fraction = float(fraction)
        if not 0 <= fraction <= 1:
            raise ValueError("fraction must be between 0 and 1")
        self.fraction = fraction
        super().__init__(expression, **extra)
        self.template = f"percentile_cont({fraction!r}) WITHIN GROUP (ORDER BY %(expressions)s)"

    def as_sqlite(self, compiler, connection, **extra_context):
        _register_sqlite_percentile(connection)
        on_sqlite = self.copy()
        on_sqlite.template = f"pojok_percentile_cont({self.fraction!r}, %(expressions)s)"
        return super(Percentile, on_sqlite).as_sql(compiler, connection, **extra_context)


class _PercentileCont:
    """percentile_cont for SQLite: linear interpolation between the two nearest ordered values."""

    def __init__(self):
        self.values, self.fraction = [], 0.5

    def step(self, fraction, value):
        if value is not None:
            self.fraction = fraction
            self.values.append(value)

    def finalize(self):
        if not self.values:
            return None
        values = sorted(self.values)
        position = self.fraction * (len(values) - 1)
        lower, upper = math.floor(position), math.ceil(position)
        return values[lower] + (values[upper] - values[lower]) * (position - lower)


def _register_sqlite_percentile(connection) -> None:
    # Registered when a query needs it, so every connection has it (tests, commands, threads)
    # without a signal; registering again on the same connection is harmless.
    connection.ensure_connection()
    connection.connection.create_aggregate("pojok_percentile_cont", 2, _PercentileCont)


class SecondsBetween(Func):
    """`end - start` in seconds, as a float (NULL when either is NULL)."""

    output_field = FloatField()
    arity = 2

    def __init__(self, end, start, **extra):
        super().__init__(end, start, **extra)

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection,
                           template="EXTRACT(EPOCH FROM (%(expressions)s))", arg_joiner=" - ",
                           **extra_context)

    def as_sqlite(self, compiler, connection, **extra_context):
        # julianday() keeps milliseconds; the report rounds to whole seconds.
        return self.as_sql(compiler, connection,
                           template="((julianday(%(expressions)s)) * 86400.0)",
                           arg_joiner=") - julianday(", **extra_context)
