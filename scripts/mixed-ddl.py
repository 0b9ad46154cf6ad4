#!/usr/bin/env python3
"""Mixed DDL up to a number of bytes, for the memory figures of bench.sh: tables, columns,
indexes, constraints, data changes, renames, drops and comments, in one file (one transaction)."""
import sys

TEMPLATES = [
    "CREATE TABLE t{i} (id bigint PRIMARY KEY, name text NOT NULL, created timestamptz DEFAULT now());\n",
    "ALTER TABLE t{j} ADD COLUMN c{i} integer;\n",
    "CREATE INDEX i{i} ON t{j} (name);\n",
    "ALTER TABLE t{j} ADD CONSTRAINT k{i} CHECK (id > 0);\n",
    "-- a comment about change {i}\nUPDATE t{j} SET name = 'x{i}' WHERE id = {i};\n",
    "ALTER TABLE t{j} ALTER COLUMN name SET NOT NULL;\n",
    "CREATE INDEX CONCURRENTLY ci{i} ON t{j} (created);\n",
    "ALTER TABLE t{j} RENAME COLUMN c{i} TO d{i};\n",
    "DROP INDEX IF EXISTS i{i};\n",
    "COMMENT ON TABLE t{j} IS 'table {i}';\n",
]


def main():
    limit = int(sys.argv[1])
    size, index, out = 0, 0, []
    while True:
        statement = TEMPLATES[index % len(TEMPLATES)].format(i=index, j=index // 10)
        if size + len(statement) > limit:
            break
        out.append(statement)
        size += len(statement)
        index += 1
    sys.stdout.write(''.join(out))


if __name__ == '__main__':
    main()
