/* search_sql.c: print the SQL of rapport search, so bench/search.sh can run
** the very same query in the sqlite3 shell. */
#include <stdio.h>

#include "rapport/search.h"

int
main(void)
{
	puts(search_sql(SEARCH_NEWEST));
	return 0;
}
