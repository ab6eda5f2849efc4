/* fuzz_date.c: libFuzzer target for date_parse_due.
**
** The first two bytes pick "today" among ten years of days, so weekday and
** month-end arithmetic are exercised too; the rest is the text after '^'.
** A parsed date must be a real day, and an error message must be safe to
** show: valid UTF-8 without control characters.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rapport/date.h"
#include "rapport/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	rp_date today = { 2026, 3, 13 }, out;
	rp_error err;
	char *text;

	if (size >= 2) {
		today = date_add_days(today, (data[0] << 8 | data[1]) % 3650);
		data += 2;
		size -= 2;
	}
	text = malloc(size + 1);
	if (text == NULL)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';

	rp_error_clear(&err);
	if (date_parse_due(text, today, &out, &err) == RP_OK) {
		if (!date_valid(out.year, out.month, out.day))
			abort();
	} else if (err.status != RP_EINVAL || err.msg[0] == '\0' ||
		   !text_utf8_valid(err.msg, strlen(err.msg)) || text_has_control(err.msg)) {
		abort();
	}
	free(text);
	return 0;
}
