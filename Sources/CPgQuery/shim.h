// The one C header patchgate sees: libpg_query from Debian's libpg-query-dev.
#include <pg_query.h>
