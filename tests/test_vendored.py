"""The third-party browser code in docs/javascripts/vendor/ is the npm package pinned in package-lock.json,
byte for byte: nobody edits a copy, and an update of package.json without a new copy fails here."""

from __future__ import annotations

import json

import pytest

from helpers import NODE_MODULES, PROJECT_ROOT, require_tool

VENDOR = PROJECT_ROOT / "docs" / "javascripts" / "vendor"
# vendored file → (npm package, file inside the package)
COPIES = {
    "qrcode-generator.js": ("qrcode-generator", "dist/qrcode.mjs"),
    "ajv2020.js": ("ajv-dist", "dist/ajv2020.min.js"),
    "markdown-it.js": ("markdown-it", "dist/browser/markdown-it.esm.min.mjs"),
    "dompurify.js": ("dompurify", "dist/purify.es.mjs"),
}


def pinned_version(package: str) -> str:
    lock = json.loads((PROJECT_ROOT / "package-lock.json").read_text(encoding="utf-8"))
    return lock["packages"][f"node_modules/{package}"]["version"]


@pytest.mark.parametrize("name", sorted(COPIES))
def test_the_vendored_file_is_the_pinned_npm_package(name: str) -> None:
    package, inside = COPIES[name]
    installed = NODE_MODULES / package / inside
    require_tool(installed.is_file(), f"{package} (node_modules)", "run `npm ci`")
    manifest = json.loads((NODE_MODULES / package / "package.json").read_text(encoding="utf-8"))
    assert manifest["version"] == pinned_version(package)
    assert (VENDOR / name).read_bytes() == installed.read_bytes(), f"copy node_modules/{package}/{inside} to {VENDOR / name}"


def test_every_vendored_script_is_a_pinned_dependency_and_named_in_the_readme() -> None:
    scripts = {path.name for path in VENDOR.glob("*.js")}
    package = json.loads((PROJECT_ROOT / "package.json").read_text(encoding="utf-8"))
    readme = (VENDOR / "README.txt").read_text(encoding="utf-8")

    assert scripts == set(COPIES)
    for name, (npm_name, inside) in COPIES.items():
        assert package["dependencies"][npm_name] == pinned_version(npm_name), "pinned exactly, no range"
        assert f"`{name}`" in readme and inside in readme
