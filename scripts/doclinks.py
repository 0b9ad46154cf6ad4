#!/usr/bin/env python3
"""Checks every relative link and #anchor in README.md, docs/*.md and rules/*.md: the file or
directory must exist, and an anchor must be the GitHub slug of a heading in the target file.
Prints one line per broken link (file:line: target: why) and exits 1 when there is one.
Tests/Truth/test_docs.py runs it over the repository and over a broken copy."""
import os
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

FENCE = re.compile(r"^\s*(```|~~~)")
CODE_SPAN = re.compile(r"(`+)(.+?)\1")
# [text](target) or [text](target "title"); an image's ![alt](target) too
INLINE_LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
REFERENCE_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+.*)?$")
HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
EXPLICIT_ANCHOR = re.compile(r"<a\s+(?:name|id)=\"([^\"]+)\"")


def documents(root):
    """README.md, docs/*.md and rules/*.md, as paths relative to root."""
    names = ["README.md"] if os.path.exists(os.path.join(root, "README.md")) else []
    for folder in ("docs", "rules"):
        directory = os.path.join(root, folder)
        if os.path.isdir(directory):
            names += sorted(f"{folder}/{name}" for name in os.listdir(directory) if name.endswith(".md"))
    return names


def prose_lines(text):
    """(line number, line) outside fenced code blocks."""
    fenced = False
    for number, line in enumerate(text.split("\n"), start=1):
        if FENCE.match(line):
            fenced = not fenced
            continue
        if not fenced:
            yield number, line


def slug(heading):
    """GitHub's anchor for a heading: its rendered text, lower case, punctuation dropped,
    spaces to hyphens."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # a link keeps its text
    text = re.sub(r"<[^>]+>", "", text)                         # inline HTML
    text = text.replace("`", "").replace("*", "")
    text = re.sub(r"(?<!\w)_+|_+(?!\w)", "", text)              # _emphasis_, not snake_case
    text = text.strip().lower()
    kept = "".join(c for c in text if c in " -_" or unicodedata.category(c)[0] in "LNM")
    return kept.replace(" ", "-")


def anchors(text):
    """Every anchor a file defines: heading slugs (repeats get -1, -2, … as on GitHub) and
    explicit <a name/id>."""
    found, seen = set(), {}
    for _, line in prose_lines(text):
        found.update(EXPLICIT_ANCHOR.findall(line))
        match = HEADING.match(line)
        if not match:
            continue
        base = slug(match.group(2))
        count = seen.get(base, 0)
        seen[base] = count + 1
        found.add(base if count == 0 else f"{base}-{count}")
    return found


def links(text):
    """(line number, target) of every link outside code."""
    for number, line in prose_lines(text):
        line = CODE_SPAN.sub("", line)
        for target in INLINE_LINK.findall(line):
            yield number, target
        definition = REFERENCE_DEFINITION.match(line)
        if definition:
            yield number, definition.group(1)


def is_external(target):
    return re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", target) is not None or target.startswith("//")


def broken_links(root=ROOT):
    """One message per link that does not resolve."""
    problems, anchor_cache = [], {}

    def anchors_of(path):
        if path not in anchor_cache:
            with open(path, encoding="utf-8") as handle:
                anchor_cache[path] = anchors(handle.read())
        return anchor_cache[path]

    for name in documents(root):
        source = os.path.join(root, name)
        with open(source, encoding="utf-8") as handle:
            text = handle.read()
        for line, target in links(text):
            if not target or is_external(target):
                continue
            path_part, _, anchor = target.partition("#")
            resolved = os.path.normpath(os.path.join(os.path.dirname(source), path_part)) if path_part else source
            where = f"{name}:{line}: {target}"
            if not os.path.realpath(resolved).startswith(os.path.realpath(root) + os.sep):
                problems.append(f"{where}: leaves the repository")
            elif not os.path.exists(resolved):
                problems.append(f"{where}: no such file")
            elif anchor:
                if not resolved.endswith(".md") or os.path.isdir(resolved):
                    problems.append(f"{where}: an anchor into a file that is not Markdown")
                elif anchor not in anchors_of(resolved):
                    problems.append(f"{where}: no heading with anchor #{anchor} in {os.path.relpath(resolved, root)}")
    return problems


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else ROOT
    problems = broken_links(root)
    for problem in problems:
        print(problem)
    checked = len(documents(root))
    print(f"{checked} files checked, {len(problems)} broken link{'s' if len(problems) != 1 else ''}", file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
