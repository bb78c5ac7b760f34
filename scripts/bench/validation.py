"""Validation: `praktijkbank validate` against check-jsonschema on the same generated practices.

Goals: 1,000 practices validated in under 0.5 s, and at least 4x faster than check-jsonschema.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from scripts.bench.comparison import Comparison, Goal, Row, comparison_job, median, speed_up, time_alternately
from scripts.bench.generated import generate_and_describe
from scripts.bench.processes import CHECK_JSONSCHEMA, PRAKTIJKBANK, run_clean


def our_command(root: Path) -> list[str]:
    """The project's validator on the whole repository, as the CI job runs it."""
    return [str(PRAKTIJKBANK), "validate", "--root", str(root)]


def their_command(root: Path) -> list[str]:
    """check-jsonschema on every practice in one process; `--` ends the options so any file name is safe.
    Splitting the files over several processes would charge it start-up time more than once."""
    files = sorted(str(path) for path in (root / "practices").glob("*.yml"))
    return [str(CHECK_JSONSCHEMA), "--schemafile", str(root / "schemas" / "practice.schema.json"), "--", *files]


def benchmark_validate(count: int, repeat: int) -> Row:
    """Generate one repository, check it once with both tools (which also warms the file cache), then
    time both tools alternately."""
    with tempfile.TemporaryDirectory(prefix=f"praktijkbank-bench-{count}-") as directory:
        root = Path(directory)
        generate_and_describe(root, count)
        ours, theirs = our_command(root), their_command(root)
        for argv in (ours, theirs):
            run_clean(argv, count)
        return time_alternately(ours, theirs, count, repeat)


VALIDATION = Comparison(
    title="praktijkbank validate vs check-jsonschema (cjs); ratio = cjs median / ours median",
    baseline="cjs",
    ratio=speed_up,
    goals=(Goal("1,000 practices validated in under 0.5 s", (1000,), lambda row: median(row.ours),
                lambda seconds: seconds < 0.5, lambda seconds: f"{seconds:.3f} s median"),
           Goal("at least 4x faster than check-jsonschema", (), speed_up, lambda ratio: ratio >= 4.0,
                lambda ratio: f"{ratio:.2f}x")),
    measure=benchmark_validate,
)
JOB = comparison_job(VALIDATION, name="validate", help="run the validation benchmark", sizes_option="--sizes",
                     sizes_help="to validate", default_sizes=(100, 1000, 10000), quick_sizes=(100, 1000),
                     executables=(PRAKTIJKBANK, CHECK_JSONSCHEMA))
