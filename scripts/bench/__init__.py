"""Benchmark the project's speed goals on synthetic repositories.

The speed goals are checked here, not in the unit tests: timings on a shared CI machine are too noisy to fail a
build on, but a human comparing these tables between commits sees a regression at once. Each job prints a
table and, under it, each goal as PASS, FAIL or NOT MEASURED (a size the goal is about was left out):

- validation.py: `praktijkbank validate` against check-jsonschema;
- site_build.py: `mkdocs build` with our plugin against plain MkDocs on the exported pages;
- search.py: our search index against Pagefind (pagefind.py) and Material's search (material.py), driven in
  headless Chromium (browser.py, with the tests' browser set-up), optionally against our engine as another
  git revision built it (previous.py), plus the weight of the comparison page (compare_page.py);
- robustness.py: validation on broken and hostile input (the fuzz tests' mutants, noise and nesting bomb).
- map_cost.py: `mkdocs build` with the map against the same build without its drawings, and the map page's size.

They share the generated practices (generated.py: each takes the optional fields of one of the repository's
own practices, so they carry the same completeness hints), their git history (git_history.py: three commits
per practice that edit fields), running and timing processes (processes.py) and, for the
jobs that compare one of our tools with a yardstick, the alternating runs and the table (comparison.py).
A new job is one module with a `Job` (job.py), listed in `JOBS` in __main__.py; options only one job reads
(such as the search job's `--before`) are declared by that job.

Usage (from the repository root, with the project's virtual environment; `make bench` runs the first line):

    .venv/bin/python -m scripts.bench              # every job, 3 repetitions (many minutes)
    .venv/bin/python -m scripts.bench --validate   # validation only: 100, 1000 and 10000 practices
    .venv/bin/python -m scripts.bench --site       # site build only: 100, 1000 and 5000 practices
    .venv/bin/python -m scripts.bench --search     # search only: 1000 and 10000 practices
    .venv/bin/python -m scripts.bench --search --before main --only-ours  # search before and after a change,
                                      # without Pagefind and Material (which take minutes at 10,000)
    .venv/bin/python -m scripts.bench --robustness # validation on mutated practices, noise, a nesting bomb
    .venv/bin/python -m scripts.bench --map        # the map's cost only: 1000 and 5000 practices
    .venv/bin/python -m scripts.bench --quick      # the small sizes (100 and 1000; search 1000), 1 repetition
    .venv/bin/python -m scripts.bench --sizes 100,1000 --site-sizes 1000 --repeat 5

Every tool runs as a whole process, so interpreter start-up and imports count: that is what a contributor
and the CI job wait for. Runs alternate (ours, theirs, ours, theirs, ...) so that a machine getting busier
or quieter during the run affects both sides alike.
"""
