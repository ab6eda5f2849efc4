/* table.c: rows of cells for people and for scripts alike. */
#include <stdio.h>

#include "cli.h"
#include "rapport/i18n.h"
#include "width.h"

void
cli_print_table(char *const *cells, size_t nrows, int ncols, bool aligned,
		const char *const *heading)
{
	int widths[CLI_TABLE_COLS_MAX] = {0};
	const char *head[CLI_TABLE_COLS_MAX];

	if (ncols > CLI_TABLE_COLS_MAX)
		ncols = CLI_TABLE_COLS_MAX;
	/* The headings come marked N_(): shown in the user's language. */
	for (int k = 0; aligned && k < ncols; k++)
		head[k] = _(heading[k]);
	if (aligned) {
		for (int k = 0; k < ncols; k++)
			widths[k] = width_str(head[k]);
		for (size_t i = 0; i < nrows; i++)
			for (int k = 0; k < ncols; k++)
				if (width_str(cells[i * ncols + k]) > widths[k])
					widths[k] = width_str(cells[i * ncols + k]);
		for (int k = 0; k < ncols; k++)
			printf("%s%*s", head[k],
			       k + 1 < ncols ? widths[k] - width_str(head[k]) + 2 : 0, "");
		putchar('\n');
	}
	for (size_t i = 0; i < nrows; i++) {
		for (int k = 0; k < ncols; k++) {
			const char *cell = cells[i * ncols + k];

			fputs(cell, stdout);
			if (k + 1 == ncols)
				break;
			if (aligned)
				printf("%*s", widths[k] - width_str(cell) + 2, "");
			else
				putchar('\t');
		}
		putchar('\n');
	}
}
