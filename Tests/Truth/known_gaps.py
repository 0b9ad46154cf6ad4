"""The one list of truth cases where patchgate is known to disagree with the server.

Strict: a listed case must still show exactly the listed mismatches. A gap that starts
passing, or that shows a mismatch the entry does not list, fails the suite until this list
is corrected. Each entry says why the gap is left open and what the server showed.
"""

from dataclasses import dataclass
from typing import Tuple


@dataclass(frozen=True)
class KnownGap:
    # Every mismatch line compare.mismatches reports for the case, exactly.
    mismatches: Tuple[str, ...]
    # Why patchgate does not predict it yet.
    reason: str
    # What PostgreSQL 15 showed (observed.json), and where its source or docs say so.
    evidence: str


KNOWN_GAPS = {
    "alter-attach-partition-implied-by-check": KnownGap(
        mismatches=("scans: server [], patchgate ['public.events_2025']",),
        reason="Proving that a CHECK implies the partition bounds takes PostgreSQL's "
               "predicate_implied_by over the bound expressions, which patchgate does not "
               "model; it predicts the scan, the costlier side, so a patch is never passed "
               "on this gap.",
        evidence="observed.json: DEBUG1 'partition constraint for table \"events_2025\" is "
                 "implied by existing constraints' and no 'verifying table'; "
                 "https://www.postgresql.org/docs/15/sql-altertable.html (ATTACH PARTITION: "
                 "a valid CHECK constraint that implies the partition constraint skips the "
                 "scan); PartConstraintImpliedByRelConstraint in "
                 "src/backend/commands/tablecmds.c."),
}
