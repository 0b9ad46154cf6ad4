"""Every statement shape the truth tests ask the server about, in one list."""

from .alter_column import ALTER_COLUMN_CASES
from .alter_constraint import ALTER_CONSTRAINT_CASES
from .alter_table import ALTER_TABLE_CASES
from .alter_type import ALTER_TYPE_CASES
from .case import Case
from .domains_and_partitions import DOMAINS_AND_PARTITIONS_CASES
from .maintenance_and_dml import MAINTENANCE_AND_DML_CASES
from .other_ddl import OTHER_DDL_CASES
from .server_facts import SERVER_FACT_CASES
from .tables_and_indexes import TABLES_AND_INDEXES_CASES
from .type_changes_in_place import TYPE_CHANGES_IN_PLACE
from .untyped_statements import UNTYPED_STATEMENT_CASES

ALL_CASES = (ALTER_COLUMN_CASES + ALTER_TYPE_CASES + ALTER_CONSTRAINT_CASES + ALTER_TABLE_CASES
             + TABLES_AND_INDEXES_CASES + OTHER_DDL_CASES + MAINTENANCE_AND_DML_CASES
             + TYPE_CHANGES_IN_PLACE + SERVER_FACT_CASES + DOMAINS_AND_PARTITIONS_CASES + UNTYPED_STATEMENT_CASES)

__all__ = ["ALL_CASES", "Case"]
