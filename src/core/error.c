/* error.c: status descriptions and filling an rp_error. */
#include "rapport/error.h"

#include <stdio.h>

#include "rapport/i18n.h"

/* The descriptions, marked N_() in error.h, translated as they are given. */
static const char *const status_text[] = {
#define RP_STATUS_TEXT(name, text) [name] = text,
	RP_STATUS_LIST(RP_STATUS_TEXT)
#undef RP_STATUS_TEXT
};

const char *
rp_status_text(enum rp_status status)
{
	if ((unsigned)status >= sizeof status_text / sizeof status_text[0])
		return _("unknown error");
	return _(status_text[status]);
}

enum rp_status
rp_fail(rp_error *err, enum rp_status status, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return status;
	err->status = status;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
	return status;
}

void
rp_error_clear(rp_error *err)
{
	if (err == NULL)
		return;
	err->status = RP_OK;
	err->msg[0] = '\0';
}
