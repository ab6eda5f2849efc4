/* field.c: see field.h. */
#include "field.h"

#include <string.h>

#include "rapport/i18n.h"
#include "rapport/text.h"

enum rp_status
field_check(const char *s, const char *what, size_t max_chars, rp_error *err)
{
	size_t len = strlen(s), chars;

	/* what is marked N_() where it is named ("client name"): said here
	** in the user's language. */
	what = _(what);
	if (!text_utf8_valid(s, len))
		return rp_fail(err, RP_EINVAL, _("%s is not valid UTF-8"), what);
	if (text_has_control(s))
		return rp_fail(err, RP_EINVAL, _("%s contains control characters"), what);
	if (!text_visible(s))
		return rp_fail(err, RP_EINVAL, _("%s is empty"), what);
	chars = text_length(s);
	if (chars > max_chars)
		return rp_fail(err, RP_EINVAL, _("%s is too long (%zu characters, at most %zu)"), what,
			       chars, max_chars);
	return RP_OK;
}
