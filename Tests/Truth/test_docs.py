"""The documentation holds together: every relative link and #anchor in README.md, docs/*.md
and rules/*.md resolves, and docs/rules.md lists every rule as the binary does. No server and
no Swift build needed for the links (the rules index reads the binary's `patchgate rules`)."""

import importlib.util
import os
import shutil

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def load(name, file):
    spec = importlib.util.spec_from_file_location(name, os.path.join(ROOT, "scripts", file))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


doclinks = load("doclinks", "doclinks.py")
rules_index = load("gen_rules_index", "gen-rules-index.py")


def test_every_relative_link_and_anchor_resolves():
    assert doclinks.broken_links(ROOT) == []


def test_the_documents_checked_include_readme_docs_and_rules():
    names = doclinks.documents(ROOT)
    assert "README.md" in names
    assert any(name.startswith("docs/") for name in names)
    assert any(name.startswith("rules/") for name in names)


@pytest.fixture
def copy(tmp_path):
    for folder in ("docs", "rules"):
        shutil.copytree(os.path.join(ROOT, folder), tmp_path / folder)
    shutil.copy(os.path.join(ROOT, "README.md"), tmp_path / "README.md")
    return tmp_path


def append(path, text):
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(text)


@pytest.mark.parametrize("document, link, why", [
    ("README.md", "[usage](docs/usage.md#no-such-section)", "no heading with anchor #no-such-section"),
    ("README.md", "[gone](docs/gone.md)", "no such file"),
    ("docs/usage.md", "[here](#series-layouts)", "no heading with anchor #series-layouts in docs/usage.md"),
    ("docs/usage.md", "[rule](../rules/no-such-rule.md)", "no such file"),
    ("rules/truncate.md", "[ref][r]\n\n[r]: ../docs/json.md#nope", "no heading with anchor #nope"),
    ("docs/rules.md", "[src](../../outside.md)", "leaves the repository"),
])
def test_a_broken_link_is_reported_with_its_file_and_line(copy, document, link, why):
    path = copy / document
    lines_before = path.read_text(encoding="utf-8").count("\n")
    append(path, f"\n{link}\n")
    problems = doclinks.broken_links(str(copy))
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{document}:{lines_before + 2 + link.count(chr(10))}: ")
    assert why in problems[0]


def test_links_in_code_are_not_links(copy):
    append(copy / "docs" / "usage.md", "\n`[x](missing.md)`\n\n```md\n[y](missing.md)\n```\n")
    assert doclinks.broken_links(str(copy)) == []


@pytest.mark.parametrize("heading, anchor", [
    ("Configuration: `.patchgate.yml`", "configuration-patchgateyml"),
    ("DO blocks and functions (PL/pgSQL)", "do-blocks-and-functions-plpgsql"),
    ("JSON format (version 1)", "json-format-version-1"),
    ("Set-up on a fresh Debian 12 machine", "set-up-on-a-fresh-debian-12-machine"),
    ("Runners: how each migration tool applies a file", "runners-how-each-migration-tool-applies-a-file"),
    ("`snake_case` and *emphasis*", "snake_case-and-emphasis"),
    ("A [linked](x.md) heading", "a-linked-heading"),
])
def test_anchors_are_github_heading_slugs(heading, anchor):
    assert doclinks.slug(heading) == anchor


def test_a_repeated_heading_gets_a_numbered_anchor():
    assert {"notes", "notes-1", "notes-2"} <= doclinks.anchors("# Notes\n## Notes\n### Notes\n")
    assert "fenced" not in doclinks.anchors("```\n# fenced\n```\n")


def binary():
    path = os.environ.get("PATCHGATE_BIN", os.path.join(ROOT, ".build", "debug", "patchgate"))
    if not os.path.exists(path):
        pytest.fail(f"no patchgate binary at {path} (set PATCHGATE_BIN or swift build)")
    return path


def test_the_rules_index_matches_the_binary():
    with open(rules_index.PAGE, encoding="utf-8") as handle:
        page = handle.read()
    rules = rules_index.rules_from(binary())
    assert len(rules) >= 50
    assert page == rules_index.with_index(page, rules), \
        "docs/rules.md's index differs from `patchgate rules`: run scripts/gen-rules-index.py"


def test_every_rule_page_is_in_the_index():
    with open(rules_index.PAGE, encoding="utf-8") as handle:
        page = handle.read()
    pages = sorted(name[:-3] for name in os.listdir(os.path.join(ROOT, "rules")) if name.endswith(".md"))
    missing = [rule_id for rule_id in pages if f"](../rules/{rule_id}.md)" not in page]
    assert missing == []
