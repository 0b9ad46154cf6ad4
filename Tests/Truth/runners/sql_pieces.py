"""Cutting SQL text into statements the way a statement-by-statement runner does (Flyway,
Liquibase, Atlas, Prisma after #5767): at a ';' outside quotes, dollar quotes and comments.
Written for the runner fixtures, not a general SQL lexer: enough to keep a $$ body whole."""

import re

DOLLAR_TAG = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)?\$")


def statements(sql):
    """The statements of `sql`, each without its ';', leaving out pieces that hold only
    whitespace and comments (PostgreSQL does not count those either)."""
    pieces, start, i, n = [], 0, 0, len(sql)
    while i < n:
        c = sql[i]
        if sql.startswith("--", i):
            end = sql.find("\n", i)
            i = n if end < 0 else end + 1
        elif sql.startswith("/*", i):
            i = _block_comment_end(sql, i)
        elif c == "'" or c == '"':
            i = _quote_end(sql, i, c)
        elif c == "$" and (m := DOLLAR_TAG.match(sql, i)) and not _in_word(sql, i):
            end = sql.find(m.group(0), m.end())
            i = n if end < 0 else end + len(m.group(0))
        elif c == ";":
            pieces.append(sql[start:i])
            start = i = i + 1
        else:
            i += 1
    pieces.append(sql[start:])
    return [piece.strip() for piece in pieces if has_code(piece)]


def has_code(text):
    """True when something other than whitespace and comments is left."""
    stripped = re.sub(r"--[^\n]*", "", text)
    stripped = re.sub(r"/\*.*?\*/", "", stripped, flags=re.S)
    return stripped.strip() != ""


def _in_word(sql, i):
    return i > 0 and (sql[i - 1].isalnum() or sql[i - 1] == "_")


def _quote_end(sql, i, quote):
    i += 1
    while i < len(sql):
        if sql[i] == quote:
            if sql.startswith(quote * 2, i):
                i += 2
                continue
            return i + 1
        i += 1
    return len(sql)


def _block_comment_end(sql, i):
    depth, i = 1, i + 2
    while i < len(sql) and depth:
        if sql.startswith("/*", i):
            depth, i = depth + 1, i + 2
        elif sql.startswith("*/", i):
            depth, i = depth - 1, i + 2
        else:
            i += 1
    return i
