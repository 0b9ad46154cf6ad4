#!/bin/bash
# Measures patchgate's cost-model rates on a throwaway PostgreSQL 15 cluster.
set -euo pipefail
BIN=/usr/lib/postgresql/15/bin
DIR=$(mktemp -d)
chown postgres "$DIR" 2>/dev/null || true
run() { if [ "$(id -u)" = 0 ]; then su postgres -c "$*"; else bash -c "$*"; fi; }
run "$BIN/initdb -D $DIR/data -A trust -U postgres" >/dev/null
run "$BIN/pg_ctl -D $DIR/data -o '-k $DIR -c listen_addresses= -c shared_buffers=256MB -c maintenance_work_mem=256MB' -l $DIR/log start" >/dev/null
trap 'run "$BIN/pg_ctl -D $DIR/data stop -m immediate" >/dev/null; rm -rf $DIR' EXIT
P="psql -h $DIR -U postgres -qAt -d postgres"
$P -c "create table t (id bigint primary key, a int, b text, c timestamptz default now()); insert into t select g, g % 1000, md5(g::text) || md5((g*7)::text), now() from generate_series(1, ${ROWS:-3000000}) g;"; $P -c "vacuum analyze t"
size() { $P -c "select pg_relation_size('t') + coalesce(pg_total_relation_size(reltoastrelid),0) from pg_class where relname='t'"; }
idx() { $P -c "select pg_indexes_size('t')"; }
timeit() { local s=$(date +%s.%N); $P -c "$1" >/dev/null; local e=$(date +%s.%N); echo "$e - $s" | bc; }
H=$(size); I=$(idx)
echo "heap+toast bytes: $H  index bytes: $I"
echo "scan (ADD CHECK validated): $(timeit "alter table t add constraint ck check (a >= 0)")"
echo "index build (CREATE INDEX on a): $(timeit "create index t_a on t (a)")"
I=$(idx); echo "index bytes now: $I"
echo "rewrite (VACUUM FULL, heap + 2 indexes): $(timeit "vacuum full t")"
echo "rewrite (ALTER TYPE bigint, heap + 2 indexes): $(timeit "alter table t alter column a type bigint")"
echo "update whole table: $(timeit "update t set a = a + 1")"
echo "catalog-only (ADD COLUMN nullable): $(timeit "alter table t add column d int")"
