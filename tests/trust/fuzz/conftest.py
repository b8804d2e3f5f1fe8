"""Hypothesis profiles for the fuzz tests. "ci", the default: 40 examples per target (FUZZ_EXAMPLES=N
changes it), about two minutes for the folder on two cores, the same examples on every run (a
landing must not hang on the luck of the draw). "thorough": 300 fresh random examples per target,
for a longer hunt (HYPOTHESIS_PROFILE=thorough, or `make fuzz`): what it finds becomes a fix and a
test. (A ci run before derandomizing found the admin's search crash on a 10,000-word query.)

Every example runs inside a savepoint that is rolled back (see run.Fuzzer), so the examples of one
test share the people and objects built once for it, and each starts from the same state.
"""

import os

from hypothesis import HealthCheck, settings

_QUIET = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large]
settings.register_profile("ci", max_examples=int(os.environ.get("FUZZ_EXAMPLES", "40")), deadline=None,
                          suppress_health_check=_QUIET, database=None, print_blob=True,
                          derandomize=True)
settings.register_profile("thorough", max_examples=300, deadline=None, suppress_health_check=_QUIET,
                          database=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
