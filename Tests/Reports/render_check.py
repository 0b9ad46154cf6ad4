#!/usr/bin/env python3
"""Renders Markdown from stdin as GitHub Flavored Markdown (cmark-gfm, the renderer GitHub uses,
through the cmarkgfm package) and prints what came out as JSON, for
Tests/PatchgateTests/ReviewReporterTests.swift to assert on.

Raw HTML is let through (CMARK_OPT_UNSAFE) and the tagfilter extension is left out: GitHub and
GitLab would filter a <script> afterwards, which would hide a report that failed to escape one.
Here it comes out as an element and the test sees it.

Output: {"elements": [tag names, sorted], "tables": [{"header": [...], "rows": [[...]]}],
         "links": [[text, href]], "headings": [...], "strikethrough": [...], "text": "..."}
Cell, heading and link texts are the text a reader sees (entities decoded).
"""
import json
import sys
from html.parser import HTMLParser

import cmarkgfm
from cmarkgfm.cmark import Options


class Structure(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = set()
        self.tables = []
        self.links = []
        self.headings = []
        self.strikethrough = []
        self.text = []
        self._cell = None
        self._row = None
        self._in_head = False
        self._link = None
        self._heading = None
        self._del = None

    def handle_starttag(self, tag, attrs):
        self.elements.add(tag)
        if tag == "table":
            self.tables.append({"header": [], "rows": []})
        elif tag == "thead":
            self._in_head = True
        elif tag == "tbody":
            self._in_head = False
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "a":
            self._link = ([], dict(attrs).get("href", ""))
        elif tag in ("h1", "h2", "h3", "h4"):
            self._heading = []
        elif tag == "del":
            self._del = []

    def handle_startendtag(self, tag, attrs):
        self.elements.add(tag)

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self._row.append("".join(self._cell))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            table = self.tables[-1]
            if self._in_head:
                table["header"] = self._row
            else:
                table["rows"].append(self._row)
            self._row = None
        elif tag == "a" and self._link is not None:
            self.links.append(["".join(self._link[0]), self._link[1]])
            self._link = None
        elif tag in ("h1", "h2", "h3", "h4") and self._heading is not None:
            self.headings.append("".join(self._heading))
            self._heading = None
        elif tag == "del" and self._del is not None:
            self.strikethrough.append("".join(self._del))
            self._del = None

    def handle_data(self, data):
        for part in (self._cell, self._heading, self._del, self._link[0] if self._link else None):
            if part is not None:
                part.append(data)
        self.text.append(data)


def main():
    markdown = sys.stdin.buffer.read().decode("utf-8")
    html = cmarkgfm.markdown_to_html_with_extensions(
        markdown, options=Options.CMARK_OPT_UNSAFE, extensions=["table", "strikethrough", "autolink"])
    structure = Structure()
    structure.feed(html)
    structure.close()
    json.dump({"elements": sorted(structure.elements), "tables": structure.tables, "links": structure.links,
               "headings": structure.headings, "strikethrough": structure.strikethrough,
               "text": "".join(structure.text)}, sys.stdout, ensure_ascii=False, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
