"""The GitHub workflows follow the project's security rules, and the editor and pre-commit set-up work."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from helpers import PROJECT_ROOT, VALID_PRACTICE, require_tool

WORKFLOWS = sorted((PROJECT_ROOT / ".github" / "workflows").glob("*.yml"))
PINNED = re.compile(r"^\s*-?\s*uses:\s*[\w.-]+/[\w./-]+@[0-9a-f]{40}\s+#\s*v\d+(\.\d+){0,2}\s*$")
WRITE_SCOPES = {"contents", "pages", "id-token", "issues", "pull-requests"}
IMAGE_BY_DIGEST = re.compile(r"^[\w./-]+(:[\w.-]+)?@sha256:[0-9a-f]{64}$")
ZIZMOR = Path(sys.executable).parent / "zizmor"


def _jobs(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["jobs"]


def test_there_are_workflows_to_check() -> None:
    assert {path.name for path in WORKFLOWS} >= {"validate.yml", "deploy.yml", "praktijk-uit-formulier.yml"}


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_every_action_is_pinned_by_commit_sha_with_a_version_comment(path: Path) -> None:
    uses = [line for line in path.read_text(encoding="utf-8").splitlines() if re.match(r"^\s*-?\s*uses:", line)]
    assert uses
    assert [line for line in uses if not PINNED.match(line)] == []


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_no_pull_request_target(path: Path) -> None:
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    triggers = workflow.get("on", workflow.get(True))  # PyYAML reads the key `on` as True
    assert "pull_request_target" not in (triggers if isinstance(triggers, (dict, list)) else [triggers])


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_event_data_never_reaches_a_shell_script_directly(path: Path) -> None:
    for name, job in _jobs(path).items():
        for step in job.get("steps", []):
            assert "${{ github.event." not in step.get("run", ""), f"{name}: {step.get('name')}"
            assert "github.event." not in re.sub(r"\s", "", step.get("run", "")), f"{name}: {step.get('name')}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_least_privilege_read_at_the_top_write_only_on_a_job(path: Path) -> None:
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert workflow["permissions"] == {"contents": "read"}
    for job in workflow["jobs"].values():
        assert isinstance(job.get("permissions", {}), dict)  # never `write-all`
        assert set(job.get("permissions", {})) <= WRITE_SCOPES


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_no_checkout_leaves_its_token_in_the_git_config(path: Path) -> None:
    """A job that must push gets the token on that step only (see the form workflow), never through the
    credentials that actions/checkout would otherwise keep in the repository for every later step."""
    for name, job in _jobs(path).items():
        for step in job.get("steps", []):
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step.get("with", {}).get("persist-credentials") is False, name


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_container_images_are_pinned_by_digest(path: Path) -> None:
    for name, job in _jobs(path).items():
        images = [job.get("container"), *(service for service in job.get("services", {}).values())]
        for image in images:
            image = image.get("image") if isinstance(image, dict) else image
            assert image is None or IMAGE_BY_DIGEST.match(image), f"{name}: {image}"


def test_only_the_steps_that_talk_to_github_get_the_token_in_the_form_workflow() -> None:
    """`make install` and the converter read the untrusted issue text; the token must not be in their
    environment. The push gets it from a credential helper reading GH_TOKEN, not from the checkout."""
    job = _jobs(PROJECT_ROOT / ".github" / "workflows" / "praktijk-uit-formulier.yml")["convert"]
    assert "github.token" not in str(job.get("env", {})) and "secrets." not in str(job.get("env", {}))
    for step in job["steps"]:
        with_token = "github.token" in str(step.get("env", {}))
        talks_to_github = re.search(r"\bgh |\bgit\b.*\bpush\b", step.get("run", ""), re.DOTALL) is not None
        assert with_token == talks_to_github, step.get("name", step.get("uses"))
    [push] = [step["run"] for step in job["steps"] if "push" in step.get("run", "")]
    assert "password=$GH_TOKEN" in push


def test_the_site_is_built_from_a_checkout_with_the_full_history() -> None:
    """The practice pages, wijzigingen/ and the feeds read the history from git; a shallow clone leaves it out."""
    build = _jobs(PROJECT_ROOT / ".github" / "workflows" / "deploy.yml")["build"]
    [checkout] = [step for step in build["steps"] if step.get("uses", "").startswith("actions/checkout@")]
    assert checkout["with"]["fetch-depth"] == 0


def test_the_pages_deploy_job_alone_may_write_pages() -> None:
    jobs = _jobs(PROJECT_ROOT / ".github" / "workflows" / "deploy.yml")
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert jobs["deploy"]["environment"]["name"] == "github-pages"
    assert "permissions" not in jobs["build"]


def test_the_form_workflow_passes_the_body_through_the_environment() -> None:
    path = PROJECT_ROOT / ".github" / "workflows" / "praktijk-uit-formulier.yml"
    job = _jobs(path)["convert"]
    assert job["env"]["ISSUE_BODY"] == "${{ github.event.issue.body }}"
    assert "praktijk-aanmelding" in job["if"]
    scripts = "\n".join(step.get("run", "") for step in job["steps"])
    assert 'printf \'%s\' "$ISSUE_BODY" >' in scripts
    assert "gh issue comment" in scripts and "--body-file" in scripts
    assert "gh pr create" in scripts and "Sluit #" in scripts


def test_codeowners_protect_the_engine_and_the_automation() -> None:
    owned = {line.split()[0] for line in (PROJECT_ROOT / ".github" / "CODEOWNERS").read_text().splitlines()
             if line.strip() and not line.startswith("#")}
    assert owned == {"/mkdocs.yml", "/.github/", "/src/", "/schemas/"}


def test_dependabot_watches_actions_and_pip_a_week_after_each_release() -> None:
    config = yaml.safe_load((PROJECT_ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    assert {update["package-ecosystem"] for update in config["updates"]} == {"github-actions", "pip"}
    assert all(update["cooldown"]["default-days"] >= 7 for update in config["updates"])


def test_zizmor_finds_nothing_in_the_github_folder() -> None:
    """The static analyser for GitHub Actions, offline, under its default persona: no finding of low severity or
    higher in the workflows and the Dependabot configuration (a suppression needs a comment that says why)."""
    require_tool(ZIZMOR.exists(), "zizmor", "make install puts it in .venv/bin (pyproject.toml, dev)")
    result = subprocess.run([str(ZIZMOR), "--offline", "--min-severity", "low", "--no-progress", "--color", "never",
                             ".github/"], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_editor_maps_data_files_to_the_committed_schemas() -> None:
    settings = json.loads((PROJECT_ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    schemas = settings["yaml.schemas"]
    assert schemas["./schemas/practice.schema.json"] == ["practices/*.yml"]
    assert schemas["./schemas/collection.schema.json"] == ["collections/*.yml"]
    template = (PROJECT_ROOT / "practices" / "_template.yml").read_text(encoding="utf-8")
    assert template.startswith("# yaml-language-server: $schema=../schemas/practice.schema.json\n")


def test_the_committed_schema_works_as_an_editor_schema() -> None:
    """An editor uses the committed file as is: with its enums it must accept every practice and refuse a
    wrong theme, without praktijkbank's help."""
    import jsonschema

    from praktijkbank.load.strict_yaml import load_file

    schema = json.loads((PROJECT_ROOT / "schemas" / "practice.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    practices = sorted((PROJECT_ROOT / "practices").glob("[!_]*.yml"))
    assert practices
    for path in practices:
        assert list(validator.iter_errors(load_file(path).data)) == [], path.name
    data = yaml.safe_load(VALID_PRACTICE.read_text(encoding="utf-8"))
    data["added"] = str(data["added"])
    assert list(validator.iter_errors(data)) == []
    data["themes"] = ["lezen"]
    assert [error.validator for error in validator.iter_errors(data)] == ["enum"]


def test_the_pre_commit_hook_runs_the_validator_on_changed_data_files(make_repository, tmp_path: Path) -> None:
    config = yaml.safe_load((PROJECT_ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    [hook] = config["repos"][0]["hooks"]
    files = re.compile(hook["files"])
    for changed in ("practices/hoorn-taalcafe.yml", "collections/x.yml", "practices/Hoorn.YML", "practices/x.yaml",
                    "practices/2025/x.yml", "practices/notities.txt"):
        assert files.search(changed), f"{changed} must reach the validator, which reports it"
    assert not files.search("src/praktijkbank/cli.py")

    root = make_repository()
    bad = root / "practices" / "kapot.yml"
    bad.write_text(VALID_PRACTICE.read_text(encoding="utf-8").replace("status: lopend", "status: loopt")
                   .split("aliases:")[0])
    (root / "practices" / "_template.yml").write_text("title: [", encoding="utf-8")
    command = hook["entry"].split()
    executable = str(Path(sys.executable).parent / Path(command[0]).name)

    def run_hook(*changed: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([executable, *command[1:], *changed], cwd=root, capture_output=True, text=True)

    good = run_hook("practices/voorbeeldstad-voorleestent.yml", "practices/_template.yml")
    failing = run_hook("practices/kapot.yml")
    assert good.returncode == 0, good.stdout + good.stderr
    assert failing.returncode == 1
    assert "practices/kapot.yml:" in failing.stdout and "unknown-value" in failing.stdout


def test_the_form_workflow_turns_a_change_into_its_own_pull_request_by_the_exit_code() -> None:
    """The label of the form "Wijziging voorstellen" starts the job; a change gets its own branch; the exit codes
    of `from-issue` (its --help lists them) decide between a pull request, a comment and the editors' label."""
    from praktijkbank.cli.contribute import EXIT_CHANGED, EXIT_OK, EXIT_PROBLEMS, EXIT_REMARK_ONLY
    from praktijkbank.contribute.issue_form import CHANGE_FORM

    job = _jobs(PROJECT_ROOT / ".github" / "workflows" / "praktijk-uit-formulier.yml")["convert"]
    assert f"'{CHANGE_FORM.label}'" in job["if"]
    [convert] = [step["run"] for step in job["steps"] if "from-issue" in step.get("run", "")]
    assert f"{EXIT_OK}|{EXIT_CHANGED}) echo \"outcome=pull-request\"" in convert
    assert f"{EXIT_PROBLEMS}) echo \"outcome=problems\"" in convert
    assert f"{EXIT_REMARK_ONLY}) echo \"outcome=editors\"" in convert
    assert '*) exit "$status"' in convert, "any other code fails the job"
    assert "branch=praktijk-wijziging/issue-$ISSUE_NUMBER" in convert
    editors = next(step for step in job["steps"] if "outcome == 'editors'" in step.get("if", ""))
    assert "--add-label" in editors["run"] and "gh issue comment" in editors["run"]
