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
** shows when it has nothing better to say. */
#define RP_STATUS_LIST(X)                                                   \
	X(RP_OK, "success")                                                 \
	X(RP_EINVAL, "invalid input")                                       \
	X(RP_ENOTFOUND, "not found")                                        \
	X(RP_EAMBIGUOUS, "ambiguous")                                       \
	X(RP_EEXIST, "already exists")                                      \
	X(RP_ENOTDB, "not a rapport database")                              \
	X(RP_ECORRUPT, "database is corrupt")                               \
	X(RP_ENEWER, "database is from a newer rapport")                    \
	X(RP_EBUSY, "database is locked")                                   \
	X(RP_EREADONLY, "database is read-only")                            \
	X(RP_EIO, "input/output error")                                     \
	X(RP_ENOMEM, "out of memory")

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
