// The one C header patchgate sees: libpg_query from Debian's libpg-query-dev (and strlen, to
// copy the JSON text it returns).
#include <string.h>
#include <pg_query.h>
