"""Running the tools as whole processes and measuring them: interpreter start-up and imports count, because
that is what a contributor and the CI job wait for."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
BIN_DIR = Path(sys.executable).parent
PRAKTIJKBANK = BIN_DIR / "praktijkbank"
CHECK_JSONSCHEMA = BIN_DIR / "check-jsonschema"
MKDOCS = BIN_DIR / "mkdocs"
# mkdocs-material prints a banner about MkDocs 2.0 on every build unless this is set, as `make build` does.
CHILD_ENVIRONMENT = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


@dataclass(frozen=True)
class Measurement:
    """One finished process: wall time, peak memory of that process alone, and how it ended."""

    seconds: float
    peak_mb: float
    returncode: int
    output: str


def export_command(root: Path, target: Path) -> list[str]:
    """Every page the plugin generates, written out as Markdown files: the input of the plain build."""
    return [str(PRAKTIJKBANK), "export-pages", str(target), "--root", str(root)]


def build_command(config_file: Path, site_dir: Path) -> list[str]:
    """A site build as `make build` runs it, but into a folder of the benchmark's own."""
    return [str(MKDOCS), "build", "-f", str(config_file), "-d", str(site_dir)]


def time_command(argv: Sequence[str], environment: Mapping[str, str] = CHILD_ENVIRONMENT) -> Measurement:
    """Run one process and measure it; os.wait4 gives that child's own peak RSS, which
    RUSAGE_CHILDREN cannot (it only reports the largest child so far)."""
    with tempfile.TemporaryFile() as output:
        started = time.perf_counter()
        process = subprocess.Popen(argv, stdout=output, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                   env=environment)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        output.seek(0)
        text = output.read().decode("utf-8", errors="replace")
    return Measurement(seconds, usage.ru_maxrss / 1024, process.returncode, text)


def run_clean(argv: Sequence[str], count: int, environment: Mapping[str, str] = CHILD_ENVIRONMENT) -> Measurement:
    """Run and measure one command, and stop loudly if it fails: a benchmark of a validator that rejects
    valid data, or of a build that aborts half-way, measures the wrong thing."""
    measurement = time_command(argv, environment)
    if measurement.returncode != 0:
        shown = " ".join(argv[:6]) + (" ..." if len(argv) > 6 else "")
        raise SystemExit(f"bench: a command failed on the generated set of {count} practices.\n"
                         f"command: {shown}\nexit code: {measurement.returncode}\n"
                         f"output (first 3000 characters):\n{measurement.output[:3000]}")
    return measurement


def missing_executables(*executables: Path) -> str | None:
    """What a job would stop on half-way, said before the first run instead: a tool missing from the venv."""
    missing = [executable for executable in executables if not executable.is_file()]
    if missing:
        return f"bench: {missing[0]} not found; run the benchmark with the project's virtualenv Python."
    return None
