/* error.h: how the core reports failure.
**
** The core never prints and never exits.  A function that can fail takes an
** `rp_error *` (which may be NULL when the caller does not care) and returns
** an rp_status.  The message is written into the caller's struct, so nobody
** frees anything.
*/
#ifndef RAPPORT_ERROR_H
#define RAPPORT_ERROR_H

#include <stdarg.h>

/* X-macro: status, short description.  The description is what a caller
** shows when it has nothing better to say; N_() marks it for the catalogue
** (i18n.h, where only error.c expands it). */
#define RP_STATUS_LIST(X)                                                   \
	X(RP_OK, N_("success"))                                             \
	X(RP_EINVAL, N_("invalid input"))                                   \
	X(RP_ENOTFOUND, N_("not found"))                                    \
	X(RP_EAMBIGUOUS, N_("ambiguous"))                                   \
	X(RP_EEXIST, N_("already exists"))                                  \
	X(RP_ENOTDB, N_("not a rapport database"))                          \
	X(RP_ECORRUPT, N_("database is corrupt"))                           \
	X(RP_ENEWER, N_("database is from a newer rapport"))                \
	X(RP_EBUSY, N_("database is locked"))                               \
	X(RP_EREADONLY, N_("database is read-only"))                        \
	X(RP_EIO, N_("input/output error"))                                 \
	X(RP_ENOMEM, N_("out of memory"))

enum rp_status {
#define RP_STATUS_ENUM(name, text) name,
	RP_STATUS_LIST(RP_STATUS_ENUM)
#undef RP_STATUS_ENUM
};

typedef struct rp_error {
	enum rp_status status;  /* RP_OK until something fails */
	char msg[1024];         /* one line, no trailing newline */
} rp_error;

/* The short description of a status; never NULL. */
const char *rp_status_text(enum rp_status status);

/* Record a failure in err (if not NULL) and return status.  The message is
** printf-formatted and truncated to fit. */
enum rp_status rp_fail(rp_error *err, enum rp_status status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Reset err to RP_OK with an empty message. */
void rp_error_clear(rp_error *err);

#endif
